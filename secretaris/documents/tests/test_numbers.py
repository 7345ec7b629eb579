"""Numbers typed the Dutch way are read back exactly; anything else is refused."""

from decimal import Decimal

import pytest

from secretaris.documents.numbers import format_number, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,5", Decimal("1234.5")),
        ("1234,5", Decimal("1234.5")),
        ("1234.5", Decimal("1234.5")),
        ("47.4", Decimal("47.4")),
        ("1.234", Decimal("1234")),
        ("1.234.567", Decimal("1234567")),
        ("0.125", Decimal("0.125")),
        (" € 9.500 ", Decimal("9500")),
        ("-3,5", Decimal("-3.5")),
    ],
)
def test_dutch_and_computer_numbers_are_read(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1e5", "NaN", "Infinity", "12.", "--1"])
def test_other_text_is_refused(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("value", ["1234.5", "0.5", "1000000", "47.2"])
def test_a_formatted_number_reads_back_as_itself(value):
    assert parse_number(format_number(Decimal(value), 1)) == Decimal(value)
