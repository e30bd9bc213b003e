"""Object permissions on a request: the exceptions to the scope by its own columns.

The party, the bureau of its region and the assigned officer see a request by its columns
(requests.permissions.visible_requests). Guardian's rows hold only the rest: the beneficiary
parties and the parties and persons given access. One function, refresh_view_access, derives
them from the request itself (its party, status, beneficiaries and active grants) and applies
the difference, so no source of access can take away what another still justifies.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from portal.models import Party, User
from portal.roles import party_group
from requests import permissions
from requests.date_drilldown import retire_cached_drilldowns
from requests.models import (
    PARTY_ONLY_STATUSES,
    AccessGrant,
    AssistanceRequest,
    AssistanceRequestGroupObjectPermission,
    AssistanceRequestUserObjectPermission,
)

VIEW = "view_assistancerequest"


def _wanted(assistance_request: AssistanceRequest) -> tuple[set[int], set[int]]:
    """(group ids, user ids) that should see the request now."""
    groups = {party_group(assistance_request.party).pk}
    users: set[int] = set()
    if assistance_request.status in PARTY_ONLY_STATUSES:
        return groups, users  # a draft is the requesting party's own until submitted
    groups |= {party_group(party).pk for party in assistance_request.beneficiaries.all()}
    for grant in assistance_request.access_grants.filter(revoked_at=None).select_related("party"):
        if grant.party is not None:
            groups.add(party_group(grant.party).pk)
        elif grant.user_id is not None:
            users.add(grant.user_id)
    return groups, users


def refresh_view_access(assistance_request: AssistanceRequest) -> None:
    """Grant and revoke guardian's view permission to match.

    Reads the request afresh: a caller's copy may predate an assignment or a submission.
    """
    assistance_request = AssistanceRequest.objects.select_related("party").get(
        pk=assistance_request.pk
    )
    groups, users = _wanted(assistance_request)
    have_groups = set(
        AssistanceRequestGroupObjectPermission.objects.filter(
            content_object=assistance_request, permission__codename=VIEW
        ).values_list("group_id", flat=True)
    )
    have_users = set(
        AssistanceRequestUserObjectPermission.objects.filter(
            content_object=assistance_request, permission__codename=VIEW
        ).values_list("user_id", flat=True)
    )
    for group in Group.objects.filter(pk__in=groups - have_groups):
        assign_perm(VIEW, group, assistance_request)
    for group in Group.objects.filter(pk__in=have_groups - groups):
        remove_perm(VIEW, group, assistance_request)
    user_model = get_user_model()
    for user in user_model.objects.filter(pk__in=users - have_users):
        assign_perm(VIEW, user, assistance_request)
    for user in user_model.objects.filter(pk__in=have_users - users):
        remove_perm(VIEW, user, assistance_request)
    retire_cached_drilldowns()  # who sees which request changed


@transaction.atomic
def grant_access(
    assistance_request: AssistanceRequest,
    *,
    actor: User,
    party: Party | None = None,
    user: User | None = None,
) -> AccessGrant:
    """Let one more party (its group) or one person (e.g. a consultant) see this request only."""
    if not permissions.can_grant_access(actor, assistance_request):
        raise PermissionDenied
    if (party is None) == (user is None):
        raise ValidationError(_("Grant access to either a party or a person, not both."))
    if party is not None and party.pk == assistance_request.party_id:
        raise ValidationError(_("The requesting party already sees its request."))
    grant = AccessGrant.objects.create(
        assistance_request=assistance_request, party=party, user=user, granted_by=actor
    )
    refresh_view_access(assistance_request)
    return grant


@transaction.atomic
def revoke_access(grant: AccessGrant, *, actor: User) -> None:
    """End a grant; the party or person no longer sees the request (unless else entitled)."""
    if not permissions.can_grant_access(actor, grant.assistance_request):
        raise PermissionDenied
    if grant.revoked_at is not None:
        return
    grant.revoked_at, grant.revoked_by = timezone.now(), actor
    grant.save(update_fields=["revoked_at", "revoked_by"])
    refresh_view_access(grant.assistance_request)
