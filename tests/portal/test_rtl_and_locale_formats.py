"""Every language reads in its own direction and writes dates, numbers and lists its own way."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from portal.localisation import join_list
from tests.conftest import client_for
from tests.requests.conftest import draft

ROOT = Path(__file__).resolve().parents[2]
LOCAL_NAMES = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ar": "العربيّة",
    "zh-hans": "简体中文",
    "ru": "Русский",
}
# A physical side in CSS does not mirror in Arabic: margin-left, right:, float: left...
PHYSICAL_SIDE = re.compile(
    r"(?:margin|padding|border|inset)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
)


def render(source: str, **context) -> str:
    return Template("{% load bidi %}" + source).render(Context(context))


@pytest.mark.django_db
def test_the_language_switcher_offers_the_six_languages_by_their_own_names(client):
    page = client.get(reverse("home")).content.decode()
    offered = re.findall(r'<option value="([\w-]+)" lang="[\w-]+"[^>]*>([^<]+)</option>', page)
    assert dict(offered) == LOCAL_NAMES


@pytest.mark.django_db
def test_an_arabic_request_page_is_right_to_left_with_its_reference_isolated(ke_official):
    assistance_request = draft(ke_official, title="Draft patent law (2026)")
    page = client_for(ke_official).get(
        assistance_request.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar"
    )
    html = page.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    # Isolated, the closing bracket stays with the Latin title instead of jumping to its start.
    assert (
        f"<h1><bdi>{assistance_request.reference}</bdi>: <bdi>Draft patent law (2026)</bdi>" in html
    )


@pytest.mark.django_db
def test_the_admin_uses_djangos_right_to_left_layout_in_arabic(admin_client):
    html = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' in html
    assert "admin/css/rtl.css" in html


def test_the_stylesheets_use_logical_properties_only():
    sheets = [
        path
        for app in ("portal", "requests", "flexibilities", "enforcement")
        for path in (ROOT / app / "static").rglob("*.css")
    ]
    assert len(sheets) >= 3
    physical = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sheets
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if PHYSICAL_SIDE.search(line)
    ]
    assert physical == []


def test_charts_keep_their_number_line_left_to_right():
    css = (ROOT / "portal/static/portal/css/portal.css").read_text()
    assert ".review-chart, .chart svg { direction: ltr; }" in css


def test_a_bidi_value_is_escaped_and_isolated():
    assert render("{{ name|bdi }}", name="<Kenya>") == "<bdi>&lt;Kenya&gt;</bdi>"
    assert render("{{ name|bdi }}", name="") == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Kenya, Chile, and Peru"),
        ("fr", "Kenya, Chile et Peru"),
        ("es", "Kenya, Chile y Peru"),
        ("ar", "Kenya وChile وPeru"),
        ("zh-hans", "Kenya、Chile和Peru"),
        ("ru", "Kenya, Chile и Peru"),
    ],
)
def test_lists_are_joined_as_the_language_writes_them(language, expected):
    with translation.override(language):
        assert join_list(["Kenya", "Chile", "Peru"]) == expected
        isolated = render("{{ items|as_list }}", items=["Kenya", "Chile & co", "Peru"])
    assert isolated.count("<bdi>") == 3 and "Chile &amp; co" in isolated


@pytest.mark.parametrize(
    ("language", "short_date", "grouped"),
    [
        ("en", "5 Mar 2026", "1,234,567.25"),
        ("fr", "05/03/2026", "1\xa0234\xa0567,25"),
        ("ar", "05\u200f/03\u200f/2026", "1,234,567.25"),
        ("zh-hans", "2026年3月5日", "1,234,567.25"),
        ("ru", "05.03.2026", "1\xa0234\xa0567,25"),
    ],
)
def test_dates_and_grouped_numbers_follow_the_language(language, short_date, grouped):
    with translation.override(language):
        assert date_format(datetime.date(2026, 3, 5), "SHORT_DATE_FORMAT") == short_date
        assert render('{{ value|floatformat:"-2g" }}', value=Decimal("1234567.25")) == grouped
        # Years and identifiers are never grouped: the global switch stays off.
        assert render("{{ year }}", year=2026) == "2026"
