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


@register.filter
def get(mapping, key):
    """mapping[key] in a template; None when absent."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def partners_of(samenwerking, regeling) -> list[str]:
    return samenwerking.partners(regeling)


@register.filter
def kind_label(kind: str) -> str:
    from secretaris.dossier.sources.regelingen import KIND_LABELS

    return KIND_LABELS.get(kind, "")


@register.filter
def thousands_to_millions(value) -> str:
    """An amount in € 1.000 as millions with one decimal: 1887759 -> '1.887,8'."""
    if value is None or value == "":
        return "–"
    from decimal import Decimal

    return format_number(Decimal(value) / 1000, 1)
