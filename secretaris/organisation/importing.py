"""One import, the same for the web and the CLI: read, map, check, compute, store.

Everything is stored in one transaction, or nothing is: a file with any bad row imports
nothing. The import is written to the audit trail (counts only, never contents).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection, transaction

from secretaris.accounts.audit import audit
from secretaris.dossier.models import Fact, Gemeente
from secretaris.organisation.indicators import Indicators, compute
from secretaris.organisation.models import AbsencePeriod, Employment, Organisation, StaffImport
from secretaris.organisation.reading import Table
from secretaris.organisation.validation import Checked, validate

# What a long import says while it works: a Dutch line, and how many rows of how many are
# done (None while that is not counted).
Progress = Callable[..., None]


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


def _n(count: int) -> str:
    """100.000: a count as Dutch readers write it."""
    return f"{count:,}".replace(",", ".")


def check_and_compute(
    table: Table,
    mapping: dict[str, str],
    peildatum: date,
    inhabitants: int | None,
    progress: Progress | None = None,
) -> Outcome:
    say = progress or (lambda *_args: None)
    total = len(table.rows)
    say(f"{_n(total)} regels controleren…", 0, total)
    checked = validate(
        table,
        mapping,
        peildatum,
        lambda done: say(f"Regels controleren: {_n(done)} van {_n(total)}…", done, total),
    )
    if not checked.ok:
        say(f"{checked.problem_count} fout(en) gevonden; niets ingelezen.")
        return Outcome(checked)
    say(f"{_n(len(checked.employments))} dienstverbanden goed; kengetallen berekenen…")
    indicators = compute(
        checked.employments,
        checked.absences,
        peildatum,
        inhabitants,
        absence_known=bool(mapping.get("absence_start")),
    )
    return Outcome(checked, indicators)


def store_rows(
    staff_import: StaffImport, checked: Checked, progress: Progress | None = None
) -> None:
    """Write the employments and absence periods of one import, inside the caller's
    transaction, without model instances: `executemany` on SQLite, COPY on PostgreSQL.
    Building 100,000 model instances for `bulk_create` cost about 5 s of Python per import
    (ten times the writing itself)."""
    say = progress or (lambda *_args: None)
    quantum = Decimal("0.0001")
    fte_of: dict[Decimal, Decimal] = {}
    pk = staff_import.pk
    employments = [
        (
            pk,
            e.person,
            e.start,
            e.end,
            fte_of.get(e.fte) or fte_of.setdefault(e.fte, e.fte.quantize(quantum)),
            e.gender,
            e.birth_year,
            e.unit,
            e.job,
            e.manager,
        )
        for e in checked.employments
    ]
    say(f"{_n(len(employments))} dienstverbanden opslaan…")
    _insert(Employment, EMPLOYMENT_COLUMNS, employments)
    say(f"{_n(len(checked.absences))} verzuimperiodes opslaan…")
    _insert(
        AbsencePeriod,
        ("staff_import_id", "person", "start", "end"),
        [(pk, a.person, a.start, a.end) for a in checked.absences],
    )


EMPLOYMENT_COLUMNS = (
    "staff_import_id",
    "person",
    "start",
    "end",
    "fte",
    "gender",
    "birth_year",
    "unit",
    "job",
    "manager",
)
BATCH = 10_000


def _insert(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    quote = connection.ops.quote_name
    table = f"{quote(model._meta.db_table)} ({', '.join(map(quote, columns))})"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: one stream instead of a statement per row (psycopg's executemany with
            # client-side binding sends them one by one).
            with cursor.cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {table} VALUES ({', '.join(['%s'] * len(columns))})"
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


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
        store_rows(staff_import, outcome.checked, progress)
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
