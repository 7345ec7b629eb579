"""Gemeenschappelijke regelingen (Wgr) in force and their participants (SOURCES.md §13).

Only regelingen without `geldig_tot` (still in force) are kept. Each gets a recognised kind
where its name says what it is (`KINDS`, first match wins); a shared civil service (a
werkorganisatie or bedrijfsvoeringsorganisatie that employs the municipalities' staff) is
recognised by its name and confirmed by the Iv3 figures in build.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from secretaris.dossier.sources.files import read_csv

DIR = Path("polder_gemeenschappelijke_regelingen")
TOOI_GEMEENTE = re.compile(r"/gemeente/gm(\d{4})$")
PURPOSE_LIMIT = 240

# (kind, label, pattern on name + citeertitel), first match wins.
KINDS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("vervoer", "Vervoer", re.compile(r"vervoer|mobiliteit|hopper", re.I)),
    ("jeugd", "Jeugdhulp", re.compile(r"jeugd", re.I)),
    (
        "werkorganisatie",
        "Gedeelde ambtelijke organisatie",
        re.compile(
            r"werkorganisatie|samenwerkingsorganisatie|ambtelijke (samenwerking|organisatie|fusie)|"
            r"\b(abg|bar|sed)[- ]organisatie|noaberkracht|over-gemeenten|bel combinatie|"
            r"samenwerking de liemers|dienst dommelvallei|hltsamen",
            re.I,
        ),
    ),
    (
        "bedrijfsvoering",
        "Gedeelde bedrijfsvoering",
        re.compile(
            r"bedrijfsvoering(sorganisatie)? (\w+[- ])?(\w+ en \w+|regio|partner)|shared service",
            re.I,
        ),
    ),
    ("veiligheidsregio", "Veiligheidsregio", re.compile(r"veiligheidsregio|brandweer", re.I)),
    (
        "ggd",
        "GGD (publieke gezondheid)",
        re.compile(r"\bggd|gezondheidsdienst|publieke gezondheid", re.I),
    ),
    (
        "omgevingsdienst",
        "Omgevingsdienst",
        re.compile(r"omgevingsdienst|milieudienst|\bodr|\bodij", re.I),
    ),
    (
        "werkbedrijf",
        "Werkbedrijf / sociale werkvoorziening",
        re.compile(
            r"werkbedrijf|werkvoorziening|participatiebedrijf|\bwsw\b|sociale werk|"
            r"werkplein|werk en inkomen|re-integratie|\bwerk\b",
            re.I,
        ),
    ),
    (
        "belastingen",
        "Belastingsamenwerking",
        re.compile(r"belasting|\bwoz\b|heffing", re.I),
    ),
    ("afval", "Afval en reiniging", re.compile(r"afval|reiniging|\bavri\b|\brova\b", re.I)),
    ("recreatie", "Recreatieschap", re.compile(r"recreatie|plassenschap|groenschap", re.I)),
    ("regio", "Regionale samenwerking", re.compile(r"\bregio\b|regionale samenwerking", re.I)),
)
KIND_LABELS = {kind: label for kind, label, _ in KINDS}


@dataclass
class Regeling:
    roo_id: str
    name: str
    form: str
    kind: str | None
    purpose: str
    since: str | None
    url: str
    members: list[tuple[str, str | None]] = field(default_factory=list)  # (name, GM code)
    joined: dict[str, str] = field(default_factory=dict)  # GM code -> toetredingsdatum


def read_regelingen(raw_dir: Path) -> dict[str, Regeling]:
    """The regelingen in force, by ROO id, with their participants in file order."""
    rows = read_csv(
        raw_dir / DIR / "regelingen.csv",
        (
            "roo_id",
            "naam",
            "citeertitel",
            "samenwerkingsvorm",
            "geldig_vanaf",
            "geldig_tot",
            "doel",
        ),
    )
    result: dict[str, Regeling] = {}
    for row in rows:
        if row["geldig_tot"].strip():
            continue
        name = " ".join(row["naam"].split())
        result[row["roo_id"]] = Regeling(
            roo_id=row["roo_id"],
            name=name,
            form=row["samenwerkingsvorm"].strip().strip("'"),
            kind=recognise(f"{name} {row['citeertitel']}"),
            purpose=short_purpose(row["doel"]),
            since=row["geldig_vanaf"].strip() or None,
            url=row.get("bron", "").strip(),
        )
    members: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for row in read_csv(
        raw_dir / DIR / "deelnemers.csv", ("roo_id", "deelnemer", "deelnemer_tooi")
    ):
        if row["roo_id"] in result:
            match = TOOI_GEMEENTE.search(row["deelnemer_tooi"].strip())
            code = f"GM{match.group(1)}" if match else None
            members[row["roo_id"]].append((row["deelnemer"].strip(), code))
            joined = row.get("toetredingsdatum", "").strip()
            if code and joined:
                result[row["roo_id"]].joined.setdefault(code, joined)
    for roo_id, items in members.items():
        result[roo_id].members = list(dict.fromkeys(items))
    return result


def recognise(text: str) -> str | None:
    for kind, _, pattern in KINDS:
        if pattern.search(text):
            return kind
    return None


def short_purpose(text: str) -> str:
    """The purpose's first sentence (a full stop before a capital), at most PURPOSE_LIMIT
    characters, cut at a word. Enumerations ("gemeenten:a. de brandweerzorg") stay whole."""
    clean = " ".join(text.split())
    first = re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", clean, maxsplit=1)[0]
    if len(first) > PURPOSE_LIMIT:
        first = first[: PURPOSE_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return first
