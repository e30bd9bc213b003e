"""Search forgives spelling variants, plurals, accents and one typo (PostgreSQL full text)."""

import pytest
from django.db import connection
from django.urls import reverse

from flexibilities import spelling
from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db
URL = reverse("flexibilities:search")
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming, unaccent and pg_trgm are PostgreSQL's"
)


def found(client, q: str, **filters) -> set[str]:
    response = client.get(URL, {"q": q, **filters})
    assert response.status_code == 200
    return {provision.article for provision in response.context["provisions"]}


@pytest.fixture
def library():
    """Provisions in English, French and Spanish, each spelt one way only."""
    make_provision(
        "KE",
        article="KE s.34",
        text="The Tribunal may grant a compulsory licence where the patent is not worked.",
    )
    make_provision(
        "IN",
        article="IN s.84",
        text="Compulsory licences shall be authorised for the public organisation of supply.",
    )
    make_provision(
        "US",
        "substances-existing-in-nature",
        article="US 101",
        text="Patentability does not extend to a product of nature merely isolated.",
    )
    make_provision(
        "FR",
        article="FR L613-11",
        text="Le ministre peut accorder une licence d'office du brevet délivré à l'entreprise.",
        language="fr",
    )
    make_provision(
        "CL",
        article="CL art. 51",
        text="Se podrá otorgar licencias obligatorias por razones de salud pública.",
        language="es",
    )
    make_provision(
        "TH",
        article="TH s.46",
        text="A petty patent may be granted for an invention that is new.",
    )


@postgres_only
@pytest.mark.parametrize(
    ("typed", "other"),
    [
        ("compulsory licence", "compulsory license"),
        ("licences", "license"),
        ("compulsory licences", "compulsory license"),
        ("organisation", "organization"),
        ("authorised", "authorized"),
        ("patentability", "patentabilty"),  # one typo
        ("brevet délivré", "brévet delivre"),  # accents, in a French text
        ("licencia obligatoria", "licencias obligatorias"),  # Spanish plurals
        ("salud publica", "salud pública"),
    ],
)
def test_spelling_variants_plurals_accents_and_a_typo_find_the_same_provisions(
    client, library, typed, other
):
    expected = found(client, typed)
    assert expected, f"{typed!r} should find something"
    assert found(client, other) == expected


@postgres_only
def test_a_british_query_finds_american_and_british_texts_alike(client, library):
    make_provision("US", article="US 1498", text="The Government may use or license the invention.")
    assert found(client, "compulsory license") == {"KE s.34", "IN s.84"}
    # ...and the French "licence" too: the word is the same in both languages.
    assert found(client, "licence") == {"KE s.34", "IN s.84", "US 1498", "FR L613-11"}


@postgres_only
def test_the_words_are_stemmed_in_the_language_of_each_text(client, library):
    # French stemming of "accorder" meets "accordé"; the English text is not found by it.
    assert found(client, "accordé") == {"FR L613-11"}
    assert found(client, "obligatoria") == {"CL art. 51"}


@postgres_only
def test_a_corrected_typo_is_said_and_highlighted(client, library):
    response = client.get(URL, {"q": "patentabilty"})
    html = response.content.decode()
    assert response.context["corrections"] == {"patentabilty": "patentability"}
    assert "patentability" in html and "<mark>Patentability</mark>" in html


@postgres_only
def test_a_zero_result_page_offers_a_did_you_mean_link(client, library):
    # A transposition too far from "tribunal" to be corrected silently, near enough to offer.
    response = client.get(URL, {"q": "tirbunal"})
    assert response.context["provisions"] == []
    html = response.content.decode()
    assert "Did you mean" in html and 'href="/flexibilities/?q=tribunal"' in html
    assert found(client, "tribunal") == {"KE s.34"}


def test_a_zero_result_page_links_to_the_results_without_each_filter(client, library):
    response = client.get(URL, {"q": "patent", "party": "TH", "language": "fr"})
    assert response.context["provisions"] == []
    relaxed = {option.name: option.count for option in response.context["relaxations"]}
    assert relaxed == {"language": 1}  # without the party or the words, still nothing
    html = response.content.decode()
    assert 'href="/flexibilities/?q=patent&amp;party=TH"' in html


def test_an_american_spelling_finds_a_british_text_on_every_database(client, library):
    assert found(client, "compulsory license") == {"KE s.34", "IN s.84"}
    assert found(client, "compulsory licenses") == {"KE s.34", "IN s.84"}


def test_sqlite_and_postgres_both_expand_british_and_american_spellings():
    assert spelling.variants("licence") == ["licence", "license"]
    assert spelling.variants("organisations") == ["organisations", "organizations"]
    assert "authorized" in spelling.variants("authorised")
    assert spelling.variants("Patent") == ["patent"]
    assert spelling.without_accents("délivré à") == "delivre a"


@pytest.mark.parametrize(
    "q",
    ['"', "-", "OR", "a:b & | ! (", "licence OR", "-licence", "'; DROP TABLE x; --", "é" * 150],
)
def test_any_query_a_visitor_types_gives_a_page_not_an_error(client, library, q):
    assert client.get(URL, {"q": q}).status_code == 200
    assert client.get(reverse("flexibilities:api_provision_list"), {"q": q}).status_code == 200


def test_or_and_a_minus_word_work_on_every_database(client, library):
    assert found(client, "petty OR tribunal") == {"TH s.46", "KE s.34"}
    assert found(client, "compulsory -tribunal") == {"IN s.84"}
