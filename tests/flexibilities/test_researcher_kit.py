"""Small things a researcher relies on: snippets cut between words, plain-text page titles."""

import json
import re

import pytest
from django.urls import reverse

from flexibilities.templatetags.flexibilities_tags import snippet
from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db
URL = reverse("flexibilities:search")


def test_a_snippet_is_cut_between_words_and_says_so():
    text = "licence " * 60
    cut = snippet(text)
    assert cut.endswith(" …") and len(cut) <= 322
    assert cut.removesuffix(" …").split(" ")[-1] == "licence"  # no word cut in two
    assert snippet("short text") == "short text"
    assert snippet("强" * 400) == "强" * 320 + " …"  # no spaces: cut at the width


def test_a_result_without_a_query_shows_a_snippet_cut_between_words(client):
    make_provision("KE", text="The Minister may authorise exploitation. " * 20)
    html = client.get(URL).content.decode()
    shown = re.search(r'<p class="result-text"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert shown.endswith(" …") and not shown.endswith("expl …")


def test_the_search_page_title_is_plain_text(client):
    html = client.get(URL, {"q": "licence <b>x</b>"}).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<bdi>" not in title and "&lt;bdi&gt;" not in title
    assert "\u2068licence &lt;b&gt;x&lt;/b&gt;\u2069" in title


def test_the_compare_matrix_can_hide_what_has_nothing_recorded(client):
    make_provision("KE", "compulsory-licences")
    url = reverse("flexibilities:compare")
    shown = client.get(url, {"parties": "KE,IN"}).context["matrix"]
    assert [p.code for p in shown.parties] == ["IN", "KE"] and len(shown.categories) == 14
    hidden = client.get(url, {"parties": "KE,IN", "hide_empty": "on"}).context["matrix"]
    assert [p.code for p in hidden.parties] == ["KE"]
    assert [c.slug for c in hidden.categories] == ["compulsory-licences"]
    csv = client.get(
        reverse("flexibilities:compare_csv"), {"parties": "KE,IN", "hide_empty": "on"}
    ).content.decode()
    assert csv.splitlines()[0].startswith("party,party_name,compulsory-licences,")
    assert "IN," not in csv


def test_a_provision_is_cited_as_ris_bibtex_and_csl_json(client):
    provision = make_provision(
        "KE", law_title="Industrial Property Act & Rules", law_number="No. 3 of 2001", language="en"
    )
    base = f"/flexibilities/provisions/{provision.pk}/cite."
    ris = client.get(base + "ris")
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    assert "attachment" in ris["Content-Disposition"]
    lines = ris.content.decode().split("\r\n")
    assert lines[0] == "TY  - STAT" and lines[-1] == "ER  - "
    assert f"TI  - Industrial Property Act & Rules, {provision.article}" in lines
    assert "CY  - Kenya" in lines
    bib = client.get(base + "bib").content.decode()
    assert bib.startswith(f"@misc{{flexibilities-provision-{provision.pk},")
    assert "title = {Industrial Property Act \\& Rules" in bib
    csl = json.loads(client.get(base + "json").content)
    assert csl[0]["type"] == "legislation" and csl[0]["jurisdiction"] == "Kenya"
    assert csl[0]["URL"].endswith(f"/flexibilities/provisions/{provision.pk}/")
    assert client.get(base + "doc").status_code == 404


def test_a_draft_provision_has_no_citation(client):
    draft = make_provision("KE", is_published=False)
    assert client.get(f"/flexibilities/provisions/{draft.pk}/cite.ris").status_code == 404


def test_the_results_come_before_the_filters_which_are_one_link_away(client):
    make_provision("KE")
    html = client.get(URL, {"q": "licence"}).content.decode()
    assert html.index('class="flex-results"') < html.index('class="flex-facets"')
    assert '<a href="#filters-title">' in html and 'id="filters-title"' in html
