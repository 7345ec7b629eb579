"""The organisatiebeeld gathered once, for the page, the document and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from secretaris.documents.dates import nl_date
from secretaris.documents.numbers import format_number
from secretaris.dossier.finance import document_json
from secretaris.dossier.models import Benchmark
from secretaris.organisation import charts
from secretaris.organisation.benchmarks import Comparison, compare
from secretaris.organisation.models import Organisation, StaffImport

# (key, label, unit, decimals, definition in words). Sources: docs/indicators.md.
FIGURES: tuple[tuple[str, str, str, int, str], ...] = (
    (
        "headcount",
        "Bezetting (personen)",
        "",
        0,
        "Het aantal mensen in dienst op de peildatum, ieder één keer geteld.",
    ),
    (
        "fte",
        "Bezetting (fte)",
        "fte",
        1,
        "De som van de deeltijdfactoren van alle dienstverbanden op de peildatum.",
    ),
    (
        "formatie_fte",
        "Formatie (fte)",
        "fte",
        1,
        "De begrote formatie, met de hand ingevuld met de bron erbij; niet uit de HR-export.",
    ),
    (
        "fte_per_1000",
        "Bezetting in fte per 1.000 inwoners",
        "",
        2,
        "Bezetting in fte, gedeeld door het aantal inwoners (gemeentedossier, CBS) maal 1.000. "
        "Gemeenten die werk laten doen door een werkorganisatie hebben hier een laag getal.",
    ),
    (
        "women_pct",
        "Aandeel vrouwen",
        "%",
        1,
        "Vrouwen als deel van alle medewerkers van wie het geslacht bekend is.",
    ),
    (
        "women_managers_pct",
        "Vrouwen onder leidinggevenden",
        "%",
        1,
        "Vrouwen als deel van alle leidinggevenden. Leidinggevend is wie dat in de export is, "
        "of wie bij een ander als leidinggevende staat.",
    ),
    (
        "average_age",
        "Gemiddelde leeftijd",
        "jaar",
        1,
        "Gemiddelde leeftijd op de peildatum. Alleen het geboortejaar is bekend; daarvoor is "
        "gecorrigeerd (op 31 december is de leeftijd exact).",
    ),
    (
        "under_35_pct",
        "Jonger dan 35",
        "%",
        1,
        "Deel van de medewerkers dat in het jaar van de peildatum hoogstens 34 wordt.",
    ),
    (
        "over_60_pct",
        "60 jaar en ouder",
        "%",
        1,
        "Deel van de medewerkers dat in het jaar van de peildatum 60 of ouder wordt.",
    ),
    (
        "inflow_pct",
        "Instroom",
        "%",
        1,
        "Mensen die in de twaalf maanden tot de peildatum in dienst kwamen, als percentage van "
        "het gemiddeld aantal medewerkers (begin plus eind, gedeeld door twee).",
    ),
    (
        "throughflow_pct",
        "Doorstroom",
        "%",
        1,
        "Mensen die in die twaalf maanden naar een andere afdeling of functie gingen, als "
        "percentage van het gemiddeld aantal medewerkers.",
    ),
    (
        "outflow_pct",
        "Uitstroom",
        "%",
        1,
        "Mensen die in die twaalf maanden uit dienst gingen, als percentage van het gemiddeld "
        "aantal medewerkers.",
    ),
    (
        "sickness_absence_pct",
        "Ziekteverzuim",
        "%",
        1,
        "Ziektedagen maal deeltijdfactor, gedeeld door beschikbare kalenderdagen maal "
        "deeltijdfactor, over de twaalf maanden tot de peildatum. Zwangerschaps- en "
        "bevallingsverlof telt niet mee.",
    ),
    (
        "report_frequency",
        "Meldingsfrequentie",
        "per medewerker per jaar",
        2,
        "Het aantal ziekmeldingen dat in de twaalf maanden begon, gedeeld door het gemiddeld "
        "aantal medewerkers.",
    ),
    (
        "satisfaction",
        "Medewerkertevredenheid",
        "rapportcijfer",
        1,
        "Met de hand ingevuld uit een medewerkersonderzoek, met de bron en het jaar erbij.",
    ),
    (
        "external_hire_pct",
        "Externe inhuur",
        "% van de loonsom",
        1,
        "Inhuur van personeel (Iv3-categorie 3.5.1) als percentage van de loonsom (1.1), uit de "
        "jaarrekening; berekend uit CBS Iv3, niet de officiële BBV-indicator.",
    ),
)


@dataclass
class Figure:
    key: str
    label: str
    text: str
    definition: str
    source: str
    comparison: Comparison | None = None


def _text(value, unit: str, decimals: int) -> str:
    if value is None:
        return "onbekend"
    number = format_number(Decimal(str(value)), decimals)
    return f"{number}%" if unit.startswith("%") else f"{number} {unit}".strip()


def external_hire(gemeente) -> dict | None:
    """Externe inhuur as % of the own loonsom, from the newest jaarrekening in the dossier
    (CBS Iv3: inhuur L3.5.1, loonsom L1.1). None where unknown, or where the staff sit in
    a shared organisation (the own loonsom is then near zero and the ratio means nothing)."""
    documents = [document_json(doc) for doc in gemeente.financien or []]
    accounts = [
        d
        for d in documents
        if d.get("document") == "jaarrekening"
        and d.get("own_staff", True)
        and d.get("loonsom")
        and d.get("externe_inhuur") is not None
    ]
    if not accounts:
        return None
    newest = max(accounts, key=lambda d: d["year"])
    pct = Decimal(str(newest["externe_inhuur"])) * 100 / Decimal(str(newest["loonsom"]))
    return {"pct": pct.quantize(Decimal("0.1")), "year": newest["year"]}


def source_line(staff_import: StaffImport) -> str:
    return f"bron: HR-export, peildatum {nl_date(staff_import.peildatum)}"


def build(organisation: Organisation, staff_import: StaffImport) -> dict:
    gemeente = organisation.gemeente
    values = dict(staff_import.indicators)
    hire = external_hire(gemeente)
    values["external_hire_pct"] = hire["pct"] if hire else None
    values["formatie_fte"] = organisation.formatie_fte
    values["satisfaction"] = organisation.satisfaction
    comparisons = {
        c.key: c
        for c in compare(
            values,
            list(Benchmark.objects.all()),
            gemeente.code,
            gemeente.province,
            values.get("inhabitants"),
        )
    }
    hr = source_line(staff_import)
    sources = {
        "formatie_fte": organisation.formatie_source or "niet ingevuld",
        "satisfaction": (
            f"{organisation.satisfaction_source}"
            + (f" ({organisation.satisfaction_year})" if organisation.satisfaction_year else "")
            if organisation.satisfaction is not None
            else "niet ingevuld"
        ),
        "external_hire_pct": (
            f"berekend uit CBS Iv3, jaarrekening {hire['year']}"
            if hire
            else "onbekend: de Iv3-jaarrekening staat niet in het gemeentedossier"
        ),
        "fte_per_1000": f"{hr.removeprefix('bron: ')}; inwoners: CBS",
    }
    figures = [
        Figure(
            key,
            label,
            _text(values.get(key), unit, decimals),
            definition,
            sources.get(key, hr.removeprefix("bron: ")),
            comparisons.get(key),
        )
        for key, label, unit, decimals, definition in FIGURES
    ]
    if not values.get("has_absence"):
        for f in figures:
            if f.key in ("sickness_absence_pct", "report_frequency"):
                f.text = "onbekend"
                f.source = "de export had geen verzuimkolommen"
    return {
        "organisation": organisation,
        "staff_import": staff_import,
        "values": values,
        "figures": figures,
        "flagged": [f for f in figures if f.comparison and f.comparison.far],
        "source": hr,
        "charts": {
            "pyramid": charts.age_pyramid_svg(values.get("age_pyramid", []), "org-pyramid"),
            "flows": charts.flows_svg(values, "org-flows"),
            "absence": charts.absence_svg(values, "org-absence")
            if values.get("has_absence")
            else None,
            "duration": charts.duration_svg(values, "org-duration")
            if values.get("has_absence")
            else None,
        },
        "peildatum": date.fromisoformat(values["peildatum"]),
        "period_start": date.fromisoformat(values["period_start"]),
    }
