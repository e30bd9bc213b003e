"""Who may see and do what on a request (DESIGN.md s.4): predicates, scopes, and fetch helpers.

The scope is data first (STYLE.md convention 15): a party's members see its requests by the
request's `party`, a bureau its region's by the request's `region` (stamped from the party),
an officer theirs by `assigned_officer`, the triage desk every submitted one. django-guardian's
`view_assistancerequest` object permission holds only the exceptions: a beneficiary party's
group, a party or one person given access (services/access.py). Drafts are the party's own
until submitted. visible_requests is the one scope: the site's pages and the desk (admin) read
requests through it, and staff read activities through it (staff_activity_scope).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from portal.actors import Actor
from portal.models import Membership, User
from portal.roles import (
    OFFICERS_GROUP,
    TRIAGE_GROUP,
    bureau_region,
    has_staff_role,
    is_officer,
    is_triage,
)
from portal.workflow import targets
from requests.models import (
    CLOSED_STATUSES,
    PARTY_ONLY_STATUSES,
    AssistanceRequest,
    AssistanceRequestGroupObjectPermission,
    AssistanceRequestUserObjectPermission,
    SavedReply,
    Status,
)
from requests.models.workflow import STAFF_ALSO_MAY, TRANSITIONS
from requests.models.workflow import Actor as Role

VIEW = "requests.view_assistancerequest"
APP, VIEW_CODENAME = VIEW.split(".")


def _membership(user: Actor) -> Membership | None:
    return getattr(user, "membership", None) if user.is_authenticated else None


def is_requesting_member(user: Actor, assistance_request: AssistanceRequest) -> bool:
    membership = _membership(user)
    return membership is not None and membership.party_id == assistance_request.party_id


def is_requesting_focal_point(user: Actor, assistance_request: AssistanceRequest) -> bool:
    membership = _membership(user)
    return (
        is_requesting_member(user, assistance_request)
        and membership is not None  # a member has one
        and membership.is_focal_point
    )


def is_assigned_officer(user: Actor, assistance_request: AssistanceRequest) -> bool:
    return user.is_authenticated and assistance_request.assigned_officer_id == user.pk


def can_work_on(user: Actor, assistance_request: AssistanceRequest) -> bool:
    """Staff who may move the request along and write to the party: triage or its officer."""
    return assistance_request.status not in PARTY_ONLY_STATUSES and _handles(
        user, assistance_request
    )


def _handles(user: Actor, assistance_request: AssistanceRequest) -> bool:
    """The staff who handle a request, whatever its status: the triage desk and its officer."""
    return user.is_staff and (is_triage(user) or is_assigned_officer(user, assistance_request))


def can_take_part(user: Actor, assistance_request: AssistanceRequest) -> bool:
    """The right to write on a request at all, whatever its status: the requesting party's
    members, and the staff who may handle it (triage, its officer). Whether it is open to a
    message now is the rule in can_write_message."""
    return is_requesting_member(user, assistance_request) or _handles(user, assistance_request)


def may_take_region(user: Actor, region: str) -> bool:
    """Who may handle requests of a region: the triage desk and officers, of that region's
    bureau or of none (a bureau's officer handles their own region's requests only)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if not (is_triage(user) or is_officer(user)):
        return False
    return not user.bureau or user.bureau == region


