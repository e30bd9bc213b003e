"""The public search page: words, filters, their combinations, facets, order, pages, cost."""

import datetime
import re

import pytest
from django.urls import reverse

from flexibilities import search
from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db
URL = reverse("flexibilities:search")


def found(response) -> set[str]:
    return {provision.article for provision in response.context["provisions"]}


def facet(response, name: str) -> dict[str, int]:
    group = next(g for g in response.context["facet_groups"] if g.name == name)
    return {option.value: option.count for option in group.options}


@pytest.fixture
def world():
    """Six provisions that differ in one thing each, so every filter has something to cut."""
    return {
        "ke_licence": make_provision(
            "KE",
            "compulsory-licences",
            article="KE licence",
            text="The Tribunal may grant a compulsory licence where the patent is not worked.",
            law_date=datetime.date(2001, 5, 1),
        ),
        "ke_exhaustion": make_provision(
            "KE",
            "exhaustion-of-rights",
            article="KE exhaustion",
            text="Rights do not extend to products put on the market anywhere.",
            implementation_option="international",
            law_date=datetime.date(1989, 1, 1),
        ),
        "cl_licence": make_provision(
            "CL",
            "compulsory-licences",
            article="CL licencia",
            text="Se podrá otorgar una licencia obligatoria por razones de salud pública.",
            language="es",
            law_date=datetime.date(2012, 3, 9),
        ),
        "bd_licence": make_provision(
            "BD",
            "compulsory-licences",
            article="BD licence",
            text="The Government may use a patented invention in the public interest.",
            law_date=datetime.date(2023, 7, 1),
        ),
        "gb_research": make_provision(
            "GB",
            "research-exemption",
            article="GB research",
            text="An act done for experimental purposes relating to the subject-matter.",
            implementation_option="commercial-and-non-commercial",
            law_date=datetime.date(1977, 7, 29),
        ),
        "th_undated": make_provision(
            "TH",
            "utility-models",
            article="TH petty patent",
            text="A petty patent may be granted for an invention that is new.",
            implementation_option="provided",
        ),
    }


def test_without_a_query_every_published_provision_is_listed_newest_law_first(client, world):
    response = client.get(URL)
    assert response.status_code == 200
    articles = [p.article for p in response.context["provisions"]]
    assert articles == [
        "BD licence",
        "CL licencia",
        "KE licence",
        "KE exhaustion",
        "GB research",
        "TH petty patent",  # no date: last
    ]
    assert "6 provisions found" in response.content.decode()


def test_words_must_all_appear_in_the_provision_its_flexibility_or_its_party(client, world):
    # "compulsory licence" names the flexibility: all of its provisions, whatever their text.
    compulsory = {"KE licence", "CL licencia", "BD licence"}
    assert found(client.get(URL, {"q": "compulsory licence"})) == compulsory
    assert found(client.get(URL, {"q": "tribunal worked"})) == {"KE licence"}
    assert found(client.get(URL, {"q": "Kenya tribunal"})) == {"KE licence"}
    assert found(client.get(URL, {"q": "Chile tribunal"})) == set()
    assert found(client.get(URL, {"q": "petty"})) == {"TH petty patent"}


def test_a_quoted_phrase_is_matched_as_a_phrase(client, world):
    assert found(client.get(URL, {"q": '"market anywhere"'})) == {"KE exhaustion"}
    assert found(client.get(URL, {"q": '"anywhere market"'})) == set()


def test_matching_words_are_highlighted_and_the_text_is_escaped(client):
    make_provision(text="<script>alert(1)</script> A compulsory licence may be granted.")
    html = client.get(URL, {"q": "licence"}).content.decode()
    assert "<mark>licence</mark>" in html
    assert "<script>alert(1)" not in html


def test_the_highlighters_escape_before_they_mark():
    marked = search.highlight("a <b>licence</b> & LICENCE", ["licence"])
    assert marked == "a &lt;b&gt;<mark>licence</mark>&lt;/b&gt; &amp; <mark>LICENCE</mark>"
    assert search.highlight("x < y", ["<"]) == "x <mark>&lt;</mark> y"
    headline = search._marked("<i>\x02licence\x03</i>")
    assert headline == "&lt;i&gt;<mark>licence</mark>&lt;/i&gt;"


