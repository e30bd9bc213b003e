"""Search forgives spelling variants, plurals, accents and typos, and finds a provision by its
flexibility, its party and its treaty articles in the six languages (PostgreSQL full text)."""

# ruff: noqa: RUF001 - real Chinese and Russian sentences

import pytest
from django.urls import reverse

from flexibilities import search, spelling
from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db
URL = reverse("flexibilities:search")


def found(client, q: str, **filters) -> set[str]:
    response = client.get(URL, {"q": q, **filters})
    assert response.status_code == 200
    return {provision.article for provision in response.context["provisions"]}


@pytest.fixture
def library():
    """Provisions in English, French and Spanish, each spelt one way only; only the first two
    are compulsory licences."""
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
        "security-exception",
        article="FR L613-11",
        text="Le ministre peut accorder une licence d'office du brevet délivré à l'entreprise.",
        language="fr",
    )
    make_provision(
        "CL",
        "disclosure",
        article="CL art. 51",
        text="Se podrá otorgar licencias obligatorias por razones de salud pública.",
        language="es",
    )
    make_provision(
        "TH",
        "utility-models",
        article="TH s.46",
        text="A petty patent may be granted for an invention that is new.",
    )


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


def test_a_british_query_finds_american_and_british_texts_alike(client, library):
    make_provision(
        "US",
        "exhaustion-of-rights",
        article="US 1498",
        text="The Government may use or license the invention.",
    )
    assert found(client, "compulsory license") == {"KE s.34", "IN s.84"}
    # ...and the French "licence" too: the word is the same in both languages.
    assert found(client, "licence") == {"KE s.34", "IN s.84", "US 1498", "FR L613-11"}


def test_the_words_are_stemmed_in_the_language_of_each_text(client, library):
    # French stemming of "ministres" meets "ministre"; "otorgará" meets "otorgar".
    assert found(client, "ministres") == {"FR L613-11"}
    assert found(client, "otorgará") == {"CL art. 51"}


def test_a_corrected_typo_is_said_and_highlighted(client, library):
    response = client.get(URL, {"q": "patentabilty"})
    html = response.content.decode()
    assert response.context["corrections"] == {"patentabilty": "patentability"}
    assert "patentability" in html and "<mark>Patentability</mark>" in html


def test_a_zero_result_page_offers_a_did_you_mean_link(client, library):
    # A transposition too far from "tribunal" to be corrected silently, near enough to offer.
    response = client.get(URL, {"q": "tirbunal"})
    assert response.context["provisions"] == []
    html = response.content.decode()
    assert "Did you mean" in html and 'href="/flexibilities/?q=tribunal"' in html
    assert response.context["suggestion_count"] == 1
    assert found(client, "tribunal") == {"KE s.34"}


def test_a_zero_result_page_links_to_the_results_without_each_filter(client, library):
    response = client.get(URL, {"q": "patent", "party": "TH", "language": "fr"})
    assert response.context["provisions"] == []
    relaxed = {option.name: option.count for option in response.context["relaxations"]}
    # The French text is not Thailand's; Thailand's text is not French: each finds one.
    assert relaxed == {"party": 1, "language": 1}
    html = response.content.decode()
    assert 'href="/flexibilities/?q=patent&amp;party=TH"' in html


def test_an_american_spelling_finds_a_british_text(client, library):
    assert found(client, "compulsory license") == {"KE s.34", "IN s.84"}
    assert found(client, "compulsory licenses") == {"KE s.34", "IN s.84"}


def test_british_and_american_spellings_are_expanded():
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


def test_or_and_a_minus_word_work(client, library):
    assert found(client, "petty OR tribunal") == {"TH s.46", "KE s.34"}
    assert found(client, "compulsory -tribunal") == {"IN s.84"}


# Every language, every name -------------------------------------------------------------------

# The first sentence of Article 53 of the Patent Law of the People's Republic of China.
CHINESE = (
    "有下列情形之一的，国务院专利行政部门根据具备实施条件的单位或者个人的申请，"
    "可以给予实施发明专利或者实用新型专利的强制许可"
)


