"""A visitor searches the flexibilities database, filters, compares two parties, downloads CSV."""

import csv
import io
import re

import pytest

from flexibilities import demo
from flexibilities.exports import EXPORTED as COLUMNS
from flexibilities.models import Provision
from tests.browser.helpers import (
    assert_keyboard_focus_visible,
    assert_no_axe_violations,
    screenshot,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def sample_provisions(browser_db):
    """The demo's published sample provisions (164 of them, from 24 parties)."""
    demo.load()


def results_count(page) -> int:
    heading = page.get_by_role("heading", name=re.compile(r"provisions? found$")).inner_text()
    return int(heading.split()[0].replace(",", ""))


def test_a_visitor_searches_filters_and_downloads_the_results_as_csv(page, sample_provisions):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Flexibilities database"
    ).click()
    page.wait_for_url("**/flexibilities/")
    assert results_count(page) == Provision.objects.filter(is_published=True).count()
    assert_no_axe_violations(page)

    page.get_by_label("Search words").fill("compulsory licence")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/flexibilities/?q=compulsory+licence*")
    found = results_count(page)
    assert 0 < found < Provision.objects.count()
    first_result = page.locator("ol.results > li").first.inner_text().lower()
    assert "compulsory" in first_result or "licen" in first_result
    assert_no_axe_violations(page)
    assert_keyboard_focus_visible(page, tabs=15)
    screenshot(page, "flexibilities-search")

    # Filter on a party: only its provisions are left, and the search words are kept.
    india = page.get_by_role("group", name="Party").get_by_label(re.compile(r"^India \(\d+\)"))
    india_count = int(re.search(r"\((\d+)\)", india.locator("..").inner_text()).group(1))
    india.check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**party=IN*")
    assert results_count(page) == india_count < found
    assert page.get_by_label("Search words").input_value() == "compulsory licence"
    metas = page.locator("ol.results .result-meta").all_inner_texts()
    assert metas and all(meta.startswith("India") for meta in metas)
    assert_no_axe_violations(page)

    # The download holds exactly the filtered results, in the import format.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig", newline="") as downloaded:
        rows = list(csv.reader(io.StringIO(downloaded.read())))
    assert tuple(rows[0]) == tuple(COLUMNS)
    assert len(rows) - 1 == india_count
    assert {row[COLUMNS.index("party")] for row in rows[1:]} == {"IN"}


def test_a_visitor_compares_two_parties(page, sample_provisions):
    page.goto("/flexibilities/")
    page.get_by_role("navigation", name="Flexibilities database").get_by_role(
        "link", name="Compare"
    ).click()
    page.wait_for_url("**/flexibilities/compare/")
    assert_no_axe_violations(page)

    # No Ctrl-click: find a party by name, tick it; open a bureau's group and tick another.
    page.get_by_label("Find a party").fill("Ken")
    page.get_by_role("button", name="Show matching parties").click()
    page.get_by_label("Kenya").check()
    page.get_by_label("Find a party").fill("")
    page.get_by_role("button", name="Show matching parties").click()  # Kenya stays ticked
    page.get_by_text("Latin America and the Caribbean (").click()
    page.get_by_label("Chile", exact=True).check()
    page.get_by_role("button", name="Compare", exact=True).click()
    page.wait_for_url("**/flexibilities/compare/?*parties=*")

    table = page.get_by_role("table", name="Provisions by party (rows) and flexibility (columns)")
    rows = table.locator("tbody th").all_inner_texts()
    assert sorted(rows) == ["Chile", "Kenya"]
    # Each party's row adds up to its published provisions in the database.
    for number, name in enumerate(rows, start=1):
        cells = table.locator(f"tbody tr:nth-child({number}) td").all_inner_texts()
        counted = sum(int(m.group(1)) for c in cells if (m := re.match(r"(\d+) provisions?", c)))
        code = {"Chile": "CL", "Kenya": "KE"}[name]
        expected = Provision.objects.filter(party__code=code, is_published=True).count()
        assert counted == expected > 0, f"{name}: {counted} in the table, {expected} published"
    assert_no_axe_violations(page)

    # The same comparison is a link to share: the query string alone gives the same table.
    page.goto("/flexibilities/compare/?parties=KE,CL")
    assert sorted(table.locator("tbody th").all_inner_texts()) == ["Chile", "Kenya"]


def test_the_api_explorer_runs_under_the_content_security_policy(page, sample_provisions):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto("/api/explorer/")
    page.get_by_text("/api/provisions/", exact=True).first.wait_for()
    assert violations == []


def test_at_390_px_the_results_come_before_the_filters_one_link_away(page, sample_provisions):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/flexibilities/?q=licence")
    results = page.locator("ol.results").bounding_box()
    filters = page.locator(".flex-facets").bounding_box()
    assert results["y"] < filters["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="Filters", exact=True).click()
    assert page.url.endswith("#filters-title")
    assert page.locator("#filters-title").is_visible()
    assert_no_axe_violations(page)
