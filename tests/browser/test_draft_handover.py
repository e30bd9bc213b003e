"""The draft hand-over in a real browser: an official marks a draft ready, the focal point finds
it first on the home page, sends it back with a comment, then submits it; phone and desktop
screenshots of the request list, a request page and the compare page."""

import pytest

from flexibilities import demo as flexibilities_demo
from requests.models import AssistanceRequest, Status
from tests.browser.helpers import PHONE, VIEWPORT, assert_no_axe_violations, screenshot, sign_in
from tests.conftest import PASSWORD
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.browser


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_an_official_hands_a_draft_to_the_focal_point_who_sends_it_back_then_submits_it(
    page, ke_official, ke_focal, triage
):
    assistance_request = draft(ke_official, title="Draft copyright law")
    sign_in(page, "ke-official", PASSWORD)
    page.goto(assistance_request.get_absolute_url())
    assert page.locator('.tracker [aria-current="step"]').inner_text().strip().endswith("Draft")
    page.get_by_role("button", name="Mark ready for the focal point").click()
    page.wait_for_load_state()
    assert "The draft is with your focal point" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Edit the draft").count() == 0  # now the focal point's
    assert_no_axe_violations(page)

    page.context.clear_cookies()
    sign_in(page, "ke-focal", PASSWORD)
    page.goto("/")
    waiting = page.get_by_role("region", name="1 draft waiting for you")
    assert waiting.is_visible()
    assert_no_axe_violations(page)
    waiting.get_by_role("link", name="Draft copyright law").click()
    page.wait_for_url(f"**{assistance_request.get_absolute_url()}")
    assert "Handed to the focal point" in page.locator("main").inner_text()

    page.get_by_role("link", name="Send it back with a comment").click()
    page.get_by_role("button", name="Send back with this comment").click()
    page.wait_for_load_state()
    assert page.locator("#error-summary").is_visible()
    assert_no_axe_violations(page)
    page.get_by_label("What should change").fill("Name the ministry that will lead the work.")
    page.get_by_role("button", name="Send back with this comment").click()
    page.wait_for_url(f"**{assistance_request.get_absolute_url()}")
    assert AssistanceRequest.objects.get(pk=assistance_request.pk).status == Status.DRAFT
    assert "Name the ministry" in page.locator("main").inner_text()

    move(assistance_request, Status.READY, actor=ke_official)  # the official tries again
    page.goto(assistance_request.get_absolute_url())
    page.get_by_role("link", name="Check the answers and submit").click()
    page.get_by_role("button", name="Submit the request").click()
    page.wait_for_url("**/submitted/")
    assert page.get_by_role("heading", level=1).inner_text() == "Request submitted"
    assert_no_axe_violations(page)

    # The list and the request page at 390 px: status and time frame visible, nothing sideways.
    for number in range(3):
        move(
            draft(ke_official, title=f"Earlier request {number}"), Status.SUBMITTED, actor=ke_focal
        )
    page.set_viewport_size(PHONE)
    page.goto("/requests/")
    row = page.locator("tbody tr").first
    assert row.locator('td[data-label="Status"]').is_visible()
    assert row.locator('td[data-label="Time frame"]').is_visible()
    assert no_horizontal_scroll(page)
    assert_no_axe_violations(page)
    screenshot(page, "request-list-390", PHONE)
    screenshot(page, "request-list-1280", VIEWPORT)

    page.set_viewport_size(PHONE)
    page.goto(assistance_request.get_absolute_url())
    header_height = page.locator(".site-header").bounding_box()["height"]
    assert header_height < PHONE["height"] / 4, f"the header takes {header_height}px"
    assert no_horizontal_scroll(page)
    assert_no_axe_violations(page)
    screenshot(page, "request-page-390", PHONE)
    screenshot(page, "request-page-1280", VIEWPORT)


def test_the_compare_page_fits_a_phone_and_needs_no_keyboard_modifier(page):
    flexibilities_demo.load()
    page.set_viewport_size(PHONE)
    page.goto("/flexibilities/compare/?parties=KE,CL")
    # Phone users are told to hold no key they do not have: parties are ticked one by one.
    assert "Ctrl" not in page.locator("main").inner_text()
    assert page.locator('input[type="checkbox"][name="parties"]').count() > 0
    assert_no_axe_violations(page)
    screenshot(page, "compare-390", PHONE)
    screenshot(page, "compare-1280", VIEWPORT)
