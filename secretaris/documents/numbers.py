"""Numbers written the Dutch way: 1.234.567,5 (thousands dot, decimal comma)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
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
