"""Who may see what of an activity (rec. 5, DESIGN.md s.4): the one rule, and fetch helpers.

- Anyone: the general information of an activity every beneficiary consented to publish;
  its details only where every beneficiary consented to those too. Consent is the only way to
  publish (services.refresh_publication), for an activity recorded on a request too.
- Members of a beneficiary party: everything of that activity, published or not.
- Staff: everything of the activities in their staff scope, published or not. The triage desk
  sees every activity; a bureau's staff those whose beneficiaries include a party of its
  region; an activity recorded on a confidential request follows that request instead: staff
  who may not see the request (another region's bureau, an officer not assigned to it) do not
  see the unpublished activity either.
- Everyone else: 404 for an activity that is not published (they learn nothing of it).

The request-aware part cannot live here: the link to the request is the requests app's, and
portal imports no feature app (DESIGN.md s.2). So the region rule is the core's, and an app
that ties activities to confidential objects says how its activities are seen by registering a
scope function at start-up (requests does, in RequestsConfig.ready:
requests.permissions.staff_activity_scope): it receives the core's rule as a Q and returns
the Q to apply. One list, no signal, no setting; every reader below (admin, public pages,
exports, the yearly review) goes through staff_activities.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from portal.actors import Actor
from portal.models import Activity, ActivityStatus, Consultant, Party
from portal.roles import bureau_region, is_triage


def public_activities() -> QuerySet[Activity]:
    """Activities whose general information every beneficiary consented to publish."""
    return Activity.objects.filter(general_info_public=True).exclude(
        status=ActivityStatus.CANCELLED
    )


def _is_staff(user: Actor) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


def _party(user: Actor) -> Party | None:
    return user.party if user.is_authenticated and user.is_active else None


def is_beneficiary_member(user: Actor, activity: Activity) -> bool:
    """The user belongs to a beneficiary party (uses prefetched beneficiaries when present)."""
    party = _party(user)
    return party is not None and party.pk in {p.pk for p in activity.beneficiaries.all()}


StaffScope = Callable[[Actor, Q], Q]
_staff_scopes: list[StaffScope] = []


def register_staff_scope(scope: StaffScope) -> None:
    """Let an app say which activities staff see: scope(user, rule) returns the Q to apply."""
    if scope not in _staff_scopes:
        _staff_scopes.append(scope)


def by_beneficiary_region(user: Actor) -> Q:
    """Activities with a beneficiary in the user's bureau region (none for staff of no bureau)."""
    region = bureau_region(user)
    if not region:
        return Q(pk__in=[])
    beneficiaries = Activity.beneficiaries.through.objects.filter(party__region=region)
    return Q(pk__in=beneficiaries.values("activity_id"))


def staff_activities(
    user: Actor, activities: QuerySet[Activity] | None = None
) -> QuerySet[Activity]:
    """The activities (of the given queryset) a staff member sees and edits; none for others."""
    activities = Activity.objects.all() if activities is None else activities
    if not _is_staff(user):
        return activities.none()
    if is_triage(user):
        return activities
    rule = by_beneficiary_region(user)
    for scope in _staff_scopes:
        rule = scope(user, rule)
    return activities.filter(rule)


def _in_staff_scope(user: Actor, activity: Activity) -> bool:
    """One query per user and activity, remembered on the activity (a page asks several times)."""
    seen = activity.__dict__.setdefault("_in_staff_scope", {})
    if user.pk not in seen:
        seen[user.pk] = staff_activities(user).filter(pk=activity.pk).exists()
    return seen[user.pk]


def can_see_everything(user: Actor, activity: Activity) -> bool:
    if _is_staff(user):
        return _in_staff_scope(user, activity)
    return is_beneficiary_member(user, activity)


def can_see(user: Actor, activity: Activity) -> bool:
    published = activity.general_info_public and activity.status != ActivityStatus.CANCELLED
    return published or can_see_everything(user, activity)


def can_see_details(user: Actor, activity: Activity) -> bool:
    return (activity.details_public and can_see(user, activity)) or can_see_everything(
        user, activity
    )


def can_consent(user: Actor, activity: Activity) -> bool:
    """The focal point of a beneficiary party gives or withdraws that party's consent."""
    membership = getattr(user, "membership", None) if _party(user) else None
    return (
        membership is not None
        and membership.is_focal_point
        and is_beneficiary_member(user, activity)
    )


def can_edit(user: Actor, activity: Activity) -> bool:
    """Staff record and change the activities in their scope (the admin's change form)."""
    return _is_staff(user) and _in_staff_scope(user, activity)


def records_activities(user: Actor) -> bool:
    """Staff record activities (DESIGN.md s.1); tying one to a request needs more (services)."""
    return _is_staff(user)


def may_move_activity(actor: Actor, activity: Activity, who: str, to_status: str) -> bool:
    """The role ACTIVITY_TRANSITIONS names (portal.workflow.move's `may`)."""
    return who == "staff" and can_edit(actor, activity)


def can_carry_over_consent(user: Actor, activity: Activity) -> bool:
    """A consent given on a request reaches its activities when the staff who link them, or
    the focal point who gives it, act."""
    return can_edit(user, activity) or can_consent(user, activity)


def can_see_contact_details(user: Actor) -> bool:
    """Consultants' e-mail and telephone are for staff only (recommendation 6)."""
    return _is_staff(user)


def get_activity_for_user(user: Actor, pk: int, *, for_edit: bool = False) -> Activity:
    """The activity if the user may see it, else 404; with for_edit, 403 unless they consent."""
    activity = (
        Activity.objects.prefetch_related(
            Prefetch("beneficiaries", queryset=Party.objects.order_by("name")),
            "recommendations__cluster",
        )
        .filter(pk=pk)
        .first()
    )
    if activity is None or not can_see(user, activity):
        raise Http404
    if for_edit and not can_consent(user, activity):
        raise PermissionDenied
    return activity


def get_consultant_for_user(user: Actor, pk: int) -> Consultant:
    """A consultant on the public roster (staff also see the unlisted), else 404."""
    scope = Consultant.objects.select_related("nationality")
    if not _is_staff(user):
        scope = scope.filter(is_listed=True)
    consultant = scope.filter(pk=pk).first()
    if consultant is None:
        raise Http404
    return consultant
