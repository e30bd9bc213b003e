"""An official signs in: with the keyboard only, and after a mistake, guided by the errors."""

import pytest

from tests.browser.helpers import (
    assert_keyboard_focus_visible,
    assert_no_axe_violations,
    fill_form_by_keyboard,
    focused_element,
    sign_in,
)
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_a_focal_point_signs_in_with_the_keyboard_only(page, live_server, ke_focal):
    page.goto("/")
    page.get_by_role("link", name="Sign in").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/login/")
    assert_no_axe_violations(page)
    assert_keyboard_focus_visible(page, tabs=15)

    fill_form_by_keyboard(page, {"Username": "ke-focal", "Password": PASSWORD})
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url == f"{live_server.url}/"
    assert page.locator("summary", has_text="Account (ke-focal)").is_visible()
    assert_no_axe_violations(page)


def test_a_wrong_password_puts_focus_on_the_error_summary(page, ke_focal):
    page.goto("/accounts/login/")
    fill_form_by_keyboard(page, {"Username": "ke-focal", "Password": "not-the-password"})
    with page.expect_navigation():
        page.keyboard.press("Enter")

    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    assert summary.get_attribute("role") == "alert"
    assert "correct username and password" in summary.inner_text()
    assert page.get_by_role("button", name="Sign out (ke-focal)").count() == 0
    assert_no_axe_violations(page)


def test_each_error_in_the_summary_links_to_its_field(page):
    page.goto("/accounts/login/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    links = page.locator("#error-summary a")
    assert links.count() == 2
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        "#id_username",
        "#id_password",
    ]
    # Following a link with the keyboard lands in the field, ready to type.
    links.first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "id_username"
    assert focused_element(page)["outline"]
    # The error beside the field is what a screen reader announces on arrival.
    field = page.locator("#id_username")
    assert field.get_attribute("aria-invalid") == "true"
    described_by = field.get_attribute("aria-describedby").split()
    assert "id_username_error" in described_by
    assert page.locator("#id_username_error").inner_text() == "This field is required."
    assert_no_axe_violations(page)


def test_the_sign_in_helper_signs_in_a_member_of_the_cast(page, cl_official):
    sign_in(page, "cl-official", PASSWORD)
    assert page.locator("summary", has_text="Account (cl-official)").is_visible()
