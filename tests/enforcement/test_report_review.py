"""Staff send a draft for national review; only the party's focal point approves or returns it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enforcement import services
from enforcement.models import PracticeStatus, ReportStatus, ReviewAction
from tests.conftest import client_for
from tests.enforcement.conftest import CAST, HANDLERS, THAI, make_practice, user_from

pytestmark = pytest.mark.django_db


def review_url(report):
    return reverse("enforcement:report_review", args=[report.pk])


def test_the_focal_point_approves_a_report_in_the_portal_and_it_becomes_public(
    make_report, th_focal, cl_official
):
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    response = client_for(th_focal).post(
        review_url(report), {"action": "approved", "version": "1", "confirmed": "1"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED and report.approved_at is not None
    assert client_for(cl_official).get(report.get_absolute_url()).status_code == 200
    assert client_for(None).get(report.get_absolute_url()).status_code == 200


def test_returning_a_report_needs_comments_and_sends_it_back_to_draft(make_report, th_focal):
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    client = client_for(th_focal)
    response = client.post(review_url(report), {"action": "returned", "comment": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and "Say what should change" in html
    report.refresh_from_db()
    assert report.status == ReportStatus.UNDER_NATIONAL_REVIEW

    client.post(review_url(report), {"action": "returned", "comment": "Correct the seizures."})
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    step = report.reviews.last()
    assert (step.action, step.actor, step.comment) == (
        ReviewAction.RETURNED,
        th_focal,
        "Correct the seizures.",
    )


def test_the_focal_point_sees_the_approve_and_return_buttons_and_the_official_does_not(
    make_report, th_focal, th_official
):
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    focal_html = client_for(th_focal).get(report.get_absolute_url()).content.decode()
    official_html = client_for(th_official).get(report.get_absolute_url()).content.decode()
    assert 'value="approved"' in focal_html and 'value="returned"' in focal_html
    assert 'value="approved"' not in official_html


# Who may press which button: (report status, action) -> fixture names allowed.
ALLOWED = {
    (ReportStatus.DRAFT, ReviewAction.SENT_FOR_REVIEW): HANDLERS,
    (ReportStatus.UNDER_NATIONAL_REVIEW, ReviewAction.APPROVED): {"th_focal"},
}


@pytest.mark.parametrize(("status", "action"), list(ALLOWED))
@pytest.mark.parametrize("name", CAST)
def test_each_user_of_the_cast_may_only_press_their_own_button(
    request, make_report, name, status, action
):
    report = make_report(status, with_file=True)
    # The approval's confirmation page is pressed through: this walks who may press at all.
    response = client_for(user_from(request, name)).post(
        review_url(report), {"action": action, "confirmed": "1"}
    )
    if name is None:
        assert response.status_code == 302 and "/accounts/login/" in response.url
    elif name in ALLOWED[(status, action)]:
        assert response.status_code == 302
    elif name in THAI | HANDLERS:
        assert response.status_code == 403  # an insider without the right
    else:
        assert response.status_code == 404  # an outsider must not learn the report exists
    report.refresh_from_db()
    moved = name in ALLOWED[(status, action)]
    assert (report.status != status) == moved


def test_staff_cannot_approve_on_the_partys_behalf_even_through_the_service(make_report, triage):
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    with pytest.raises(PermissionDenied):
        services.review_report(report.pk, triage, ReviewAction.APPROVED)


def test_an_approved_report_cannot_be_moved_again(make_report, th_focal):
    report = make_report(ReportStatus.APPROVED)
    with pytest.raises(ValidationError):
        services.review_report(report.pk, th_focal, ReviewAction.RETURNED, "too late")


def test_the_history_is_shown_to_insiders_only(make_report, th_official, cl_official):
    report = make_report(ReportStatus.APPROVED)
    assert (
        "Approved by the party"
        in client_for(th_official).get(report.get_absolute_url()).content.decode()
    )
    assert (
        "Approved by the party"
        not in client_for(cl_official).get(report.get_absolute_url()).content.decode()
    )


def test_a_reports_best_practices_become_public_when_the_party_approves_it(
    make_report, th_focal, thailand, client
):
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    make_practice("Shared customs risk profiles", report=report, party=thailand)
    list_url = reverse("enforcement:best_practice_list")
    assert "Shared customs risk profiles" not in client.get(list_url).content.decode()
    services.review_report(report.pk, th_focal, ReviewAction.APPROVED)
    assert "Shared customs risk profiles" in client.get(list_url).content.decode()


def test_a_meetings_practice_is_public_once_adopted(programme, triage, client):
    meeting = programme.meetings.create(title="Manila")
    practice = make_practice("Regional contact points", meeting=meeting)
    url = reverse("enforcement:best_practice_detail", args=[practice.pk])
    assert client.get(url).status_code == 404
    assert client_for(triage).get(url).status_code == 200
    services.adopt_best_practices([practice.pk], triage)
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.ADOPTED
    assert client.get(url).status_code == 200
