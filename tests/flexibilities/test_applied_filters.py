"""The applied filters are shown as chips above the results, each removable on its own."""

import re

import pytest
from django.urls import reverse

from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db
URL = reverse("flexibilities:search")


@pytest.fixture
def world():
    make_provision("IN", article="IN s.84", text="A compulsory licence may be granted.")
    make_provision("ZA", article="ZA s.56", text="A compulsory licence for public health.")
    make_provision("KE", article="KE s.80", text="Government use of a patented invention.")


def chips(html: str) -> dict[str, str]:
    """{a chip's accessible text (tags and the decorative cross dropped): its link}"""
    found = re.findall(r'<a class="chip" href="([^"]*)">(.*?)</a>', html, re.S)
    return {_text(label): href for href, label in found}


def _text(label: str) -> str:
    label = re.sub(r'<span aria-hidden="true">.*?</span>', "", label)
    return " ".join(re.sub(r"<[^>]+>", " ", label).split())


def test_each_chosen_party_is_a_chip_whose_link_removes_only_that_party(client, world):
    html = client.get(URL, {"party": ["IN", "ZA"], "q": "licence"}).content.decode()
    assert "2 provisions found" in html
    links = chips(html)
    assert links == {
        "Remove filter: Search words: licence": "/flexibilities/?party=IN&amp;party=ZA",
        "Remove filter: Party: India": "/flexibilities/?party=ZA&amp;q=licence",
        "Remove filter: Party: South Africa": "/flexibilities/?party=IN&amp;q=licence",
    }
    assert "Remove all filters" in html


def test_following_a_chip_removes_that_filter_and_keeps_the_others(client, world):
    response = client.get(URL + "?party=IN,ZA&q=licence&page=1")
    removal = chips(response.content.decode())["Remove filter: Party: India"]
    after = client.get(removal.replace("&amp;", "&"))
    assert [p.article for p in after.context["provisions"]] == ["ZA s.56"]
    assert list(chips(after.content.decode())) == [
        "Remove filter: Search words: licence",
        "Remove filter: Party: South Africa",
    ]


def test_dates_and_facet_values_are_chips_too_and_no_filter_means_no_chip(client, world):
    html = client.get(URL, {"date_from": "2001-02-03", "region": "africa"}).content.decode()
    assert set(chips(html)) == {
        "Remove filter: Law dated from: 2001-02-03",
        "Remove filter: Regional bureau: Africa",
    }
    assert chips(client.get(URL).content.decode()) == {}


def test_a_facet_lists_its_chosen_values_first(client, world):
    response = client.get(URL, {"party": "ZA"})
    party = next(g for g in response.context["facet_groups"] if g.name == "party")
    assert [option.value for option in party.options][:1] == ["ZA"]


def test_the_same_search_is_one_click_away_as_csv_json_and_api(client, world):
    html = client.get(URL, {"party": "IN", "q": "licence", "page": "1"}).content.decode()
    for path in ("/flexibilities/download.csv", "/flexibilities/download.json", "/api/provisions/"):
        assert f'href="{path}?party=IN&amp;q=licence"' in html
    api = client.get("/api/provisions/?party=IN&q=licence").json()
    assert [row["article"] for row in api["results"]] == ["IN s.84"]
