"""Demo requests for Kenya, Chile and Thailand, one or more in every status (clearly demo).

Built through the real services, as a person would make them, so the history, permissions and
notifications are what the portal would really hold. Loaded by `manage.py load_demo`.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from requests import services
from requests.models import AssistanceRequest, Status
from requests.models.workflow import route_to

PREFIX = "[Demo] "
_PDF = b"%PDF-1.4\n% Demo document: invented for the demonstration portal.\n%%EOF\n"


# (party prefix, final status, kind, title, extra answers)
_REQUESTS = [
    (
        "ke",
        Status.DRAFT,
        "legislative",
        "Comments on the draft Copyright (Amendment) Bill",
        {"purpose": "revise", "legal_areas": ["copyright"]},
    ),
    ("ke", Status.SUBMITTED, "strategy", "Support for a national IP strategy", {}),
    (
        "ke",
        Status.INFORMATION_REQUESTED,
        "legislative",
        "Implementing the public-health flexibilities of the TRIPS Agreement",
        {"purpose": "flexibilities", "legal_areas": ["patents"], "treaties": "TRIPS Agreement"},
    ),
    (
        "ke",
        Status.READY,
        "enforcement",
        "Expert mission on interagency enforcement coordination",
        {
            "enforcement_agencies": ["police", "customs", "prosecution"],
            "enforcement_areas": ["interagency", "intelligence"],
            "enforcement_help": ["expert_mission"],
            "venue": "member_state",
        },
    ),
    (
        "ke",
        Status.IN_PROGRESS,
        "enforcement",
        "Training for customs on border measures",
        {
            "enforcement_agencies": ["customs"],
            "enforcement_areas": ["customs"],
            "enforcement_help": ["training"],
            "venue": "member_state",
        },
    ),
    (
        "ke",
        Status.CLOSED,
        "policy",
        "Consultation on IP and traditional knowledge",
        {"policy_format": "consultation", "venue": "member_state"},
    ),
    (
        "cl",
        Status.ACKNOWLEDGED,
        "legislative",
        "Accession to the Marrakesh Treaty",
        {"purpose": "accession", "legal_areas": ["copyright"], "treaties": "Marrakesh Treaty"},
    ),
    (
        "cl",
        Status.ACCEPTED,
        "policy",
        "Meeting of IP actors on IP and sport",
        {"policy_format": "meeting", "venue": "headquarters"},
    ),
    (
        "cl",
        Status.DELIVERED,
        "legislative",
        "Draft regulation on geographical indications",
        {"purpose": "draft", "legal_areas": ["geographical_indications"]},
    ),
    (
        "cl",
        Status.WITHDRAWN,
        "enforcement",
        "Online infringement awareness campaign",
        {
            "enforcement_agencies": ["ip_office"],
            "enforcement_areas": ["awareness", "right_holders"],
            "enforcement_help": ["consultation"],
        },
    ),
    (
        "th",
        Status.UNDER_REVIEW,
        "legislative",
        "Compliance of the Patent Act with the PCT",
        {
            "purpose": "compliance",
            "legal_areas": ["patents"],
            "treaties": "Patent Cooperation Treaty",
        },
    ),
    (
        "th",
        Status.DECLINED,
        "policy",
        "Study visit on trademark examination",
        {"policy_format": "consultation", "venue": "online"},
    ),
    (
        "th",
        Status.DELIVERED,
        "enforcement",
        "Interagency coordination on IPR enforcement",
        {
            "enforcement_agencies": ["police", "customs", "judiciary"],
            "enforcement_areas": ["interagency", "courts", "statistics"],
            "enforcement_help": ["expert_mission", "provisions_review"],
        },
    ),
]


def _user(username):
    return get_user_model().objects.get(username=username)


def _pdf(name):
    return SimpleUploadedFile(name, _PDF, content_type="application/pdf")


def _walk(assistance_request, path, *, official, focal, staff):
    for status in path:
        actor = focal if status in (Status.SUBMITTED, Status.WITHDRAWN) else staff
        actor = official if status == Status.READY else actor
        extra = {}
        if status == Status.ACCEPTED:
            extra["due_date"] = timezone.localdate() + datetime.timedelta(days=75)
        if status == Status.DECLINED:
            extra["reason"] = "A study visit is better arranged through the regional bureau."
        if status == Status.DELIVERED:
            extra["deliverable"] = _pdf("demo-written-comments.pdf")
        if status == Status.INFORMATION_REQUESTED:
            extra["note"] = "Please send the current text of the Industrial Property Act."
        if status == Status.UNDER_REVIEW and assistance_request.status == Status.ACKNOWLEDGED:
            services.assign_officer(assistance_request, _user("officer"), actor=staff)
            assistance_request.refresh_from_db()
        assistance_request = services.transition(assistance_request, status, actor=actor, **extra)
    return assistance_request


def load() -> str:
    """Create the demo requests once; later runs leave them as they are."""
    if AssistanceRequest.objects.filter(title__startswith=PREFIX).exists():
        return "requests already present"
    staff = _user("triage")
    for prefix, status, kind, title, answers in _REQUESTS:
        official, focal = _user(f"{prefix}-official"), _user(f"{prefix}-focal")
        data = {
            "kind": kind,
            "title": PREFIX + title,
            "description": "Invented for the demonstration portal. " + title + ".",
            "wished_by": timezone.localdate() + datetime.timedelta(days=120),
            **answers,
        }
        assistance_request = services.create_draft(
            actor=official, data=data, attachments=[_pdf("demo-supporting-material.pdf")]
        )
        assistance_request = _walk(
            assistance_request, route_to(status), official=official, focal=focal, staff=staff
        )
        if assistance_request.status not in (
            Status.DRAFT,
            Status.READY,
            Status.WITHDRAWN,
            Status.CLOSED,
        ):
            services.post_message(
                assistance_request,
                actor=official,
                body="Thank you. Our ministry is available for a call next week (demo).",
            )
            services.post_message(
                assistance_request,
                actor=staff,
                internal=True,
                body="Internal (demo): check with the regional bureau before replying.",
            )
        if status == Status.CLOSED:
            services.give_feedback(
                assistance_request,
                actor=focal,
                relevance=5,
                timeliness=4,
                quality=5,
                comment="Very useful (demo).",
            )
            services.set_consent(assistance_request, actor=focal, general=True, details=False)
    return f"{len(_REQUESTS)} requests"
