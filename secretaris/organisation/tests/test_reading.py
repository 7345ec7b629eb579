import pytest

from secretaris.organisation.reading import MAX_BYTES, ReadError, read_table
from secretaris.organisation.tests.helpers import csv_bytes, zip_bomb


def test_semicolon_csv_in_cp1252_is_read_with_its_accents():
    table = read_table(csv_bytes("1;Zoë;V;01-02-1980;01-01-2020;;0,8;Financiën;Adviseur;nee"))
    assert table.headers[0] == "Personeelsnummer"
    assert table.rows[0][7] == "Financiën"
    assert table.kind == "csv"


def test_utf8_with_bom_and_comma_separator():
    data = b'\xef\xbb\xbfPersoneelsnummer,FTE\r\n1,"0,8"\r\n'
    table = read_table(data)
    assert table.headers == ["Personeelsnummer", "FTE"]
    assert table.rows == [["1", "0,8"]]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "leeg"),
        (b"   \r\n", "leeg"),
        (b"Personeelsnummer|FTE\n1|0,8\n", "puntkomma"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "oud Excel"),
        (b"PK\x03\x04garbage", "beschadigd"),
    ],
)
def test_unreadable_files_are_refused_with_a_dutch_reason(data, message):
    with pytest.raises(ReadError, match=message):
        read_table(data)


def test_a_file_over_the_limit_is_refused_before_reading():
    with pytest.raises(ReadError, match="maximum"):
        read_table(b"a;b\n" + b"1;2\n" * (MAX_BYTES // 4 + 1))


def test_a_zip_bomb_is_refused_without_unpacking_it():
    bomb = zip_bomb()
    assert len(bomb) < 2 * 1024 * 1024
    with pytest.raises(ReadError, match="zip-bom"):
        read_table(bomb, "export.xlsx")


def test_xlsx_formulas_stay_visible_as_formulas():
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Personeelsnummer", "Afdeling"])
    sheet.append([1, '=HYPERLINK("http://x","klik")'])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "x.xlsx")
    assert str(table.rows[0][1]).startswith("=HYPERLINK")


def test_xlsx_dates_numbers_and_strings_come_back_typed():
    import io
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Personeelsnummer", "Datum in dienst", "FTE", "Afdeling"])
    sheet.append([17, datetime(2020, 3, 1), 0.8889, "Financiën"])
    sheet.append([])
    sheet.append(["A18", "01-04-2021", "0,5", None])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "x.xlsx")
    assert table.rows[0] == [17, datetime(2020, 3, 1), 0.8889, "Financiën"]
    assert table.rows[1] == []  # the blank row is kept, so row numbers match the sheet
    assert table.rows[2][:3] == ["A18", "01-04-2021", "0,5"]


def test_xlsx_with_an_entity_declaration_is_refused():
    import io
    import zipfile

    evil = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheets><sheet name='&a;'/></sheets></workbook>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", evil)
    with pytest.raises(ReadError, match="kan niet worden gelezen"):
        read_table(buffer.getvalue(), "x.xlsx")
