"""Who sees and does what with needs, resources and matches: every URL tried by every role.

party: Kenya's official; other: Chile's official; provider: an approved provider's member;
staff: the triage desk; anonymous: nobody signed in. A need is a 404 to everyone outside it.
"""

import pytest
from django.urls import reverse

from portal.matching import services
from portal.models import Visibility
from tests.conftest import client_for
from tests.portal.matching_support import (
    accept_by_party,
    make_need,
    make_provider,
    make_resource,
)

pytestmark = pytest.mark.django_db

LOGIN = 302  # the anonymous are sent to sign in


@pytest.fixture
def cast(ke_official, cl_official, provider_user, triage):
    return {
        "party": ke_official,
        "other": cl_official,
        "provider": provider_user,
        "staff": triage,
        "anonymous": None,
    }


def statuses(cast, url, method="get", data=None):
    answers = {}
    for who, user in cast.items():
        client = client_for(user)
        response = client.post(url, data or {}) if method == "post" else client.get(url)
        answers[who] = response.status_code
    return answers


def test_a_draft_need_is_seen_by_its_party_and_the_staff_only(cast, ke_official):
    need = make_need(ke_official)
    assert statuses(cast, reverse("matching:need_detail", args=[need.pk])) == {
        "party": 200,
        "other": 404,
        "provider": 404,
        "staff": 200,
        "anonymous": 404,
    }
    assert statuses(cast, reverse("matching:need_edit", args=[need.pk])) == {
        "party": 200,
        "other": 404,
        "provider": 404,
        "staff": 403,
        "anonymous": LOGIN,
    }


@pytest.mark.parametrize(
    ("visibility", "provider_sees", "anonymous_sees"),
    [
        (Visibility.PRIVATE, 404, 404),
        (Visibility.PROVIDERS, 200, 404),
        (Visibility.PUBLIC, 200, 200),
    ],
)
def test_a_published_need_is_shown_at_the_level_the_focal_point_consented_to(
    cast, ke_official, ke_focal, provider, visibility, provider_sees, anonymous_sees
):
    need = make_need(ke_official, ke_focal, visibility=visibility)
    # Another party sees only what the public sees: it is not a provider.
    assert statuses(cast, reverse("matching:need_detail", args=[need.pk])) == {
        "party": 200,
        "other": anonymous_sees,
        "provider": provider_sees,
        "staff": 200,
        "anonymous": anonymous_sees,
    }


def test_a_provider_never_learns_the_needs_party_before_the_party_accepts(
    cast, ke_official, ke_focal, provider_user, resource, triage
):
    need = make_need(ke_official, ke_focal, visibility=Visibility.PROVIDERS)
    page = client_for(provider_user).get(reverse("matching:need_detail", args=[need.pk]))
    assert b"Kenya" not in page.content
    match = services.propose_match(need, resource, actor=triage)
    url = reverse("matching:match_detail", args=[match.pk])
    assert client_for(provider_user).get(url).status_code == 404
    accept_by_party(match, ke_focal)
    page = client_for(provider_user).get(url)
    assert page.status_code == 200
    assert b"Kenya" in page.content


def test_the_posts_on_a_need_are_404_to_outsiders_and_403_to_insiders_without_the_right(
    cast, ke_official, ke_focal, resource
):
    need = make_need(ke_official, ke_focal, visibility=Visibility.PROVIDERS)
    for name, data, insider in (
        ("need_visibility", {"visibility": "public"}, 403),
        ("need_propose", {"resource": resource.pk}, 403),
        ("need_close", {}, 403),  # last: the staff close it
    ):
        answers = statuses(cast, reverse(f"matching:{name}", args=[need.pk]), "post", data)
        assert answers["other"] == 404, name
        assert answers["anonymous"] == LOGIN, name
        assert answers["provider"] == insider, name
    # The official may not publish: that is the focal point's consent.
    response = client_for(ke_official).post(
        reverse("matching:need_visibility", args=[need.pk]), {"visibility": "public"}
    )
    assert response.status_code == 403


def test_resources_are_seen_as_their_provider_chose(cast, resource):
    assert statuses(cast, reverse("matching:resource_detail", args=[resource.pk])) == {
        "party": 200,
        "other": 200,
        "provider": 200,
        "staff": 200,
        "anonymous": 200,
    }
    assert statuses(cast, reverse("matching:resource_edit", args=[resource.pk])) == {
        "party": 403,
        "other": 403,
        "provider": 200,
        "staff": 403,
        "anonymous": LOGIN,
    }


def test_a_resource_for_signed_in_users_is_404_to_the_anonymous(cast, provider_user, provider):
    offer = make_resource(provider_user, provider, visibility="providers")
    answers = statuses(cast, reverse("matching:resource_detail", args=[offer.pk]))
    assert answers == {"party": 200, "other": 200, "provider": 200, "staff": 200, "anonymous": 404}


def test_an_unapproved_providers_offer_is_seen_by_it_and_the_staff_only(
    cast, provider_user, triage
):
    pending = make_provider("Pending (test)", members=[provider_user])
    approved_first = make_provider("Approved (test)", members=[provider_user], approved_by=triage)
    offer = make_resource(provider_user, approved_first)
    offer.provider = pending
    offer.save()
    answers = statuses(cast, reverse("matching:resource_detail", args=[offer.pk]))
    assert answers == {"party": 404, "other": 404, "provider": 200, "staff": 200, "anonymous": 404}


def test_the_workspace_and_the_forms_are_for_their_audiences(cast, provider):
    assert statuses(cast, reverse("matching:workspace")) == {
        "party": 200,
        "other": 200,
        "provider": 200,
        "staff": 200,
        "anonymous": LOGIN,
    }
    assert statuses(cast, reverse("matching:need_new")) == {
        "party": 200,
        "other": 200,
        "provider": 404,
        "staff": 404,
        "anonymous": LOGIN,
    }
    assert statuses(cast, reverse("matching:resource_new")) == {
        "party": 404,
        "other": 404,
        "provider": 200,
        "staff": 404,
        "anonymous": LOGIN,
    }


def test_a_match_is_seen_by_the_party_and_the_staff_then_the_provider(
    cast, ke_official, ke_focal, resource, triage
):
    need = make_need(ke_official, ke_focal)
    match = services.propose_match(need, resource, actor=triage)
    url = reverse("matching:match_detail", args=[match.pk])
    assert statuses(cast, url) == {
        "party": 200,
        "other": 404,
        "provider": 404,
        "staff": 200,
        "anonymous": LOGIN,
    }
    answers = statuses(cast, reverse("matching:match_answer", args=[match.pk]), "post", {})
    assert answers["other"] == 404
    assert answers["provider"] == 404


def test_the_africa_bureau_brokers_kenyas_needs_and_an_officer_sees_only_what_is_shared(
    ke_official, ke_focal, bureau_africa, officer, resource
):
    private = make_need(ke_official, ke_focal, visibility=Visibility.PRIVATE)
    shared = make_need(ke_official, ke_focal, visibility=Visibility.PROVIDERS)
    bureau, outsider = client_for(bureau_africa), client_for(officer)
    assert bureau.get(reverse("matching:need_detail", args=[private.pk])).status_code == 200
    assert outsider.get(reverse("matching:need_detail", args=[private.pk])).status_code == 404
    page = outsider.get(reverse("matching:need_detail", args=[shared.pk]))
    assert page.status_code == 200
    assert b"Kenya" not in page.content
    assert services.propose_match(private, resource, actor=bureau_africa).need == private
