"""The dossier as readable plain text (for `secretaris dossier`)."""

from __future__ import annotations

from secretaris.documents.numbers import format_number
from secretaris.dossier.presenter import Dossier, source_label


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
    lines.append("")
    lines.append(f"Woonplaatsen ({len(d.woonplaatsen)}): {', '.join(d.woonplaatsen)}")
    if d.mergers:
        lines.append("Herindelingen:")
        for m in d.mergers:
            names = ", ".join(p["name"] for p in m.predecessors)
            lines.append(f"  {m.date:%d-%m-%Y} {m.get_kind_display().lower()}: {names}")
    lines.append("")
    for group, figures in d.groups():
        lines.append(f"{group}:")
        for f in figures:
            lines.append(f"  {f.label}: {f.display} ({f.date:%d-%m-%Y}, {f.source.publisher})")
    return "\n".join(lines) + "\n"
