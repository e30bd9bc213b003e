"""The main pages in each translated language: translated, in the right direction, accessible.

With SCREENSHOTS=1 (`make screenshots`) each page is saved as docs/screenshots/<page>-<lang>.png
so that a reviewer can check the layout of every language by eye.
"""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from requests.models import Status
from requests.review import services as review_services
from tests.browser.helpers import (
    assert_no_axe_violations,
    screenshot,
    sign_in_staff,
    switch_language,
)
from tests.conftest import PASSWORD
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.browser

LANGUAGES = ["fr", "es", "ar", "zh-hans", "ru"]


def check(page, code: str, name: str) -> None:
    """The page is in the language, reads in its direction, passes axe; then its screenshot."""
    html = page.locator("html")
    assert html.get_attribute("lang") == code, f"{name} is not in {code}"
    assert html.get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    assert_no_axe_violations(page)
    screenshot(page, f"{name}-{code}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_request_search_and_review_in_each_language(page, code, ke_official, ke_focal, triage):
    year = timezone.localdate().year
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    accepted = move(submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, actor=triage)
    report = review_services.request_report(year, actor=triage)
    review_services.build_report(report.pk)  # without a worker; harmless if already built
    with translation.override(code):
        search_heading = translation.gettext("Flexibilities database")
        review_heading = translation.gettext("Yearly review %(year)s") % {"year": year}
    sign_in_staff(page, triage, PASSWORD)

    page.goto("/")
    switch_language(page, code)
    check(page, code, "home")

    page.goto(accepted.get_absolute_url())
    reference, title = page.locator("h1 bdi").all()
    assert reference.inner_text() == accepted.reference
    # Isolated, reference and title keep their order in the reading direction: in Arabic the
    # reference comes first from the right, and the colon stays between them.
    reference_x, title_x = reference.bounding_box()["x"], title.bounding_box()["x"]
    assert reference_x > title_x if code == "ar" else reference_x < title_x
    check(page, code, "request")

    page.goto(reverse("flexibilities:search"))
    assert page.get_by_role("heading", level=1).inner_text().strip() == search_heading
    check(page, code, "flexibilities-search")

    page.goto(reverse("review:year", args=[year]))
    assert page.get_by_role("heading", level=1).inner_text().strip() == review_heading
    charts = page.locator("svg.review-chart")
    if charts.count():  # the number line of a chart stays left to right in Arabic too
        assert charts.first.evaluate("el => getComputedStyle(el).direction") == "ltr"
    check(page, code, "review")
