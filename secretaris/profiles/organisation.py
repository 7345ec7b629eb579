"""The organisation figures of a profile and the sector benchmarks they are set against."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from secretaris.dossier.models import Benchmark


@dataclass(frozen=True)
class FigureSpec:
    key: str
    label: str
    unit: str
    benchmark: str = ""  # Benchmark.indicator to compare with


FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec("fte", "Formatie", "fte"),
    FigureSpec("employees", "Aantal medewerkers", "personen"),
    FigureSpec("women_pct", "Aandeel vrouwen", "%"),
    FigureSpec(
        "women_managers_pct",
        "Vrouwelijke leidinggevenden",
        "%",
        "aandeel_vrouwelijke_leidinggevenden",
    ),
    FigureSpec("under_35_pct", "Medewerkers jonger dan 35", "%", "aandeel_jonger_dan_35"),
    FigureSpec("over_60_pct", "Medewerkers van 60 jaar en ouder", "%", "aandeel_60_plus"),
    FigureSpec("average_age", "Gemiddelde leeftijd", "jaar", "gemiddelde_leeftijd"),
    FigureSpec("sickness_absence_pct", "Ziekteverzuim", "%", "ziekteverzuimpercentage"),
    FigureSpec("inflow_pct", "Instroom", "%", "instroompercentage"),
    FigureSpec("turnover_pct", "Uitstroom (verloop)", "%", "uitstroompercentage"),
    FigureSpec(
        "external_hire_pct", "Externe inhuur", "% van de loonsom", "externe_inhuur_pct_loonsom"
    ),
    FigureSpec("satisfaction", "Medewerkertevredenheid", "rapportcijfer"),
)

TEXTS: tuple[tuple[str, str], ...] = (
    ("mission_vision", "Missie en visie"),
    ("steering", "Sturingsfilosofie"),
    ("programmes", "Programma's en projecten"),
    ("change_reason", "Veranderopgave: aanleiding"),
    ("change_goal", "Veranderopgave: doel"),
    ("change_status", "Veranderopgave: stand van zaken"),
    ("works_council", "Ondernemingsraad: samenstelling en samenwerking"),
    ("organogram", "Organogram"),
    ("diversity", "Diversiteit"),
)

# Province names as the benchmark quotes spell them.
PROVINCE_SCOPES = {"Friesland": "provincie Fryslân"}


def select_benchmarks(province: str) -> dict[str, dict[str, Any]]:
    """Per figure the newest benchmark; on equal years the province beats the country."""
    indicators = {f.benchmark for f in FIGURES if f.benchmark}
    province_scope = PROVINCE_SCOPES.get(province, f"provincie {province}")
    rows = Benchmark.objects.filter(
        indicator__in=indicators, scope__in=[province_scope, "alle gemeenten"]
    ).order_by("indicator", "-year")
    best: dict[str, Benchmark] = {}
    for row in rows:
        have = best.get(row.indicator)
        if have is None or (row.year, row.scope == province_scope) > (
            have.year,
            have.scope == province_scope,
        ):
            best[row.indicator] = row
    return {
        f.key: {
            "value": str(best[f.benchmark].value.normalize()),
            "unit": best[f.benchmark].unit,
            "scope": best[f.benchmark].scope,
            "year": best[f.benchmark].year,
            "source_url": best[f.benchmark].source_url,
            "quote": best[f.benchmark].quoted_text,
        }
        for f in FIGURES
        if f.benchmark in best
    }


def compare(value: Decimal, benchmark: Decimal) -> str:
    """'hoger', 'lager' or 'gelijk' (within 2 % of the benchmark)."""
    if abs(value - benchmark) <= abs(benchmark) * Decimal("0.02"):
        return "gelijk"
    return "hoger" if value > benchmark else "lager"
