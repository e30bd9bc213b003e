"""Requests carry their party's region; guardian keeps only the exceptions.

A bureau sees its region's requests by the request's region column and an officer theirs by
the assignment (requests.permissions.visible_requests), so the rows that granted the same to
the bureau's group and to the assigned officer (view, and the officer's change permission,
which nothing read) go. A person given access who is also the officer keeps their row: the
grant still justifies it. The beneficiary parties' and the grants' rows stay.
"""

from django.db import migrations
from django.db.models import Exists, F, OuterRef

BUREAU_GROUP_PREFIX = "bureau:"  # portal.roles


def forward(apps, schema_editor):
    AssistanceRequest = apps.get_model("requests", "AssistanceRequest")
    Party = apps.get_model("portal", "Party")
    AccessGrant = apps.get_model("requests", "AccessGrant")
    GroupPermission = apps.get_model("requests", "AssistanceRequestGroupObjectPermission")
    UserPermission = apps.get_model("requests", "AssistanceRequestUserObjectPermission")
    regions = Party.objects.exclude(region="").values_list("region", flat=True).distinct()
    for region in regions:
        AssistanceRequest.objects.filter(party__region=region).exclude(region=region).update(
            region=region
        )
    GroupPermission.objects.filter(group__name__startswith=BUREAU_GROUP_PREFIX).delete()
    UserPermission.objects.filter(permission__codename="change_assistancerequest").delete()
    granted = AccessGrant.objects.filter(
        assistance_request_id=OuterRef("content_object_id"),
        user_id=OuterRef("user_id"),
        revoked_at=None,
    )
    UserPermission.objects.filter(
        content_object__assigned_officer_id=F("user_id"),
        permission__codename="view_assistancerequest",
    ).exclude(Exists(granted)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0013_matching_needs_resources"),
        ("requests", "0012_request_region_and_queue_indexes"),
    ]

    # Backwards, the region stays stamped and the rows are not made again: the code of before
    # this migration would have to grant them anew (refresh_view_access per request).
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
