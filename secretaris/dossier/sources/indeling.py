"""The CBS gemeentelijke indeling 1990-2025 as published by NLExtract (XML).

`<indeling jaar=Y>` -> `<provincie code naam>` -> `<gemeente code naam begindatum
[einddatum]>`. A municipality that ends carries `einddatum` in the indeling of the year it
ends; a new one appears with its `begindatum`. There are no predecessor links: see
herindelingen.py for how those are inferred.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from secretaris.dossier.sources.files import SourceError, gm_code, read_xml

PATH = Path("nlextract_gemeentelijke_indeling") / "gemeentelijke-indeling.xml"
NS = "{http://nlextract.nl}"

# Names damaged in the source file (a code-page slip); the correct spelling per CBS.
NAME_FIXES = {"Oh‚ en Laak": "Ohé en Laak"}


@dataclass(frozen=True)
class Municipality:
    code: str  # GM0344
    name: str  # as in the newest indeling that lists the code
    province: str  # idem
    begin: date  # earliest begindatum given for the code
    end: date | None
    first_year: int  # first indeling year that lists the code
    last_year: int

    def alive_after(self, day: date) -> bool:
        """Does the municipality exist just after `day` (changes take effect on `day`)?"""
        return self.begin <= day and (self.end is None or self.end > day)


@dataclass(frozen=True)
class ProvinceChange:
    code: str
    day: date
    old: str
    new: str


@dataclass
class Indeling:
    municipalities: dict[str, Municipality]
    first_year: int
    last_year: int
    province_changes: list[ProvinceChange]

    def current(self) -> list[Municipality]:
        """The municipalities of the newest indeling, sorted by code."""
        return sorted(
            (
                m
                for m in self.municipalities.values()
                if m.last_year == self.last_year and m.end is None
            ),
            key=lambda m: m.code,
        )

    def ended(self) -> list[Municipality]:
        return sorted((m for m in self.municipalities.values() if m.end), key=_order)

    def new_on(self, day: date) -> list[Municipality]:
        """Municipalities whose code first appears with begindatum `day`."""
        return sorted(
            (
                m
                for m in self.municipalities.values()
                if m.begin == day and m.first_year > self.first_year
            ),
            key=lambda m: m.code,
        )

    def name(self, code: str) -> str:
        return self.municipalities[code].name


def _order(m: Municipality) -> tuple[date, str]:
    return (m.end or date.max, m.code)


def read_indeling(raw_dir: Path) -> Indeling:
    path = raw_dir / PATH
    root = read_xml(path)
    # code -> year -> (name, province, begin, end); a code listed twice in one year (a
    # province change) keeps the entry without einddatum.
    seen: dict[str, dict[int, tuple[str, str, date, date | None]]] = {}
    try:
        for indeling in root.iter(f"{NS}indeling"):
            year = int(indeling.get("jaar", ""))
            for provincie in indeling.iter(f"{NS}provincie"):
                province = provincie.get("naam", "").strip()
                for gemeente in provincie.iter(f"{NS}gemeente"):
                    code = gm_code(gemeente.get("code", ""))
                    name = gemeente.get("naam", "").strip()
                    begin = date.fromisoformat(gemeente.get("begindatum", ""))
                    end_text = gemeente.get("einddatum")
                    end = date.fromisoformat(end_text) if end_text else None
                    years = seen.setdefault(code, {})
                    if year not in years or years[year][3] is not None:
                        years[year] = (NAME_FIXES.get(name, name), province, begin, end)
    except (ValueError, TypeError) as exc:
        raise SourceError(f"Bestand {path.name}: onverwachte inhoud ({exc}).") from exc
    if not seen:
        raise SourceError(f"Bestand {path.name} bevat geen gemeentelijke indeling.")
    municipalities = {}
    changes = []
    for code, years in seen.items():
        ordered = sorted(years.items())
        name, province, _, end = ordered[-1][1]
        municipalities[code] = Municipality(
            code=code,
            name=name,
            province=province,
            begin=min(entry[2] for _, entry in ordered),
            end=end,
            first_year=ordered[0][0],
            last_year=ordered[-1][0],
        )
        for (_, before), (year, after) in zip(ordered, ordered[1:], strict=False):
            if before[1] != after[1]:
                changes.append(ProvinceChange(code, date(year, 1, 1), before[1], after[1]))
    all_years = [year for years in seen.values() for year in years]
    return Indeling(
        municipalities,
        min(all_years),
        max(all_years),
        sorted(changes, key=lambda c: (c.day, c.code)),
    )
