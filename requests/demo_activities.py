"""Demo activities on the demo requests (clearly demo): some published, some not.

Built through the real services: staff record each activity on its request, and the focal
points consent (or not) as they would on the site. Called at the end of requests.demo.load,
after the demo requests exist; idempotent.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.activities import services as activity_services
from portal.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    Consultant,
    Party,
    Recommendation,
)
from requests.demo import PREFIX
from requests.models import AssistanceRequest
from requests.services import activities as request_activities

# (request title, activity type, title, status, start offset in days, length in days,
#  recommendations, consultants, extra beneficiary codes, who consents: {code: (general, details)})
_ACTIVITIES = [
    ("Consultation on IP and traditional knowledge", ActivityType.CONSULTATION,
     "National consultation on protecting traditional knowledge", ActivityStatus.COMPLETED,
     -400, 2, [1, 18], ["Kwame Mensah (demo)"], [], {}),  # general only, carried from the request
    ("Training for customs on border measures", ActivityType.TRAINING,
     "Training of customs officers on border measures", ActivityStatus.IN_PROGRESS,
     -20, 30, [1, 45], ["Siriporn Chaiyaporn (demo)"], [], {"KE": (True, True)}),
    ("Training for customs on border measures", ActivityType.REGIONAL_WORKSHOP,
     "Regional workshop on IPR enforcement with Chile", ActivityStatus.PLANNED,
     40, 3, [45], ["Siriporn Chaiyaporn (demo)"], ["CL"], {"KE": (True, True)}),  # CL silent
    ("Draft regulation on geographical indications", ActivityType.LEGISLATIVE_ADVICE,
     "Written comments on the draft GI regulation", ActivityStatus.COMPLETED,
     -60, 20, [13, 14], ["Javier Morales (demo)"], [], {}),  # not published
    ("Meeting of IP actors on IP and sport", ActivityType.NATIONAL_WORKSHOP,
     "Meeting of IP actors on IP and sport", ActivityStatus.PLANNED,
     30, 1, [1, 4], [], [], {"CL": (True, False)}),
    ("Interagency coordination on IPR enforcement", ActivityType.EXPERT_MISSION,
     "Expert mission on interagency coordination", ActivityStatus.COMPLETED,
     -90, 5, [45, 40], ["Siriporn Chaiyaporn (demo)", "Claire Dubois (demo)"], [],
     {"TH": (True, True)}),
]  # fmt: skip


def _user(username):
    return get_user_model().objects.get(username=username)


def _record(row, staff, today) -> Activity | None:
    request_title, kind, title, status, offset, length, numbers, names, extra, consents = row
    assistance_request = AssistanceRequest.objects.filter(title=PREFIX + request_title).first()
    if assistance_request is None or Activity.objects.filter(title=PREFIX + title).exists():
        return None
    start = today + datetime.timedelta(days=offset)
    end = start + datetime.timedelta(days=length)
    started = status in (ActivityStatus.IN_PROGRESS, ActivityStatus.COMPLETED)
    activity = request_activities.create_activity_for_request(
        assistance_request,
        actor=staff,
        type=kind,
        title=PREFIX + title,
        description="Invented for the demonstration portal. " + title + ".",
        status=status,
        planned_start=start,
        planned_end=end,
        actual_start=start if started else None,
        actual_end=end if status == ActivityStatus.COMPLETED else None,
        due_date=end + datetime.timedelta(days=10),
        venue="" if kind == ActivityType.LEGISLATIVE_ADVICE else "Ministry of Trade (demo)",
        online=kind == ActivityType.LEGISLATIVE_ADVICE,
        beneficiaries=[assistance_request.party, *Party.objects.filter(code__in=extra)],
        recommendations=Recommendation.objects.filter(number__in=numbers),
        consultants=Consultant.objects.filter(name__in=names),
    )
    for code, (general, details) in consents.items():
        activity_services.record_consent(
            activity, actor=_user(f"{code.lower()}-focal"), general=general, details=details
        )
    return activity


def load() -> str:
    """Create the demo activities once; later runs leave them as they are."""
    staff, today = _user("triage"), timezone.localdate()
    created = [a for a in (_record(row, staff, today) for row in _ACTIVITIES) if a]
    published = Activity.objects.filter(title__startswith=PREFIX, general_info_public=True)
    return f"{len(created)} activities ({published.count()} published)"
