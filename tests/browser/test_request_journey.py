"""A request from the party's side: an official drafts it, the focal point submits and rates it.

The submission is done with the keyboard only; the staff's part (tests/browser/test_admin_triage)
is reached here through the real workflow service.
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from requests.models import AssistanceRequest, Feedback, Status
from tests.browser.helpers import (
    assert_keyboard_focus_visible,
    assert_no_axe_violations,
    fill_form_by_keyboard,
    focused_element,
    screenshot,
    sign_in,
    tab_until,
)
from tests.conftest import PASSWORD
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.browser


def active_id(page) -> str:
    return page.evaluate("() => document.activeElement.id")


def test_an_official_drafts_a_request_and_the_error_summary_leads_to_each_missing_answer(
    page, ke_official
):
    sign_in(page, "ke-official", PASSWORD)
    page.goto("/requests/new/")
    assert page.get_by_role("heading", level=1).inner_text() == "Request assistance"
    assert_no_axe_violations(page)

    # The kind first; the next page asks only its questions.
    page.get_by_label("Legislative advice").check()
    with page.expect_navigation():  # the next page, not the one clicked on
        page.get_by_role("button", name="Continue").click()
    assert page.locator("#id_policy_format_0").count() == 0
    assert_no_axe_violations(page)
    page.locator("#id_title").fill("Comments on the draft Patents (Amendment) Bill")
    with page.expect_navigation():  # the next page, not the one clicked on
        page.get_by_role("button", name="Save draft").click()

    # Nothing saved; the summary has focus and names each missing answer with a link to it.
    assert AssistanceRequest.objects.count() == 0
    assert active_id(page) == "error-summary"
    links = page.locator("#error-summary a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs == ["#id_purpose_0", "#id_description", "#id_legal_areas_0"]
    for href in hrefs:
        assert page.locator(href).count() == 1, f"the summary links to {href}, which is missing"
    assert "Say what the legislative advice is for." in links.first.inner_text()
    assert_no_axe_violations(page)

    # Keyboard: Tab from the focused summary reaches its first link; Enter lands in the field.
    page.keyboard.press("Tab")
    assert focused_element(page)["element"].startswith('a "Purpose')
    page.keyboard.press("Enter")
    assert active_id(page) == "id_purpose_0"
    assert focused_element(page)["outline"]
    purpose = page.get_by_role("group", name=re.compile("^Purpose"))
    assert "id_purpose_error" in purpose.get_attribute("aria-describedby")
    # What was typed survives the round trip.
    assert page.locator("#id_title").input_value().startswith("Comments on the draft")

    page.get_by_label("Drafting of a new law or regulation").check()
    page.get_by_label("Patents", exact=True).check()
    page.get_by_label("Copyright", exact=True).check()
    page.get_by_label("Description").fill("Written comments on the bill before Parliament.")
    wished_by = timezone.localdate() + datetime.timedelta(days=120)
    page.get_by_label("Time frame wished").fill(wished_by.isoformat())
    with page.expect_navigation():  # the next page, not the one clicked on
        page.get_by_role("button", name="Save draft").click()

    saved = AssistanceRequest.objects.get()
    assert (saved.status, saved.kind, saved.purpose) == (Status.DRAFT, "legislative", "draft")
    assert sorted(saved.legal_areas) == ["copyright", "patents"]
    assert saved.wished_by == wished_by
    # (The browser keeps the #fragment of the summary link across the redirect.)
    assert urlsplit(page.url).path == f"/requests/{saved.reference}/"
    assert f"Draft {saved.reference} saved." in page.locator("main").inner_text()
    assert page.get_by_role("heading", level=1).inner_text().startswith(saved.reference)
    assert "mark it ready: your party's focal point" in page.locator("main").inner_text()
    assert_no_axe_violations(page)


def test_the_focal_point_checks_the_answers_and_submits_with_the_keyboard_only(
    page, ke_official, ke_focal
):
    assistance_request = draft(ke_official, title="Draft copyright law")
    page.goto("/accounts/login/")
    fill_form_by_keyboard(page, {"Username": "ke-focal", "Password": PASSWORD})
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # From the home page to the request: Tab and Enter only, no mouse click anywhere.
    tab_until(page, page.get_by_role("link", name="Requests of Kenya"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_no_axe_violations(page)
    tab_until(page, page.get_by_role("link", name=assistance_request.reference))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_no_axe_violations(page)
    tab_until(page, page.get_by_role("link", name="Check the answers and submit"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.get_by_role("heading", level=1).inner_text() == (
        "Check your answers before submitting"
    )
    answers = page.locator("dl.details").inner_text()
    assert "Draft copyright law" in answers and "Legislative advice" in answers
    assert_no_axe_violations(page)
    assert_keyboard_focus_visible(page, tabs=25)

    tab_until(page, page.get_by_role("button", name="Submit the request"))
    with page.expect_navigation():
        page.keyboard.press("Space")

    assistance_request.refresh_from_db()
    assert assistance_request.status == Status.SUBMITTED
    assert assistance_request.submitted_by == ke_focal
    # The confirmation: the reference, what happens next and by when.
    assert page.url.endswith(f"/requests/{assistance_request.reference}/submitted/")
    assert page.get_by_role("heading", level=1).inner_text() == "Request submitted"
    assert assistance_request.reference in page.locator(".confirmation").inner_text()
    assert "at the latest" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Follow the request").click()
    page.wait_for_url(f"**/requests/{assistance_request.reference}/")
    assert page.get_by_role("link", name="Check the answers and submit").count() == 0


def test_after_delivery_the_focal_point_rates_the_assistance(page, ke_official, ke_focal, triage):
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    delivered = move(
        submitted,
        Status.ACKNOWLEDGED,
        Status.UNDER_REVIEW,
        Status.ACCEPTED,
        Status.IN_PROGRESS,
        Status.DELIVERED,
        actor=triage,
    )
    sign_in(page, "ke-focal", PASSWORD)
    page.goto(f"/requests/{delivered.reference}/")
    main = page.locator("main")
    assert "Delivered" in main.locator("p").first.inner_text()
    assert main.get_by_role("link", name="comments.pdf").is_visible()
    assert_no_axe_violations(page)
    screenshot(page, "request")

    page.get_by_role("link", name="Rate the assistance").click()
    page.wait_for_url(f"**/requests/{delivered.reference}/feedback/")
    assert_no_axe_violations(page)
    # Sending nothing: the summary links to the first choice of each question.
    with page.expect_navigation():  # the next page, not the one clicked on
        page.get_by_role("button", name="Send the rating").click()
    assert active_id(page) == "error-summary"
    hrefs = page.locator("#error-summary a").evaluate_all("links => links.map(a => a.hash)")
    assert hrefs == ["#id_relevance_0", "#id_timeliness_0", "#id_quality_0"]
    assert_no_axe_violations(page)

    for question, score in (("Relevance", "4"), ("Timeliness", "5"), ("Quality", "3")):
        group = page.get_by_role("group", name=re.compile(f"^{question}"))
        group.get_by_label(score, exact=True).check()
    page.get_by_label("Comment").fill("Clear and on time.")
    page.get_by_role("button", name="Send the rating").click()
    page.wait_for_url(f"**/requests/{delivered.reference}/")

    feedback = Feedback.objects.get(assistance_request=delivered)
    assert (feedback.relevance, feedback.timeliness, feedback.quality) == (4, 5, 3)
    assert "Relevance 4/5, timeliness 5/5, quality 3/5." in main.inner_text()
    assert page.get_by_role("link", name="Rate the assistance").count() == 0
    assert_no_axe_violations(page)
