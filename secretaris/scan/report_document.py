"""The frozen scan report as a Document: one presenter for the web page and the PDF.

Works from the stored JSON only (FrozenReport.data), so the document can never show
more than the frozen report holds. The order is the one a secretary and their coach read
in: a one-page summary, how to read the report, the overview, the link with the
profielschets, one page per competency, blind spots and hidden strengths per competency,
the comparison with a previous scan, questions to reflect on, and the development plan.

Every figure is printed with one decimal from the JSON's two-decimal value; the rules that
compare figures (blind spot, "largest gaps") compare exactly that printed value
(`shown`), so the page and the rule never disagree. docs/scan-report.md explains this.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from secretaris.competencies.model import get_model
from secretaris.documents.dates import nl_date
from secretaris.documents.dotplot import DotRow, dot_plot_svg
from secretaris.documents.model import (
    Block,
    BulletList,
    Chart,
    Document,
    Paragraph,
    Section,
    SourceRef,
    Table,
)
from secretaris.documents.numbers import format_number
from secretaris.documents.radar import radar_svg
from secretaris.scan.models import FrozenReport

SUPPRESSED = "–"
OVERIGE = "Overige beoordelaars"
NOTABLE_GAP = Decimal("0.5")  # a gap worth naming in the summary
MAX_GAPS = 3  # largest gaps in the summary
GAPS_PER_COMPETENCY = 2  # so that one competency cannot fill the list
EXTREMES = 3  # strongest and weakest competencies in the summary
NOTE_LINES = 8  # empty lines for notes under the plan


def score(value: Any, places: int = 1) -> str:
    return SUPPRESSED if value is None else format_number(Decimal(str(value)), places)


def signed(value: Any) -> str:
    """A gap with its sign: "+1,2", "−0,4", "0,0"."""
    if value is None:
        return SUPPRESSED
    text = score(value)
    if shown(value) > 0:
        return f"+{text}"
    return text.replace("-", "−")


def shown(value: Any) -> Decimal:
    """The value as printed (one decimal, half away from zero): what the rules compare."""
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def figure(f: dict[str, Any] | None) -> str:
    if not f:
        return SUPPRESSED
    return score(f.get("mean")) if not f.get("suppressed") else SUPPRESSED


def report_document(
    report: FrozenReport,
    comparison: list[dict[str, Any]] | None = None,
    plan: dict[str, Any] | None = None,
    previous_focus: list[str] | None = None,
) -> Document:
    data = report.data
    scan = report.scan
    closed = scan.closed_at or report.created_at
    meta = (
        ("Gemeentesecretaris", scan.secretary_name),
        ("Gemeente", scan.gemeente.name),
        ("Gesloten op", nl_date(closed.date())),
        ("Beoordelaars getoond", ", ".join(f"{g['name']} ({g['n']})" for g in data["groups"])),
        ("Anonimiteitsdrempel", f"k = {data['k']}"),
        ("Competentiemodel", f"versie {report.model_version}"),
    )
    definitions = _definitions(report.model_version)
    situational = _situational_keys(data)
    sections = [
        _summary(data, scan.gemeente.name),
        _how_to_read(data),
        _overview(data),
    ]
    if data.get("profile"):
        sections.append(_profile(data, scan.gemeente.name))
    sections.append(
        Section(
            "Per competentie",
            (
                Paragraph(
                    "Hierna staat elke competentie op een eigen pagina: hoe u uzelf ziet naast "
                    "hoe elke groep u ziet, de gedragingen met hun scores en wat beoordelaars "
                    "erover schreven. De volgorde is: "
                    + ", ".join(c["name"] for c in data["competencies"])
                    + "."
                ),
            ),
            subsections=tuple(
                _competency(c, definitions.get(c["key"], ""), c["key"] in situational, data)
                for c in data["competencies"]
            ),
            anchor="per-competentie",
        )
    )
    sections.append(_findings(data))
    if comparison:
        sections.append(_comparison(comparison, previous_focus or []))
    sections.append(_reflection(data))
    sections.append(_plan(plan))
    sections.append(_method(data))
    return Document(
        title="Ontwikkelscan",
        subtitle=f"{scan.title}: {scan.secretary_name}, gemeente {scan.gemeente.name}",
        meta=meta,
        sections=tuple(sections),
        sources=(SourceRef(f"Competentiemodel Secretaris, versie {report.model_version}"),),
        footer=f"Ontwikkelscan {scan.secretary_name}, vertrouwelijk",
        contents_depth=0,  # the summary must start on page 2
    )


def _definitions(version: str) -> dict[str, str]:
    try:
        model = get_model(version)
    except (KeyError, ValueError):
        return {}
    return {c.key: c.definition for c in (*model.core, *model.situational)}


def _situational_keys(data: dict[str, Any]) -> set[str]:
    profile = data.get("profile") or {}
    return {s["key"] for s in profile.get("situational", [])}


def _names(items: list[dict[str, Any]]) -> str:
    parts = [f"{c['name']} ({figure(c['others'])})" for c in items]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


# --- Summary ---------------------------------------------------------------------------------


def ranked_competencies(data: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    """The strongest and weakest competencies by the others' shown mean, EXTREMES each at
    most and never one in both lists; ties keep the model's order."""
    rated = [c for c in data["competencies"] if c["others"].get("mean") is not None]
    count = min(EXTREMES, len(rated) // 2)
    order = {c["key"]: n for n, c in enumerate(data["competencies"])}
    strongest = sorted(rated, key=lambda c: (-shown(c["others"]["mean"]), order[c["key"]]))
    weakest = sorted(rated, key=lambda c: (shown(c["others"]["mean"]), order[c["key"]]))
    return strongest[:count], weakest[:count]


def largest_gaps(data: dict[str, Any]) -> list[dict[str, Any]]:
    """At most MAX_GAPS behaviours with the largest printed self-other gap (at least
    NOTABLE_GAP either way), each with its competency, and at most GAPS_PER_COMPETENCY
    from one competency (its blind spots are all in the findings section); ties keep the
    model's order."""
    found = [
        {"competency": c["name"], "key": c["key"], **i}
        for c in data["competencies"]
        for i in c["indicators"]
        if i.get("gap") is not None and abs(shown(i["gap"])) >= NOTABLE_GAP
    ]
    found.sort(key=lambda i: -abs(shown(i["gap"])))
    chosen: list[dict[str, Any]] = []
    for item in found:
        if sum(1 for c in chosen if c["key"] == item["key"]) < GAPS_PER_COMPETENCY:
            chosen.append(item)
    return chosen[:MAX_GAPS]


def gap_sentence(gap: Any, clear: Decimal) -> str:
    """One plain sentence on what a gap means."""
    value = shown(gap)
    if value >= clear:
        return "U ziet dit duidelijk vaker bij uzelf dan anderen het zien: een blinde vlek."
    if value > 0:
        return "U ziet dit wat vaker bij uzelf dan anderen het zien."
    if value <= -clear:
        return "Anderen zien dit duidelijk vaker dan u zelf: een verborgen sterkte."
    return "Anderen zien dit wat vaker dan u zelf."


def gap_label(gap: Any, clear: Decimal) -> str:
    """A short name for a clear gap, to follow its figure."""
    value = shown(gap)
    if value >= clear:
        return ": een blinde vlek"
    if value <= -clear:
        return ": een verborgen sterkte"
    return ""


def _clear(data: dict[str, Any]) -> Decimal:
    return Decimal(str(data["thresholds"]["blind_spot_gap"]))


def _summary(data: dict[str, Any], gemeente: str) -> Section:
    others = [g for g in data["groups"] if g["name"] != "Zelf"]
    total = sum(g["n"] for g in others)
    strongest, weakest = ranked_competencies(data)
    blocks: list[Block] = [
        Paragraph(
            f"{total} mensen in {len(others)} groepen gaven u feedback op "
            f"{len(data['competencies'])} competenties, op een schaal van 1 (nooit) tot 5 "
            "(bijna altijd). Dit is wat opvalt.",
            style="lead",
        )
    ]
    findings: list[str] = []
    if strongest:
        findings.append(f"Anderen zien u het sterkst op {_names(strongest)}.")
        findings.append(f"Het minst sterk zien anderen u op {_names(weakest)}.")
    else:
        findings.append(
            "Er zijn te weinig antwoorden om competenties naar het oordeel van anderen te "
            "rangschikken."
        )
    profile_line = _profile_sentence(data, gemeente)
    if profile_line:
        findings.append(profile_line)
    blind = {s["competency"] for s in data["blind_spots"] if s["level"] == "competency"}
    hidden = {s["competency"] for s in data["hidden_strengths"] if s["level"] == "competency"}
    names = {c["key"]: c["name"] for c in data["competencies"]}
    if blind:
        findings.append(
            "Als hele competentie schat u zich duidelijk hoger in dan anderen op: "
            + ", ".join(names[k] for k in names if k in blind)
            + "."
        )
    if hidden:
        findings.append(
            "Als hele competentie zien anderen u duidelijk sterker dan u zelf op: "
            + ", ".join(names[k] for k in names if k in hidden)
            + "."
        )
    blocks.append(BulletList(tuple(findings)))
    gaps = largest_gaps(data)
    blocks.append(Paragraph("**Grootste verschillen tussen uzelf en anderen**"))
    if gaps:
        clear = _clear(data)
        blocks.append(
            BulletList(
                tuple(
                    f"**{g['competency']}**: {g['text'].rstrip('.')}. U gaf {score(g['self'], 0)}, "
                    f"anderen gemiddeld {figure(g['others'])} "
                    f"(verschil {signed(g['gap'])}{gap_label(g['gap'], clear)})."
                    for g in gaps
                ),
                ordered=True,
            )
        )
    else:
        blocks.append(
            Paragraph(
                "Op geen enkel gedrag verschilt uw score een half punt of meer van die van "
                "anderen (of de cijfers van anderen zijn niet getoond)."
            )
        )
    blocks.append(_response_table(data))
    return Section("Samenvatting", tuple(blocks), anchor="samenvatting", new_page=True)


def _profile_sentence(data: dict[str, Any], gemeente: str) -> str:
    profile = data.get("profile") or {}
    keys = [s["key"] for s in profile.get("situational", [])]
    rows = [c for c in data["competencies"] if c["key"] in keys]
    if not rows:
        return ""
    parts = [f"{c['name']} {figure(c['others'])} (zelf {score(c['self'])})" for c in rows]
    return (
        f"Op de situationele competenties uit de profielschets van {gemeente} geven anderen "
        f"u: {'; '.join(parts)}."
    )


def _response_table(data: dict[str, Any]) -> Block:
    rows = data.get("response")
    if rows is None:
        return Paragraph(
            "De respons per groep is bij dit rapport niet vastgelegd (het is gemaakt voordat "
            "dat kon)."
        )
    return Table(
        ("Groep", "Uitgenodigd", "Ingevuld", "In dit rapport"),
        tuple(
            (r["group"], str(r["invited"]), str(r["finished"]), _shown_as(r))
            for r in rows
            if r["invited"] or r["finished"]
        ),
        caption="Respons per groep",
        numeric=(False, True, True, False),
    )


def _shown_as(row: dict[str, Any]) -> str:
    if not row["finished"]:
        return "niemand ingevuld"
    if row["shown_as"] is None:
        return "niet opgenomen: te weinig antwoorden"
    if row["shown_as"] == row["group"] or row["is_self"]:
        return "apart"
    return f"in '{row['shown_as']}'"


def overige_members(data: dict[str, Any]) -> list[str]:
    """The groups whose answers are merged into "Overige beoordelaars"."""
    return [
        r["group"]
        for r in data.get("response") or []
        if r["shown_as"] == OVERIGE and r["group"] != OVERIGE
    ]


def group_label(label: str, n: int, data: dict[str, Any]) -> str:
    members = overige_members(data) if label == OVERIGE else []
    if members:
        return f"{label} ({n}): {', '.join(members)}"
    return f"{label} ({n})"


# --- How to read -----------------------------------------------------------------------------


def _how_to_read(data: dict[str, Any]) -> Section:
    gap = format_number(_clear(data), 1)
    members = overige_members(data)
    items = [
        "**Schaal.** Beoordelaars gaven per gedrag aan hoe vaak zij het zien: 1 = nooit of "
        "zelden, 2 = soms, 3 = regelmatig, 4 = vaak, 5 = (bijna) altijd. Wie het niet kon "
        "beoordelen, telt niet mee in het gemiddelde.",
        "**Zelf en anderen.** 'Zelf' is uw eigen score. 'Alle anderen' is het gemiddelde van "
        "iedereen die in dit rapport staat; uw eigen score telt daar niet in mee.",
        f"**Groepen.** Een groep staat alleen apart als ten minste {data['k']} mensen uit die "
        "groep de vragenlijst invulden. Kleinere groepen zijn samengevoegd tot 'Overige "
        "beoordelaars'"
        + (f" (hier: {', '.join(members)})" if members else "")
        + " of weggelaten. Het getal achter een groep is het aantal mensen.",
        "**Stippen.** Per competentie ziet u een stip per groep op de schaal van 1 tot 5. De "
        "oranje stippellijn is uw eigen score. Staat een stip links van de lijn, dan ziet die "
        "groep het gedrag minder vaak dan u.",
        "**Spreiding.** Waar het rapport het mag tonen, staat een lichtblauwe balk om de stip: "
        "daar ligt ongeveer twee derde van de antwoorden. Een korte balk betekent dat "
        "beoordelaars het eens zijn; een lange balk dat zij verschillend oordelen.",
        f"**Blinde vlek en verborgen sterkte.** Een blinde vlek is gedrag waarop u uzelf "
        f"minstens {gap} punt hoger scoort dan anderen; een verborgen sterkte het omgekeerde. "
        "We vergelijken het verschil zoals het in dit rapport staat, met één decimaal: een "
        f"verschil dat als {gap} is afgedrukt, telt dus mee.",
        f"**Een streepje (–)** betekent dat een cijfer niet getoond wordt: er waren minder "
        f"dan {data['k']} antwoorden, of het cijfer zou iemands antwoorden verraden.",
        "**Opmerkingen** staan zonder naam en in willekeurige volgorde. Bij een kleine groep "
        "staat ook de groep er niet bij.",
    ]
    return Section(
        "Hoe leest u dit rapport?",
        (
            BulletList(tuple(items)),
            Paragraph(
                "Een 360°-feedback is geen oordeel maar een spiegel. Lees eerst wat goed gaat, "
                "kijk dan waar uw beeld en dat van anderen uit elkaar lopen, en kies daarna "
                "twee of drie punten om aan te werken. Bespreek het rapport bij voorkeur met "
                "een coach of een vertrouwde collega."
            ),
        ),
        anchor="hoe-lees-je-dit",
        new_page=True,
    )


# --- Overview --------------------------------------------------------------------------------


def _overview(data: dict[str, Any]) -> Section:
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
    spread = any(c["others"].get("sd") is not None for c in comps)
    rows = tuple(
        (
            c["name"],
            score(c["self"]),
            figure(c["others"]),
            signed(c["gap"]),
            *(
                (score(c["others"]["sd"], 1) if c["others"].get("sd") is not None else "",)
                if spread
                else ()
            ),
        )
        for c in comps
    )
    # Spread only where the anonymity rules allow it; no empty column where they never do.
    table = Table(
        ("Competentie", "Zelf", "Alle anderen", "Verschil", *(("Spreiding",) if spread else ())),
        rows,
        caption="Gemiddelde scores per competentie (1 = nooit, 5 = bijna altijd)",
        numeric=(False, True, True, True, *((True,) if spread else ())),
    )
    return Section("Overzicht", (chart, table), anchor="overzicht", new_page=True)


def _profile(data: dict[str, Any], gemeente: str) -> Section:
    profile = data["profile"]
    by_key = {c["key"]: c for c in data["competencies"]}
    when = nl_date_iso(profile.get("finalised"))
    blocks: list[Block] = [
        Paragraph(
            f"Naast de kerncompetenties vraagt de profielschets van {gemeente} "
            f"('{profile['title']}', versie {profile['version']}"
            + (f", vastgesteld op {when}" if when else "")
            + ") om situationele competenties: wat deze gemeente nu extra van haar "
            "gemeentesecretaris vraagt. Deze scan mat ze ook."
        )
    ]
    for item in profile["situational"]:
        c = by_key.get(item["key"], {})
        figures = (
            f"anderen {figure(c.get('others'))}, zelf {score(c.get('self'))}"
            if c
            else "niet gemeten"
        )
        blocks.append(Paragraph(f"**{item['name']}** ({figures})"))
        reasons = list(item["reasons"]) + ([item["note"]] if item.get("note") else [])
        if not item["in_profile"]:
            reasons = ["Gekozen bij het aanmaken van de scan; de profielschets noemt deze niet."]
        elif not reasons:
            reasons = ["De profielschets koos deze competentie zonder toelichting."]
        blocks.append(BulletList(tuple(reasons)))
    if profile.get("not_in_scan"):
        blocks.append(
            Paragraph(
                "De profielschets koos ook "
                + ", ".join(profile["not_in_scan"])
                + "; die zaten niet in deze scan."
            )
        )
    return Section(
        "Situationele competenties uit de profielschets", tuple(blocks), anchor="profielschets"
    )


def nl_date_iso(value: str | None) -> str:
    return nl_date(date.fromisoformat(value)) if value else ""


# --- Per competency --------------------------------------------------------------------------


def _band(f: dict[str, Any]) -> tuple[float, float] | None:
    if f.get("mean") is None or f.get("sd") is None:
        return None
    return (max(1.0, f["mean"] - f["sd"]), min(5.0, f["mean"] + f["sd"]))


def _dot_rows(c: dict[str, Any]) -> list[DotRow]:
    others = c["others"]
    rows = [DotRow(f"Alle anderen ({others['n']})", others.get("mean"), _band(others), True)]
    for g in c["groups"]:
        rows.append(DotRow(f"{g['label']} ({g['n']})", g.get("mean"), _band(g)))
    return rows


def _competency(
    c: dict[str, Any], definition: str, situational: bool, data: dict[str, Any]
) -> Section:
    others = c["others"]
    blocks: list[Block] = []
    if definition:
        blocks.append(Paragraph(f"*{definition[:1].upper()}{definition[1:]}*"))
    line = f"Anderen geven gemiddeld **{figure(others)}**, u zelf **{score(c['self'])}**"
    if c.get("gap") is not None:
        line += f": verschil {signed(c['gap'])}. " + gap_sentence(c["gap"], _clear(data))
    else:
        line += "."
    if situational:
        line += " Dit is een situationele competentie uit de profielschets."
    blocks.append(Paragraph(line))
    rows = _dot_rows(c)
    blocks.append(
        Chart(
            dot_plot_svg(rows, title=f"{c['name']}: zelf en anderen", self_value=c.get("self")),
            caption=f"{c['name']}: gemiddelde per groep en uw eigen score",
            alt="; ".join(f"{r.label}: {score(r.value)}" for r in rows)
            + f"; zelf {score(c.get('self'))}",
            width_cm=15,
        )
    )
    if others.get("agreement") is not None:
        share = format_number(Decimal(str(others["agreement"])) * 100)
        blocks.append(
            Paragraph(
                f"Eensgezindheid: {share} % van de antwoorden van anderen ligt binnen 1 punt van "
                f"het gemiddelde (spreiding {score(others.get('sd'), 1)}).",
                style="small",
            )
        )
    indicators = c["indicators"]
    blocks.append(
        Table(
            ("", "Gedrag", "Zelf", "Anderen", "Verschil", "Kan niet beoordelen"),
            tuple(
                (
                    str(n),
                    i["text"],
                    score(i["self"], 0),
                    figure(i["others"]),
                    signed(i["gap"]),
                    str(i["others"].get("not_assessable", 0)),
                )
                for n, i in enumerate(indicators, 1)
            ),
            caption="Scores per gedrag",
            numeric=(True, False, True, True, True, True),
            row_headers=False,
        )
    )
    if c["groups"]:
        blocks.append(
            Table(
                ("Groep", *(str(n) for n in range(1, len(indicators) + 1)), "Gemiddeld"),
                tuple(
                    (
                        group_label(g["label"], g["n"], data),
                        *(figure(i["groups"][index]) for i in indicators),
                        figure(g),
                    )
                    for index, g in enumerate(c["groups"])
                ),
                caption="Per groep (de nummers zijn de gedragingen hierboven)",
                numeric=(False, *([True] * (len(indicators) + 1))),
            )
        )
    subsections = []
    for title, key in (("Wat gaat goed", "feedback"), ("Wat kan beter", "feedforward")):
        texts = tuple(
            f"{x['text']}" + (f" *({x['group']})*" if x.get("group") else "") for x in c[key]
        )
        subsections.append(
            Section(
                title,
                (BulletList(texts) if texts else Paragraph("Niemand schreef hier iets."),),
                anchor=f"{c['key']}-{key}",
            )
        )
    return Section(
        c["name"], tuple(blocks), subsections=tuple(subsections), anchor=c["key"], new_page=True
    )


# --- Blind spots and hidden strengths --------------------------------------------------------


def grouped_findings(data: dict[str, Any], key: str) -> list[tuple[str, list[dict]]]:
    """Findings per competency: the competency itself first, then its behaviours by size;
    competencies ordered by their largest gap."""
    names = {c["key"]: c["name"] for c in data["competencies"]}
    groups: dict[str, list[dict]] = {}
    for f in data[key]:
        groups.setdefault(f["competency"], []).append(f)
    result = []
    for competency, items in groups.items():
        items.sort(key=lambda f: (f["level"] != "competency", -abs(f["gap"])))
        result.append((names.get(competency, competency), items))
    result.sort(key=lambda g: -max(abs(f["gap"]) for f in g[1]))
    return result


def _findings(data: dict[str, Any]) -> Section:
    gap = format_number(_clear(data), 1)
    blocks: list[Block] = [
        Paragraph(
            f"Hier staat waar uw eigen score minstens {gap} punt afwijkt van die van anderen, "
            "per competentie. Eerst de competentie als geheel (als die zelf afwijkt), daarna de "
            "losse gedragingen, het grootste verschil eerst."
        )
    ]
    for title, key in (
        ("Blinde vlekken", "blind_spots"),
        ("Verborgen sterktes", "hidden_strengths"),
    ):
        grouped = grouped_findings(data, key)
        if not grouped:
            blocks.append(Paragraph(f"**{title}:** geen. " + _none_sentence(key, gap)))
            continue
        rows = []
        for name, items in grouped:
            for f in items:
                label = (
                    f"**{name}** (de competentie als geheel)"
                    if f["level"] == "competency"
                    else f"**{name}**: {f['name'].rstrip('.')}"
                )
                rows.append((label, score(f["self"]), score(f["others"]), signed(f["gap"])))
        blocks.append(
            Table(
                ("Competentie en gedrag", "Zelf", "Anderen", "Verschil"),
                tuple(rows),
                caption=title,
                numeric=(False, True, True, True),
            )
        )
    return Section(
        "Blinde vlekken en verborgen sterktes", tuple(blocks), anchor="bevindingen", new_page=True
    )


def _none_sentence(key: str, gap: str) -> str:
    if key == "blind_spots":
        return f"Nergens schat u zich {gap} punt of meer hoger in dan anderen."
    return f"Nergens zien anderen u {gap} punt of meer sterker dan u zelf."


# --- Comparison, reflection, plan, method ----------------------------------------------------


def moved_sentence(row: dict[str, Any]) -> str:
    if row["change"] is None:
        return "niet te vergelijken (een van beide cijfers is niet getoond)"
    change = shown(row["change"])
    if change > 0:
        return f"gestegen van {score(row['before'])} naar {score(row['now'])}"
    if change < 0:
        return f"gedaald van {score(row['before'])} naar {score(row['now'])}"
    return f"gelijk gebleven ({score(row['now'])})"


def _comparison(rows: list[dict[str, Any]], previous_focus: list[str]) -> Section:
    blocks: list[Block] = []
    focus_rows = [r for r in rows if r["key"] in previous_focus]
    if focus_rows:
        blocks.append(
            Paragraph("In uw vorige ontwikkelplan werkte u aan deze competenties. Volgens anderen:")
        )
        blocks.append(
            BulletList(tuple(f"**{r['name']}**: {moved_sentence(r)}." for r in focus_rows))
        )
    blocks.append(
        Table(
            ("Competentie", "Vorige scan", "Nu", "Verschil"),
            tuple(
                (
                    r["name"] + (" (focus)" if r["key"] in previous_focus else ""),
                    score(r["before"]),
                    score(r["now"]),
                    signed(r["change"]),
                )
                for r in rows
            ),
            caption="Gemiddelde van alle anderen",
            numeric=(False, True, True, True),
        )
    )
    return Section(
        "Vergelijking met de vorige scan", tuple(blocks), anchor="vergelijking", new_page=True
    )


def reflection_questions(data: dict[str, Any]) -> list[str]:
    """Questions for the secretary and their coach, drawn from this report's findings."""
    questions = []
    names = {c["key"]: c["name"] for c in data["competencies"]}
    blind = sorted(data["blind_spots"], key=lambda f: -f["gap"])
    if blind:
        f = blind[0]
        what = f"'{f['name'].rstrip('.')}'" if f["level"] == "indicator" else f["name"]
        questions.append(
            f"Anderen zien {what} ({names.get(f['competency'], '')}) minder vaak dan u. Wanneer "
            "deed u dit voor het laatst, en wie was erbij? Wat zagen zij, denkt u?"
        )
    hidden = sorted(data["hidden_strengths"], key=lambda f: f["gap"])
    if hidden:
        f = hidden[0]
        questions.append(
            f"Anderen waarderen u op {names.get(f['competency'], f['name'])} meer dan u zelf. "
            "Waarom ziet u dat zelf minder, en hoe zet u het bewuster in?"
        )
    _strongest, weakest = ranked_competencies(data)
    if weakest:
        questions.append(
            f"{weakest[0]['name']} scoort bij anderen het laagst. Wat moet daar over een jaar "
            "anders zijn, en waaraan merken anderen dat?"
        )
    spread = _widest_group_difference(data)
    if spread:
        name, high, low = spread
        questions.append(
            f"Bij {name} ziet de groep {high} u sterker dan de groep {low}. Wat doet u anders "
            "als u met hen werkt?"
        )
    if _situational_keys(data):
        questions.append(
            "Passen uw sterke kanten bij wat de profielschets van uw gemeente nu vraagt? Waar "
            "zit het grootste verschil?"
        )
    questions += [
        "Welke opmerking raakte u het meest, en waarom juist die?",
        "Welke twee of drie punten neemt u op in uw ontwikkelplan, en met wie bespreekt u dat?",
    ]
    return questions


def _widest_group_difference(data: dict[str, Any]) -> tuple[str, str, str] | None:
    best: tuple[Decimal, str, str, str] | None = None
    for c in data["competencies"]:
        means = [(shown(g["mean"]), g["label"]) for g in c["groups"] if g.get("mean") is not None]
        if len(means) < 2:
            continue
        high, low = max(means), min(means)
        if high[0] - low[0] >= 1 and (best is None or high[0] - low[0] > best[0]):
            best = (high[0] - low[0], c["name"], high[1], low[1])
    return best[1:] if best else None


def _reflection(data: dict[str, Any]) -> Section:
    return Section(
        "Vragen om over na te denken",
        (
            Paragraph(
                "Neem deze vragen mee naar het gesprek met uw coach. Er zijn geen goede of foute "
                "antwoorden."
            ),
            BulletList(tuple(reflection_questions(data)), ordered=True),
        ),
        anchor="reflectie",
        new_page=True,
    )


STATUS_LABELS = {"gepland": "Gepland", "bezig": "Bezig", "klaar": "Klaar"}


def _plan(plan: dict[str, Any] | None) -> Section:
    blocks: list[Block] = []
    if not plan:
        blocks.append(
            Paragraph(
                "U hebt nog geen ontwikkelplan gemaakt. Kies in de webversie twee of drie "
                "competenties om aan te werken en zet er acties bij, met een datum. Het plan "
                "staat daarna hier, en u houdt per actie bij of die gepland, bezig of klaar is."
            )
        )
    else:
        blocks.append(Paragraph("**Focus:** " + ", ".join(plan["focus"])))
        if plan.get("note"):
            blocks.append(Paragraph(plan["note"]))
        if plan.get("actions"):
            blocks.append(
                Table(
                    ("Competentie", "Actie", "Met wie", "Streefdatum", "Stand"),
                    tuple(tuple(a) for a in plan["actions"]),
                    caption="Acties",
                )
            )
        else:
            blocks.append(Paragraph("Er staan nog geen acties in het plan."))
    blocks.append(
        Table(
            ("Aantekeningen",),
            tuple(("",) for _ in range(NOTE_LINES)),
            row_headers=False,
        )
    )
    return Section("Ontwikkelplan", tuple(blocks), anchor="ontwikkelplan", new_page=True)


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


def plan_document(report: FrozenReport, plan: dict[str, Any] | None) -> Document:
    """The development plan on its own, to print and to take to the coach."""
    scan = report.scan
    meta = [("Gemeentesecretaris", scan.secretary_name), ("Gemeente", scan.gemeente.name)]
    if plan and plan.get("updated"):
        meta.append(("Laatst bijgewerkt", plan["updated"]))
    section = _plan(plan)
    return Document(
        title="Ontwikkelplan",
        subtitle=f"Na de {scan.title.lower()} van {scan.secretary_name}",
        meta=tuple(meta),
        sections=(Section(section.title, section.blocks, anchor=section.anchor),),
        footer=f"Ontwikkelplan {scan.secretary_name}, vertrouwelijk",
        table_of_contents=False,
    )
