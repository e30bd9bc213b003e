"""Requests reached through the real services: a draft, a submitted request, and onwards."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from requests import services
from requests.models import Kind, LegalArea, LegislativePurpose, Status

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name="draft-law.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def legislative_data(**overrides):
    data = {
        "kind": Kind.LEGISLATIVE,
        "purpose": LegislativePurpose.DRAFT,
        "legal_areas": [LegalArea.PATENTS, LegalArea.COPYRIGHT],
        "treaties": "TRIPS Agreement",
        "title": "Draft patent law",
        "description": "Comments on our draft patent law.",
        "wished_by": timezone.localdate() + datetime.timedelta(days=90),
    }
    return data | overrides


def draft(author, **overrides):
    return services.create_draft(actor=author, data=legislative_data(**overrides))


def move(assistance_request, *statuses, actor, **data):
    """Walk a request through the workflow with the real service, one status after another."""
    for status in statuses:
        extra = {}
        if status == Status.ACCEPTED:
            extra["due_date"] = timezone.localdate() + datetime.timedelta(days=60)
        if status == Status.DECLINED:
            extra["reason"] = "Outside the organisation's mandate."
        if status == Status.DELIVERED:
            extra["deliverable"] = pdf("comments.pdf")
        if status == Status.INFORMATION_REQUESTED:
            extra["note"] = "Please send the current text of the law."
        if status == Status.ON_HOLD:
            extra["note"] = "The ministry is being reorganised; we wait for its new team."
        assistance_request = services.transition(
            assistance_request, status, actor=actor, **(extra | data)
        )
    return assistance_request


@pytest.fixture
def ke_draft(ke_official):
    """A draft written by Kenya's official."""
    return draft(ke_official)


@pytest.fixture
def ke_submitted(ke_draft, ke_focal):
    """Kenya's request, submitted by its focal point."""
    return move(ke_draft, Status.SUBMITTED, actor=ke_focal)


@pytest.fixture
def ke_delivered(ke_submitted, triage):
    """Kenya's request taken by the triage desk all the way to delivery."""
    return move(
        ke_submitted,
        Status.ACKNOWLEDGED,
        Status.UNDER_REVIEW,
        Status.ACCEPTED,
        Status.IN_PROGRESS,
        Status.DELIVERED,
        actor=triage,
    )