def staff_who_may_take(region: str) -> QuerySet[User]:
    """may_take_region in SQL, for the officer picker; superusers are not offered."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, is_superuser=False)
        .filter(groups__name__in=[TRIAGE_GROUP, OFFICERS_GROUP])
        .filter(Q(bureau="") | Q(bureau=region))
        .distinct()
    )


def can_take(user: Actor, assistance_request: AssistanceRequest) -> bool:
    """ "Take it": a request still open, not already theirs, of a region they may handle."""
    if assistance_request.status in PARTY_ONLY_STATUSES | CLOSED_STATUSES:
        return False
    if assistance_request.assigned_officer_id == user.pk:
        return False
    return may_take_region(user, assistance_request.party.region)


def is_request_staff(user: Actor) -> bool:
    """Staff with a part in triage (the desk, officers, bureaux): they use the admin desk."""
    return has_staff_role(user)


def can_move_in_bulk(user: Actor) -> bool:
    """Bulk moves are for those who move requests: the triage desk and the officers."""
    if is_triage(user):
        return True
    return has_staff_role(user) and is_officer(user)


def can_manage_saved_replies(user: Actor) -> bool:
    """Request staff keep their own saved replies; the triage desk also keeps the shared ones."""
    return is_request_staff(user)


def can_change_saved_reply(user: Actor, saved_reply: SavedReply) -> bool:
    """A shared saved reply is the triage desk's to change; a personal one its owner's."""
    if saved_reply.shared:
        return is_triage(user)
    return is_request_staff(user) and saved_reply.owner_id in (None, user.pk)


def can_grant_access(user: Actor, assistance_request: AssistanceRequest) -> bool:
    """Only the triage desk lets one more party or person see a submitted request."""
    return is_triage(user) and assistance_request.status not in PARTY_ONLY_STATUSES


def visible_requests(user: Actor) -> QuerySet[AssistanceRequest]:
    """Every request the user may see; nothing for the anonymous or the unaffiliated."""
    if not (user.is_authenticated and user.is_active):
        return AssistanceRequest.objects.none()
    if is_triage(user):
        return AssistanceRequest.objects.exclude(status__in=PARTY_ONLY_STATUSES)
    if not user.is_staff:
        return _member_scope(user)
    return _staff_scope(user).exclude(status__in=PARTY_ONLY_STATUSES)


def _granted(
    user: User,
) -> tuple[
    QuerySet[AssistanceRequestUserObjectPermission, int],
    QuerySet[AssistanceRequestGroupObjectPermission, int],
]:
    """Ids of the requests guardian's rows show the user or one of their groups (the
    exceptions), read from the user's rows alone: two joins fewer to plan on every page."""
    view = {
        "permission__codename": VIEW_CODENAME,
        # The content type from Django's per-process cache, as guardian reads it.
        "permission__content_type": ContentType.objects.get_for_model(AssistanceRequest),
    }
    groups = user.groups.through.objects.filter(user_id=user.pk).values("group_id")
    by_user = AssistanceRequestUserObjectPermission.objects.filter(user=user, **view).values_list(
        "content_object_id", flat=True
    )
    by_group = AssistanceRequestGroupObjectPermission.objects.filter(
        group_id__in=groups, **view
    ).values_list("content_object_id", flat=True)
    return by_user, by_group


def _staff_scope(user: User) -> QuerySet[AssistanceRequest]:
    """A bureau's region and an officer's assignments, by the request's own indexed columns.

    The exceptions are read first, once per request of the person's (remembered on the user,
    as their roles are): guardian's rows and, for a bureau, its member's assignments outside
    the region, a few ids, usually none. The region alone is then one index range, which the
    desk's partial indexes answer in list order and count without reading the table.
    """
    region = bureau_region(user)
    exceptions: list[int] | None = getattr(user, "_request_scope_exceptions", None)
    if exceptions is None:
        by_user, by_group = _granted(user)
        if region:
            assigned = (
                AssistanceRequest.objects.filter(assigned_officer=user.pk)
                .exclude(region=region)
                .values_list("pk", flat=True)
            )
            by_user = by_user.union(assigned)
        exceptions = list(by_user.union(by_group))
        user._request_scope_exceptions = exceptions  # type: ignore[attr-defined]  # a per-request memo, not a field
    if not region:
        return AssistanceRequest.objects.filter(Q(assigned_officer=user.pk) | Q(pk__in=exceptions))
    if not exceptions:
        return AssistanceRequest.objects.filter(region=region)
    return AssistanceRequest.objects.filter(Q(region=region) | Q(pk__in=exceptions))


