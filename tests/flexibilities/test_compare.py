"""The comparison: parties chosen one by one or by set, the matrix, its stable URL and downloads."""

import csv
import io
import re

import pytest
from django.urls import reverse

from portal.models import Party
from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db
URL = reverse("flexibilities:compare")


def rows_of(page: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/flexibilities/parties/(\w+)/">', page)


def test_each_party_is_a_row_and_each_flexibility_a_column_with_links(client):
    make_provision("KE", "exhaustion-of-rights", implementation_option="international")
    make_provision("CL", "utility-models", implementation_option="provided")
    page = client.get(
        URL + "?parties=KE,CL&categories=exhaustion-of-rights&categories=utility-models"
    ).content.decode()
    assert rows_of(page) == ["CL", "KE"]  # by name: Chile, Kenya
    assert page.count('<th scope="col">') == 3  # the party column and two flexibilities
    assert "/flexibilities/?party=KE&amp;category=exhaustion-of-rights" in page
    assert "International exhaustion" in page and "Utility model protection available" in page
    assert page.count('<span class="muted">None recorded') == 2


def test_without_categories_every_flexibility_is_compared(client):
    page = client.get(URL, {"parties": ["KE", "CL"]}).content.decode()
    assert page.count('<th scope="col">') == 15


def test_each_regional_organisation_is_offered_once(client):
    """ASEAN was offered twice: as its own choice and as the organisation of the same name."""
    choices = client.get(URL).context["form"].fields["organisation"].choices
    organisations = Party.objects.filter(kind="organisation")
    assert sorted(code for code, _ in choices) == sorted(p.code for p in organisations)
    assert len({str(name) for _, name in choices}) == len(choices)


def test_a_link_made_when_asean_was_listed_apart_still_chooses_its_members(client):
    old = client.get(URL, {"organisation": "asean"}).context["matrix"].parties
    assert old == client.get(URL, {"organisation": "ASEAN"}).context["matrix"].parties
    assert {party.code for party in old} >= {"TH", "ID"}


def test_a_regional_bureau_a_development_group_or_an_organisation_chooses_its_states(client):
    africa = set(Party.objects.filter(kind="state", region="africa").values_list("code", flat=True))
    assert set(client.get(URL, {"region": "africa"}).context["matrix"].parties) == set(
        Party.objects.filter(code__in=africa)
    )
    ldcs = client.get(URL, {"group": "ldc"}).context["matrix"].parties
    assert ldcs and all(party.status_ldc for party in ldcs)
    asean = client.get(URL, {"organisation": "asean"}).context["matrix"].parties
    assert {party.code for party in asean} >= {"TH", "ID"} and all(p.is_asean for p in asean)
    aripo = Party.objects.filter(kind="organisation", members__isnull=False).first()
    members = {p.code for p in aripo.members.all()}
    chosen = client.get(URL, {"organisation": aripo.code}).context["matrix"].parties
    assert {party.code for party in chosen} == members


def test_the_ways_of_choosing_add_up(client):
    chosen = client.get(URL, {"parties": "GB", "group": "sids"}).context["matrix"].parties
    codes = {party.code for party in chosen}
    assert "GB" in codes and len(codes) > 1


def test_the_party_list_is_checkboxes_grouped_by_bureau_and_can_be_narrowed(client):
    page = client.get(URL).content.decode()
    assert '<select name="parties"' not in page and "Ctrl" not in page
    assert 'type="checkbox" name="parties" value="KE" id="party-KE"' in page
    assert "<summary>Africa (" in page
    found = client.get(URL, {"find": "ken", "parties": "CL"})
    names = [p.code for _label, group in found.context["form"].party_groups() for p, _t in group]
    assert sorted(names) == ["CL", "KE"]  # the match, and the party already ticked
    assert found.context["matrix"] is not None  # CL is compared meanwhile


def test_unknown_parties_and_nothing_chosen_are_reported_beside_the_form(client):
    page = client.get(URL, {"parties": "ZZ"}).content.decode()
    assert 'class="error-summary"' in page and "compare-matrix" not in page
    page = client.get(URL, {"region": ""}).content.decode()
    assert "Choose at least one party" in page
    assert "compare-matrix" not in client.get(URL).content.decode()
    assert client.get(reverse("flexibilities:compare_csv"), {"parties": "ZZ"}).status_code == 400


def test_the_downloads_hold_the_rows_and_columns_of_the_page(client):
    make_provision("KE", "exhaustion-of-rights", implementation_option="international")
    make_provision("KE", "exhaustion-of-rights", implementation_option="international")
    make_provision("TH", "utility-models", implementation_option="provided")
    params = {"parties": "KE,CL", "organisation": "asean", "categories": ["utility-models"]}
    params["categories"] += ["exhaustion-of-rights"]
    response = client.get(URL, params)
    page, matrix = response.content.decode(), response.context["matrix"]
    assert f'href="/flexibilities/compare/download.csv?{response.context["matrix_query"]}"' in (
        page.replace("&amp;", "&")
    )
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("flexibilities:compare_csv"), params).content.decode())
        )
    )
    slugs = [c.slug for c in matrix.categories]
    assert slugs == ["exhaustion-of-rights", "utility-models"]  # the categories' own order
    assert rows[0] == [
        "party",
        "party_name",
        *[s for slug in slugs for s in (slug, f"{slug}:options")],
    ]
    assert [row[0] for row in rows[1:]] == rows_of(page)
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code["KE"][2:4] == ["2", "International exhaustion"]
    assert by_code["TH"][4:6] == ["1", "Utility model protection available"]
    assert by_code["CL"][2:] == ["0", "", "0", ""]
    data = client.get(reverse("flexibilities:compare_json"), params).json()
    assert [party["code"] for party in data["parties"]] == rows_of(page)
    assert (
        data["parties"][[p["code"] for p in data["parties"]].index("KE")]["cells"][
            "exhaustion-of-rights"
        ]["count"]
        == 2
    )


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        ({"region": "africa"}, 3),  # categories, parties, cells
        ({"organisation": "asean,OA"}, 4),  # + the organisation's members
    ],
)
def test_the_matrix_and_its_download_cost_the_same_queries_with_3_or_30_provisions(
    client, django_assert_num_queries, params, queries
):
    for number in range(30):
        if number == 3:
            with django_assert_num_queries(queries):
                client.get(URL, params)
        make_provision(["KE", "TH", "SN"][number % 3])
    for url in (URL, reverse("flexibilities:compare_csv")):
        with django_assert_num_queries(queries):
            assert client.get(url, params).status_code == 200
