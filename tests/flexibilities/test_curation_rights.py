"""Only curators change the database: staff with the curation permission, or the server itself.

The services check it, so the admin, a task and the import command meet the same rule.
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile

from flexibilities import services
from flexibilities.models import ImportJob, Provision
from tests.conftest import make_user
from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator():
    user = make_user("curator", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_provision"))
    return user


@pytest.fixture
def draft_provision():
    return make_provision(is_published=False)


@pytest.mark.parametrize("who", ["triage", "ke_focal", "officer"])
def test_without_the_curation_permission_nothing_is_published(request, who, draft_provision):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.publish_provisions(Provision.objects.filter(pk=draft_provision.pk), actor=actor)
    draft_provision.refresh_from_db()
    assert not draft_provision.is_published


def test_a_curator_publishes_and_edits(curator, draft_provision):
    query = Provision.objects.filter(pk=draft_provision.pk)
    assert services.publish_provisions(query, actor=curator) == 1
    draft_provision.refresh_from_db()
    draft_provision.article = "Art. 31bis"
    services.save_provision(draft_provision, actor=curator)
    assert Provision.objects.get(pk=draft_provision.pk).article == "Art. 31bis"


def test_an_official_cannot_start_an_import(ke_official):
    with pytest.raises(PermissionDenied):
        services.create_import_job(
            file=ContentFile(b"party,category\n", name="x.csv"),
            name="x.csv",
            partial=False,
            user=ke_official,
        )
    assert not ImportJob.objects.exists()
