from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from secretaris.organisation.mapping import guess_mapping
from secretaris.organisation.reading import ReadError, read_table
from secretaris.organisation.tests.helpers import HEADER, csv_bytes
from secretaris.organisation.validation import validate

PEIL = date(2026, 12, 31)


def check(*lines: str):
    table = read_table(csv_bytes(*lines))
    return validate(table, guess_mapping(table.headers), PEIL)


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


def test_a_good_file_keeps_no_number_name_or_birth_date():
    result = check(
        "A17;Jansen;2;15-06-1980;01-03-2015;;0,8889;Financiën;Adviseur;nee",
        "A18;Pietersen;1;1975-01-31;01-01-2010;31-05-2026;1;Buitendienst;Voorman;ja",
    )
    assert result.ok and result.problem_count == 0
    first, second = result.employments
    assert (first.person, first.gender, first.birth_year, first.fte) == (
        1,
        "V",
        1980,
        Decimal("0.8889"),
    )
    assert (second.gender, second.end, second.manager) == ("M", date(2026, 5, 31), True)
    assert (
        "Jansen" not in repr(result) and "A17" not in repr(result) and "15-06" not in repr(result)
    )
    assert result.notes[0] == "Niet gelezen (persoonsgegevens): Naam."


def test_every_bad_cell_gets_its_own_dutch_message_with_row_and_column():
    result = check(
        "1;x;Q;01-01-1980;01-01-2020;;0,8;A;B;nee",
        "2;x;V;01-01-1980;12/31/2020;;0,8;A;B;nee",
        "3;x;V;01-01-1980;01-01-2020;;1.000,5;A;B;nee",
        "4;x;V;01-01-1980;01-01-2020;;1,5;A;B;nee",
        "5;x;V;01-01-1980;01-01-2020;01-01-2019;0,8;A;B;nee",
        '6;x;V;01-01-1980;01-01-2020;;0,8;=HYPERLINK("http://evil");B;nee',
        "7;x;V;01-01-1980;31-02-2020;;0,8;A;B;nee",
        "8;x;V;01-01-2020;01-01-2021;;0,8;A;B;nee",
        "9;x;V;01-01-1980;01-01-2020;;0,8;A;B;misschien",
    )
    assert not result.ok and result.employments == []
    assert messages(result) == [
        "regel 2, kolom 'Geslacht': onbekende code 'q' voor geslacht; gebruik 1 (man), "
        "2 (vrouw), M/V, man/vrouw, of X voor anders/onbekend",
        "regel 3, kolom 'Datum in dienst': '12/31/2020' lijkt maand-dag-jaar (Amerikaans); "
        "gebruik dag-maand-jaar (dd-mm-jjjj)",
        "regel 4, kolom 'FTE': '1.000,5' bevat een punt én een komma; gebruik één decimaalteken",
        "regel 5, kolom 'FTE': fte 1,5 ligt niet tussen 0 en 1,2",
        "regel 6, kolom 'Datum uit dienst': de datum uit dienst (01-01-2019) ligt vóór de "
        "datum in dienst (01-01-2020)",
        "regel 7, kolom 'Afdeling': bevat een formule of opdracht ('=HYPERLINK(\"http://evil\")'); "
        "exporteer de waarden, niet de formules",
        "regel 8, kolom 'Datum in dienst': '31-02-2020' bestaat niet als datum",
        "regel 9, kolom 'Geboortedatum': geboortejaar 2020 geeft een leeftijd van 6; "
        "dat klopt niet",
        "regel 10, kolom 'Leidinggevend': 'misschien' is geen ja of nee",
    ]


def test_duplicate_employee_numbers_and_overlaps_are_refused():
    result = check(
        "1;x;V;01-01-1980;01-01-2020;;0,8;A;B;nee",
        "1;x;V;01-01-1980;01-01-2020;;1;A;B;nee",
        "2;x;M;01-01-1970;01-01-2010;;1;A;B;nee",
        "2;x;M;01-01-1970;01-01-2015;;1;C;D;nee",
    )
    assert messages(result) == [
        "regel 3, kolom 'Personeelsnummer': dit personeelsnummer staat al op regel 2 met "
        "dezelfde datum in dienst maar andere gegevens (dubbel personeelsnummer?)",
        "regel 5, kolom 'Datum in dienst': dit dienstverband overlapt met regel 4 van "
        "dezelfde medewerker",
    ]


def test_mixed_decimal_signs_and_date_styles_are_read_and_explained():
    result = check(
        "1;x;vrouw;1980;01-01-2020;;0,8;A;B;nee",
        "2;x;man;1981-03-04;2019-01-01;;0.6;A;B;ja",
    )
    assert result.ok
    assert [e.fte for e in result.employments] == [Decimal("0.8"), Decimal("0.6")]
    assert any("zowel komma's als punten" in note for note in result.notes)


def test_an_empty_table_is_refused():
    result = check()
    assert messages(result) == ["regel 1: het bestand bevat geen gegevensregels"]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_either_read_or_give_a_dutch_error(data):
    try:
        table = read_table(data)
    except ReadError as exc:
        assert str(exc)
        return
    validate(table, guess_mapping(table.headers), PEIL)


CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12).map(
    lambda s: s.replace(";", "").replace("\n", "").replace("\r", "").replace('"', "")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CELL, min_size=10, max_size=10), max_size=6))
def test_random_cells_never_crash_and_never_half_import(rows):
    try:
        table = read_table(csv_bytes(*(";".join(r) for r in rows), header=HEADER, encoding="utf-8"))
    except ReadError as exc:  # e.g. NUL characters: not a text file
        assert str(exc)
        return
    result = validate(table, guess_mapping(table.headers), PEIL)
    assert result.ok or result.employments == []
    assert all(p.message for p in result.problems)
