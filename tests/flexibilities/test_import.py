"""Importing provisions from CSV or JSON: every rule, all or nothing, upserts, the round-trip."""

import csv
import datetime
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from flexibilities import services
from flexibilities.columns import NAMES
from flexibilities.imports import read_records
from flexibilities.models import ImportJob, Provision
from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db

GOOD = {
    "party": "KE",
    "category": "exhaustion-of-rights",
    "law_title": "Industrial Property Act",
    "law_number": "No. 3 of 2001",
    "law_date": "2001-08-01",
    "article": "Section 58(2)",
    "text": "The rights do not extend to articles put on the market anywhere in the world.",
    "language": "en",
    "implementation_option": "international",
    "published": "true",
}


def csv_bytes(rows: list[dict], columns=None) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns or list(GOOD), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def run(content: bytes, name: str = "provisions.csv", partial: bool = False) -> ImportJob:
    job = services.create_import_job(
        file=ContentFile(content, name=name), name=name, partial=partial
    )
    return services.run_import_job(job.pk)


def messages(job: ImportJob) -> list[tuple[int, str, str]]:
    return [(e["line"], e["field"], e["message"]) for e in job.errors]


def test_a_good_file_creates_its_provisions(client):
    job = run(csv_bytes([GOOD, {**GOOD, "article": "Section 80"}]))
    assert job.status == ImportJob.Status.FINISHED
    assert (job.created_count, job.updated_count, job.error_count) == (2, 0, 0)
    provision = Provision.objects.get(article="Section 58(2)")
    assert provision.party.code == "KE" and provision.is_published
    assert provision.law_key == "No. 3 of 2001"
    search = client.get(reverse("flexibilities:search"), {"q": "market anywhere"})
    assert provision in search.context["provisions"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"party": ""}, "party", "Required."),
        ({"category": ""}, "category", "Required."),
        ({"law_title": ""}, "law_title", "Required."),
        ({"article": " "}, "article", "Required."),
        ({"text": ""}, "text", "Required."),
        ({"language": ""}, "language", "Required."),
        ({"party": "ZZ"}, "party", "Unknown party code 'ZZ'."),
        ({"category": "patent-trolls"}, "category", "Unknown category 'patent-trolls'."),
        ({"language": "xx"}, "language", "Not an ISO 639-1 language code."),
        ({"law_date": "01/08/2001"}, "law_date", "Expected a date as YYYY-MM-DD."),
        ({"law_date": "2001-02-30"}, "law_date", "Expected a date as YYYY-MM-DD."),
        ({"last_amended": "1999-01-01"}, "last_amended", "Before the date of the law."),
        ({"last_verified": "2999-01-01"}, "last_verified", "In the future."),
        ({"published": "maybe"}, "published", "Expected true or false."),
        ({"source_url": "ftp://example.org/law"}, "source_url", "Not an http(s) address."),
        ({"law_title": "x" * 501}, "law_title", "Longer than 500 characters."),
        ({"article": "x" * 201}, "article", "Longer than 200 characters."),
        ({"text": "bad \x00 byte"}, "text", "Contains a control character."),
        (
            {"implementation_option": "galactic"},
            "implementation_option",
            "Not an option of this category: international, national, regional.",
        ),
        (
            {"category": "compulsory-licences"},
            "implementation_option",
            "Not an option of this category: none (leave it empty).",
        ),
    ],
)
def test_each_rule_rejects_a_bad_row_with_its_line_and_reason(change, field, message):
    columns = [*GOOD, *(name for name in change if name not in GOOD)]
    job = run(csv_bytes([GOOD, {**GOOD, "article": "Section 2", **change}], columns))
    assert job.status == ImportJob.Status.REJECTED
    assert messages(job) == [(3, field, message)]
    assert not Provision.objects.exists()


def test_a_row_repeating_another_rows_provision_is_refused():
    job = run(csv_bytes([GOOD, {**GOOD, "text": "another text"}]))
    assert messages(job) == [(3, "", "Same provision as line 2 (party, category, law, article).")]


def test_every_bad_row_is_reported_not_just_the_first():
    rows = [GOOD, {**GOOD, "party": "ZZ"}, {**GOOD, "article": "S 3", "law_date": "x"}]
    job = run(csv_bytes(rows))
    assert job.error_count == 2
    assert [line for line, _field, _msg in messages(job)] == [3, 4]


