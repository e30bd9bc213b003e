"""An invalid review or release re-renders its page with the errors, answering 400."""

import re

import pytest
from django.urls import reverse

from enforcement.models import ReportStatus
from tests.conftest import client_for
from tests.enforcement.conftest import make_statistic

pytestmark = pytest.mark.django_db


def test_returning_a_report_without_comments_answers_400_with_the_errors(make_report, th_focal):
    report = make_report(ReportStatus.UNDER_NATIONAL_REVIEW)
    response = client_for(th_focal).post(
        reverse("enforcement:report_review", args=[report.pk]),
        {"action": "returned", "comment": " "},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert '<a href="#id_comment">' in html  # the summary links to the field
    assert 'id="id_comment_error"' in html  # and the error sits beside it
    report.refresh_from_db()
    assert report.status == ReportStatus.UNDER_NATIONAL_REVIEW


RELEASE_PROBLEMS = [
    ({"action": "release"}, "Tick at least one figure."),
    ({"statistics": "picked"}, "Choose to release or to withdraw the ticked figures."),
    ({"action": "publish-everything", "statistics": "picked"}, "Select a valid choice."),
]


@pytest.mark.parametrize(("data", "message"), RELEASE_PROBLEMS)
def test_an_invalid_release_renders_the_page_with_its_errors_and_answers_400(
    thailand, th_focal, data, message
):
    statistic = make_statistic(thailand, 2023, value=7333)
    if data.get("statistics") == "picked":
        data = data | {"statistics": [statistic.pk]}
    response = client_for(th_focal).post(
        reverse("enforcement:statistics_release", args=["TH"]), data
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and message in html
    assert "7333" in html or "7,333" in html  # the figures are listed again to tick
    statistic.refresh_from_db()
    assert not statistic.is_released


def test_the_error_summary_links_reach_the_fields_they_name(thailand, th_focal):
    statistic = make_statistic(thailand, 2023)
    response = client_for(th_focal).post(
        reverse("enforcement:statistics_release", args=["TH"]), {"action": "nonsense"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_statistics_0"' in html and 'id="id_statistics_0"' in html
    assert 'href="#id_action"' in html and 'id="id_action"' in html
    assert 'id="id_statistics_error"' in html and 'id="id_action_error"' in html
    assert f'value="{statistic.pk}" id="id_statistics_0"' in html


def test_ticked_figures_stay_ticked_when_the_page_comes_back_with_errors(thailand, th_focal):
    ticked = make_statistic(thailand, 2023)
    other = make_statistic(thailand, 2022)
    response = client_for(th_focal).post(
        reverse("enforcement:statistics_release", args=["TH"]), {"statistics": [ticked.pk]}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert f'value="{ticked.pk}" id="id_statistics_' in html
    assert " checked" in checkbox(html, ticked.pk)
    assert " checked" not in checkbox(html, other.pk)


def checkbox(html: str, pk: int) -> str:
    return re.search(rf'<input type="checkbox" name="statistics" value="{pk}"[^>]*>', html)[0]


def test_a_refused_release_comes_back_on_the_page_it_was_sent_from(thailand, th_focal):
    for year in range(1960, 2012):  # 52 figures: two pages of 50
        make_statistic(thailand, year)
    client = client_for(th_focal)
    page_two = client.get(reverse("enforcement:statistics_party", args=["TH"]), {"page": 2})
    action = reverse("enforcement:statistics_release", args=["TH"]) + "?page=2"
    assert f'action="{action}"' in page_two.content.decode()
    oldest = thailand.infringement_statistics.order_by("year").first()
    response = client.post(action, {"statistics": [oldest.pk]})
    assert response.status_code == 400
    assert response.context["page_obj"].number == 2
    assert " checked" in checkbox(response.content.decode(), oldest.pk)
