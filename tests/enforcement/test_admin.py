"""Staff manage every enforcement record in the admin; workflow moves go through the service."""

import pytest
from django.urls import reverse

from enforcement.models import (
    BestPractice,
    ConsultationMeeting,
    CountryReport,
    ExpertMission,
    InfringementStatistic,
    Programme,
    ReportStatus,
)
from tests.conftest import client_for, make_user

pytestmark = pytest.mark.django_db

MODELS = [
    Programme,
    ExpertMission,
    CountryReport,
    ConsultationMeeting,
    BestPractice,
    InfringementStatistic,
]


@pytest.fixture
def admin_user():
    return make_user("boss", is_staff=True, is_superuser=True)


@pytest.mark.parametrize("model", MODELS)
def test_each_changelist_add_page_and_search_open(admin_user, model, make_report):
    make_report(ReportStatus.APPROVED)
    client = client_for(admin_user)
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(changelist, {"q": "Thailand"}).status_code == 200
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200


def test_the_admin_action_sends_a_draft_for_review_through_the_workflow(admin_user, make_report):
    report = make_report(ReportStatus.DRAFT, with_file=True)
    url = reverse("admin:enforcement_countryreport_changelist")
    client_for(admin_user).post(url, {"action": "send_for_review", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == ReportStatus.UNDER_NATIONAL_REVIEW
    assert report.reviews.get(action="sent_for_review").actor == admin_user
