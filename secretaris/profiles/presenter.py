"""A profielschets as a Document: one presenter for the web page, the PDF and the DOCX."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from secretaris.competencies.examples import example
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
    is_web,
)
from secretaris.documents.numbers import format_number
from secretaris.dossier.facts import FACT_TYPES, URBANITY_LABELS
from secretaris.organisation.summary import profile_charts
from secretaris.profiles import vacancy as vacancies
from secretaris.profiles.bestuur import BESTUURSMODELLEN, coalition, coalition_since, has_text
from secretaris.profiles.couleur_input import short_name
from secretaris.profiles.drafting import join_names, party_name, usual_names
from secretaris.profiles.models import Profile
from secretaris.profiles.organisation import FIGURES, TEXTS, compare
from secretaris.profiles.sections import SECTION_TITLES
from secretaris.profiles.sections import text as section_text

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
    """The profile in the agencies' order (docs/couleur.md, profielschets-practice.md)."""
    model = get_model(profile.model_version)
    s = profile.snapshot
    name = s["name"]
    when = profile.finalised_at or profile.updated_at
    day = timezone.localtime(when).date() if when else timezone.localdate()
    vacancy = profile.vacancy or {}
    meta = [
        ("Functie", profile.title),
        ("Datum", nl_date(day)),
        ("Versie", str(profile.number) if profile.is_frozen else f"{profile.number} (concept)"),
    ]
    if vacancy.get("closing_date") and (closing := vacancies.day(vacancy, "closing_date")):
        meta.insert(1, ("Reageren tot en met", nl_date(closing)))
    organisation = (vacancy.get("agency") or "").strip()
    sections = (
        _text_only(profile, "waarom"),
        _text_only(profile, "wie"),
        _gemeente(profile),
        _bestuur(profile),
        _samenwerking(profile),
        _opgaven(profile),
        _financien(profile),
        _organisation(profile),
        _function(profile, model),
        _competencies(profile, model),
        _offer(profile),
        _procedure(profile),
    )
    return Document(
        title=f"Gemeente {name}",
        subtitle=f"Profielschets {profile.title[:1].lower()}{profile.title[1:]}",
        meta=tuple(meta),
        status="" if profile.is_frozen else "Concept",
        sections=tuple(section for section in sections if section is not None),
        sources=_sources(profile, model),
        footer=f"Profielschets gemeente {name}",
        author=organisation or f"Gemeente {name}",
        logo=bytes(profile.logo) if profile.logo else None,
        organisation=organisation,
    )


def _user_text(profile: Profile, key: str) -> tuple[Block, ...]:
    return parse_markup(section_text(profile.texts, key))


def _text_section(profile: Profile, key: str, *extra: Block, subsections=()) -> Section:
    return Section(
        SECTION_TITLES[key], (*_user_text(profile, key), *extra), tuple(subsections), anchor=key
    )


def _text_only(profile: Profile, key: str) -> Section | None:
    """A section of the user's text only; left out when there is none."""
    blocks = _user_text(profile, key)
    return Section(SECTION_TITLES[key], blocks, anchor=key) if blocks else None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _function(profile: Profile, model) -> Section:
    roles = tuple(Section(role.title, (Paragraph(role.text),)) for role in model.roles)
    groups = tuple(Section(_capital(g.title), (BulletList(g.tasks),)) for g in model.task_groups)
    tasks = Section(
        "De basistaken",
        (Paragraph("Elke gemeentesecretaris en algemeen directeur heeft deze basistaken."),),
        groups,
    )
    return _text_section(profile, "functie", subsections=(*roles, tasks))


def _competency(
    c: Competency, reasons: tuple[str, ...] = (), note: str = "", example: str = ""
) -> Section:
    blocks: list[Block] = [Paragraph(f"*{_capital(c.definition)}*")]
    if reasons or note:
        blocks.append(Paragraph("**Waarom in deze gemeente**"))
        if reasons:
            blocks.append(BulletList(reasons))
        if note:
            blocks.extend(parse_markup(note))
    blocks.append(Paragraph("**Waaraan zie je het**"))
    blocks.append(BulletList(tuple(i.text for i in c.indicators)))
    if example:
        blocks.append(Paragraph(f"**Zo ziet dat er hier uit:** {example}"))
    return Section(c.name, tuple(blocks))


