"""The dossier as readable plain text (for `secretaris dossier`)."""

from __future__ import annotations

from secretaris.documents.numbers import format_number
from secretaris.dossier.presenter import Dossier
from secretaris.dossier.sources_label import source_label


def dossier_text(d: Dossier) -> str:
    g = d.gemeente
    lines = [f"{g.name} ({g.code}), provincie {g.province}"]
    if g.corop_name:
        centre = " — grootste gemeente van het gebied (afgeleid)" if g.is_corop_centre else ""
        lines.append(f"COROP-gebied: {g.corop_name}{centre}")
    if d.inhabitants:
        f = d.inhabitants
        lines.append(
            f"Inwoners: {format_number(f.value)} op {f.date:%d-%m-%Y} "
            f"(bron: {source_label(f.source)})"
        )
    lines.append("")
    if d.bestuur:
        b = d.bestuur
        mayor = "Waarnemend burgemeester" if b.waarnemend else "Burgemeester"
        lines.append(
            f"Bestuur volgens het Register van Overheidsorganisaties, bijgewerkt {b.date:%d-%m-%Y}:"
        )
        lines.append(f"  {mayor}: {b.burgemeester or 'onbekend'}")
        lines.append(f"  Wethouders: {', '.join(b.wethouders) or 'onbekend'}")
        lines.append(f"  Gemeentesecretaris: {b.secretaris or 'onbekend'}")
        lines.append(f"  Griffier: {b.griffier or 'onbekend'}")
        lines.append("")
    if d.council:
        c = d.council
        lines.append(
            f"Gemeenteraad: {c.council_size} zetels, verkiezing {c.election} "
            f"({c.date:%d-%m-%Y}; bron: {source_label(c.source)})"
        )
        for lr in c.lists.all():
            votes = f", {format_number(lr.votes)} stemmen" if lr.votes is not None else ""
            lines.append(f"  {lr.seats:>2}  {lr.name}{votes}")
        if d.enp is not None:
            lines.append(
                f"Fracties: {d.lists_with_seats}; effectief aantal partijen: "
                f"{format_number(float(d.enp), 2)}"
            )
    if d.size_check:
        s = d.size_check
        size = s.legal_size or " of ".join(map(str, s.possible)) or "onbekend"
        lines.append(
            f"Wettelijke raadsgrootte (art. 8 Gemeentewet, peildatum "
            f"{s.peildatum:%d-%m-%Y}): {size}. {s.verdict} {s.basis}"
        )
    if d.max_wethouders:
        lines.append(
            f"Maximum aantal wethouders (art. 36): {d.max_wethouders}, "
            f"met deeltijd {d.max_wethouders_parttime}"
        )
    if d.parties:
        p = d.parties
        lines.append(
            "Partijen (gewone namen): "
            + ", ".join(f"{item['name']} {item['seats']}" for item in p.items)
        )
        if p.agrees is False:
            lines.append(
                f"  Let op: het register (bijgewerkt {p.date:%d-%m-%Y}) noemt andere zetels dan "
                f"{p.election}: " + "; ".join(p.disagreements)
            )
    lines.append("")
    if d.samenwerking and d.samenwerking.count:
        sw = d.samenwerking
        lines.append(f"Gemeenschappelijke regelingen: {sw.count}")
        if sw.shared_civil_service:
            shared = sw.shared_civil_service
            lines.append(
                f"  Gedeelde ambtelijke organisatie: {shared.name} "
                f"(met {', '.join(sw.partners(shared))})"
            )
        for r in sw.recognised:
            lines.append(f"  {r.name} ({r.form.lower()})")
        lines.append("")
    docs = d.finance_documents
    if docs:
        lines.append("Financiën (berekend uit CBS Iv3; geen officiële BBV-indicatoren):")
        for doc in docs:
            per = doc["lasten_per_inwoner"]
            median = doc["size_class_median"].get("lasten_per_inwoner")
            lines.append(
                f"  {doc['label']}: lasten {format_number(doc['lasten'])} x € 1.000, "
                f"€ {format_number(per)} per inwoner (klasse {doc['size_class']}: "
                f"€ {format_number(median) if median is not None else 'onbekend'}), "
                f"sociaal domein {format_number(doc['sociaal_domein_share'], 1)} %"
            )
        if docs[0]["own_staff"] is False:
            lines.append("  De eigen loonsom is heel laag: het personeel werkt grotendeels elders.")
        lines.append("")
    noun = "woonplaats" if len(d.woonplaatsen) == 1 else "woonplaatsen"
    lines.append(f"Woonplaatsen ({len(d.woonplaatsen)} {noun}): {', '.join(d.woonplaatsen)}")
    timeline = d.timeline()
    if timeline:
        lines.append("Geschiedenis:")
        for item in timeline:
            lines.append(f"  {item['date']:%d-%m-%Y} {item['title'].lower()}: {item['body']}")
    lines.append("")
    for group, figures in d.groups():
        lines.append(f"{group}:")
        for f in figures:
            lines.append(f"  {f.label}: {f.display} ({f.date:%d-%m-%Y}, {f.source.publisher})")
    return "\n".join(lines) + "\n"
