"""The vacancy facts a consultant fills in: salary scale, dates, committee, contact persons.

Stored in `Profile.vacancy` as JSON (dates as ISO text, amounts as decimal text). The
sentences for "Wat bieden wij" and "Procedure" are made here, so the web page, the PDF and
the DOCX say the same; what is not filled in is left out of the document and listed in the
editor (`missing`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from secretaris.documents.dates import nl_date
from secretaris.documents.numbers import format_number

DATES = (
    ("closing_date", "Sluitingsdatum"),
    ("first_round", "Eerste gesprekken"),
    ("second_round", "Tweede gesprekken"),
    ("assessment_date", "Assessment"),
    ("appointment_date", "Benoeming (verwacht)"),
)
#: What a candidate needs before the document can go out, with its label in the editor.
NEEDED = (
    ("schaal", "salarisschaal"),
    ("closing_date", "sluitingsdatum"),
    ("first_round", "datum van de eerste gesprekken"),
    ("committee", "leden van de benoemingsadviescommissie"),
    ("contacts", "contactpersonen"),
)


def day(vacancy: dict[str, Any], key: str) -> date | None:
    value = vacancy.get(key)
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def amount(vacancy: dict[str, Any], key: str) -> Decimal | None:
    try:
        return Decimal(vacancy[key]) if vacancy.get(key) else None
    except InvalidOperation:
        return None


def lines(vacancy: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (vacancy.get(key) or "").splitlines() if line.strip())


def offer(vacancy: dict[str, Any]) -> tuple[str, ...]:
    """The sentences of "Wat bieden wij"."""
    items = []
    schaal = vacancy.get("schaal")
    hours = amount(vacancy, "hours")
    if schaal:
        maximum = amount(vacancy, "salary_max")
        salary = f"Een salaris in schaal {schaal} van de Cao Gemeenten"
        if maximum:
            salary += f", tot maximaal € {format_number(maximum)} bruto per maand"
        if hours:
            salary += f" bij {format_number(hours, 0 if hours % 1 == 0 else 1)} uur per week"
        items.append(salary + ".")
    elif hours:
        items.append(
            f"Een baan van {format_number(hours, 0 if hours % 1 == 0 else 1)} uur per week."
        )
    items.append(
        "Een Individueel Keuzebudget (IKB) volgens de Cao Gemeenten. Je kiest zelf of je het "
        "laat uitbetalen, bijvoorbeeld als extra maand, of gebruikt voor verlof of opleiding."
    )
    items.append(
        "De functie valt onder de Wet normering topinkomens (WNT). Je bezoldiging blijft onder "
        "het WNT-maximum en wordt elk jaar openbaar gemaakt in de jaarrekening van de gemeente."
    )
    return tuple(items)


def procedure(vacancy: dict[str, Any]) -> tuple[str, ...]:
    """The steps of the procedure, with the dates that are filled in."""
    steps = []
    closing = day(vacancy, "closing_date")
    steps.append(
        f"Je kunt reageren tot en met {nl_date(closing)}."
        if closing
        else "Je reageert met een brief en je cv."
    )
    for key, text in (
        ("first_round", "De eerste gesprekken met de benoemingsadviescommissie zijn op {}."),
        ("second_round", "De tweede gesprekken zijn op {}."),
    ):
        if when := day(vacancy, key):
            steps.append(text.format(nl_date(when)))
    if vacancy.get("assessment"):
        when = day(vacancy, "assessment_date")
        steps.append(
            "Een assessment maakt deel uit van de procedure"
            + (f"; het is gepland op {nl_date(when)}." if when else ".")
        )
    if vacancy.get("screening"):
        steps.append(
            "Voor de benoeming volgt een screening, met een integriteitsonderzoek en een "
            "Verklaring Omtrent het Gedrag (VOG)."
        )
    steps.append("De ondernemingsraad geeft advies over de benoeming (artikel 30 WOR).")
    appointment = day(vacancy, "appointment_date")
    steps.append(
        "Het college benoemt de gemeentesecretaris (artikel 102 Gemeentewet)"
        + (f"; de benoeming is voorzien rond {nl_date(appointment)}." if appointment else ".")
    )
    return tuple(steps)


def missing(vacancy: dict[str, Any]) -> tuple[str, ...]:
    """What a candidate needs but nobody filled in yet (for the editor, never the document)."""
    return tuple(label for key, label in NEEDED if not vacancy.get(key))
