"""A fictitious municipal organisation as an HR export, in AFAS, Youforce or plain Dutch style.

For tests, benchmarks and new users: `secretaris organisatie demo --rijen 1500 --formaat afas`.
Everything is made up from a seeded random generator; the names are "Fictief 00012".
The shape follows the sector's figures (about 58 % women, average age about 47,
inflow about 15 %, outflow about 8 %, sickness absence about 6 %).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta

FORMATS = ("afas", "youforce", "nl")

UNITS = {
    "Publiekszaken": [
        "Medewerker publiekszaken",
        "Teamleider publiekszaken",
        "Adviseur burgerzaken",
    ],
    "Sociaal Domein": [
        "Consulent Wmo",
        "Consulent werk en inkomen",
        "Beleidsadviseur sociaal domein",
    ],
    "Ruimte en Wonen": [
        "Vergunningverlener",
        "Beleidsadviseur ruimte",
        "Projectleider gebiedsontwikkeling",
    ],
    "Buitendienst": ["Medewerker groen", "Medewerker wegen", "Voorman buitendienst"],
    "Financiën": ["Adviseur financiën", "Medewerker belastingen", "Controller"],
    "Bedrijfsvoering": ["Adviseur P&O", "Medewerker ICT", "Informatiebeheerder"],
    "Bestuur en Concern": ["Bestuursadviseur", "Communicatieadviseur", "Jurist"],
}


@dataclass
class Row:
    number: str
    gender: str  # M / V / X
    born: date
    start: date
    end: date | None
    fte: float
    unit: str
    job: str
    manager: bool
    manager_number: str
    absence: tuple[date, date | None, str] | None = None


def generate(rows: int, export_date: date, seed: int = 1) -> list[Row]:
    """About `rows` export rows (exactly that many): employments, moves and absence periods."""
    rnd = random.Random(seed)
    out: list[Row] = []
    unit_names = list(UNITS)
    # The first people are the unit heads (one per unit), then two more managers per unit.
    manager_count = len(unit_names) * 3
    managers = {
        u: [f"{n:05d}" for n in range(1, manager_count + 1) if (n - 1) % len(unit_names) == i]
        for i, u in enumerate(unit_names)
    }
    number = 0
    while len(out) < rows:
        number += 1
        person = f"{number:05d}"
        gender = rnd.choices("VMX", weights=(58, 41.5, 0.5))[0]
        age = min(66, max(18, int(rnd.gauss(47, 11))))
        born = date(export_date.year - age, rnd.randint(1, 12), rnd.randint(1, 28))
        years = min(age - 18, int(rnd.expovariate(1 / 9)))
        if rnd.random() < 0.15:  # came in during the last twelve months
            start = export_date - timedelta(days=rnd.randint(1, 360))
        else:
            start = export_date - timedelta(days=365 + years * 365 + rnd.randint(0, 364))
        end = None
        if rnd.random() < 0.08:
            end = export_date - timedelta(days=rnd.randint(1, 360))
            end = max(end, start)
        is_manager = number <= manager_count
        unit = unit_names[(number - 1) % len(unit_names)] if is_manager else rnd.choice(unit_names)
        if is_manager:
            end = None
        job = rnd.choice(UNITS[unit])
        fte = rnd.choice([1.0, 1.0, 1.0, 0.8889, 0.8889, 0.7778, 0.6667, 0.5556, 0.5])
        manager_number = "" if number <= len(unit_names) else rnd.choice(managers[unit])
        employment = [
            Row(person, gender, born, start, end, fte, unit, job, is_manager, manager_number)
        ]
        if rnd.random() < 0.06 and (export_date - start).days > 200:  # moved internally
            move = start + timedelta(days=rnd.randint(100, (export_date - start).days - 1))
            if end is None or move < end:
                moved_to = rnd.choice([u for u in unit_names if u != unit])
                employment[0].end = move - timedelta(days=1)
                employment.append(
                    Row(
                        person,
                        gender,
                        born,
                        move,
                        end,
                        fte,
                        moved_to,
                        rnd.choice(UNITS[moved_to]),
                        is_manager,
                        rnd.choice(managers[moved_to]),
                    )
                )
        rows_for_person = list(employment)
        last = employment[-1]
        for _ in range(_reports(rnd)):
            # Two years of reports, so the first months of the period are not half empty.
            first_day = export_date - timedelta(days=rnd.randint(0, 730))
            if first_day < last.start or (last.end and first_day > last.end):
                continue
            length = _length(rnd)
            recovered = first_day + timedelta(days=length - 1)
            recovered_or_open = None if recovered >= export_date else recovered
            kind = "Zwangerschapsverlof" if gender == "V" and rnd.random() < 0.02 else "Ziekte"
            copy = Row(**{**last.__dict__, "absence": (first_day, recovered_or_open, kind)})
            rows_for_person.append(copy)
        if len(out) + len(rows_for_person) > rows:
            # No room for moves and absence rows: one whole employment instead.
            rows_for_person = [Row(**{**employment[0].__dict__, "end": employment[-1].end})]
        out.extend(rows_for_person)
    return out[:rows]


def _reports(rnd: random.Random) -> int:
    draw = rnd.random()
    return 0 if draw < 0.2 else 1 if draw < 0.45 else 2 if draw < 0.7 else 3 if draw < 0.9 else 4


def _length(rnd: random.Random) -> int:
    draw = rnd.random()
    if draw < 0.62:
        return rnd.randint(1, 7)
    if draw < 0.85:
        return rnd.randint(8, 30)
    if draw < 0.95:
        return rnd.randint(31, 120)
    return rnd.randint(121, 500)


def _columns(kind: str) -> list[str]:
    if kind == "afas":
        return [
            "empl_Medewerker",
            "empl_Naam",
            "empl_Geslacht",
            "empl_Geboortedatum",
            "empl_Begindatum_contract",
            "empl_Einddatum_contract",
            "empl_FTE",
            "empl_Organisatorische_eenheid_code",
            "empl_Functie_code",
            "empl_Persoonsnummer_leidinggevende",
            "empl_Begindatum_verzuim",
            "empl_Einddatum_verzuim",
            "empl_Type_verzuim",
        ]
    if kind == "youforce":
        return [
            "PersonNumber",
            "gender",
            "BirthDate",
            "StartDate",
            "EndDate",
            "WorkingAmount",
            "OrganizationUnit",
            "JobProfile",
            "IsManager",
            "AbsenceStartDate",
            "AbsenceEndDate",
            "AbsenceType",
        ]
    return [
        "Personeelsnummer",
        "Naam",
        "Geslacht",
        "Geboortedatum",
        "Datum in dienst",
        "Datum uit dienst",
        "FTE",
        "Afdeling",
        "Functie",
        "Leidinggevend",
        "Ziekmelding",
        "Hersteldmelding",
        "Verzuimsoort",
    ]


def _values(kind: str, row: Row, typed: bool) -> list:
    def d(value: date | None):
        if value is None:
            return None if typed else ""
        if typed:
            return value
        return value.isoformat() if kind == "youforce" else value.strftime("%d-%m-%Y")

    absence = row.absence or (None, None, "")
    if kind == "afas":
        fte = row.fte if typed else f"{row.fte:.4f}".replace(".", ",")
        manager = row.manager_number
        return [
            row.number,
            f"Fictief {row.number}",
            row.gender,
            d(row.born),
            d(row.start),
            d(row.end),
            fte,
            row.unit,
            row.job,
            manager,
            d(absence[0]),
            d(absence[1]),
            absence[2],
        ]
    if kind == "youforce":
        fte = row.fte if typed else f"{row.fte:.4f}"
        gender = {"M": "1", "V": "2", "X": "0"}[row.gender]
        return [
            row.number,
            gender,
            d(row.born),
            d(row.start),
            d(row.end),
            fte,
            row.unit,
            row.job,
            "true" if row.manager else "false",
            d(absence[0]),
            d(absence[1]),
            absence[2],
        ]
    fte = row.fte if typed else f"{row.fte:.2f}".replace(".", ",")
    gender = {"M": "man", "V": "vrouw", "X": "anders"}[row.gender]
    return [
        row.number,
        f"Fictief {row.number}",
        gender,
        d(row.born),
        d(row.start),
        d(row.end),
        fte,
        row.unit,
        row.job,
        "ja" if row.manager else "nee",
        d(absence[0]),
        d(absence[1]),
        absence[2],
    ]


def export(rows: list[Row], kind: str, xlsx: bool = False) -> bytes:
    """The rows as an export file: CSV as the system writes it, or an XLSX workbook."""
    if kind not in FORMATS:
        raise ValueError(f"Onbekend formaat {kind!r}; kies uit {', '.join(FORMATS)}.")
    if xlsx:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Medewerkers")
        sheet.append(_columns(kind))
        for row in rows:
            sheet.append(_values(kind, row, typed=True))
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(_columns(kind))
    for row in rows:
        writer.writerow(_values(kind, row, typed=False))
    if kind == "afas":  # AFAS writes UTF-8 with a byte order mark
        return b"\xef\xbb\xbf" + text.getvalue().encode("utf-8")
    return text.getvalue().encode("cp1252", errors="replace")