def _competencies(profile: Profile, model) -> Section:
    s = profile.snapshot
    name = s["name"]
    inhabitants = (s.get("inhabitants") or {}).get("value")
    core = Section(
        "Kerncompetenties",
        (
            Paragraph("Voor deze functie heb je in elke gemeente deze zes competenties nodig."),
            *_user_text(profile, "kerncompetenties"),
        ),
        tuple(_competency(c) for c in model.core),
    )
    chosen = profile.chosen_situational()
    intro: list[Block] = []
    if profile.gemeente_type:
        label = TYPE_LABELS[profile.gemeente_type].lower()
        intro.append(Paragraph(f"{name} is vooral een {label}."))
        if profile.gemeente_type == profile.type_suggested and profile.type_reasons:
            intro.append(BulletList(tuple(profile.type_reasons)))
    count = "een" if len(chosen) == 1 else str(len(chosen))
    word = "competentie" if len(chosen) == 1 else "competenties"
    intro.append(
        Paragraph(
            f"Daarom vraagt {name} naast de kerncompetenties vooral om {count} situatiegebonden "
            f"{word}, met de sterkste redenen eerst."
        )
    )
    intro.extend(_user_text(profile, "situatie"))
    situational = Section(
        f"Wat {name} in het bijzonder vraagt",
        tuple(intro),
        tuple(
            _competency(
                model.get(item["key"]),
                tuple(item.get("reasons", ())),
                item.get("note", ""),
                example(item["key"], inhabitants),
            )
            for item in chosen
        ),
    )
    return Section("Competenties", (), (core, situational), anchor="competenties")


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
    if len(places) > 1:
        blocks.append(Paragraph(f"**De {len(places)} woonplaatsen (kernen)**"))
        blocks.append(BulletList(tuple(places), columns=_columns(places)))
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


def _columns(items: list[str]) -> int:
    """Short names side by side: three columns from 7 items, four from 30."""
    if len(items) < 7 or max(len(i) for i in items) > 28:
        return 1
    return 4 if len(items) >= 30 and max(len(i) for i in items) <= 20 else 3


def _bestuur(profile: Profile) -> Section:
    s = profile.snapshot
    council = s.get("council") or {}
    notes = profile.bestuur or {}
    blocks: list[Block] = []
    seats = [item for item in council.get("seats", []) if item.get("seats")]
    if seats and council.get("election_date"):
        usual = usual_names(s)
        names = [party_name(item, usual) for item in seats]
        colors = party_colors(names)
        when = nl_date(date.fromisoformat(council["election_date"]))
        blocks.append(
            Chart(
                hemicycle_svg(
                    [(n, i["seats"]) for n, i in zip(names, seats, strict=True)],
                    title=f"Gemeenteraad {s['name']}",
                    colors=colors,
                    legend=True,
                ),
                caption=f"Zetelverdeling na de verkiezing van {when}",
                alt="; ".join(f"{n}: {i['seats']}" for n, i in zip(names, seats, strict=True)),
                source=f"Bron: {council['source']}",
                width_cm=11,
            )
        )
    members = [line.strip() for line in (notes.get("college_members") or "").splitlines()]
    # The college the user entered wins over the register's (which may predate it).
    rows = [r for r in register_rows(s) if not (any(members) and r[0].startswith("Wethouders"))]
    parties = coalition(notes)
    if parties:
        since = coalition_since(notes)
        rows.append(
            ("Coalitie", join_names(parties) + (f" (sinds {nl_date(since)})" if since else ""))
        )
    if notes.get("bestuursmodel"):
        rows.append(("Bestuursmodel", dict(BESTUURSMODELLEN).get(notes["bestuursmodel"], "")))
    if rows:
        blocks.append(KeyValues(tuple(rows)))
    register = s.get("bestuur") if isinstance(s.get("bestuur"), dict) else {}
    if register.get("source") and any(
        r[0] in REGISTER_LABELS or r[0].startswith("Wethouders") for r in rows
    ):
        when = _iso_day(register.get("source_date"))
        blocks.append(
            Paragraph(f"Bron: {register['source']}{', ' + when if when else ''}.", "small")
        )
    subsections = []
    if any(members):
        subsections.append(Section("Het college", (BulletList(tuple(m for m in members if m)),)))
    if notes.get("coalition_changes") and has_text(notes["coalition_changes"]):
        subsections.append(
            Section("Wisselingen in de coalitie", parse_markup(notes["coalition_changes"]))
        )
    if notes.get("bestuurscultuur"):
        subsections.append(Section("Bestuurscultuur", parse_markup(notes["bestuurscultuur"])))
    return _text_section(profile, "bestuur", *blocks, subsections=subsections)


