"""The frozen scan report as a Document: one presenter for the web page and the PDF.

Works from the stored JSON only (FrozenReport.data), so the document can never show
more than the frozen report holds.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from secretaris.documents.dates import nl_date
from secretaris.documents.model import (
    Block,
    BulletList,
    Chart,
    Document,
    KeyValues,
    Paragraph,
    Section,
    SourceRef,
    Table,
)
from secretaris.documents.numbers import format_number
from secretaris.documents.radar import radar_svg
from secretaris.scan.models import FrozenReport

SUPPRESSED = "–"


def score(value: Any, places: int = 1) -> str:
    return SUPPRESSED if value is None else format_number(Decimal(str(value)), places)


def figure(f: dict[str, Any] | None) -> str:
    if not f:
        return SUPPRESSED
    return score(f.get("mean")) if not f.get("suppressed") else SUPPRESSED


def report_document(
    report: FrozenReport,
    comparison: list[dict[str, Any]] | None = None,
    plan: dict[str, Any] | None = None,
) -> Document:
    data = report.data
    scan = report.scan
    groups = [g for g in data["groups"] if g["name"] != "Zelf"]
    closed = scan.closed_at or report.created_at
    meta = (
        ("Gemeentesecretaris", scan.secretary_name),
        ("Gemeente", scan.gemeente.name),
        ("Gesloten op", nl_date(closed.date())),
        ("Beoordelaars getoond", ", ".join(f"{g['name']} ({g['n']})" for g in data["groups"])),
        ("Anonimiteitsdrempel", f"k = {data['k']}"),
        ("Competentiemodel", f"versie {report.model_version}"),
    )
    sections = [
        _overview(data, groups),
        _findings(data),
        *(_competency(c, groups) for c in data["competencies"]),
    ]
    if comparison:
        sections.append(_comparison(comparison))
    if plan:
        sections.append(_plan(plan))
    sections.append(_method(data))
    return Document(
        title="Ontwikkelscan",
        subtitle=f"{scan.title}: {scan.secretary_name}, gemeente {scan.gemeente.name}",
        meta=meta,
        sections=tuple(sections),
        sources=(SourceRef(f"Competentiemodel Secretaris, versie {report.model_version}"),),
        footer=f"Ontwikkelscan {scan.secretary_name}, vertrouwelijk",
    )


def _overview(data: dict[str, Any], groups: list[dict[str, Any]]) -> Section:
    comps = data["competencies"]
    chart = Chart(
        radar_svg(
            [c["name"] for c in comps],
            [
                ("Zelf", [c["self"] for c in comps]),
                ("Alle anderen", [c["others"]["mean"] for c in comps]),
            ],
            title="Zelfbeeld en het beeld van anderen per competentie",
        ),
        caption="Zelf en alle anderen, schaal 1 tot 5",
        alt="; ".join(
            f"{c['name']}: zelf {score(c['self'])}, anderen {figure(c['others'])}" for c in comps
        ),
        width_cm=15,
    )
    rows = tuple(
        (
            c["name"],
            score(c["self"]),
            figure(c["others"]),
            score(c["gap"]),
            score(c["others"].get("sd"), 2),
        )
        for c in comps
    )
    table = Table(
        ("Competentie", "Zelf", "Alle anderen", "Verschil", "Spreiding"),
        rows,
        caption="Gemiddelde scores per competentie (1 = nooit, 5 = (bijna) altijd)",
        numeric=(False, True, True, True, True),
    )
    return Section("Overzicht", (chart, table), anchor="overzicht")


def _findings(data: dict[str, Any]) -> Section:
    gap = format_number(Decimal(str(data["thresholds"]["blind_spot_gap"])), 1)
    blocks: list[Block] = [
        Paragraph(
            f"Een **blinde vlek** is een competentie of gedrag waarop u uzelf minstens {gap} "
            f"punt hoger scoort dan anderen u scoren; een **verborgen sterkte** is het "
            f"omgekeerde: anderen zien meer dan u zelf."
        )
    ]
    for title, key in (
        ("Blinde vlekken", "blind_spots"),
        ("Verborgen sterktes", "hidden_strengths"),
    ):
        items = data[key]
        text = tuple(
            f"{i['name'].rstrip('.')}: zelf {score(i['self'])}, anderen {score(i['others'])}"
            for i in items
        ) or ("Geen.",)
        blocks += [Paragraph(f"**{title}**"), BulletList(text)]
    for title, key in (
        ("Hoogst gescoord door anderen", "highest"),
        ("Laagst gescoord door anderen", "lowest"),
    ):
        items = tuple(f"{i['text']} ({score(i['others'])})" for i in data[key]) or ("Geen.",)
        blocks += [Paragraph(f"**{title}**"), BulletList(items)]
    return Section("Blinde vlekken en verborgen sterktes", tuple(blocks), anchor="bevindingen")


def _competency(c: dict[str, Any], groups: list[dict[str, Any]]) -> Section:
    others = c["others"]
    facts = [("Zelf", score(c["self"])), ("Alle anderen", figure(others))]
    if others.get("sd") is not None:
        facts.append(("Spreiding (standaardafwijking)", score(others["sd"], 2)))
    if others.get("agreement") is not None:
        share = format_number(Decimal(str(others["agreement"])) * 100)
        facts.append(
            ("Eensgezindheid", f"{share} % van de antwoorden ligt binnen 1 punt van het gemiddelde")
        )
    indicators = c["indicators"]
    items = tuple(
        f"**{i['code']}** {i['text']}"
        + (
            f" (kan ik niet beoordelen: {i['others']['not_assessable']})"
            if i["others"].get("not_assessable")
            else ""
        )
        for i in indicators
    )
    # Groups as rows and indicators as columns: narrow enough for an A4 page.
    rows = [
        ("Zelf", *(score(i["self"]) for i in indicators), score(c["self"])),
        ("Alle anderen", *(figure(i["others"]) for i in indicators), figure(others)),
    ]
    for index, group in enumerate(c["groups"]):
        rows.append(
            (
                f"{group['label']} ({group['n']})",
                *(figure(i["groups"][index]) for i in indicators),
                figure(group),
            )
        )
    columns = ("", *(i["code"] for i in indicators), "Gemiddeld")
    blocks: list[Block] = [
        KeyValues(tuple(facts)),
        BulletList(items),
        Table(
            columns,
            tuple(rows),
            caption=f"Scores per gedragsindicator: {c['name']}",
            numeric=(False, *([True] * (len(columns) - 1))),
        ),
    ]
    for title, key in (("Wat gaat goed", "feedback"), ("Wat kan beter", "feedforward")):
        texts = tuple(
            f"{x['text']}" + (f" ({x['group']})" if x.get("group") else "") for x in c[key]
        )
        if texts:
            blocks += [Paragraph(f"**{title}**"), BulletList(texts)]
    return Section(c["name"], tuple(blocks), anchor=c["key"])


def _comparison(rows: list[dict[str, Any]]) -> Section:
    return Section(
        "Vergelijking met de vorige scan",
        (
            Table(
                ("Competentie", "Vorige scan", "Nu", "Verschil"),
                tuple(
                    (r["name"], score(r["before"]), score(r["now"]), score(r["change"]))
                    for r in rows
                ),
                caption="Gemiddelde van alle anderen",
                numeric=(False, True, True, True),
            ),
        ),
        anchor="vergelijking",
    )


def _plan(plan: dict[str, Any]) -> Section:
    blocks: list[Block] = [Paragraph("**Focus:** " + ", ".join(plan["focus"]))]
    if plan.get("note"):
        blocks.append(Paragraph(plan["note"]))
    if plan.get("actions"):
        blocks.append(
            Table(
                ("Competentie", "Activiteit", "Met wie", "Streefdatum", "Gedaan"),
                tuple(tuple(a) for a in plan["actions"]),
                caption="Acties",
            )
        )
    return Section("Ontwikkelplan", tuple(blocks), anchor="ontwikkelplan")


def _method(data: dict[str, Any]) -> Section:
    notes = tuple(data.get("notes", ()))
    return Section(
        "Zo is dit rapport gemaakt",
        (
            Paragraph(
                f"Een groep beoordelaars verschijnt alleen apart als ten minste {data['k']} mensen "
                "uit die groep de vragenlijst hebben afgerond. Kleinere groepen zijn samengevoegd "
                "tot 'Overige beoordelaars' of weggelaten. Cijfers waaruit iemands antwoorden "
                "terug te rekenen zouden zijn, zijn verborgen (–). Een burgemeester of griffier "
                "staat alleen apart als die daar zelf voor koos. Opmerkingen staan in willekeurige "
                "volgorde. Het rapport is vastgelegd toen de scan sloot en verandert niet meer."
            ),
            *((BulletList(notes),) if notes else ()),
        ),
        anchor="methode",
    )
