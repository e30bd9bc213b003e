"""Recommendation 9 in the browser: a need drafted, published, matched, accepted, an activity.

Each person signs in in turn (the cookies are cleared between them); every page they use is
checked with axe.
"""

import datetime

import pytest
from django.utils import timezone

from portal.models import Match, MatchStatus, Need
from tests.browser.helpers import assert_no_axe_violations, sign_in, sign_in_staff
from tests.conftest import PASSWORD, make_user
from tests.portal.matching_support import make_provider, make_resource

pytestmark = pytest.mark.browser


def as_user(page, username: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username, PASSWORD)


def test_a_need_goes_from_draft_to_an_accepted_match_and_an_activity(
    page, ke_official, ke_focal, triage
):
    offering = make_user("provider-member")
    resource = make_resource(offering, make_provider(members=[offering], approved_by=triage))

    # Kenya's official drafts the need; a missing legal area is named beside the field first.
    as_user(page, "ke-official")
    page.goto("/needs/new/")
    start = timezone.localdate() + datetime.timedelta(days=20)
    page.get_by_label("What is needed").fill("Help modernising the copyright law")
    page.get_by_label("Description").fill("Our law predates the Internet treaties.")
    page.locator("#id_starts_on").fill(start.isoformat())
    page.locator("#id_ends_on").fill((start + datetime.timedelta(days=60)).isoformat())
    page.get_by_label("Expected outcome").fill("A draft amendment.")
    page.get_by_role("button", name="Save the draft").click()
    page.wait_for_load_state()
    assert page.locator("#id_legal_areas_error").is_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Copyright", exact=True).check()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Save the draft").click()
    page.wait_for_load_state()
    need = Need.objects.get()
    assert need.status == "draft"
    assert_no_axe_violations(page)

    # Kenya's focal point publishes it for registered providers.
    as_user(page, "ke-focal")
    page.goto(need.get_absolute_url())
    page.get_by_label("Also registered providers (without naming our party)").check()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)

    # The triage desk sees the resource ranked, with its reasons, and proposes it.
    page.context.clear_cookies()
    sign_in_staff(page, triage, PASSWORD)
    page.goto(need.get_absolute_url())
    assert page.get_by_text("Covers Copyright (1 of 1 legal areas).").is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Propose this match").click()
    page.wait_for_load_state()
    match = Match.objects.get()
    assert_no_axe_violations(page)

    # Kenya accepts first; only then does the provider see the match, and accept it.
    as_user(page, "ke-focal")
    page.goto(match.get_absolute_url())
    page.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    as_user(page, "provider-member")
    page.goto(match.get_absolute_url())
    assert page.get_by_text("Kenya").first.is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    match.refresh_from_db()
    assert match.status == MatchStatus.ACCEPTED
    assert page.get_by_role("link", name=resource.title).first.is_visible()
    page.get_by_role("link", name=need.title).last.click()
    page.wait_for_load_state()
    assert match.activity.recommendations.filter(number=9).exists()