def _member_scope(user: User) -> QuerySet[AssistanceRequest]:
    """A party member's requests: their party's own by the request's party, the rest by guardian.

    A member is in the party's group exactly while a member, and guardian's rows decide
    everything but the party's own (beneficiaries, grants to the party or to the person). Those
    few ids are read first, from indexes alone, apart from the party's own: with 100,000
    requests the official's list read every one of the party's 1,500 requests to show 25.
    tests/requests/test_visibility_scope_equivalence.py proves the scope equal to the rule.
    """
    membership = _membership(user)
    by_user, by_group = _granted(user)
    if membership is None:
        return AssistanceRequest.objects.filter(pk__in=by_user.union(by_group))
    own = AssistanceRequest.objects.filter(party_id=membership.party_id)
    granted = list(by_user.union(by_group.exclude(content_object_id__in=own.values("pk"))))
    return AssistanceRequest.objects.filter(Q(party_id=membership.party_id) | Q(pk__in=granted))


def staff_activity_scope(user: Actor, by_region: Q) -> Q:
    """Which activities a staff member may see (registered with portal.activities.permissions).

    An activity recorded on a request follows the request: only those who see the request. One
    on no request keeps the core's rule (`by_region`: its beneficiaries' regions). The triage
    desk sees every activity before this is asked.
    """
    return (Q(request_link__isnull=True) & by_region) | Q(
        request_link__assistance_request__in=visible_requests(user).values("pk")
    )


def can_open_review(user: Actor) -> bool:
    """The yearly review counts every activity and request of the year, confidential ones too:
    it is for those who see them all, the triage desk, not a bureau or an officer."""
    return is_triage(user)


def can_view(user: Actor, assistance_request: AssistanceRequest) -> bool:
    return visible_requests(user).filter(pk=assistance_request.pk).exists()


def can_edit_draft(user: Actor, assistance_request: AssistanceRequest) -> bool:
    """Any member edits a draft; once handed over (ready), only the focal point does."""
    if assistance_request.status == Status.READY:
        return is_requesting_focal_point(user, assistance_request)
    return assistance_request.status == Status.DRAFT and is_requesting_member(
        user, assistance_request
    )


def can_discard_draft(user: Actor, assistance_request: AssistanceRequest) -> bool:
    """A draft the organisation never saw is discarded by its author or the focal point."""
    if assistance_request.status not in PARTY_ONLY_STATUSES:
        return False
    return is_requesting_focal_point(user, assistance_request) or (
        is_requesting_member(user, assistance_request)
        and assistance_request.created_by_id == user.pk
    )


def can_move(user: Actor, assistance_request: AssistanceRequest, to_status: str) -> bool:
    """Whether the workflow lets this user make this move now."""
    who = targets(TRANSITIONS, assistance_request.status).get(to_status)
    return who is not None and plays(user, assistance_request, who, to_status)


def plays(user: Actor, assistance_request: AssistanceRequest, who: str, to_status: str) -> bool:
    """Whether the user acts as `who` (a workflow Actor) on this request for this move."""
    if (assistance_request.status, to_status) in STAFF_ALSO_MAY and can_work_on(
        user, assistance_request
    ):
        return True
    if who == Role.STAFF:
        return can_work_on(user, assistance_request)
    if who == Role.FOCAL_POINT:
        return is_requesting_focal_point(user, assistance_request)
    return is_requesting_member(user, assistance_request)


def can_write_message(user: Actor, assistance_request: AssistanceRequest) -> bool:
    if assistance_request.status in (*PARTY_ONLY_STATUSES, Status.CLOSED, Status.WITHDRAWN):
        return False
    return is_requesting_member(user, assistance_request) or can_work_on(user, assistance_request)


def can_upload(user: Actor, assistance_request: AssistanceRequest) -> bool:
    if assistance_request.status in (Status.CLOSED, Status.WITHDRAWN, Status.DECLINED):
        return False
    return is_requesting_member(user, assistance_request) or can_work_on(user, assistance_request)


def can_consent(user: Actor, assistance_request: AssistanceRequest) -> bool:
    return assistance_request.status not in PARTY_ONLY_STATUSES and is_requesting_focal_point(
        user, assistance_request
    )


def can_rate(user: Actor, assistance_request: AssistanceRequest) -> bool:
    return (
        assistance_request.status in (Status.DELIVERED, Status.CLOSED)
        and is_requesting_focal_point(user, assistance_request)
        and not hasattr(assistance_request, "feedback")
    )