def test_a_record_spanning_lines_is_reported_at_the_line_where_it_starts():
    rows = [{**GOOD, "text": "first line\nsecond line"}, {**GOOD, "article": "S 9", "party": "ZZ"}]
    assert messages(run(csv_bytes(rows)))[0][0] == 4


def test_nothing_is_imported_when_any_row_is_bad_unless_partial_is_asked_for():
    content = csv_bytes([GOOD, {**GOOD, "article": "Section 2", "party": "ZZ"}])
    assert run(content).status == ImportJob.Status.REJECTED
    assert not Provision.objects.exists()
    job = run(content, partial=True)
    assert job.status == ImportJob.Status.FINISHED
    assert (job.created_count, job.error_count) == (1, 1)
    assert list(Provision.objects.values_list("article", flat=True)) == ["Section 58(2)"]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "p.csv", "The file is empty."),
        (
            b"party,category,law_title,article,text,language,colour\n",
            "p.csv",
            "Unknown column(s): colour.",
        ),
        (
            b"party,category,law_title\n",
            "p.csv",
            "Missing required column(s): article, text, language.",
        ),
        (
            b"party,category,law_title,article,text,language\n",
            "p.csv",
            "The file holds no provisions.",
        ),
        (
            "party,catégorie\n".encode("latin-1"),
            "p.csv",
            "The file is not UTF-8 text; save it as “CSV UTF-8”.",
        ),
        (b'{"provisions": 3}', "p.json", 'Expected a list of records or {"provisions": [...]}.'),
        (b"[{,]", "p.json", "Invalid JSON: Expecting property name enclosed in double quotes."),
    ],
)
def test_a_file_that_cannot_be_read_is_rejected_with_a_reason(content, name, message):
    job = run(content, name)
    assert job.status == ImportJob.Status.REJECTED
    assert job.errors[0]["message"] == message


def test_a_short_csv_row_and_a_json_record_of_the_wrong_shape_are_bad_rows():
    content = csv_bytes([GOOD]) + b"KE,exhaustion-of-rights\n"
    assert messages(run(content)) == [(3, "", "Malformed record: 2 values for 10 columns.")]
    content = json.dumps([GOOD, ["not", "an", "object"], {**GOOD, "colour": "red"}]).encode()
    assert messages(run(content, "p.json")) == [
        (2, "", "Malformed record: a record must be an object."),
        (3, "colour", "Unknown field."),
    ]


def test_importing_again_updates_provisions_instead_of_duplicating_them():
    run(csv_bytes([GOOD]))
    job = run(csv_bytes([{**GOOD, "text": "Amended text.", "law_title": "Renamed Act"}]))
    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 0)
    provision = Provision.objects.get()
    assert provision.text == "Amended text." and provision.law_title == "Renamed Act"


def test_without_a_law_number_the_title_identifies_the_law():
    row = {**GOOD, "law_number": ""}
    run(csv_bytes([row]))
    job = run(csv_bytes([{**row, "text": "Changed."}]))
    assert (job.created_count, job.updated_count) == (0, 1)


def test_without_a_published_column_an_update_keeps_the_publication_status():
    columns = [name for name in GOOD if name != "published"]
    rows = [{k: v for k, v in GOOD.items() if k != "published"}]
    run(csv_bytes([GOOD]))
    run(csv_bytes([{**rows[0], "text": "Changed."}], columns))
    assert Provision.objects.get().is_published is True
    run(csv_bytes([{**rows[0], "article": "New"}], columns))
    assert Provision.objects.get(article="New").is_published is False


def _round_trip(client, url_name: str, file_name: str) -> ImportJob:
    make_provision(
        "KE",
        "exhaustion-of-rights",
        implementation_option="national",
        text='Quotes " and, commas\nand a second line; ünïcödé 专利',
        law_number="Cap. 509",
        note="Excerpt.",
        is_sample=True,
        text_is_excerpt=True,
        source_url="https://example.org/ke",
    )
    make_provision("CL", "research-exemption", language="es", law_date="2005-01-20")
    make_provision("TH", "utility-models", law_title="Patent Act", last_verified="2024-02-01")
    before = list(Provision.objects.order_by("pk").values())
    response = client.get(reverse(url_name))
    content = b"".join(response.streaming_content)
    job = run(content, file_name)
    after = list(Provision.objects.order_by("pk").values())
    assert after == before
    return job


