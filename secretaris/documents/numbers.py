"""Numbers written the Dutch way: 1.234.567,5 (thousands dot, decimal comma)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from fractions import Fraction

Number = Decimal | int | float | str | Fraction


def to_decimal(value: Number) -> Decimal:
    """Any number (or its text) as a Decimal; floats go through str() to stay readable."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Fraction):
        with localcontext() as context:
            context.prec = 28
            return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(str(value))


def format_number(value: Number, decimals: int = 0) -> str:
    """Format a number with Dutch separators, rounded half up.

    >>> format_number("1234567.5", 1)
    '1.234.567,5'
    >>> format_number(-0.04, 1)
    '0,0'
    """
    quantum = Decimal(1).scaleb(-decimals)
    rounded = to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0,0"
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def decimals_needed(values: list[Decimal], maximum: int = 1) -> int:
    """0 when every value is whole, else `maximum` (charts show one decimal at most)."""
    return 0 if all(v == v.to_integral_value() for v in values) else maximum


def parse_number(text: str) -> Decimal:
    """A number as people type it in Dutch (or as a computer writes it); ValueError if not.

    >>> parse_number("1.234,5"), parse_number("1234,5"), parse_number("47.4")
    (Decimal('1234.5'), Decimal('1234.5'), Decimal('47.4'))
    >>> parse_number("1.234")  # a dot before exactly three digits groups thousands
    Decimal('1234')
    """
    value = text.strip().replace(" ", "").replace("\u00a0", "").replace("€", "")
    if "," in value:
        value = value.replace(".", "").replace(",", ".")  # 1.234,5: dots group thousands
    elif value.count(".") > 1 or (
        "." in value and len(value.rsplit(".", 1)[1]) == 3 and value.lstrip("-")[0] != "0"
    ):
        value = value.replace(".", "")  # 1.234 or 1.234.567
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        raise ValueError(text)
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(text) from None
