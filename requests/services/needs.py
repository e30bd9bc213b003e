"""A development need (recommendation 9) made into an assistance request, keeping the link."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.activities import services as activity_services
from portal.matching import permissions as matching_permissions
from portal.models import Activity, Match, MatchStatus, Need, NeedStatus, User
from requests import notifications
from requests.models import AssistanceRequest, NeedRequest, RequestActivity
from requests.services.activities import LEADS_TO_ACTIVITIES
from requests.services.drafting import create_draft


def initial_answers(need: Need) -> dict[str, Any]:
    """The request's answers the need already gives (the form starts from them)."""
    wished_by = need.ends_on if need.ends_on > timezone.localdate() else None
    return {
        "kind": need.kinds[0] if need.kinds else "",
        "legal_areas": list(need.legal_areas),
        "title": need.title,
        "description": "\n\n".join(
            [
                need.description,
                _("Expected outcome: %(outcome)s") % {"outcome": need.expected_outcome},
            ]
        ),
        "wished_by": wished_by,
    }


def check_may_request(actor: User, need: Need) -> None:
    if not matching_permissions.is_member_of_need_party(actor, need):
        raise PermissionDenied
    if need.status == NeedStatus.CLOSED:
        raise ValidationError(_("A closed need cannot become a request."))
    if NeedRequest.objects.filter(need=need).exists():
        raise ValidationError(_("This need has already become a request."))


@transaction.atomic
def request_from_need(
    need: Need, *, actor: User, data: dict, attachments: Iterable[UploadedFile] = ()
) -> AssistanceRequest:
    """A draft request of the need's party from the need; the link is kept. All or nothing."""
    check_may_request(actor, need)
    assistance_request = create_draft(actor=actor, data=data, attachments=attachments)
    NeedRequest.objects.create(need=need, assistance_request=assistance_request, linked_by=actor)
    return assistance_request


def link_match_activity(match: Match, actor: User) -> None:
    """An accepted match's activity belongs to the request its need became, once accepted.

    Registered with portal.matching.services at start-up (RequestsConfig.ready); the actor is
    the provider's member whose acceptance concluded the match.
    """
    if match.status != MatchStatus.ACCEPTED:
        raise ValidationError(_("Only an accepted match becomes an activity of the request."))
    if not matching_permissions.may_move_match(actor, match, "provider", match.status):
        raise PermissionDenied
    link = NeedRequest.objects.filter(need_id=match.need_id).first()
    if link is None or match.activity is None:
        return
    assistance_request = link.assistance_request
    if assistance_request.status not in LEADS_TO_ACTIVITIES:
        return  # recorded on the request only once it is accepted (DESIGN.md s.3)
    _link_activity(assistance_request, match.activity, actor=actor)


def link_concluded_matches(assistance_request: AssistanceRequest, *, actor: User) -> int:
    """On acceptance: the activities of matches concluded earlier on the request's need.

    Call inside the transaction that accepts the request; returns how many were linked.
    """
    need_ids = NeedRequest.objects.filter(assistance_request=assistance_request).values("need_id")
    matches = Match.objects.filter(
        need_id__in=need_ids, status=MatchStatus.ACCEPTED, activity__isnull=False
    ).select_related("activity")
    return sum(
        _link_activity(assistance_request, match.activity, actor=actor)
        for match in matches
        if match.activity is not None  # the filter's promise, said again for the type checker
    )


def _link_activity(
    assistance_request: AssistanceRequest, activity: Activity, *, actor: User
) -> bool:
    """Link once; the consent the party gave on the request reaches the activity with it.

    The party's focal points and the request's officer are told, in the same transaction.
    """
    _link, created = RequestActivity.objects.get_or_create(
        activity=activity,
        defaults={"assistance_request": assistance_request, "linked_by": actor},
    )
    if created:
        notifications.activity_linked(assistance_request, activity)
    if created and (assistance_request.consent_general or assistance_request.consent_details):
        consent = assistance_request.consent_changes.order_by("-at", "-pk").first()
        activity_services.carry_over_consent(
            activity,
            actor=actor,
            party=assistance_request.party,
            by=consent.by if consent else actor,
            general=assistance_request.consent_general,
            details=assistance_request.consent_details,
        )
    return created


def request_of_need(need: Need) -> AssistanceRequest | None:
    link = NeedRequest.objects.select_related("assistance_request").filter(need=need).first()
    return link.assistance_request if link else None
