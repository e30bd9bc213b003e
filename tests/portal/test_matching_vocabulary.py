"""Needs speak the requests' vocabulary by value, so a need becomes a request as it is."""

from portal.models import AssistanceKind, LegalArea
from requests.models import Kind
from requests.models import LegalArea as RequestLegalArea


def test_the_legal_areas_of_needs_are_those_of_requests():
    assert LegalArea.choices == RequestLegalArea.choices


def test_the_kinds_of_assistance_of_needs_are_those_of_requests():
    assert AssistanceKind.choices == Kind.choices
