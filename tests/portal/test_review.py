"""The yearly review (recommendation 33): figures against hand-computed values, and its pages.

The fixed dataset is reached through the real services; only the timestamps are then set to
known days of 2025 (the services stamp "now"), so every figure below can be worked out by hand.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.activities import services as activity_services
from portal.models import Activity, ActivityStatus, ActivityType, Membership, Party, Recommendation
from requests import services
from requests.models import AssistanceRequest, Feedback, ReviewReport, Status, StatusChange
from requests.review import figures
from requests.review import services as review_services
from requests.services import activities as request_activities
from tests.conftest import client_for, make_member
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db

ACCEPTED = [Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED]
DELIVERED = [*ACCEPTED, Status.IN_PROGRESS, Status.DELIVERED]


def day(month, dom, year=2025):
    return datetime.date(year, month, dom)


def noon(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


def request_with_history(official, focal, triage, path, *, submitted, accepted=None,
                         delivered=None, due=None):  # fmt: skip
    """A request walked through the workflow, then dated: submission, acceptance, delivery."""
    assistance_request = move(
        move(draft(official), Status.SUBMITTED, actor=focal), *path, actor=triage
    )
    AssistanceRequest.objects.filter(pk=assistance_request.pk).update(
        submitted_at=noon(submitted), due_date=due
    )
    for status, when in ((Status.ACCEPTED, accepted), (Status.DELIVERED, delivered)):
        if when:
            StatusChange.objects.filter(
                assistance_request=assistance_request, to_status=status
            ).update(at=noon(when))
    assistance_request.refresh_from_db()
    return assistance_request


def rate(assistance_request, focal, when, relevance, timeliness, quality):
    services.give_feedback(
        assistance_request, actor=focal, relevance=relevance, timeliness=timeliness,
        quality=quality,
    )  # fmt: skip
    Feedback.objects.filter(assistance_request=assistance_request).update(given_at=noon(when))


def activity_on(assistance_request, triage, *, numbers, **fields):
    return request_activities.create_activity_for_request(
        assistance_request, actor=triage, title=fields.pop("title", "Activity"),
        recommendations=Recommendation.objects.filter(number__in=numbers), **fields,
    )  # fmt: skip


@pytest.fixture
def dataset(ke_official, ke_focal, cl_official, cl_focal, triage):
    """Five requests and six activities around 2025 (see the module docstring)."""
    et_official = make_member("et-official", "ET", Membership.Role.OFFICIAL)
    et_focal = make_member("et-focal", "ET", Membership.Role.FOCAL_POINT)
    r1 = request_with_history(
        ke_official,
        ke_focal,
        triage,
        DELIVERED,
        submitted=day(1, 10),
        accepted=day(1, 20),
        delivered=day(3, 1),
        due=day(3, 10),
    )  # 10 and 50 days; on time
    r2 = request_with_history(
        ke_official,
        ke_focal,
        triage,
        DELIVERED,
        submitted=day(2, 1),
        accepted=day(2, 21),
        delivered=day(6, 1),
        due=day(5, 1),
    )  # 20 and 120 days; late
    r3 = request_with_history(
        et_official,
        et_focal,
        triage,
        ACCEPTED,
        submitted=day(4, 1),
        accepted=day(4, 5),
        due=day(9, 1),
    )  # 4 days; an LDC
    r4 = request_with_history(
        cl_official,
        cl_focal,
        triage,
        DELIVERED,
        submitted=day(12, 20, 2024),
        accepted=day(1, 9),
        delivered=day(2, 18),
        due=day(2, 28),
    )  # submitted in 2024: 20 and 60 days; on time
    request_with_history(cl_official, cl_focal, triage, [], submitted=day(5, 1))  # r5
    rate(r1, ke_focal, day(3, 5), 5, 4, 5)
    rate(r2, ke_focal, day(6, 10), 3, 2, 4)
    rate(r4, cl_focal, day(1, 3, 2026), 1, 1, 1)  # given in 2026: not this year's

    activity_on(
        r1,
        triage,
        numbers=[13, 14],
        type=ActivityType.LEGISLATIVE_ADVICE,
        planned_start=day(1, 25),
        actual_start=day(2, 1),
        actual_end=day(2, 20),
        due_date=day(2, 28),
        status=ActivityStatus.COMPLETED,
    )  # A1: completed on time
    activity_on(
        r2,
        triage,
        numbers=[1, 17],
        type=ActivityType.NATIONAL_WORKSHOP,
        planned_start=day(4, 1),
        actual_start=day(4, 10),
        actual_end=day(5, 15),
        due_date=day(5, 1),
        status=ActivityStatus.COMPLETED,
    )  # A2: completed late
    activity_on(
        r3,
        triage,
        numbers=[45],
        type=ActivityType.TRAINING,
        planned_start=day(6, 1),
        due_date=day(7, 1),
    )  # A3: Ethiopia, planned
    activity_on(
        r4,
        triage,
        numbers=[45],
        type=ActivityType.EXPERT_MISSION,
        planned_start=day(11, 1, 2024),
        actual_start=day(12, 1, 2024),
        due_date=day(1, 31),
    )  # A5: started in 2024
    for status, start, actual in (
        (ActivityStatus.CANCELLED, day(9, 1), None),  # A4: cancelled
        (ActivityStatus.PLANNED, day(12, 20), day(1, 10, 2026)),  # A6: began in 2026
    ):
        activity_services.create_activity(
            actor=triage, type=ActivityType.STUDY_VISIT, title="Not this year",
            beneficiaries=list(Party.objects.filter(code__in=["KE", "ET"])),
            recommendations=list(Recommendation.objects.filter(number=33)),
            planned_start=start, actual_start=actual, due_date=day(12, 31), status=status,
        )  # fmt: skip
    return {"r1": r1, "r2": r2}


def test_activity_figures_match_the_hand_count(dataset):
    result = figures.activity_figures(2025)
    assert result == {
        "total": 3,
        "by_type": {"legislative_advice": 1, "national_workshop": 1, "training": 1},
        "by_cluster": {"A": 2, "B": 1, "F": 1},
        "by_recommendation": {"1": 1, "13": 1, "14": 1, "17": 1, "45": 1},
        "by_region": {"africa": 3},
        "by_ldc": {"ldc": 1, "other": 2},
        "completed": 2,
        "completed_on_time": 1,
    }


def test_request_figures_match_the_hand_count(dataset):
    result = figures.request_figures(2025)
    assert result == {
        "submitted": 4,
        "by_kind": {"legislative": 4},
        "by_region": {"africa": 3, "latin_america_caribbean": 1},
        "by_ldc": {"ldc": 1, "other": 3},
        "by_cluster": {"A": 2, "B": 1, "F": 1},
        "by_recommendation": {"1": 1, "13": 1, "14": 1, "17": 1, "45": 1},
        "accepted": 4,
        "median_days_to_acceptance": 15.0,  # of 4, 10, 20, 20
        "delivered": 3,
        "delivered_with_time_frame": 3,
        "delivered_on_time": 2,
        "on_time_share": 0.6667,
        "median_days_to_delivery": 60.0,  # of 50, 60, 120
        "delivered_paused_days": 0,
        "median_working_days_to_delivery": 60.0,
    }


def test_paused_days_are_counted_apart_from_the_days_to_delivery(dataset):
    AssistanceRequest.objects.filter(pk=dataset["r2"].pk).update(paused_days=100)
    result = figures.request_figures(2025)
    assert result["median_days_to_delivery"] == 60.0  # of 50, 60, 120: the calendar
    assert result["delivered_paused_days"] == 100
    assert result["median_working_days_to_delivery"] == 50.0  # of 50, 60, 20


def test_feedback_figures_match_the_hand_count(dataset):
    assert figures.feedback_figures(2025) == {
        "count": 2, "relevance": 4.0, "timeliness": 3.0, "quality": 4.5,
    }  # fmt: skip


def test_an_empty_year_has_no_medians_and_no_share():
    result = figures.compute(2019)
    assert result["requests"]["median_days_to_acceptance"] is None
    assert result["requests"]["on_time_share"] is None
    assert result["feedback"]["count"] == 0 and result["activities"]["total"] == 0


def generate(year, actor, capture):
    with capture(execute=True):  # the task starts when the transaction commits
        return review_services.request_report(year, actor=actor)


def test_generating_a_report_runs_the_task_and_records_progress(
    dataset, triage, django_capture_on_commit_callbacks
):
    report = generate(2025, triage, django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert report.state == ReviewReport.State.DONE and report.progress == 100
    assert report.figures["requests"]["delivered_on_time"] == 2
    assert report.finished_at is not None


def test_building_a_report_twice_is_harmless(dataset, triage, django_capture_on_commit_callbacks):
    report = generate(2025, triage, django_capture_on_commit_callbacks)
    assert review_services.build_report(report.pk) is None  # already done: left alone
    assert ReviewReport.objects.get(pk=report.pk).state == ReviewReport.State.DONE


def test_the_staff_page_generates_and_shows_the_review(
    dataset, triage, django_capture_on_commit_callbacks
):
    client = client_for(triage)
    url = reverse("review:year", args=[2025])
    assert "No report for this year yet" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    html = client.get(url).content.decode()
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert "67 %" in html  # two of three delivered on time
    assert "(2 of 3 delivered)" in html
    assert "<td>4.50</td>" in html  # average quality


def test_the_printable_report_and_csv_carry_the_same_figures(
    dataset, triage, django_capture_on_commit_callbacks
):
    client = client_for(triage)
    generate(2025, triage, django_capture_on_commit_callbacks)
    printable = client.get(reverse("review:print", args=[2025])).content.decode()
    assert "Yearly review 2025" in printable and 'class="site-header"' not in printable
    response = client.get(reverse("review:csv", args=[2025]))
    lines = response.content.decode().splitlines()
    assert lines[0] == "section,category,activities,requests"
    assert "total,,3,4" in lines
    assert "figure,median_days_submission_to_acceptance,,15.0" in lines
    assert "figure,share_delivered_on_time,,0.6667" in lines
    assert "ldc,Least developed countries,1,1" in lines


@pytest.mark.parametrize("who", [None, "ke_focal", "cl_official", "stranger"])
def test_the_review_is_for_staff_only(request, who):
    user = request.getfixturevalue(who) if who else None
    for name in ("review:index", "review:year"):
        url = reverse(name, args=[2025] if name == "review:year" else [])
        response = client_for(user).get(url)
        assert response.status_code == (302 if user is None else 404)
    assert client_for(user).post(reverse("review:year", args=[2025])).status_code in (302, 404)
    assert not ReviewReport.objects.exists()


def test_a_year_outside_the_range_is_not_found(triage):
    client = client_for(triage)
    assert client.get(reverse("review:year", args=[1999])).status_code == 404
    assert (
        client.get(reverse("review:year", args=[timezone.localdate().year + 1])).status_code == 404
    )
    assert client.get(reverse("review:print", args=[2025])).status_code == 404  # none generated


def test_activities_are_counted_whether_published_or_not(dataset):
    assert not Activity.objects.filter(general_info_public=True).exists()
    assert figures.activity_figures(2025)["total"] == 3
