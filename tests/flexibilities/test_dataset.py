"""The dataset page, the change log and its Atom feed, and "Cite this provision"."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from flexibilities import services
from flexibilities.models import Provision, ProvisionChange
from tests.flexibilities.conftest import make_provision
from tests.flexibilities.test_import import GOOD, csv_bytes, run

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
FEED = reverse("flexibilities:changes_feed")


def log() -> list[tuple[str, str, list[str]]]:
    return [
        (change.provision.article, change.kind, change.fields)
        for change in ProvisionChange.objects.order_by("id")
    ]


def entries(client, params=None) -> list[str]:
    response = client.get(FEED, params or {})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, in a test
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_publishing_amending_and_withdrawing_are_logged_and_drafts_are_not(admin_user):
    draft = make_provision("KE", article="s.1", is_published=False)
    published = make_provision("KE", article="s.2")
    published.text = "A new text."
    services.save_provision(published, actor=None)
    services.save_provision(published, actor=None)  # nothing changed: nothing logged
    services.publish_provisions(Provision.objects.filter(pk=draft.pk), actor=None)
    services.unpublish_provisions(Provision.objects.filter(pk=published.pk), actor=None)
    draft.refresh_from_db()
    draft.note = "an editor's note"
    services.save_provision(draft, actor=None)
    assert log() == [
        ("s.2", "added", []),
        ("s.2", "amended", ["text"]),
        ("s.1", "added", []),
        ("s.2", "withdrawn", []),
        ("s.1", "amended", ["note"]),
    ]


def test_the_import_logs_what_it_adds_and_amends():
    run(csv_bytes([GOOD, {**GOOD, "article": "Draft", "published": "false"}]))
    run(csv_bytes([{**GOOD, "text": "Amended text."}]))
    assert log() == [
        ("Section 58(2)", "added", []),
        ("Section 58(2)", "amended", ["text"]),
    ]


def test_the_feed_lists_the_changes_newest_first_and_filters_by_party_and_category(client):
    make_provision("KE", "compulsory-licences", law_title="Kenyan Act", article="s.1")
    make_provision("CL", "utility-models", law_title="Ley chilena", article="art. 2")
    chilean = Provision.objects.get(party__code="CL")
    services.unpublish_provisions(Provision.objects.filter(pk=chilean.pk), actor=None)
    assert entries(client) == [
        "Withdrawn: Chile: Ley chilena, art. 2",
        "Added: Chile: Ley chilena, art. 2",
        "Added: Kenya: Kenyan Act, s.1",
    ]
    assert entries(client, {"party": "KE"}) == ["Added: Kenya: Kenyan Act, s.1"]
    assert len(entries(client, {"category": "utility-models"})) == 2
    assert entries(client, {"party": "ZZ"}) == entries(client)  # an unknown filter is ignored


def test_the_dataset_page_counts_names_its_licence_sources_and_recent_changes(client):
    make_provision("KE", "compulsory-licences")
    make_provision("KE", "utility-models")
    make_provision("CL", "utility-models", is_published=False)
    response = client.get(reverse("flexibilities:dataset"))
    html = response.content.decode()
    assert "The database holds 2 published provisions." in html
    assert "Last updated on" in html and "CC BY 4.0" in html and "CDIP/5/4" in html
    assert response.context["by_party"][0].provision_count == 2
    assert len(response.context["changes"]) == 2
    assert 'type="application/atom+xml"' in html and 'href="/flexibilities/changes.atom"' in html
    narrowed = client.get(reverse("flexibilities:dataset"), {"party": "CL"})
    assert list(narrowed.context["changes"]) == []
    assert 'href="/flexibilities/changes.atom?party=CL"' in narrowed.content.decode()


def test_a_provision_page_gives_a_stable_url_and_a_citation_line(client):
    provision = make_provision(
        "KE", law_title="Industrial Property Act", law_number="No. 3 of 2001", article="s.80"
    )
    html = client.get(provision.get_absolute_url()).content.decode()
    url = f"http://testserver/flexibilities/provisions/{provision.pk}/"
    assert f'<a href="{url}">{url}</a>' in html
    assert (
        f"Kenya. Industrial Property Act (No. 3 of 2001), s.80. In: Flexibilities database. {url}"
        in html
    )
    assert "History in this database" in html


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # categories, parties, counts by category, by party, last change, changes
        (reverse("flexibilities:dataset"), 6),
        (reverse("flexibilities:changes_feed"), 3),  # parties, categories, changes
    ],
)
def test_the_dataset_page_and_feed_cost_the_same_with_3_or_30_changes(
    client, django_assert_num_queries, url, queries
):
    for number in range(30):
        if number == 3:
            with django_assert_num_queries(queries):
                client.get(url)
        make_provision(["KE", "CL", "TH"][number % 3])
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_the_dataset_counts_are_cached_until_a_provision_changes(client, django_assert_num_queries):
    make_provision("KE")
    client.get(reverse("flexibilities:dataset"))
    with django_assert_num_queries(3):  # categories, parties (the change filter), changes
        response = client.get(reverse("flexibilities:dataset"))
    assert response.context["total"] == 1
    make_provision("CL")
    assert client.get(reverse("flexibilities:dataset")).context["total"] == 2
