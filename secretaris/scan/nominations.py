"""Reading a list of raters, pasted or uploaded (CSV or TXT).

One rater per line: naam, e-mailadres, groep. Fields may be separated by commas, semicolons
or tabs (what Excel gives when you copy cells); a name with a comma in it ("Jansen, Piet")
is fine because the e-mail address marks where the name ends. A header line and empty
lines are skipped. The group may be written in everyday words: "MT", "OR", "wethouder".

The list is all or nothing: `parse` returns every problem per line, and the caller saves
only a list without problems, so nobody ends up with half a list they must reconstruct.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from secretaris.forms import clean_name
from secretaris.scan.groups import GroupChoice, closest_group, match_group, normalise

MAX_UPLOAD_BYTES = 100 * 1024
MAX_PER_PASTE = 300  # raters in one list
MAX_PER_SCAN = 300  # raters in one scan, all lists together
MAX_LINE_LENGTH = 1000
MAX_NAME_LENGTH = 200
MAX_EMAIL_LENGTH = 254
UPLOAD_EXTENSIONS = (".csv", ".txt")
HEADER_WORDS = {"naam", "name", "e mail", "email", "e mailadres", "emailadres", "groep"}


@dataclass(frozen=True)
class Target:
    """A group that nominations may name, as the parser needs to know it."""

    choice: GroupChoice
    single_person: bool = False
    taken_by: str = ""  # a single-person group's current member, if it has one


@dataclass(frozen=True)
class Nomination:
    line: int
    name: str
    email: str
    group_key: str


@dataclass(frozen=True)
class LineError:
    line: int
    text: str
    problems: tuple[str, ...]

    def message(self) -> str:
        return f"Regel {self.line}: " + " ".join(self.problems)


@dataclass
class ParseResult:
    nominations: list[Nomination] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.nominations)


class UploadError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_upload(name: str, content: bytes) -> str:
    """The text of an uploaded list; UploadError with a Dutch message when it cannot be."""
    if not name.lower().endswith(UPLOAD_EXTENSIONS):
        raise UploadError(
            "Kies een .csv- of .txt-bestand. Een Excel-bestand slaat u op als "
            "'CSV (gescheiden door lijstscheidingsteken)'."
        )
    if len(content) > MAX_UPLOAD_BYTES:
        raise UploadError(
            f"Het bestand is {len(content) // 1024} kB; het mag hooguit "
            f"{MAX_UPLOAD_BYTES // 1024} kB zijn. Splits de lijst in delen."
        )
    if b"\x00" in content:
        raise UploadError("Dit is geen tekstbestand. Kies een .csv- of .txt-bestand.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadError("We kunnen de tekens in dit bestand niet lezen. Sla het op als UTF-8.")


def split_line(line: str) -> list[str]:
    """The fields of one line: tab, else semicolon, else comma; quotes are respected."""
    delimiter = "\t" if "\t" in line else ";" if ";" in line else ","
    return [part.strip() for part in next(csv.reader([line], delimiter=delimiter))]


def parse(
    text: str,
    targets: Iterable[Target],
    *,
    disabled: Iterable[GroupChoice] = (),
    existing_emails: Iterable[str] = (),
) -> ParseResult:
    """Every line of `text` as a Nomination, or a LineError saying what to change."""
    targets = list(targets)
    choices = [t.choice for t in targets]
    by_key = {t.choice.key: t for t in targets}
    disabled = list(disabled)
    existing = {email.lower() for email in existing_emails}
    seen_emails: dict[str, int] = {}
    single_taken: dict[str, str] = {t.choice.key: t.taken_by for t in targets if t.taken_by}
    result = ParseResult()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if len(line) > MAX_LINE_LENGTH:
            result.errors.append(
                LineError(
                    number, line[:80], (f"De regel is te lang (hooguit {MAX_LINE_LENGTH} tekens).",)
                )
            )
            continue
        try:
            parts = split_line(line)
        except csv.Error:
            parts = [line]
        if not result.nominations and not result.errors and _is_header(parts):
            continue
        problems: list[str] = []
        at = [n for n, part in enumerate(parts) if "@" in part]
        if not at:
            result.errors.append(
                LineError(
                    number,
                    line,
                    ("We vinden geen e-mailadres. Schrijf: naam, e-mailadres, groep.",),
                )
            )
            continue
        if len(at) > 1:
            problems.append(
                "Er staan twee e-mailadressen op deze regel; zet elk op een eigen regel."
            )
        name = clean_name(", ".join(p for p in parts[: at[0]] if p))
        email = parts[at[0]].strip().lower()
        group_text = ", ".join(p for p in parts[at[-1] + 1 :] if p)

        if not name:
            problems.append("De naam ontbreekt.")
        elif len(name) > MAX_NAME_LENGTH:
            problems.append(f"De naam is te lang (hooguit {MAX_NAME_LENGTH} tekens).")
        if not _valid_email(email):
            problems.append(f"'{email[:80]}' is geen geldig e-mailadres.")
        elif email in seen_emails:
            problems.append(f"{email} staat al op regel {seen_emails[email]}.")
        elif email in existing:
            problems.append(f"{email} staat al op de lijst van deze scan.")
        else:
            seen_emails[email] = number

        group = match_group(group_text, choices) if group_text else None
        if not group_text:
            problems.append(f"De groep ontbreekt. Kies uit: {_names(choices)}.")
        elif group is None:
            problems.append(_unknown_group(group_text, choices, disabled))
        elif by_key[group.key].single_person:
            holder = single_taken.get(group.key)
            if holder:
                problems.append(
                    f"In de groep {group.name} hoort één persoon, en daar staat al {holder}."
                )
            else:
                single_taken[group.key] = f"{name} (regel {number})"

        if problems:
            result.errors.append(LineError(number, line, tuple(problems)))
        else:
            result.nominations.append(Nomination(number, name, email, group.key))
    return result


def _is_header(parts: list[str]) -> bool:
    return len({normalise(p) for p in parts} & HEADER_WORDS) >= 2


def _valid_email(email: str) -> bool:
    if len(email) > MAX_EMAIL_LENGTH:
        return False
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def _names(choices: list[GroupChoice]) -> str:
    return ", ".join(c.name for c in choices)


def _unknown_group(text: str, choices: list[GroupChoice], disabled: list[GroupChoice]) -> str:
    off = match_group(text, disabled)
    if off is not None:
        return (
            f"De groep {off.name} doet niet mee in deze scan. "
            "Zet de groep aan op de pagina Groepen, of kies een andere groep."
        )
    close = closest_group(text, choices)
    if close is not None:
        return f"De groep '{text[:60]}' kennen we niet. Bedoelt u {close.name}?"
    return f"De groep '{text[:60]}' kennen we niet. Kies uit: {_names(choices)}."
