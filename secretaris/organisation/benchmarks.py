"""The organisation's figures against the sector: country, province and size class.

Benchmarks are the quoted A&O fonds / VNG figures in the data set (dossier.Benchmark), each
with its year and source. A figure is flagged when it is far from the newest national
figure; the difference is said in words ("duidelijk hoger: 2,1 procentpunt").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from secretaris.documents.numbers import format_number

G4 = {"GM0363", "GM0599", "GM0518", "GM0344"}  # Amsterdam, Rotterdam, Den Haag, Utrecht
PROVINCE_SCOPES = {"Friesland": "provincie Fryslân"}


@dataclass(frozen=True)
class Spec:
    key: str  # key in Indicators.as_json()
    label: str
    unit: str  # "%" or "jaar"
    indicators: tuple[str, ...]  # Benchmark.indicator values, best first
    far_points: Decimal  # absolute difference that counts as far from the sector


SPECS: tuple[Spec, ...] = (
    Spec(
        "sickness_absence_pct",
        "Ziekteverzuim",
        "%",
        (
            "ziekteverzuimpercentage",
            "ziekteverzuimpercentage_eerste_halfjaar",
            "ziekteverzuimpercentage_gemiddelde",
        ),
        Decimal("1.0"),
    ),
    Spec("average_age", "Gemiddelde leeftijd", "jaar", ("gemiddelde_leeftijd",), Decimal("2.0")),
    Spec("under_35_pct", "Jonger dan 35", "%", ("aandeel_jonger_dan_35",), Decimal("5")),
    Spec("over_60_pct", "60 jaar en ouder", "%", ("aandeel_60_plus",), Decimal("5")),
    Spec("inflow_pct", "Instroom", "%", ("instroompercentage",), Decimal("4")),
    Spec("throughflow_pct", "Doorstroom", "%", ("doorstroompercentage",), Decimal("4")),
    Spec("outflow_pct", "Uitstroom", "%", ("uitstroompercentage",), Decimal("3")),
    Spec(
        "women_managers_pct",
        "Vrouwen onder leidinggevenden",
        "%",
        ("aandeel_vrouwelijke_leidinggevenden",),
        Decimal("10"),
    ),
    Spec("external_hire_pct", "Externe inhuur", "%", ("externe_inhuur_pct_loonsom",), Decimal("5")),
)


@dataclass
class SectorFigure:
    scope: str  # "Nederland", "provincie Utrecht", "gemeenten 20.000-50.000", ...
    year: int
    value: Decimal
    unit: str
    source_url: str
    quote: str
    level: str  # "land", "provincie", "grootteklasse"


@dataclass
class Comparison:
    key: str
    label: str
    unit: str
    value: Decimal | None
    sector: list[SectorFigure] = field(default_factory=list)
    words: str = ""
    far: bool = False


def size_range(scope: str) -> tuple[int, float] | None:
    text = scope.replace(".", "")
    if match := re.search(r"(\d+)\s*-\s*(\d+)", text):
        return int(match.group(1)), int(match.group(2))
    if match := re.search(r"<\s*(\d+)", text):
        return 0, int(match.group(1)) - 1
    if match := re.search(r">=?\s*(\d+)", text):
        return int(match.group(1)), float("inf")
    return None


def level_of(scope: str, gemeente_code: str, province: str, inhabitants: int | None) -> str:
    """'land', 'provincie', 'grootteklasse' or '' (a scope that does not apply)."""
    if scope.startswith("alle gemeenten"):
        return "land"
    if scope == PROVINCE_SCOPES.get(province, f"provincie {province}"):
        return "provincie"
    is_g4 = gemeente_code in G4
    if scope.startswith("G4"):
        return "grootteklasse" if is_g4 else ""
    if not scope.startswith("gemeenten") or inhabitants is None:
        return ""
    if ("incl. G4" in scope and not is_g4) or ("excl. G4" in scope and is_g4):
        return ""
    if is_g4 and "G4" not in scope:
        return ""
    bounds = size_range(scope)
    return "grootteklasse" if bounds and bounds[0] <= inhabitants <= bounds[1] else ""


def compare(
    figures: dict,
    benchmarks: list,
    gemeente_code: str,
    province: str,
    inhabitants: int | None,
) -> list[Comparison]:
    """Per indicator the newest sector figure of each level, and words for the difference."""
    out = []
    for spec in SPECS:
        raw = figures.get(spec.key)
        value = None if raw is None else Decimal(str(raw))
        best: dict[str, tuple[tuple[int, int], SectorFigure]] = {}
        for rank, indicator in enumerate(spec.indicators):
            for b in benchmarks:
                if b.indicator != indicator:
                    continue
                level = level_of(b.scope, gemeente_code, province, inhabitants)
                order = (b.year, -rank)  # newest first; on equal years the first indicator
                if level and (level not in best or order > best[level][0]):
                    scope = "Nederland" if level == "land" else b.scope
                    best[level] = (
                        order,
                        SectorFigure(
                            scope,
                            b.year,
                            Decimal(b.value),
                            b.unit,
                            b.source_url,
                            b.quoted_text,
                            level,
                        ),
                    )
        sector = [best[lv][1] for lv in ("land", "provincie", "grootteklasse") if lv in best]
        comparison = Comparison(spec.key, spec.label, spec.unit, value, sector)
        if value is not None and sector:
            comparison.words, comparison.far = describe(value, sector[0], spec)
        out.append(comparison)
    return out


def describe(value: Decimal, sector: SectorFigure, spec: Spec) -> tuple[str, bool]:
    diff = value - sector.value
    unit = "procentpunt" if spec.unit == "%" else "jaar"
    size = format_number(abs(diff), 1)
    far = abs(diff) >= spec.far_points
    where = f"{'het landelijk cijfer' if sector.level == 'land' else sector.scope} ({sector.year})"
    if abs(diff) < spec.far_points / 4:
        return f"ongeveer gelijk aan {where}", False
    direction = "hoger" if diff > 0 else "lager"
    if spec.unit == "jaar":
        direction = "ouder" if diff > 0 else "jonger"
    strength = "veel" if abs(diff) >= 2 * spec.far_points else "duidelijk" if far else "iets"
    return f"{strength} {direction} dan {where}: {size} {unit}", far
