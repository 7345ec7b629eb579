"""Checking every row and cell of a mapped HR export; the result keeps no identifiers.

`validate(table, mapping, peildatum)` returns `Checked`: employments and absence periods
with a pseudonymous person number (1, 2, 3, ... in order of appearance), and a Dutch
problem per bad row and cell. Names, BSN, employee numbers and exact birth dates are used
only while checking and never leave this module; the birth year is what is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from secretaris.organisation.mapping import check_mapping, is_private
from secretaris.organisation.reading import Table

MAX_FTE = Decimal("1.2")
MAX_PROBLEMS_KEPT = 500
MALE = {"1", "m", "man", "male", "mannelijk", "dhr", "heer", "de heer"}
FEMALE = {"2", "v", "vrouw", "f", "female", "vrouwelijk", "mevr", "mevrouw"}
OTHER = {
    "x",
    "0",
    "3",
    "9",
    "o",
    "u",
    "anders",
    "onbekend",
    "overig",
    "other",
    "unknown",
    "nonbinair",
    "non-binair",
    "niet gespecificeerd",
    "diverse",
}
YES = {"ja", "j", "1", "true", "waar", "yes", "y", "x"}
NO = {"nee", "n", "0", "false", "onwaar", "no", ""}
PREGNANCY = re.compile(r"zwanger|bevalling|wazo|pregnan|maternity|geboorte", re.IGNORECASE)
DATE_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?")
DATE_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")


class CellError(ValueError):
    """A cell that cannot be read; the message is Dutch and names the value."""


@dataclass(frozen=True, slots=True)
class Employment:
    person: int
    start: date
    end: date | None
    fte: Decimal
    gender: str  # "M", "V", "X" (anders/onbekend) or "" (niet in het bestand)
    birth_year: int | None
    unit: str
    job: str
    manager: bool


@dataclass(frozen=True, slots=True)
class Absence:
    person: int
    start: date
    end: date | None


@dataclass(frozen=True)
class Problem:
    row: int  # line in the file; the header is line 1
    column: str
    message: str

    def __str__(self) -> str:
        where = f"regel {self.row}" + (f", kolom '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class Checked:
    employments: list[Employment] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    notes: list[str] = field(default_factory=list)
    rows: int = 0
    pregnancy_excluded: int = 0

    @property
    def ok(self) -> bool:
        return self.problem_count == 0 and bool(self.employments)

    def add(self, row: int, column: str, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(Problem(row, column, message))


# -- Cells --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text[:1] == "=" or (text[:1] in ("+", "@") and not _looks_numeric(text)):
        raise CellError(
            f"bevat een formule of opdracht ('{text[:30]}'); exporteer de waarden, niet de formules"
        )
    return text


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[+-]?\d+([.,]\d+)?", text))


def parse_date(value: Any) -> date | None:
    """dd-mm-jjjj (also with / or .), jjjj-mm-dd, or an Excel date; None when empty."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        raise CellError(f"'{value}' is geen datum; gebruik dd-mm-jjjj")
    text = _text(value)
    if not text:
        return None
    match = DATE_DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if month > 12 and day <= 12:
            raise CellError(
                f"'{text}' lijkt maand-dag-jaar (Amerikaans); gebruik dag-maand-jaar (dd-mm-jjjj)"
            )
    else:
        match = DATE_YMD.fullmatch(text)
        if not match:
            raise CellError(f"'{text[:30]}' is geen datum; gebruik dd-mm-jjjj")
        year, month, day = (int(g) for g in match.groups())
    try:
        result = date(year, month, day)
    except ValueError:
        raise CellError(f"'{text}' bestaat niet als datum") from None
    if not 1900 <= result.year <= 2100:
        raise CellError(f"'{text}' ligt buiten 1900–2100")
    return result


def parse_decimal(value: Any) -> tuple[Decimal | None, str]:
    """The number and which decimal sign it used ("," "." or "")."""
    if isinstance(value, bool):
        raise CellError(f"'{value}' is geen getal")
    if isinstance(value, int | float):
        number = Decimal(str(value))
        if not number.is_finite():
            raise CellError(f"'{value}' is geen getal")
        return number, ""
    text = _text(value).replace(" ", "")
    if not text:
        return None, ""
    if "," in text and "." in text:
        raise CellError(f"'{text}' bevat een punt én een komma; gebruik één decimaalteken")
    sign = "," if "," in text else "." if "." in text else ""
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise CellError(f"'{text[:30]}' is geen getal") from None
    if not number.is_finite():
        raise CellError(f"'{text[:30]}' is geen getal")
    return number, sign


