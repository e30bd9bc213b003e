"""A CSV upload that names a column twice is refused, naming the column, and nothing is saved.

Without the check, csv.DictReader keeps the last of the two cells and the first is silently
dropped: a party could publish the figure it did not mean.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enforcement.models import InfringementStatistic
from enforcement.statistics_csv import parse_statistics_csv
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def csv_file(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("figures.csv", text.encode("utf-8"), content_type="text/csv")


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("year,agency_type,metric,value,value\n2023,customs,cases,10,99\n", "value"),
        # The same name once normalised ("Year", "agency-name"): still the same column.
        ("year,agency_type,metric,value,Year\n2023,customs,cases,10,2022\n", "year"),
        ("year;agency_type;metric;value;note;NOTE\n2023;customs;cases;10;a;b\n", "note"),
        (
            "year,agency_type,Agency name,metric,value,agency-name\n"
            "2023,customs,Customs,cases,10,Police\n",
            "agency_name",
        ),
    ],
)
def test_a_header_naming_a_column_twice_is_refused_with_the_columns_name(thailand, text, column):
    rows, errors = parse_statistics_csv(csv_file(text), thailand)
    assert rows == []
    assert [error.line for error in errors] == [1]
    assert f"“{column}”" in errors[0].message and "more than once" in errors[0].message


def test_the_upload_page_reports_the_duplicated_column_and_saves_nothing(th_official):
    text = "year,agency_type,metric,value,value\n2023,customs,cases,10,99\n"
    response = client_for(th_official).post(
        reverse("enforcement:statistics_upload", args=["TH"]), {"file": csv_file(text)}
    )
    assert response.status_code == 200
    assert "“value”" in response.content.decode()
    assert not InfringementStatistic.objects.exists()
