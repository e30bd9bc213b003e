"""The demo world holds needs, providers and matches across Kenya, Chile and Thailand."""

from io import StringIO

import pytest
from django.core.management import call_command

from portal.models import Match, MatchStatus, Need, Provider, Resource, User

pytestmark = pytest.mark.django_db


def test_the_demo_matching_world_is_marked_and_loads_twice_without_harm():
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert {n.party.code for n in Need.objects.all()} == {"KE", "CL", "TH"}
    names = [*Need.objects.values_list("title", flat=True)]
    names += [*Resource.objects.values_list("title", flat=True)]
    names += [*Provider.objects.values_list("name", flat=True)]
    assert all(name.endswith("(demo)") for name in names)
    assert User.objects.get(username="provider").email == "provider@demo.invalid"
    statuses = sorted(Match.objects.values_list("status", flat=True))
    assert statuses == sorted(
        [MatchStatus.ACCEPTED, MatchStatus.PROPOSED, MatchStatus.PARTY_ACCEPTED]
    )
    accepted = Match.objects.get(status=MatchStatus.ACCEPTED)
    assert accepted.activity is not None and accepted.story_public
    assert Provider.objects.filter(status=Provider.Status.PENDING).count() == 1