def parse_gender(value: Any) -> str:
    text = _text(value).lower().rstrip(".")
    if text in FEMALE:
        return "V"
    if text in MALE:
        return "M"
    if text in OTHER or not text:
        return "X"
    raise CellError(
        f"onbekende code '{text[:20]}' voor geslacht; gebruik 1 (man), 2 (vrouw), M/V, "
        "man/vrouw, of X voor anders/onbekend"
    )


def parse_birth_year(value: Any, peildatum: date) -> int | None:
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        or (isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value))
    ):
        year = int(float(value))
    else:
        born = parse_date(value)
        if born is None:
            return None
        year = born.year
    age = peildatum.year - year
    if not 14 <= age <= 80:
        raise CellError(f"geboortejaar {year} geeft een leeftijd van {age}; dat klopt niet")
    return year


def parse_flag(value: Any) -> bool:
    text = _text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(f"'{text[:20]}' is geen ja of nee")


# -- Rows ---------------------------------------------------------------------------------


PROGRESS_EVERY = 10_000  # rows between calls of `progress`


def validate(
    table: Table,
    mapping: dict[str, str],
    peildatum: date,
    progress: Callable[[int], None] | None = None,
) -> Checked:
    """Check every row; nothing is dropped silently (blank rows are skipped and counted).
    `progress(rows_checked)` is called every PROGRESS_EVERY rows."""
    result = Checked()
    for problem in check_mapping(mapping, table.headers):
        result.add(1, "", problem)
    if result.problem_count:
        return result
    columns = {key: table.headers.index(header) for key, header in mapping.items() if header}
    ignored = [h for h in table.headers if h and h not in mapping.values()]
    private = [h for h in ignored if is_private(h)]
    if private:
        result.notes.append("Niet gelezen (persoonsgegevens): " + ", ".join(private[:8]) + ".")
    other = [h for h in ignored if not is_private(h)]
    if other:
        result.notes.append(
            "Niet gebruikt: " + ", ".join(other[:12]) + ("…" if len(other) > 12 else ".")
        )

    persons: dict[str, int] = {}
    person_facts: dict[int, tuple[str, int | None, int]] = {}  # gender, birth year, row
    seen: dict[tuple[int, date], tuple[tuple, int]] = {}
    manager_numbers: set[str] = set()
    spans: dict[int, list[tuple[date, date | None, int]]] = {}
    decimal_signs: set[str] = set()
    blank = 0
    # Dates, fte, units and codes repeat a lot: each distinct cell value is parsed once.
    memos: dict[str, dict | None] = {k: (None if k == "employee" else {}) for k in columns}

    for index, cells in enumerate(table.rows):
        line = index + 2
        if progress is not None and index and not index % PROGRESS_EVERY:
            progress(index)
        if not any(str(c).strip() for c in cells):
            blank += 1
            continue
        result.rows += 1
        values: dict[str, Any] = {}
        bad = False
        for key, col in columns.items():
            raw = cells[col] if col < len(cells) else ""
            memo = memos[key]
            parsed = memo.get(raw) if memo is not None else None
            if parsed is None:
                try:
                    parsed = (_cell(key, raw, peildatum, decimal_signs), "")
                except CellError as exc:
                    parsed = (None, str(exc))
                if memo is not None:
                    memo[raw] = parsed
            if parsed[1]:
                result.add(line, mapping[key], parsed[1])
                bad = True
            else:
                values[key] = parsed[0]
        if bad:
            continue
        number = values["employee"]
        if not number:
            result.add(line, mapping["employee"], "het personeelsnummer ontbreekt")
            continue
        start, end, fte = values["start"], values.get("end"), values["fte"]
        if start is None:
            result.add(line, mapping["start"], "de datum in dienst ontbreekt")
            continue
        if fte is None:
            result.add(line, mapping["fte"], "de fte ontbreekt")
            continue
        if end is not None and end < start:
            result.add(
                line,
                mapping["end"],
                f"de datum uit dienst ({end:%d-%m-%Y}) ligt vóór de datum in dienst "
                f"({start:%d-%m-%Y})",
            )
            continue
        if start > peildatum:
            result.add(
                line,
                mapping["start"],
                f"de datum in dienst ligt na de peildatum {peildatum:%d-%m-%Y}",
            )
            continue
        absence_start, absence_end = values.get("absence_start"), values.get("absence_end")
        if absence_start and absence_end and absence_end < absence_start:
            result.add(
                line, mapping["absence_end"], "de hersteldatum ligt vóór de eerste ziektedag"
            )
            continue
        if absence_end and not absence_start:
            result.add(line, mapping["absence_start"], "de eerste ziektedag ontbreekt")
            continue

        person = persons.setdefault(number, len(persons) + 1)
        gender, birth = values.get("gender", ""), values.get("birth")
        known = person_facts.setdefault(person, (gender, birth, line))
        if (known[0], known[1]) != (gender, birth):
            result.add(
                line,
                "",
                f"geslacht of geboortejaar verschilt van regel {known[2]} van dezelfde medewerker",
            )
            continue
        fields = (end, fte, values.get("unit", ""), values.get("job", ""), values.get("manager"))
        earlier = seen.get((person, start))
        if earlier is None:
            seen[(person, start)] = (fields, line)
            spans.setdefault(person, []).append((start, end, line))
        elif earlier[0] != fields:
            result.add(
                line,
                mapping["employee"],
                f"dit personeelsnummer staat al op regel {earlier[1]} met dezelfde datum in "
                "dienst maar andere gegevens (dubbel personeelsnummer?)",
            )
            continue
        elif absence_start is None:
            result.add(line, "", f"deze regel is gelijk aan regel {earlier[1]} (dubbele regel)")
            continue
        if values.get("manager_of"):
            manager_numbers.add(values["manager_of"])
        if absence_start is not None:
            kind = values.get("absence_kind", "")
            if kind and PREGNANCY.search(kind):
                result.pregnancy_excluded += 1
            else:
                result.absences.append(Absence(person, absence_start, absence_end))

    for items in spans.values():
        items.sort(key=lambda s: s[0])
        for (_s1, e1, l1), (s2, _e2, l2) in zip(items, items[1:], strict=False):
            if e1 is None or s2 <= e1:
                result.add(
                    l2,
                    mapping["start"],
                    f"dit dienstverband overlapt met regel {l1} van dezelfde medewerker",
                )
    if result.problem_count:
        return result

    managers = {persons[n] for n in manager_numbers if n in persons}
    for (person, start), (fields, _line) in seen.items():
        end, fte, unit, job, flag = fields
        gender, birth, _ = person_facts[person]
        result.employments.append(
            Employment(
                person, start, end, fte, gender, birth, unit, job, bool(flag) or person in managers
            )
        )
    result.employments.sort(key=lambda e: (e.person, e.start))
    if blank:
        result.notes.append(f"{blank} lege regel(s) overgeslagen.")
    if {",", "."} <= decimal_signs:
        result.notes.append(
            "In de getallen staan zowel komma's als punten als decimaalteken; beide zijn "
            "gelezen als decimaalteken."
        )
    if result.pregnancy_excluded:
        result.notes.append(
            f"{result.pregnancy_excluded} verzuimperiode(s) wegens zwangerschap of bevalling "
            "niet meegeteld (zo rekent de verzuimnorm)."
        )
    if result.rows == 0:
        result.add(1, "", "het bestand bevat geen gegevensregels")
    return result


def _cell(key: str, raw: Any, peildatum: date, signs: set[str]) -> Any:
    if key in ("start", "end", "absence_start", "absence_end"):
        return parse_date(raw)
    if key == "fte":
        number, sign = parse_decimal(raw)
        if sign:
            signs.add(sign)
        if number is not None and not Decimal(0) < number <= MAX_FTE:
            shown = str(number).replace(".", ",")
            raise CellError(f"fte {shown} ligt niet tussen 0 en 1,2")
        return number
    if key == "gender":
        return parse_gender(raw)
    if key == "birth":
        return parse_birth_year(raw, peildatum)
    if key == "manager":
        return parse_flag(raw)
    text = _text(raw)
    if key in ("unit", "job"):
        return text[:100]
    return text
