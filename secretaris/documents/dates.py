"""Dates written the Dutch way: 1 januari 2026."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def nl_date(value: date) -> str:
    """date(2026, 1, 1) -> '1 januari 2026'."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