def test_each_filter_narrows_the_results(client, world):
    cases = {
        "category": ("compulsory-licences", {"KE licence", "CL licencia", "BD licence"}),
        "party": ("KE", {"KE licence", "KE exhaustion"}),
        "region": ("latin_america_caribbean", {"CL licencia"}),
        "status": ("ldc", {"BD licence"}),
        "trips_article": ("6", {"KE exhaustion"}),
        "language": ("es", {"CL licencia"}),
        "date_from": ("2010-01-01", {"CL licencia", "BD licence"}),
        "date_to": ("1990-12-31", {"KE exhaustion", "GB research"}),
    }
    for name, (value, expected) in cases.items():
        assert found(client.get(URL, {name: value})) == expected, name


def test_developed_status_means_states_that_are_not_developing(client, world):
    assert found(client.get(URL, {"status": "developed"})) == {"GB research"}


def test_values_of_one_filter_are_alternatives_given_repeated_or_comma_separated(client, world):
    expected = {"KE licence", "KE exhaustion", "CL licencia"}
    assert found(client.get(URL, {"party": ["KE", "CL"]})) == expected
    assert found(client.get(URL + "?party=KE,CL")) == expected


def test_different_filters_and_the_query_combine(client, world):
    response = client.get(URL, {"q": "licence", "category": "compulsory-licences", "status": "ldc"})
    assert found(response) == {"BD licence"}
    response = client.get(
        URL, {"q": "licence", "status": "developing", "language": "en", "date_to": "2010-01-01"}
    )
    assert found(response) == {"KE licence"}
    response = client.get(URL, {"party": "KE", "date_from": "2000-01-01", "region": "africa"})
    assert found(response) == {"KE licence"}


def test_an_empty_result_says_so_and_offers_a_way_back(client, world):
    response = client.get(URL, {"q": "licence", "party": "GB"})
    assert response.status_code == 200
    assert found(response) == set()
    html = response.content.decode()
    assert "0 provisions found" in html and "No published provision matches" in html
    assert 'href="/flexibilities/">start again' in html


