from datetime import date

from django import template

from secretaris.documents.dates import nl_date as format_date
from secretaris.documents.numbers import format_number

register = template.Library()


@register.filter
def nl_number(value, decimals=0):
    """1234567.5 -> '1.234.567,5' (Dutch notation)."""
    if value is None or value == "":
        return "–"
    return format_number(value, int(decimals))


@register.filter
def nl_date(value: date | None) -> str:
    """date(2026, 1, 1) -> '1 januari 2026'."""
    return format_date(value) if value else ""
