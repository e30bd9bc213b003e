"""Needs, providers, resources and matches made through the real services (recommendation 9)."""

import datetime

import pytest
from django.utils import timezone

from portal.matching import services
from portal.models import MatchStatus, Provider, Visibility
from tests.conftest import make_user

TODAY = datetime.date(2026, 6, 1)


def need_data(**fields) -> dict:
    start = timezone.localdate() + datetime.timedelta(days=30)
    return {
        "title": "Help drafting a copyright amendment",
        "description": "Our copyright law predates the Internet treaties.",
        "legal_areas": ["copyright"],
        "kinds": ["legislative"],
        "offer_types": ["expertise"],
        "languages": ["en"],
        "starts_on": start,
        "ends_on": start + datetime.timedelta(days=90),
        "expected_outcome": "A draft amendment ready for parliament.",
    } | fields


def resource_data(**fields) -> dict:
    start = timezone.localdate()
    return {
        "title": "Copyright law experts",
        "description": "Two former legislative drafters.",
        "offer_type": "expertise",
        "legal_areas": ["copyright", "patents"],
        "kinds": ["legislative"],
        "languages": ["en", "fr"],
        "regions": [],
        "ldc_only": False,
        "capacity": 3,
        "available_from": start,
        "available_until": start + datetime.timedelta(days=365),
        "visibility": "public",
    } | fields


def make_need(official, focal=None, visibility=Visibility.PROVIDERS, **fields):
    """A need drafted by the official; published at `visibility` if a focal point is given."""
    need = services.create_need(actor=official, data=need_data(**fields))
    if focal is not None:
        need = services.set_need_visibility(need, actor=focal, visibility=visibility)
    return need


def make_provider(name="Legal Aid Network (test)", *, members=(), approved_by=None, **fields):
    provider = Provider.objects.create(name=name, kind=Provider.Kind.ORGANISATION, **fields)
    provider.members.set(members)
    if approved_by is not None:
        services.approve_provider(provider, actor=approved_by)
    return provider


def make_resource(member, provider, **fields):
    return services.create_resource(actor=member, provider=provider, data=resource_data(**fields))


def accept_by_party(match, focal):
    return services.answer_match(match, actor=focal, to_status=MatchStatus.PARTY_ACCEPTED)


@pytest.fixture
def provider_user(db):
    """A member of an approved provider (an organisation): offers resources, answers matches."""
    return make_user("provider-member")


@pytest.fixture
def provider(provider_user, triage):
    return make_provider(members=[provider_user], approved_by=triage)


@pytest.fixture
def resource(provider_user, provider):
    return make_resource(provider_user, provider)
