"""The browse pages: a provision, a flexibility, a party, the comparison, linked together."""

import pytest
from django.urls import reverse

from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_a_provision_page_shows_its_text_citation_and_links(client):
    provision = make_provision(
        "CL",
        "exhaustion-of-rights",
        law_title="Ley 19.039",
        law_number="19.039",
        article="Artículo 49",
        text="El titular no puede impedir la importación.",
        language="es",
        implementation_option="international",
        source_url="https://www.bcn.cl/leychile",
        note="Translated heading.",
    )
    page = html(client.get(provision.get_absolute_url()))
    assert '<blockquote class="provision-text" lang="es">' in page
    assert (
        "<bdi>Ley 19.039</bdi> (<bdi>19.039</bdi>)" in page
        and "Spanish" in page
        and "Translated heading." in page
    )
    assert "International exhaustion" in page
    assert 'href="/flexibilities/parties/CL/"' in page
    assert 'href="/flexibilities/categories/exhaustion-of-rights/"' in page
    assert 'href="https://www.bcn.cl/leychile"' in page
    assert "Sample data" not in page


def test_sample_data_is_labelled_as_such_wherever_it_is_shown(client):
    provision = make_provision("KE", is_sample=True)
    for url in (
        provision.get_absolute_url(),
        reverse("flexibilities:search"),
        reverse("flexibilities:party_detail", args=["KE"]),
    ):
        assert "Sample data: verify against the official text." in html(client.get(url)), url


def test_a_flexibility_page_explains_it_and_shows_who_uses_it_and_how(client):
    make_provision("KE", "exhaustion-of-rights", implementation_option="international")
    make_provision("CL", "exhaustion-of-rights", implementation_option="national")
    make_provision("CL", "exhaustion-of-rights", implementation_option="national")
    page = html(client.get(reverse("flexibilities:category_detail", args=["exhaustion-of-rights"])))
    assert "Exhaustion of rights" in page and "Article 6" in page
    assert (
        'href="/flexibilities/parties/KE/"' in page and 'href="/flexibilities/parties/CL/"' in page
    )
    assert "?category=exhaustion-of-rights&amp;party=CL" in page
    assert "National exhaustion" in page and "International exhaustion" in page
    assert client.get("/flexibilities/categories/no-such-thing/").status_code == 404


def test_the_list_of_flexibilities_shows_every_category_with_counts(client):
    make_provision("KE", "security-exception")
    page = html(client.get(reverse("flexibilities:category_list")))
    assert page.count('class="card"') == 14
    assert "1 provision · 1 party" in page


def test_a_party_page_groups_its_provisions_by_flexibility(client, django_assert_num_queries):
    for _ in range(12):
        make_provision("KE", "compulsory-licences")
    make_provision("KE", "utility-models", implementation_option="provided")
    url = reverse("flexibilities:party_detail", args=["KE"])
    # party, counts, newest of each, categories, development status records
    with django_assert_num_queries(5):
        page = html(client.get(url))
    assert page.index('id="compulsory-licences"') < page.index('id="utility-models"')
    assert "See all 12 provisions" in page  # ten are shown, the link leads to the rest
    assert "?party=KE&amp;category=compulsory-licences" in page
    assert client.get("/flexibilities/parties/ZZ/").status_code == 404
    assert client.get("/flexibilities/parties/ke/").status_code == 200


def test_the_party_index_lists_parties_with_provisions(client):
    make_provision("KE")
    page = html(client.get(reverse("flexibilities:party_list")))
    assert "Kenya" in page and "Chile" not in page


def test_the_search_page_is_the_nav_entry_of_the_portal(client):
    page = html(client.get(reverse("home")))
    assert 'href="/flexibilities/"' in page


def test_flexibility_names_follow_the_readers_language(client):
    make_provision("KE", "compulsory-licences", is_sample=True)
    page = html(client.get(reverse("flexibilities:search"), HTTP_ACCEPT_LANGUAGE="fr"))
    assert "Licences obligatoires et utilisation par les pouvoirs publics" in page
    page = html(client.get(reverse("flexibilities:category_list"), HTTP_ACCEPT_LANGUAGE="es"))
    assert "Licencias obligatorias y uso gubernamental" in page


def test_a_party_page_shows_its_development_status_as_of_today_with_sources(client):
    page = html(client.get(reverse("flexibilities:party_detail", args=["BD"])))
    assert "Development status as of" in page
    assert "A/RES/76/8" in page  # the scheduled graduation and its resolution
    assert "Outcome not confirmed" in page
    assert "https://github.com/datasets/country-codes" in page  # the LDC record's source


def test_unverified_sample_provisions_say_so_on_their_page(client):
    provision = make_provision("KE", is_sample=True, source_url="", last_verified=None)
    page = html(client.get(provision.get_absolute_url()))
    assert "Unverified sample text" in page
