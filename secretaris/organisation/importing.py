"""One import, the same for the web and the CLI: read, map, check, compute, store.

Everything is stored in one transaction, or nothing is: a file with any bad row imports
nothing. The import is written to the audit trail (counts only, never contents).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from secretaris.accounts.audit import audit
from secretaris.dossier.models import Fact, Gemeente
from secretaris.organisation.indicators import Indicators, compute
from secretaris.organisation.models import AbsencePeriod, Employment, Organisation, StaffImport
from secretaris.organisation.reading import Table
from secretaris.organisation.validation import Checked, validate

Progress = Callable[[str], None]


@dataclass
class Outcome:
    checked: Checked
    indicators: Indicators | None = None
    staff_import: StaffImport | None = None


def inhabitants_of(gemeente: Gemeente, on: date | None = None) -> int | None:
    facts = Fact.objects.filter(gemeente=gemeente, key="inwoners")
    if on is not None:
        facts = facts.filter(date__lte=on) or facts
    value = facts.order_by("-date").values_list("value", flat=True).first()
    return int(value) if value is not None else None


def check_and_compute(
    table: Table,
    mapping: dict[str, str],
    peildatum: date,
    inhabitants: int | None,
    progress: Progress | None = None,
) -> Outcome:
    say = progress or (lambda _text: None)
    say(f"{len(table.rows)} regels controleren…")
    checked = validate(table, mapping, peildatum)
    if not checked.ok:
        say(f"{checked.problem_count} fout(en) gevonden; niets ingelezen.")
        return Outcome(checked)
    say(f"{len(checked.employments)} dienstverbanden goed; kengetallen berekenen…")
    indicators = compute(
        checked.employments,
        checked.absences,
        peildatum,
        inhabitants,
        absence_known=bool(mapping.get("absence_start")),
    )
    return Outcome(checked, indicators)


def run_import(
    organisation: Organisation,
    table: Table,
    mapping: dict[str, str],
    peildatum: date,
    user=None,
    request=None,
    progress: Progress | None = None,
) -> Outcome:
    inhabitants = inhabitants_of(organisation.gemeente, peildatum)
    outcome = check_and_compute(table, mapping, peildatum, inhabitants, progress)
    if outcome.indicators is None:
        return outcome
    if progress:
        progress("Opslaan…")
    with transaction.atomic():
        staff_import = StaffImport.objects.create(
            organisation=organisation,
            peildatum=peildatum,
            imported_by=user,
            file_kind=table.kind,
            rows=outcome.checked.rows,
            indicators=outcome.indicators.as_json(),
            notes=table.notes + outcome.checked.notes,
        )
        Employment.objects.bulk_create(
            (
                Employment(
                    staff_import=staff_import,
                    person=e.person,
                    start=e.start,
                    end=e.end,
                    fte=e.fte.quantize(Decimal("0.0001")),
                    gender=e.gender,
                    birth_year=e.birth_year,
                    unit=e.unit,
                    job=e.job,
                    manager=e.manager,
                )
                for e in outcome.checked.employments
            ),
            batch_size=2000,
        )
        AbsencePeriod.objects.bulk_create(
            (
                AbsencePeriod(staff_import=staff_import, person=a.person, start=a.start, end=a.end)
                for a in outcome.checked.absences
            ),
            batch_size=2000,
        )
        organisation.mapping = mapping
        organisation.save(update_fields=["mapping"])
        audit(
            request,
            "organisation.import",
            staff_import,
            user=user,
            rows=outcome.checked.rows,
            employments=len(outcome.checked.employments),
            absences=len(outcome.checked.absences),
            kind=table.kind,
            peildatum=peildatum,
        )
    outcome.staff_import = staff_import
    if progress:
        progress("Klaar.")
    return outcome