def drafts_waiting_for(user: Actor) -> QuerySet[AssistanceRequest]:
    """The drafts an official handed to this focal point (none for anyone else)."""
    membership = _membership(user)
    if membership is None or not membership.is_focal_point:
        return AssistanceRequest.objects.none()
    return AssistanceRequest.objects.filter(party_id=membership.party_id, status=Status.READY)


def requests_open_to_activities(
    user: Actor, statuses: Iterable[str]
) -> QuerySet[AssistanceRequest]:
    """The requests in `statuses` the user may record activities on: can_work_on, in SQL."""
    if not user.is_staff:
        return AssistanceRequest.objects.none()
    scope = visible_requests(user).filter(status__in=statuses)
    if is_triage(user):
        return scope
    return scope.filter(assigned_officer=user)


@dataclass(frozen=True)
class RequestRights:
    """What one person may do on one request, decided once per request for the page.

    Built by rights_on from one read of their membership and role; the predicates above say
    the same one at a time (tests/requests/test_request_rights.py holds them equal).
    """

    edit: bool
    hand_over: bool  # an official marks the draft ready for the focal point
    send_back: bool  # the focal point returns a ready draft to the draft
    submit: bool
    discard: bool
    withdraw: bool
    respond: bool  # the party answers the organisation's question
    message: bool
    upload: bool
    consent: bool
    rate: bool
    access_log: bool
    sees_internal: bool  # internal notes, and notes on status changes kept for staff


def rights_on(user: Actor, assistance_request: AssistanceRequest) -> RequestRights:
    """This user's rights on this request: the page's one call into this module."""
    status = assistance_request.status
    membership = _membership(user)
    member = membership is not None and membership.party_id == assistance_request.party_id
    focal_point = member and membership is not None and membership.is_focal_point
    works_on = can_work_on(user, assistance_request)
    moves = targets(TRANSITIONS, status)

    def may_move(to_status: str) -> bool:
        who = moves.get(to_status)
        if who is None:
            return False
        if works_on and ((status, to_status) in STAFF_ALSO_MAY or who == Role.STAFF):
            return True
        return focal_point if who == Role.FOCAL_POINT else member and who == Role.PARTY

    party_only = status in PARTY_ONLY_STATUSES
    return RequestRights(
        edit=focal_point if status == Status.READY else status == Status.DRAFT and member,
        hand_over=status == Status.DRAFT and not focal_point and may_move(Status.READY),
        send_back=status == Status.READY and may_move(Status.DRAFT),
        submit=may_move(Status.SUBMITTED),
        discard=party_only
        and (focal_point or (member and assistance_request.created_by_id == user.pk)),
        withdraw=may_move(Status.WITHDRAWN),
        respond=status == Status.INFORMATION_REQUESTED and member,
        message=status not in (*PARTY_ONLY_STATUSES, Status.CLOSED, Status.WITHDRAWN)
        and (member or works_on),
        upload=status not in (Status.CLOSED, Status.WITHDRAWN, Status.DECLINED)
        and (member or works_on),
        consent=not party_only and focal_point,
        rate=status in (Status.DELIVERED, Status.CLOSED)
        and focal_point
        and not hasattr(assistance_request, "feedback"),
        # The party's members (officials too) and the request's staff see who opened it.
        access_log=member or is_request_staff(user),
        sees_internal=user.is_staff and not member,
    )


def get_request_for_user(
    user: Actor, reference: str, *, for_edit: bool = False
) -> AssistanceRequest:
    """The request, if the user may see it: 404 to everyone else (they learn nothing).

    With for_edit, an insider who may see but not change the draft gets 403.
    """
    assistance_request = (
        visible_requests(user)
        .select_related("party", "assigned_officer", "created_by", "submitted_by")
        .filter(reference=reference)
        .first()
    )
    if assistance_request is None:
        raise Http404
    if for_edit and not can_edit_draft(user, assistance_request):
        raise PermissionDenied
    return assistance_request
