"""The charts of a dossier page: council hemicycle, age structure, inhabitants over time."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from secretaris.documents.charts import (
    bar_chart_svg,
    hemicycle_svg,
    line_chart_svg,
    party_colors,
)
from secretaris.dossier.finance import CHART_LABELS
from secretaris.dossier.presenter import Dossier

AGE_KEYS = [
    ("leeftijd_0_14", "0–14 jaar"),
    ("leeftijd_15_24", "15–24 jaar"),
    ("leeftijd_25_44", "25–44 jaar"),
    ("leeftijd_45_64", "45–64 jaar"),
    ("leeftijd_65_plus", "65 jaar en ouder"),
]


@dataclass(frozen=True)
class Legend:
    name: str  # the usual name where the register gives one
    seats: int
    votes: int | None
    color: str
    formal: str = ""  # the Kiesraad list name when it differs from `name`


@dataclass(frozen=True)
class DossierCharts:
    hemicycle: str | None
    legend: list[Legend]
    ages: str | None
    ages_date: object
    ages_source: object
    inhabitants: str | None
    taakvelden: str | None = None
    taakvelden_label: str = ""


def dossier_charts(d: Dossier) -> DossierCharts:
    hemicycle, legend = None, []
    if d.council is not None:
        lists = [lr for lr in d.council.lists.all() if lr.seats]
        formal_colors = party_colors([lr.name for lr in lists])
        usual = d.usual_names
        names = [usual.get(lr.name, lr.name) for lr in lists]
        if len(set(names)) < len(names):  # never merge two lists under one name
            names = [lr.name for lr in lists]
        colors = {name: formal_colors[lr.name] for name, lr in zip(names, lists, strict=True)}
        hemicycle = hemicycle_svg(
            list(zip(names, [lr.seats for lr in lists], strict=True)),
            title=f"Zetelverdeling gemeenteraad {d.gemeente.name} ({d.council.election})",
            colors=colors,
        )
        legend = [
            Legend(name, lr.seats, lr.votes, colors[name], lr.name if lr.name != name else "")
            for name, lr in zip(names, lists, strict=True)
        ]
    ages = [(label, d.figures[key]) for key, label in AGE_KEYS if key in d.figures]
    ages_svg = None
    if ages:
        ages_svg = bar_chart_svg(
            [(label, f.value) for label, f in ages],
            title=f"Leeftijdsopbouw {d.gemeente.name} (% van de inwoners)",
            unit="%",
        )
    history = sorted(d.history.get("inwoners", []), key=lambda f: f.date)
    line = None
    if len(history) >= 2:
        line = line_chart_svg(
            [(str(f.date.year), f.value) for f in history],
            title=f"Inwoners van {d.gemeente.name} op 1 januari",
            unit="inwoners",
        )
    taakvelden, taakvelden_label = _taakvelden(d)
    return DossierCharts(
        taakvelden=taakvelden,
        taakvelden_label=taakvelden_label,
        hemicycle=hemicycle,
        legend=legend,
        ages=ages_svg,
        ages_date=ages[0][1].date if ages else None,
        ages_source=ages[0][1].source if ages else None,
        inhabitants=line,
    )


def _taakvelden(d: Dossier) -> tuple[str | None, str]:
    """Lasten per main taakveld of the newest jaarrekening (else the newest document)."""
    docs = d.finance_documents
    doc = next((x for x in docs if x["document"] == "jaarrekening"), docs[0] if docs else None)
    if doc is None or not doc["taakvelden"]:
        return None, ""
    rows = [
        (CHART_LABELS.get(t["code"], t["label"]), Decimal(t["lasten"]) / 1000)
        for t in doc["taakvelden"]
    ]
    svg = bar_chart_svg(
        rows,
        title=f"Lasten per taakveld, {doc['label'].lower()}, {d.gemeente.name} (× € 1 miljoen)",
        unit="mln",
        decimals=1,
    )
    return svg, doc["label"].lower()