def test_a_bad_filter_value_is_reported_beside_its_filter_and_ignored(client, world):
    response = client.get(URL, {"party": "ZZ", "date_to": "yesterday"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_party"' in html
    assert 'id="id_party"' in html and "Enter a valid date." in html
    assert len(found(response)) == 6


def test_facets_count_the_results_with_every_other_filter_applied(client, world):
    response = client.get(URL, {"category": "compulsory-licences", "region": "africa"})
    assert found(response) == {"KE licence"}
    # The category facet ignores the category filter but keeps the region one...
    assert facet(response, "category")["compulsory-licences"] == 1
    assert facet(response, "category")["exhaustion-of-rights"] == 1
    # ...and the region facet shows what other regions would add to the chosen category.
    assert facet(response, "region") == {
        "africa": 1,
        "arab": 0,
        "asia_pacific": 1,
        "latin_america_caribbean": 1,
        "europe_asia": 0,
    }
    assert facet(response, "party") == {"KE": 1}
    assert facet(response, "trips_article")["31"] == 1
    expected = {"ldc": 0, "developing": 1, "transition": 0, "developed": 0}
    assert facet(response, "status") == expected


def test_the_state_of_the_page_is_in_its_url(client, world):
    html = client.get(URL, {"q": "licence", "party": "KE", "sort": "oldest"}).content.decode()
    assert 'value="licence"' in html
    assert re.search(r'name="party" value="KE" id="facet-party-\d+" checked', html)
    assert '<option value="oldest" selected>' in html
    assert "/flexibilities/download.csv?q=licence&amp;party=KE&amp;sort=oldest" in html


def test_results_can_be_ordered_by_date_or_party(client, world):
    oldest = [p.article for p in client.get(URL, {"sort": "oldest"}).context["provisions"]]
    assert oldest[:2] == ["GB research", "KE exhaustion"]
    by_party = [p.party.code for p in client.get(URL, {"sort": "party"}).context["provisions"]]
    assert by_party == ["BD", "CL", "KE", "KE", "TH", "GB"]


def test_results_are_paginated_and_the_pages_keep_the_filters(client):
    for _ in range(23):
        make_provision("KE")
    response = client.get(URL, {"party": "KE"})
    assert len(response.context["provisions"]) == 20
    html = response.content.decode()
    assert "Page 1 of 2" in html and 'href="?party=KE&amp;page=2"' in html
    assert len(client.get(URL, {"party": "KE", "page": 2}).context["provisions"]) == 3


def test_too_many_matches_are_listed_newest_first_and_the_page_says_why(client, monkeypatch):
    monkeypatch.setattr("flexibilities.filters.RANK_LIMIT", 2)
    monkeypatch.setattr("flexibilities.views.RANK_LIMIT", 2)
    for year in (2001, 2003, 2002):
        make_provision(text="licence", law_date=datetime.date(year, 1, 1))
    response = client.get(URL, {"q": "licence"})
    dates = [p.law_date.year for p in response.context["provisions"]]
    assert dates == [2003, 2002, 2001]
    assert "More than 2 provisions match" in response.content.decode()
    assert "More than" not in client.get(URL, {"q": "licence", "sort": "oldest"}).content.decode()


def _make(count: int) -> None:
    parties = ["KE", "CL", "TH", "BD", "GB"]
    categories = ["compulsory-licences", "research-exemption", "utility-models"]
    for number in range(count):
        make_provision(parties[number % 5], categories[number % 3], text="licence granted")


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # categories, parties, count, page, facets by category, party and language
        ({}, 7),
        # one more facet query: the category facet leaves the category filter out; the query
        # looked up in the vocabulary and made a tsquery, the ts_headline of the page's rows
        ({"q": "licence", "category": "utility-models", "page": 1}, 11),
        # an empty result: no page; one count per filter it could drop (words, party,
        # language); the flexibilities nearest the words by name
        ({"q": "licence", "party": "GB", "language": "fr"}, 14),
    ],
)
def test_the_search_page_costs_the_same_queries_for_3_or_30_provisions(
    client, django_assert_num_queries, params, queries
):
    _make(3)
    with django_assert_num_queries(queries):
        assert client.get(URL, params).status_code == 200
    _make(27)
    with django_assert_num_queries(queries):
        response = client.get(URL, params)
    assert response.context["page_obj"].paginator.count >= 9 or response.context["relaxations"]


def test_renaming_a_flexibility_or_a_party_is_searchable_without_touching_provisions(client, world):
    """A provision inherits its flexibility's and party's words through their one vector:
    the services refresh that vector, and no provision's vector holds those words."""
    from django.test import TestCase

    from flexibilities import services
    from flexibilities.models import FlexibilityCategory, Provision
    from portal.models import Party
    from portal.services import save_party

    stamp = Provision.objects.get(pk=world["bd_licence"].pk).updated_at
    assert found(client.get(URL, {"q": "zanzibarique"})) == set()
    category = FlexibilityCategory.objects.get(slug="exhaustion-of-rights")
    category.name_fr = "Épuisement zanzibarique"
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.save_category(category)
    assert found(client.get(URL, {"q": "zanzibarique"})) == {"KE exhaustion"}

    party = Party.objects.get(code="BD")
    party.name_ru = "Бангладешия"
    with TestCase.captureOnCommitCallbacks(execute=True):
        save_party(party)
    assert found(client.get(URL, {"q": "Бангладешия"})) == {"BD licence"}
    assert found(client.get(URL, {"q": "Бангладешия zanzibarique"})) == set()
    assert Provision.objects.get(pk=world["bd_licence"].pk).updated_at == stamp
    assert not Provision.objects.filter(search_vector="zanzibarique").exists()


def test_a_word_found_only_through_the_flexibility_can_be_excluded(client, world):
    both = found(client.get(URL, {"q": "licence"}))
    assert "KE licence" in both
    left = found(client.get(URL, {"q": "licence -Kenya"}))
    assert "KE licence" not in left and "BD licence" in left