REGISTER_LABELS = ("Burgemeester", "Waarnemend burgemeester", "Griffier")


def register_rows(s: dict[str, Any]) -> list[tuple[str, str]]:
    """Burgemeester, wethouders and griffier from the register, where it names them."""
    register = s.get("bestuur") if isinstance(s.get("bestuur"), dict) else {}
    rows = []
    burgemeester = register.get("burgemeester") or {}
    if isinstance(burgemeester, dict) and burgemeester.get("name"):
        label = "Waarnemend burgemeester" if burgemeester.get("waarnemend") else "Burgemeester"
        rows.append((label, burgemeester["name"]))
    wethouders = [w for w in register.get("wethouders") or [] if w]
    if wethouders:
        # The register is a snapshot; the college changes after every election.
        when = _iso_day(register.get("source_date"))
        rows.append(
            (
                f"Wethouders (volgens het register, {when})" if when else "Wethouders",
                ", ".join(wethouders),
            )
        )
    if register.get("griffier"):
        rows.append(("Griffier", register["griffier"]))
    return rows


def _iso_day(value: str | None) -> str:
    try:
        return nl_date(date.fromisoformat(value)) if value else ""
    except ValueError:
        return ""


def _samenwerking(profile: Profile) -> Section | None:
    notes = profile.bestuur or {}
    s = profile.snapshot
    name = s["name"]
    blocks: list[Block] = []
    cooperation = s.get("samenwerking") or {}
    items = [i for i in cooperation.get("items") or [] if i.get("name")]
    shared = cooperation.get("shared_civil_service") or {}
    if shared.get("name"):
        partners = join_names(shared.get("partners") or [])
        blocks.append(
            Paragraph(
                f"De medewerkers van {name} werken in een gezamenlijke ambtelijke organisatie: "
                f"{short_name(shared['name'])}"
                + (f", samen met {partners}." if partners else ".")
                + " Als algemeen directeur werk je dus ook voor de andere gemeente"
                + ("n" if len(shared.get("partners") or []) > 1 else "")
                + " in deze organisatie."
            )
        )
    if items:
        when = _iso_day(cooperation.get("source_date"))
        blocks.append(
            Paragraph(
                f"{name} neemt deel aan {len(items)} gemeenschappelijke regelingen, "
                "samenwerkingsverbanden met andere overheden met een eigen bestuur."
            )
        )
        blocks.append(
            BulletList(
                tuple(
                    short_name(i["name"]) + (f" – {i['kind_label']}" if i.get("kind_label") else "")
                    for i in items
                )
            )
        )
        if cooperation.get("source"):
            blocks.append(
                Paragraph(f"Bron: {cooperation['source']}{', ' + when if when else ''}.", "small")
            )
    if notes.get("regional_cooperation") and has_text(notes["regional_cooperation"]):
        blocks.extend(parse_markup(notes["regional_cooperation"]))
    plans = (notes.get("merger_plans") or "").strip()
    if plans:
        if has_text(plans):
            blocks.append(Paragraph("**Fusieplannen**"))
            blocks.extend(parse_markup(plans))
        else:
            blocks.append(Paragraph("Er zijn geen plannen voor een fusie met andere gemeenten."))
    if not blocks:
        return None
    return Section("Regionale samenwerking", tuple(blocks), anchor="samenwerking")


def _financien(profile: Profile) -> Section | None:
    """The latest jaarrekening in a few figures, next to municipalities of the same size."""
    finance = profile.snapshot.get("financien") or {}
    documents = [d for d in finance.get("documents") or [] if d.get("document") == "jaarrekening"]
    blocks: list[Block] = list(_user_text(profile, "financien"))
    if documents:
        d = max(documents, key=lambda d: d.get("year") or 0)
        median = d.get("size_class_median") or {}
        rows = []
        for key, label, unit, decimals in FINANCE_ROWS:
            if d.get(key) is None:
                continue
            value = _money_or_pct(d[key], unit, decimals)
            if median.get(key) is not None and d.get("size_class"):
                peers = _money_or_pct(median[key], unit, decimals)
                value += f" ({_peers(d['size_class'])}: {peers})"
            rows.append((label, value))
        if rows:
            blocks.append(Paragraph(f"**Uit de {d.get('label', 'jaarrekening').lower()}**"))
            blocks.append(KeyValues(tuple(rows)))
            source = finance.get("source") or "CBS, Iv3"
            blocks.append(Paragraph(f"Bron: {source}.", "small"))
    if not blocks:
        return None
    return Section(SECTION_TITLES["financien"], tuple(blocks), anchor="financien")


