"""A report is approved as a document: the focal point sees exactly which version, approval
needs one and records it, and a new version after approval goes back to the focal point."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enforcement import events, services
from enforcement.models import ReportStatus, ReviewAction
from portal.models import Notification
from tests.conftest import client_for
from tests.enforcement.conftest import pdf_upload

pytestmark = pytest.mark.django_db


def review_url(report):
    return reverse("enforcement:report_review", args=[report.pk])


def upload_url(report):
    return reverse("enforcement:report_upload", args=[report.pk])


@pytest.fixture
def report_without_file(make_report, triage, th_focal):
    """Under national review with no document: sent before the rule, or by a migration."""
    report = make_report(ReportStatus.DRAFT, with_file=False)
    report.status = ReportStatus.UNDER_NATIONAL_REVIEW
    report.save(update_fields=["status"])
    return report


def test_the_focal_point_cannot_approve_a_report_without_its_document(
    report_without_file, th_focal
):
    with pytest.raises(ValidationError, match="no file"):
        services.review_report(report_without_file.pk, th_focal, ReviewAction.APPROVED)
    html = client_for(th_focal).get(report_without_file.get_absolute_url()).content.decode()
    assert "You cannot approve this report yet: its document is not attached." in html
    assert 'value="approved"' not in html and 'value="returned"' in html
    response = client_for(th_focal).post(review_url(report_without_file), {"action": "approved"})
    assert response.status_code == 400 and "no file" in response.content.decode()
    report_without_file.refresh_from_db()
    assert report_without_file.status == ReportStatus.UNDER_NATIONAL_REVIEW


def test_staff_cannot_send_a_draft_without_its_document(make_report, triage):
    report = make_report(ReportStatus.DRAFT)
    html = client_for(triage).get(report.get_absolute_url()).content.decode()
    assert 'value="sent_for_review"' not in html and "Add the report's document" in html
    with pytest.raises(ValidationError):
        services.review_report(report.pk, triage, ReviewAction.SENT_FOR_REVIEW)


def test_the_focal_point_reads_the_version_its_date_and_who_prepared_it_before_approving(
    make_report, th_focal, triage
):
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    version = report.versions.get()
    html = client_for(th_focal).get(report.get_absolute_url()).content.decode()
    assert "Version 1 of" in html and "prepared by <bdi>triage</bdi>" in html
    assert reverse("enforcement:report_file", args=[report.pk, 1]) in html
    assert "Approve version 1 and publish" in html
    assert 'name="version" value="1"' in html
    approve = {"action": "approved", "version": "1"}
    confirm = client_for(th_focal).post(review_url(report), approve)
    page = confirm.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.UNDER_NATIONAL_REVIEW  # nothing yet: asked first
    assert "Yes, approve version 1 and publish" in page
    assert version.file_name in page
    assert "prepared by <bdi>triage</bdi>" in page
    assert "Sent for your review" in page
    client_for(th_focal).post(review_url(report), approve | {"confirmed": "1"})
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.approved_version == version
    approval = report.reviews.get(action=ReviewAction.APPROVED)
    assert (approval.actor, approval.version) == (th_focal, version)


def test_approval_is_refused_when_a_newer_version_arrived_after_the_page_was_read(
    make_report, th_focal, triage
):
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    services.add_report_version(report.pk, triage, pdf_upload("second draft"))
    response = client_for(th_focal).post(review_url(report), {"action": "approved", "version": 1})
    assert response.status_code == 400
    assert "Version 2 was uploaded after the version 1 you read" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.UNDER_NATIONAL_REVIEW


def test_a_new_version_after_approval_sends_the_report_back_for_approval(
    make_report, triage, th_focal, client
):
    report = make_report(ReportStatus.APPROVED)
    assert client.get(report.get_absolute_url()).status_code == 200
    before = Notification.objects.filter(recipient=th_focal).count()
    response = client_for(triage).post(upload_url(report), {"file": pdf_upload("corrected")})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.UNDER_NATIONAL_REVIEW
    assert report.approved_version is None and report.approved_at is None
    last = report.reviews.last()
    assert (last.action, last.from_status, last.to_status, last.version.number) == (
        ReviewAction.NEW_VERSION,
        ReportStatus.APPROVED,
        ReportStatus.UNDER_NATIONAL_REVIEW,
        2,
    )
    assert Notification.objects.filter(recipient=th_focal).count() == before + 1
    assert client.get(report.get_absolute_url()).status_code == 404  # no longer public
    html = client_for(th_focal).get(report.get_absolute_url()).content.decode()
    assert "Approve version 2 and publish" in html and "Earlier versions" in html


def test_the_public_downloads_the_approved_version_only(make_report, triage, th_focal, client):
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    services.add_report_version(report.pk, triage, pdf_upload("second"))
    services.review_report(report.pk, th_focal, ReviewAction.APPROVED, version_number=2)
    first = reverse("enforcement:report_file", args=[report.pk, 1])
    second = reverse("enforcement:report_file", args=[report.pk, 2])
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    assert client_for(th_focal).get(first).status_code == 200


def test_a_file_that_is_not_a_document_is_refused_beside_the_field_and_nothing_is_saved(
    make_report, triage
):
    report = make_report(ReportStatus.DRAFT)
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf at all")
    response = client_for(triage).post(upload_url(report), {"file": fake})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and "is not a PDF file" in html
    assert not report.versions.exists() and not report.reviews.exists()


def test_only_the_staff_who_handle_the_report_may_add_a_version(
    make_report, officer, th_focal, team_member
):
    report = make_report(ReportStatus.DRAFT)
    assert client_for(officer).post(upload_url(report), {"file": pdf_upload()}).status_code == 404
    assert client_for(th_focal).post(upload_url(report), {"file": pdf_upload()}).status_code == 403
    assert (
        client_for(team_member).post(upload_url(report), {"file": pdf_upload()}).status_code == 302
    )


def test_a_decision_is_told_only_to_staff_who_still_handle_the_report(
    make_report, programme, team_member, th_focal
):
    report = make_report(ReportStatus.DRAFT, with_file=True)
    services.review_report(report.pk, team_member, ReviewAction.SENT_FOR_REVIEW)
    programme.team.remove(team_member)
    services.review_report(report.pk, th_focal, ReviewAction.RETURNED, "Add the 2024 seizures.")
    # Returned, the report is confidential again, and the sender no longer handles it.
    assert not Notification.objects.filter(
        recipient=team_member, event=events.REPORT_RETURNED.key
    ).exists()
    programme.team.add(team_member)
    services.review_report(report.pk, team_member, ReviewAction.SENT_FOR_REVIEW)
    services.review_report(report.pk, th_focal, ReviewAction.RETURNED, "And the 2025 ones.")
    assert Notification.objects.filter(
        recipient=team_member, event=events.REPORT_RETURNED.key
    ).exists()
