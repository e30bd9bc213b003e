"""A full triage on the desk: open the queue, read the documents, ask for information, receive
it, accept, pause, resume, deliver; axe on every page.

Staff pass a second factor before any page. axe fails the test on what our templates render
(the queues and the case page, templates/admin/requests/); what Django's own admin chrome
triggers is reported as a warning, since we do not fork it.
"""

import datetime
import warnings

import pytest
from django.utils import timezone

from requests import services
from requests.models import AssistanceRequest, Document, Status, StatusChange
from requests.services.conversation import upload_document
from tests.browser.helpers import (
    assert_no_axe_violations,
    axe_violations,
    describe_axe_violations,
    screenshot,
    sign_in_staff,
)
from tests.conftest import PASSWORD
from tests.requests.conftest import PDF, draft, move, pdf

pytestmark = pytest.mark.browser

OUR_ADMIN_PARTS = ".desk-case, .desk-queues"


class DjangoAdminAxeWarning(UserWarning):
    """axe found a serious or critical problem in a part of Django's admin we do not own."""


def check_admin_page(page) -> None:
    """Fail on violations in our admin templates; report the rest of the page as a warning."""
    for part in OUR_ADMIN_PARTS.split(", "):
        if page.locator(part).count():
            assert_no_axe_violations(page, within=part)
    found = axe_violations(page)
    if found:
        warnings.warn(describe_axe_violations(page, found), DjangoAdminAxeWarning, stacklevel=2)


def act(page, section: str, button: str, done: str, **fields) -> None:
    """Fill one action's own form on the case page and press its own button."""
    form = page.locator("form", has=page.get_by_role("heading", name=section, exact=True))
    for label, value in fields.items():
        field = form.get_by_label(label, exact=True)
        if isinstance(value, dict):
            field.set_input_files(value)
        else:
            field.fill(value)
    with page.expect_navigation():
        form.get_by_role("button", name=button, exact=True).click()
    assert done in page.locator("ul.messagelist").inner_text()
    check_admin_page(page)


def test_the_triage_desk_takes_a_request_from_its_queue_to_delivery(
    page, ke_official, ke_focal, cl_official, cl_focal, triage
):
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    upload_document(submitted, pdf("draft-patent-law.pdf"), actor=ke_official)
    move(draft(cl_official, title="Implementing the Marrakesh Treaty"), Status.SUBMITTED,
         actor=cl_focal)  # fmt: skip
    sign_in_staff(page, triage, PASSWORD)

    # The front door: the triage desk's queue of unassigned requests, with its counts.
    page.goto("/admin/requests/assistancerequest/")
    assert page.get_by_role("heading", name="Queue: Unassigned").is_visible()
    assert page.locator(".desk-queues [aria-current=page]").inner_text().startswith("Unassigned")
    check_admin_page(page)
    screenshot(page, "admin-desk-queue")

    page.get_by_role("link", name=submitted.reference).click()
    page.wait_for_load_state()
    check_admin_page(page)
    act(page, "Move the request along", "Move", "The request has moved.")  # acknowledged
    page.get_by_label("Move the request to").select_option(label="Under review")
    act(page, "Move the request along", "Move", "The request has moved.")

    # Read the party's document through the portal's permission-checked view.
    with page.expect_download() as download:
        page.locator("section", has_text="Documents and deliverables").get_by_role(
            "link", name="Download draft-patent-law.pdf"
        ).click()
    assert download.value.suggested_filename == "draft-patent-law.pdf"

    question = {"Your question to the party:": "Which articles changed?"}
    act(page, "Ask the party for information", "Send the question", "Your question was sent",
        **question)  # fmt: skip
    # The party answers (on its own page); the request returns under review.
    services.send_information(
        AssistanceRequest.objects.get(pk=submitted.pk), actor=ke_official, body="Articles 4-9."
    )
    page.reload()
    assert "Articles 4-9." in page.locator(".desk-timeline").inner_text()

    due = timezone.localdate() + datetime.timedelta(days=45)
    page.get_by_label("Move the request to").select_option(label="Accepted")
    act(  # the reply composer has a time frame of its own: this is the move form's
        page,
        "Move the request along",
        "Move",
        "The request has moved.",
        **{"Agreed time frame:": due.isoformat()},
    )
    assert "due in 45 days" in page.locator(".desk-summary").inner_text()

    act(page, "Pause the work", "Pause", "The request is paused",
        **{"Reason for the pause:": "The ministry is being reorganised."})  # fmt: skip
    AssistanceRequest.objects.filter(pk=submitted.pk).update(
        waiting_since=timezone.now() - datetime.timedelta(days=4)
    )
    page.reload()
    act(page, "Resume", "Resume", "Work on the request has resumed.")
    page.get_by_label("Move the request to").select_option(label="In progress")
    act(page, "Move the request along", "Move", "The request has moved.")
    act(page, "Deliver", "Deliver", "The request is delivered.",
        **{"Deliverable:": {"name": "comments.pdf", "mimeType": "application/pdf",
                            "buffer": PDF}})  # fmt: skip
    screenshot(page, "admin-desk-case")

    submitted.refresh_from_db()
    assert submitted.status == Status.DELIVERED
    assert submitted.due_date == due + datetime.timedelta(days=4)
    assert submitted.paused_days == 4
    moves = StatusChange.objects.filter(assistance_request=submitted).order_by("pk")
    assert list(moves.values_list("to_status", flat=True)) == [
        Status.SUBMITTED, Status.ACKNOWLEDGED, Status.UNDER_REVIEW,
        Status.INFORMATION_REQUESTED, Status.UNDER_REVIEW, Status.ACCEPTED, Status.ON_HOLD,
        Status.ACCEPTED, Status.IN_PROGRESS, Status.DELIVERED,
    ]  # fmt: skip
    assert Document.objects.get(original_name="comments.pdf").uploaded_by == triage