FINANCE_ROWS = (
    ("lasten_per_inwoner", "Uitgaven per inwoner", "€", 0),
    ("sociaal_domein_share", "Deel voor het sociaal domein", "%", 1),
    ("solvabiliteit", "Solvabiliteit (eigen vermogen als deel van het balanstotaal)", "%", 1),
    ("externe_inhuur_share", "Externe inhuur (deel van de personeelskosten)", "%", 1),
)


def _peers(size_class: str) -> str:
    """'gemeenten met 20.000–50.000 inwoners', or the four large cities (A&O fonds' G4)."""
    if size_class == "G4":
        return "de vier grote steden"
    return f"gemeenten met {size_class} inwoners"


def _money_or_pct(value: Any, unit: str, decimals: int) -> str:
    number = format_number(Decimal(str(value)), decimals)
    return f"€ {number}" if unit == "€" else f"{number} %"


SWOT = (
    ("swot_strengths", "Sterke punten"),
    ("swot_weaknesses", "Zwakke punten"),
    ("swot_opportunities", "Kansen"),
    ("swot_threats", "Bedreigingen"),
)


def _opgaven(profile: Profile) -> Section | None:
    notes = profile.bestuur or {}
    subsections = []
    for key, title in SWOT:
        items = tuple(line.strip(" -•") for line in (notes.get(key) or "").splitlines())
        items = tuple(i for i in items if i)
        if items:
            subsections.append(Section(title, (BulletList(items),)))
    blocks = _user_text(profile, "opgaven")
    if not blocks and not subsections:
        return None
    return Section(SECTION_TITLES["opgaven"], blocks, tuple(subsections), anchor="opgaven")


def _organisation(profile: Profile) -> Section | None:
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
    blocks += _staff_where(profile)
    if not blocks and not rows and not subsections:
        return None
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


def _staff_where(profile: Profile) -> list[Block]:
    """Where the staff work, from the dossier: a shared organisation, and its organogram."""
    s = profile.snapshot
    register = s.get("bestuur") if isinstance(s.get("bestuur"), dict) else {}
    blocks: list[Block] = []
    shared = (s.get("samenwerking") or {}).get("shared_civil_service") or {}
    if shared.get("name"):
        blocks.append(
            Paragraph(
                f"De ambtelijke organisatie is {short_name(shared['name'])} "
                "(zie Regionale samenwerking)."
            )
        )
    if register.get("organogram") and is_web(register["organogram"]):
        blocks.append(Paragraph(f"Het organogram staat op {register['organogram']}."))
    return blocks


def _offer(profile: Profile) -> Section:
    return _text_section(profile, "aanbod", BulletList(vacancies.offer(profile.vacancy or {})))


def _procedure(profile: Profile) -> Section:
    vacancy = profile.vacancy or {}
    subsections = []
    committee = vacancies.lines(vacancy, "committee")
    if committee:
        subsections.append(
            Section(
                "Benoemingsadviescommissie",
                (
                    Paragraph("De benoemingsadviescommissie voert de gesprekken. Leden:"),
                    BulletList(committee),
                ),
            )
        )
    contacts = vacancies.lines(vacancy, "contacts")
    if contacts:
        subsections.append(
            Section(
                "Meer weten?",
                (Paragraph("Voor vragen over de functie of de procedure:"), BulletList(contacts)),
            )
        )
    steps = BulletList(vacancies.procedure(vacancy), ordered=True)
    return Section(
        SECTION_TITLES["procedure"],
        (steps, *_user_text(profile, "procedure")),
        tuple(subsections),
        anchor="procedure",
    )


def _sources(profile: Profile, model) -> tuple[SourceRef, ...]:
    s = profile.snapshot
    labels: dict[str, SourceRef] = {}
    for f in s.get("facts", {}).values():
        labels.setdefault(f["source"], SourceRef(f["source"]))
    for e in s.get("elections", []):
        labels.setdefault(e["source"], SourceRef(e["source"]))
    for m in s.get("mergers", []):
        labels.setdefault(m["source"], SourceRef(m["source"]))
    for key in ("bestuur", "parties", "samenwerking", "financien"):
        part = s.get(key)
        if isinstance(part, dict) and part.get("source"):
            when = _iso_day(part.get("source_date"))
            label = part["source"] + (f", {when}" if when else "")
            labels.setdefault(label, SourceRef(label))
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
