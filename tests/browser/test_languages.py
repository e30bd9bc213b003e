"""A visitor switches language with the header's switcher (a select and a button, no script)."""

import pytest
from django.utils import translation

from portal.models import Recommendation
from tests.browser.helpers import assert_no_axe_violations, switch_language

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("code", ["fr", "es"])
def test_switching_language_translates_the_interface_and_the_content(page, code):
    recommendation = Recommendation.objects.get(number=1)
    with translation.override(code):
        nav_label = translation.gettext("Development Agenda")
        short_title = recommendation.short_title
    assert nav_label != "Development Agenda", f"no {code} translation to check against"
    page.goto("/recommendations/")
    assert page.get_by_role("link", name="Development Agenda", exact=True).count() == 1

    switch_language(page, code)

    assert page.url.endswith("/recommendations/")
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.get_by_role("link", name=nav_label, exact=True).count() == 1
    assert page.get_by_role("link", name="Development Agenda", exact=True).count() == 0
    assert page.get_by_role("link", name=short_title, exact=True).is_visible()
    assert page.locator("#language-select").input_value() == code
    assert_no_axe_violations(page)

    # The choice is remembered: the next page is in the same language.
    page.get_by_role("link", name=short_title, exact=True).click()
    assert page.locator("html").get_attribute("lang") == code
    assert short_title in page.get_by_role("heading", level=1).inner_text()


def test_arabic_turns_the_page_right_to_left(page):
    page.goto("/")
    switch_language(page, "ar")

    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
    # Logical CSS properties: the brand sits on the right edge of the header in RTL.
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] > switcher["x"]
    assert_no_axe_violations(page)