@pytest.mark.parametrize(
    "q",
    [
        "compulsory licences",
        "licences obligatoires",
        "licencias obligatorias",
        "الترخيص الإجباري",
        "强制许可",
        "Принудительные лицензии",
    ],
)
def test_a_flexibility_named_in_any_language_finds_its_provisions(client, library, q):
    assert {"KE s.34", "IN s.84"} <= found(client, q)
    assert "US 101" not in found(client, q)


@pytest.mark.parametrize(
    "q", ["Kenya compulsory", "Kenia licencia", "Кения лицензии", "KE licence"]
)
def test_a_party_name_or_code_with_a_topic_finds_that_partys_provisions(client, library, q):
    assert found(client, q) == {"KE s.34"}


@pytest.mark.parametrize("q", ["Article 31", "artículo 31", "TRIPS article 31bis"])
def test_a_treaty_article_finds_the_flexibilities_implementing_it(client, library, q):
    assert found(client, q) == {"KE s.34", "IN s.84"}


def test_a_chinese_text_is_found_by_its_words_as_character_pairs(client, library):
    make_provision("CN", "utility-models", article="CN 53", text=CHINESE, language="zh")
    assert "CN 53" in found(client, "实用新型")
    assert "CN 53" in found(client, "国务院")
    assert "CN 53" not in found(client, "型新用实")  # the same characters, no word of the text


def test_russian_and_arabic_texts_are_stemmed_in_their_language(client, library):
    make_provision(
        "RU",
        "research-exemption",
        article="RU 1359",
        text="Не является нарушением исключительного права проведение научного исследования.",
        language="ru",
    )
    assert found(client, "научные исследования") == {"RU 1359"}
    assert found(client, "исключительные права") == {"RU 1359"}


def test_a_stop_word_is_left_out_rather_than_required(client, library):
    assert found(client, "the compulsory licences of Kenya") == {"KE s.34"}


def test_a_typo_is_corrected_within_the_querys_language(client, library):
    parsed = search.ParsedQuery("licence obligatoirre")
    assert parsed.corrections == {"obligatoirre": "obligatoire"}
    # A word the vocabulary holds is never replaced, in whatever language it is.
    assert search.ParsedQuery("licence tribunal").suggestion == ""
    assert search.ParsedQuery("licencias Kenya").suggestion == ""
    # The Spanish name of Kenya is Kenya (UNTERM): "Kenia" is an unknown word.
    assert search.ParsedQuery("Kenia").suggestion == "kenya"


def test_a_did_you_mean_that_finds_no_more_is_not_offered(client, library):
    response = client.get(URL, {"q": "compulsory tribunel", "party": "IN"})
    assert response.context["suggestion"] == ""


def test_a_zero_result_page_shows_the_nearest_flexibilities_by_name(client, library):
    response = client.get(URL, {"q": "utility modles", "party": "KE"})
    assert response.context["provisions"] == []
    names = [category.slug for category in response.context["nearest_categories"]]
    assert names[0] == "utility-models"
    assert 'href="/flexibilities/categories/utility-models/"' in response.content.decode()


def test_the_rebuild_command_restores_every_vector_and_the_vocabulary(client, library):
    from io import StringIO

    from django.core.management import call_command
    from django.test import TestCase

    from flexibilities.models import Provision, SearchWord

    Provision.objects.update(search_vector=None)
    SearchWord.objects.all().delete()
    assert found(client, "tribunal") == set()
    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):  # the cached counts are retired
        call_command("rebuild_search_index", stdout=out)
    assert "Rebuilt the search index of 6 provisions." in out.getvalue()
    assert found(client, "tribunal") == {"KE s.34"}
    assert SearchWord.objects.filter(word="tribunal", language="en").exists()
    assert SearchWord.objects.filter(word="kenya").exists()  # the party names too
