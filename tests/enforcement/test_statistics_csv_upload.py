"""A CSV upload saves every row or none, and names the line and reason of each bad row."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enforcement.models import InfringementStatistic
from tests.conftest import client_for
from tests.enforcement.conftest import make_statistic

pytestmark = pytest.mark.django_db

HEADER = "year,agency_type,agency_name,metric,ip_right,product_category,value,currency,note\n"


def upload(user, text: str, name="figures.csv", code="TH"):
    url = reverse("enforcement:statistics_upload", args=[code])
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client_for(user).post(url, {"file": file})


def test_a_good_file_records_every_row_unreleased(th_official, thailand):
    text = HEADER + (
        "2023,customs,Customs Department,articles_seized,trademark,clothing,125000,,\n"
        "2023,Customs,,Retail value,trademark,clothing,3400000.50,usd,estimated\n"
        "2022,police,,cases,,,42,,\n"
    )
    response = upload(th_official, text)
    assert response.status_code == 302
    rows = InfringementStatistic.objects.order_by("year", "metric")
    assert rows.count() == 3
    assert {row.party for row in rows} == {thailand}
    assert not any(row.is_released for row in rows)
    retail = rows.get(metric="retail_value")
    assert (retail.currency, str(retail.value)) == ("USD", "3400000.50")
    assert rows.get(year=2022).ip_right == "all"  # empty optional cells take the totals


def test_one_bad_row_saves_nothing_and_every_bad_line_is_reported(th_official):
    text = HEADER + (
        "2023,customs,,cases,,,10,,\n"  # line 2: good
        "20x3,customs,,cases,,,10,,\n"  # line 3: bad year
        "2023,navy,,cases,,,10,,\n"  # line 4: unknown agency
        "2023,police,,cases,,,1.5,,\n"  # line 5: a count that is not whole
        "2023,police,,retail_value,,,100,,\n"  # line 6: no currency
        '2023,police,,raids,,,"1,000",,\n'  # line 7: thousands separator
        "2023,customs,,cases,,,11,,\n"  # line 8: same cell as line 2
        "2023,police,,raids,,,5\n"  # line 9: too few cells is fine (optional columns)
        "2023,police,,prosecutions,,,5,,,extra\n"  # line 10: too many cells
    )
    response = upload(th_official, text)
    assert response.status_code == 200
    assert not InfringementStatistic.objects.exists()
    html = response.content.decode()
    assert "Nothing was saved: 7 problems in the file" in html
    lines = {int(line) for line in _reported_lines(html)}
    assert lines == {3, 4, 5, 6, 7, 8, 10}
    assert "not a number" in html and "“navy”" in html and "whole number" in html
    assert "three-letter code" in html and "thousands separators" in html
    assert "Same figure as line 2" in html and "10 values for 9 columns" in html


def _reported_lines(html: str) -> list[str]:
    table = html.split('class="row-errors"', 1)[1].split("</table>", 1)[0]
    return [cell.split("</th>", 1)[0] for cell in table.split('<th scope="row">')[1:]]


def test_a_row_already_recorded_is_refused(th_official, thailand):
    make_statistic(thailand, 2023, agency_type="customs", metric="cases")
    response = upload(th_official, HEADER + "2023,customs,,cases,all,all,10,,\n")
    assert "line" in response.content.decode().lower()
    assert "already recorded" in response.content.decode()
    assert InfringementStatistic.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "year,agency,metric,value\n2023,customs,cases,1\n",
            "Missing required column(s): agency_type",
        ),
        (HEADER, "no rows"),
        ("year;agency_type;metric;value\n2023;customs;cases;1\n", None),  # semicolons work
    ],
)
def test_the_header_is_checked_before_the_rows(th_official, text, message):
    response = upload(th_official, text)
    if message is None:
        assert response.status_code == 302
        assert InfringementStatistic.objects.count() == 1
    else:
        assert message in response.content.decode()
        assert not InfringementStatistic.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_with_a_reason(th_official):
    url = reverse("enforcement:statistics_upload", args=["TH"])
    text = HEADER + "2023,customs,Aduana Bogotá,cases,,,10,,\n"  # saved as Latin-1
    file = SimpleUploadedFile("f.csv", text.encode("latin-1"), content_type="text/csv")
    response = client_for(th_official).post(url, {"file": file})
    assert "not UTF-8" in response.content.decode()
    assert _reported_lines(response.content.decode()) == ["2"]
    assert not InfringementStatistic.objects.exists()


def test_a_file_of_another_type_is_refused_by_the_form(th_official):
    response = upload(th_official, HEADER, name="figures.xlsx")
    html = response.content.decode()
    assert 'class="error-summary"' in html and "Choose a .csv file" in html


def test_an_official_of_another_party_cannot_upload_for_thailand(cl_official):
    response = upload(cl_official, HEADER + "2023,customs,,cases,,,10,,\n")
    assert response.status_code == 404
    assert not InfringementStatistic.objects.exists()


def test_the_template_downloads_and_uploads_cleanly(th_official):
    template = client_for(None).get(reverse("enforcement:statistics_csv_template"))
    assert template["Content-Type"].startswith("text/csv")
    response = upload(th_official, template.content.decode())
    assert response.status_code == 302
    assert InfringementStatistic.objects.count() == 2