def test_a_csv_download_imports_back_unchanged(client):
    job = _round_trip(client, "flexibilities:export_csv", "export.csv")
    assert (job.status, job.unchanged_count, job.created_count, job.updated_count) == (
        ImportJob.Status.FINISHED,
        3,
        0,
        0,
    )


def test_a_json_download_imports_back_unchanged(client):
    job = _round_trip(client, "flexibilities:export_json", "export.json")
    assert (job.unchanged_count, job.created_count, job.updated_count) == (3, 0, 0)


def test_the_download_header_is_the_documented_import_format(client):
    content = b"".join(client.get(reverse("flexibilities:export_csv")).streaming_content)
    # The import format, then the derived "verification" column the import accepts and ignores.
    assert content.decode().splitlines()[0] == ",".join([*NAMES, "verification"])


def test_the_download_the_import_and_the_api_share_one_record(client):
    make_provision("KE", implementation_option="")
    download = b"".join(client.get(reverse("flexibilities:export_csv")).streaming_content)
    header = download.splitlines()[0]
    header_names = header.decode().split(",")
    # The import takes the download's header as it is (no column unknown, none missing)...
    assert list(read_records(io.BytesIO(header), "csv")) == []
    json_record = json.loads(
        b"".join(client.get(reverse("flexibilities:export_json")).streaming_content)
    )[0]
    assert list(json_record) == header_names
    # ...and the API says the same record in its model's names: a party and a category are
    # objects there, the sample flag is "is_sample", and "published" is left out because
    # the API lists published provisions only; it adds its addresses and two labels.
    api = client.get(reverse("flexibilities:api_provision_list")).json()["results"][0]
    renamed = {"sample": "is_sample"}
    expected = [renamed.get(name, name) for name in header_names if name != "published"]
    extras = {"id", "url", "page_url", "category_name", "implementation_option_label"}
    assert [name for name in api if name not in extras] == expected


def test_the_command_imports_a_file_and_fails_loudly_on_bad_rows(tmp_path):
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([GOOD]))
    out = io.StringIO()
    call_command("import_flexibilities", str(good), stdout=out)
    assert "1 created" in out.getvalue()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{**GOOD, "article": "S 2"}, {**GOOD, "party": "ZZ"}]))
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_flexibilities", str(bad), stdout=(out := io.StringIO()))
    assert "row 2 party: Unknown party code 'ZZ'." in out.getvalue()
    call_command("import_flexibilities", str(bad), "--partial", stdout=io.StringIO())
    assert Provision.objects.filter(article="S 2").exists()


def test_staff_upload_a_file_in_the_admin_and_follow_the_job(
    admin_client, django_capture_on_commit_callbacks
):
    upload = ContentFile(csv_bytes([GOOD, {**GOOD, "article": "S 2", "party": "ZZ"}]))
    upload.name = "provisions.csv"
    url = reverse("admin:flexibilities_provision_import")
    assert admin_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"file": upload, "partial": "on"})
    job = ImportJob.objects.get()
    assert response.url == reverse("admin:flexibilities_importjob_change", args=[job.pk])
    response = admin_client.get(response.url)
    assert job.status == ImportJob.Status.FINISHED and job.created_count == 1
    html = response.content.decode()
    assert "Unknown party code" in html and "<td>3</td>" in html


def test_the_admin_upload_refuses_a_file_that_is_neither_csv_nor_json(admin_client):
    upload = ContentFile(b"hello")
    upload.name = "provisions.xlsx"
    response = admin_client.post(reverse("admin:flexibilities_provision_import"), {"file": upload})
    assert response.status_code == 200
    assert "The file must be a .csv or a .json file." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_running_a_job_twice_imports_once():
    job = run(csv_bytes([GOOD]))
    again = services.run_import_job(job.pk)
    assert again.created_count == 1 and Provision.objects.count() == 1


def test_downloads_mark_each_provision_verified_or_unverified_sample(client):
    make_provision("KE", is_sample=True)
    make_provision(
        "CL", source_url="https://example.org/law", last_verified=datetime.date(2026, 11, 1)
    )
    content = b"".join(client.get(reverse("flexibilities:export_csv")).streaming_content)
    rows = list(csv.DictReader(io.StringIO(content.decode())))
    assert {row["party"]: row["verification"] for row in rows} == {
        "KE": "unverified-sample",
        "CL": "verified",
    }
    records = json.loads(
        b"".join(client.get(reverse("flexibilities:export_json")).streaming_content)
    )
    assert {record["verification"] for record in records} == {"unverified-sample", "verified"}
