"""A profielschets as a Document: one presenter for the web page, the PDF and the DOCX."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from secretaris.competencies.model import Competency, get_model
from secretaris.documents.charts import bar_chart_svg, hemicycle_svg, party_colors
from secretaris.documents.dates import nl_date
from secretaris.documents.markup import parse_markup
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
from secretaris.dossier.facts import FACT_TYPES, URBANITY_LABELS
from secretaris.organisation.summary import profile_charts
from secretaris.profiles.models import Profile
from secretaris.profiles.organisation import FIGURES, TEXTS, compare
from secretaris.profiles.sections import SECTION_TITLES

TYPE_LABELS = dict(Profile.TYPES)
AGE_KEYS = (
    "leeftijd_0_14",
    "leeftijd_15_24",
    "leeftijd_25_44",
    "leeftijd_45_64",
    "leeftijd_65_plus",
)
KEY_FIGURES = (
    "inwoners",
    "bevolkingsdichtheid",
    "oppervlakte_land",
    "huishoudens",
    "woningvoorraad",
    "inkomen_gestandaardiseerd",
    "stedelijkheid",
)


def profile_document(profile: Profile) -> Document:
    model = get_model(profile.model_version)
    s = profile.snapshot
    when = profile.finalised_at or profile.updated_at
    meta = (
        ("Gemeente", s["name"]),
        ("Provincie", s["province"]),
        ("Status", profile.get_status_display()),
        ("Versie", str(profile.number)),
        ("Competentiemodel", f"versie {profile.model_version}"),
        ("Datum", nl_date(when.date()) if when else nl_date(date.today())),
    )
    return Document(
        title="Profielschets",
        subtitle=f"{profile.title} — gemeente {s['name']}",
        meta=meta,
        status="" if profile.is_frozen else "Concept",
        sections=(
            _intro(profile, model),
            _function(profile, model),
            _core(profile, model),
            _situational(profile, model),
            _gemeente(profile),
            _bestuur(profile),
            _organisation(profile),
            _text_section(profile, "procedure"),
        ),
        sources=_sources(profile, model),
        footer=f"Profielschets {s['name']}, versie {profile.number}",
    )


def _user_text(profile: Profile, key: str) -> tuple[Block, ...]:
    return parse_markup(profile.texts.get(key, "") or "")


def _text_section(profile: Profile, key: str, *extra: Block, subsections=()) -> Section:
    return Section(
        SECTION_TITLES[key], (*_user_text(profile, key), *extra), tuple(subsections), anchor=key
    )


def _intro(profile: Profile, model) -> Section:
    roles = tuple(Section(role.title, (Paragraph(role.text),)) for role in model.roles)
    return _text_section(profile, "inleiding", subsections=roles)


def _function(profile: Profile, model) -> Section:
    groups = tuple(
        Section(g.title[:1].upper() + g.title[1:], (BulletList(g.tasks),))
        for g in model.task_groups
    )
    return _text_section(profile, "functie", subsections=groups)


def _competency(c: Competency, reasons: tuple[str, ...] = (), note: str = "") -> Section:
    blocks: list[Block] = [Paragraph(f"*{c.definition}*")]
    if reasons or note:
        blocks.append(Paragraph("**Waarom in deze gemeente**"))
        if reasons:
            blocks.append(BulletList(reasons))
        if note:
            blocks.extend(parse_markup(note))
    blocks.append(Paragraph("**Waaraan zie je het**"))
    blocks.append(BulletList(tuple(i.text for i in c.indicators)))
    return Section(c.name, tuple(blocks))


def _core(profile: Profile, model) -> Section:
    return _text_section(
        profile, "kerncompetenties", subsections=[_competency(c) for c in model.core]
    )


def _situational(profile: Profile, model) -> Section:
    chosen = profile.chosen_situational()
    intro: list[Block] = [
        Paragraph(
            f"Naast de kerncompetenties vraagt deze gemeente vooral om {len(chosen)} van de "
            "acht situatiegebonden competenties uit het algemene profiel."
        )
    ]
    if profile.gemeente_type:
        label = TYPE_LABELS[profile.gemeente_type]
        intro.append(Paragraph(f"**Type gemeente:** {label.lower()}."))
        if profile.gemeente_type == profile.type_suggested and profile.type_reasons:
            intro.append(BulletList(tuple(profile.type_reasons)))
    subsections = [
        _competency(model.get(item["key"]), tuple(item.get("reasons", ())), item.get("note", ""))
        for item in chosen
    ]
    section = _text_section(profile, "situatie", subsections=subsections)
    return Section(section.title, (*intro, *section.blocks), section.subsections, "situatie")


def _fact(facts: dict[str, Any], key: str) -> tuple[str, str] | None:
    f = facts.get(key)
    if not f:
        return None
    kind = FACT_TYPES[key]
    unit = "" if kind.unit in {"aantal", "klasse"} else f" {kind.unit}"
    if key == "stedelijkheid":
        unit = f" ({URBANITY_LABELS.get(int(f['value']), 'onbekend')})"
    when = nl_date(date.fromisoformat(f["date"]))
    return kind.label, f"{format_number(f['value'], kind.decimals)}{unit} ({when}; {f['source']})"


def _gemeente(profile: Profile) -> Section:
    s = profile.snapshot
    facts = s.get("facts", {})
    rows = tuple(r for r in (_fact(facts, k) for k in KEY_FIGURES) if r)
    blocks: list[Block] = [KeyValues(rows)] if rows else []
    places = s.get("woonplaatsen", [])
    if places:
        blocks.append(KeyValues(((f"Woonplaatsen ({len(places)})", ", ".join(places)),)))
    ages = [(FACT_TYPES[k].label, facts[k]) for k in AGE_KEYS if k in facts]
    if ages:
        first = ages[0][1]
        blocks.append(
            Chart(
                bar_chart_svg(
                    [(label, Decimal(str(f["value"]))) for label, f in ages],
                    title=f"Leeftijdsopbouw {s['name']}",
                    unit="%",
                ),
                caption="Leeftijdsopbouw (% van de inwoners)",
                alt="; ".join(f"{label}: {format_number(f['value'])}%" for label, f in ages),
                source=f"Bron: {first['source']}, {nl_date(date.fromisoformat(first['date']))}",
                width_cm=12,
            )
        )
    mergers = s.get("mergers", [])
    if mergers:
        blocks.append(
            Table(
                ("Datum", "Herindeling", "Betrokken gemeenten"),
                tuple(
                    (
                        nl_date(date.fromisoformat(m["date"])),
                        m["kind"],
                        ", ".join(p["name"] for p in m["predecessors"]),
                    )
                    for m in mergers
                ),
                caption="Geschiedenis: herindelingen",
                source=f"Bron: {mergers[0]['source']}",
            )
        )
    return _text_section(profile, "gemeente", *blocks)


def _bestuur(profile: Profile) -> Section:
    s = profile.snapshot
    council = s.get("council") or {}
    blocks: list[Block] = []
    seats = [item for item in council.get("seats", []) if item["seats"]]
    if seats:
        colors = party_colors([item["list"] for item in seats])
        when = nl_date(date.fromisoformat(council["election_date"]))
        blocks.append(
            Chart(
                hemicycle_svg(
                    [(i["list"], i["seats"]) for i in seats],
                    title=f"Gemeenteraad {s['name']}",
                    colors=colors,
                ),
                caption=f"Zetelverdeling na de verkiezing van {when}",
                alt="; ".join(f"{i['list']}: {i['seats']}" for i in seats),
                source=f"Bron: {council['source']}",
                width_cm=12,
            )
        )
        blocks.append(
            Table(
                ("Partij", "Zetels"),
                tuple((i["list"], str(i["seats"])) for i in seats),
                caption=f"Zetelverdeling {council['election']}",
                numeric=(False, True),
                source=f"Bron: {council['source']}",
            )
        )
    rows = []
    if council.get("legal_size_basis"):
        rows.append(("Wettelijke raadsgrootte", council["legal_size_basis"]))
    if s.get("max_wethouders"):
        rows.append(
            (
                "Maximum aantal wethouders",
                f"{s['max_wethouders']} ({s['max_wethouders_parttime']} met deeltijd; "
                "artikel 36 Gemeentewet)",
            )
        )
    if council.get("effective_number_of_parties"):
        rows.append(
            (
                "Effectief aantal partijen",
                format_number(Decimal(str(council["effective_number_of_parties"])), 2),
            )
        )
    bestuur = s.get("bestuur") or {}
    if bestuur.get("coalition_parties"):
        rows.append(("Coalitie", ", ".join(bestuur["coalition_parties"])))
    if bestuur.get("bestuursmodel"):
        rows.append(("Bestuursmodel", bestuur["bestuursmodel"]))
    if rows:
        blocks.append(KeyValues(tuple(rows)))
    return _text_section(profile, "bestuur", *blocks)


def _organisation(profile: Profile) -> Section:
    org = profile.organisation
    benchmarks = profile.snapshot.get("benchmarks", {})
    subsections = [Section(label, parse_markup(org[key])) for key, label in TEXTS if org.get(key)]
    rows = []
    for f in FIGURES:
        value = org.get(f.key)
        if value in (None, ""):
            continue
        b = benchmarks.get(f.key)
        mine = Decimal(str(value))
        rows.append(
            (
                f.label,
                f"{format_number(mine, 1 if mine % 1 else 0)} {f.unit}",
                f"{format_number(Decimal(b['value']), 1)} ({b['scope']}, {b['year']})"
                if b
                else "–",
                compare(mine, Decimal(b["value"])) if b else "",
            )
        )
    blocks: list[Block] = list(_user_text(profile, "organisatie"))
    if not blocks and not rows and not subsections:
        blocks.append(
            Paragraph(
                "*Nog in te vullen door de gemeente: missie en visie, sturingsfilosofie, de "
                "veranderopgave, de ondernemingsraad en de personeelscijfers.*"
            )
        )
    if rows:
        source = org.get("figures_source") or "eigen opgave van de gemeente"
        blocks.append(
            Table(
                ("Kenmerk", "Gemeente", "Sector (benchmark)", "Vergelijking"),
                tuple(rows),
                caption=f"Personeel in cijfers {org.get('figures_year', '')}".strip(),
                numeric=(False, True, True, False),
                source=f"Bron: {source}; benchmarks: A&O fonds Gemeenten / VNG (zie bronnen)",
            )
        )
    blocks.extend(profile_charts(org.get("hr_import")))  # Organisatiebeeld hook (#13)
    return Section(SECTION_TITLES["organisatie"], tuple(blocks), tuple(subsections), "organisatie")


def _sources(profile: Profile, model) -> tuple[SourceRef, ...]:
    s = profile.snapshot
    labels: dict[str, SourceRef] = {}
    for f in s.get("facts", {}).values():
        labels.setdefault(f["source"], SourceRef(f["source"]))
    for e in s.get("elections", []):
        labels.setdefault(e["source"], SourceRef(e["source"]))
    for m in s.get("mergers", []):
        labels.setdefault(m["source"], SourceRef(m["source"]))
    used = {f.key for f in FIGURES if profile.organisation.get(f.key) not in (None, "")}
    for key, b in s.get("benchmarks", {}).items():
        if key in used:
            labels.setdefault(
                b["source_url"],
                SourceRef(
                    f"Benchmark {b['scope']} {b['year']}", url=b["source_url"], note=b["quote"]
                ),
            )
    labels["model"] = SourceRef(
        f"Competentiemodel Secretaris, versie {model.version}, op basis van het algemeen "
        "profiel gemeentesecretaris / algemeen directeur",
    )
    return tuple(labels.values())
