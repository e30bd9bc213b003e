"""The one CSV reader of the portal's uploads: what every import may rely on."""

import io

import pytest

from portal.csv_import import FileError, RowError, read_rows

COLUMNS = ("year", "agency_name", "value", "note")


def rows(data: bytes, **options) -> list:
    options = {"columns": COLUMNS, "required": ("year", "value"), **options}
    return list(read_rows(io.BytesIO(data), **options))


def refusal(data: bytes, **options) -> FileError:
    with pytest.raises(FileError) as refused:
        rows(data, **options)
    return refused.value


def test_each_record_comes_with_the_line_it_starts_on():
    data = b'year,value,note\n2023,1,"two\nlines"\n\n2024,2,\n'
    assert [(line, values) for line, values, _ in rows(data)] == [
        (2, {"year": "2023", "value": "1", "note": "two\nlines"}),
        (5, {"year": "2024", "value": "2", "note": ""}),
    ]


def test_a_byte_order_mark_semicolons_and_loose_header_names_are_read():
    data = "\ufeffYear; Agency-Name ;VALUE\r\n2023;Aduana;1\r\n".encode()
    assert rows(data)[0].values == {"year": "2023", "agency_name": "Aduana", "value": "1"}


def test_lines_ending_in_a_lone_carriage_return_are_lines_and_a_form_feed_is_text():
    data = b"year,value,note\r2023,1,a\x0cb\r2024,2,c\r"
    assert [(row.line, row.values["note"]) for row in rows(data)] == [(2, "a\x0cb"), (3, "c")]


def test_a_header_is_refused_naming_each_unknown_missing_and_repeated_column():
    error = refusal(b"year,colour,note,Note\n2023,red,a,b\n")
    assert error.line == 1
    assert "Unknown column(s): colour." in error.message
    assert "Missing required column(s): value." in error.message
    assert "“note” appears more than once" in error.message


def test_a_line_that_is_not_utf8_is_named():
    error = refusal("year,value\n2023,1\n2024,Bogotá\n".encode("latin-1"))
    assert (error.line, error.message) == (3, "The file is not UTF-8 text; save it as “CSV UTF-8”.")


def test_an_empty_file_is_refused():
    assert refusal(b"").message == "The file is empty."


def test_a_record_with_too_many_cells_is_bad_and_too_few_only_when_the_app_says_so():
    data = b"year,value,note\n2023,1,a,extra\n2024,2\n"
    assert [row.error for row in rows(data)] == [
        RowError(2, "", "Malformed record: 4 values for 3 columns."),
        RowError(3, "", "Malformed record: 2 values for 3 columns."),
    ]
    lenient = rows(data, short_rows=True)
    assert lenient[1].values == {"year": "2024", "value": "2", "note": ""}
