"""Staff curation in the admin: edits go through the service, clashes show beside the form."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import reverse

from flexibilities import services
from flexibilities.models import FlexibilityCategory, Provision
from portal.models import Party
from tests.conftest import client_for
from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db


def form_data(**changes) -> dict:
    data = {
        "party": Party.objects.get(code="KE").pk,
        "category": FlexibilityCategory.objects.get(slug="exhaustion-of-rights").pk,
        "implementation_option": "national",
        "law_title": "Industrial Property Act",
        "law_number": "",
        "article": "Section 58",
        "text": "Rights do not extend to goods put on the market in Kenya.",
        "language": "en",
        "is_published": "on",
    }
    return {**data, **changes}


def test_staff_add_a_provision_and_the_service_derives_its_key(admin_client, client):
    response = admin_client.post(reverse("admin:flexibilities_provision_add"), form_data())
    assert response.status_code == 302
    provision = Provision.objects.get()
    assert provision.law_key == "Industrial Property Act"
    found = client.get(reverse("flexibilities:search"), {"q": "market"}).context["provisions"]
    assert found == [provision]


def test_an_option_outside_the_category_or_a_duplicate_is_refused_beside_the_form(admin_client):
    url = reverse("admin:flexibilities_provision_add")
    response = admin_client.post(url, form_data(implementation_option="galactic"))
    errors = response.context["adminform"].form.errors
    assert "Not an option of this category" in errors["implementation_option"][0]
    make_provision(
        "KE", "exhaustion-of-rights", law_title="Industrial Property Act", article="Section 58"
    )
    response = admin_client.post(url, form_data())
    assert "This party already has this provision" in response.content.decode()
    assert Provision.objects.count() == 1


def test_the_admin_lists_and_pages_render(admin_client):
    make_provision()
    for name in (
        "admin:flexibilities_provision_changelist",
        "admin:flexibilities_flexibilitycategory_changelist",
        "admin:flexibilities_importjob_changelist",
    ):
        assert admin_client.get(reverse(name)).status_code == 200, name
    category = FlexibilityCategory.objects.first()
    change = reverse("admin:flexibilities_flexibilitycategory_change", args=[category.pk])
    assert admin_client.get(change).status_code == 200
    provision = Provision.objects.get()
    change = reverse("admin:flexibilities_provision_change", args=[provision.pk])
    assert admin_client.get(change).status_code == 200


def test_the_import_form_is_for_staff_who_may_add_provisions(client, stranger, triage):
    url = reverse("admin:flexibilities_provision_import")
    assert client.get(url).status_code == 302  # to the admin login
    assert client_for(stranger).get(url).status_code == 302
    assert client_for(triage).get(url).status_code == 403


def test_the_service_refuses_what_the_form_refuses_whoever_calls_it():
    make_provision("KE", "exhaustion-of-rights", law_title="Patents Act", article="Section 1")
    twin = Provision(
        party=Party.objects.get(code="KE"),
        category=FlexibilityCategory.objects.get(slug="exhaustion-of-rights"),
        implementation_option="galactic",
        law_title="Patents Act",
        article="Section 1",
        text="Same again.",
        language="en",
    )
    with pytest.raises(ValidationError) as refused:
        services.save_provision(twin, actor=None)
    assert set(refused.value.message_dict) == {"implementation_option", NON_FIELD_ERRORS}
    assert Provision.objects.count() == 1
