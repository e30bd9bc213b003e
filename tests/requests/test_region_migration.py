"""The migration that made the scope data: regions stamped, the rows the columns replace gone.

It runs here on a world made as before it (regions blank, the bureau's and the officer's rows
granted as the services used to), then the scope by columns shows what the rows showed.
"""

import importlib

import pytest
from django.apps import apps
from guardian.shortcuts import assign_perm

from portal.models import Region
from portal.roles import bureau_group
from requests import services
from requests.models import (
    AssistanceRequest,
    AssistanceRequestGroupObjectPermission,
    AssistanceRequestUserObjectPermission,
    Status,
)
from requests.permissions import VIEW, visible_requests
from tests.conftest import make_user
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db
migration = importlib.import_module(
    "requests.migrations.0013_stamp_region_and_drop_bureau_and_officer_grants"
)


def rows() -> set[tuple[str, str]]:
    by_group = AssistanceRequestGroupObjectPermission.objects.values_list(
        "group__name", "permission__codename"
    )
    by_user = AssistanceRequestUserObjectPermission.objects.values_list(
        "user__username", "permission__codename"
    )
    return set(by_group) | set(by_user)


def test_regions_are_stamped_and_only_the_exceptions_keep_their_rows(
    ke_official, ke_focal, cl_official, cl_focal, triage, officer, bureau_africa
):
    kenya = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    chile = move(draft(cl_official), Status.SUBMITTED, actor=cl_focal)
    services.assign_officer(kenya, officer, actor=triage)
    consultant = make_user("consultant", is_staff=True)
    # Assigned as before the desk checked who may take a region's requests.
    AssistanceRequest.objects.filter(pk=chile.pk).update(assigned_officer=consultant)
    services.grant_access(chile, actor=triage, user=consultant)  # also given access by name
    # As before: no region, the bureau's group and the officers granted on each request.
    AssistanceRequest.objects.update(region="")
    kenya.refresh_from_db()
    chile.refresh_from_db()
    for assistance_request, region in (
        (kenya, Region.AFRICA),
        (chile, Region.LATIN_AMERICA_CARIBBEAN),
    ):
        assign_perm(VIEW, bureau_group(region), assistance_request)
        assign_perm(VIEW, assistance_request.assigned_officer, assistance_request)
        assign_perm(
            "requests.change_assistancerequest",
            assistance_request.assigned_officer,
            assistance_request,
        )

    migration.forward(apps, None)

    regions = dict(AssistanceRequest.objects.values_list("pk", "region"))
    assert regions == {kenya.pk: Region.AFRICA, chile.pk: Region.LATIN_AMERICA_CARIBBEAN}
    assert rows() == {
        ("party:KE", "view_assistancerequest"),
        ("party:CL", "view_assistancerequest"),
        ("consultant", "view_assistancerequest"),  # the grant still justifies it
    }
    assert list(visible_requests(bureau_africa)) == [kenya]
    assert list(visible_requests(officer)) == [kenya]
    assert list(visible_requests(consultant)) == [chile]
