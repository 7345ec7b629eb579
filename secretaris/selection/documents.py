"""The documents of a procedure: the interview kit per round and the advice to the college.

Both are `Document`s (secretaris.documents), so one presenter gives the web page, the PDF
and the Word file. The advice holds members' individual scores only when the committee
chose so (Procedure.show_individual_scores); otherwise only the spread per criterion.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils import timezone

from secretaris.documents.dates import nl_date
from secretaris.documents.model import (
    BulletList,
    Document,
    KeyValues,
    Paragraph,
    Section,
    SourceRef,
    Table,
)
from secretaris.documents.numbers import format_number
from secretaris.selection.board import Board
from secretaris.selection.models import ADVICES, PHASES, ROUND_NAMES, Member, Procedure
from secretaris.selection.questions import STAR_PROBES

CONFIDENTIAL = "Vertrouwelijk"


def number(value: Fraction | None, places: int = 1) -> str:
    if value is None:
        return "–"
    return format_number(Decimal(value.numerator) / Decimal(value.denominator), places)


def kit_sections(procedure: Procedure, questions: list, form: Any = None) -> list[dict]:
    """Questions grouped per criterion, for the web page (with form fields if editing)."""
    groups = []
    for competency in procedure.competencies():
        items = [q for q in questions if q.criterion == competency.key]
        groups.append(
            {
                "competency": competency,
                "questions": [(q, form[f"q{q.pk}"] if form else None) for q in items],
            }
        )
    return groups


def interview_kit(procedure: Procedure, round: int) -> Document:
    questions = list(procedure.questions.filter(round=round))
    sections = [
        Section(
            "Zo gebruikt u deze handleiding",
            (
                Paragraph(
                    "Stel elke kandidaat dezelfde vragen, in dezelfde volgorde. Vraag door "
                    "met de vier STAR-vragen hieronder tot u weet wat de kandidaat zelf deed. "
                    "Schrijf op wat u hoort, niet wat u ervan vindt. Geef pas na het gesprek, "
                    "op uw eigen scorekaart, per criterium een score van 1 tot en met 5. "
                    "Overleg niet met de andere leden voordat iedereen zijn scorekaart heeft "
                    "ingestuurd."
                ),
                BulletList(STAR_PROBES),
            ),
        )
    ]
    for group in kit_sections(procedure, questions):
        competency = group["competency"]
        sections.append(
            Section(
                competency.name,
                (
                    Paragraph(f"*{competency.definition[:1].upper()}{competency.definition[1:]}*"),
                    BulletList(tuple(q.text for q, _ in group["questions"]), ordered=True),
                    Paragraph("**Waar u op let (score 4 of 5 als u dit duidelijk hoort):**"),
                    BulletList(tuple(i.text for i in competency.indicators)),
                    Paragraph("Aantekeningen: ____________________________________________"),
                ),
            )
        )
    return Document(
        title=f"Gesprekshandleiding {ROUND_NAMES[round].lower()}",
        subtitle=f"{procedure.title}, gemeente {procedure.gemeente.name}",
        meta=(
            ("Procedure", procedure.title),
            ("Ronde", ROUND_NAMES[round]),
            ("Criteria", str(len(procedure.criteria))),
            ("Gemaakt op", nl_date(timezone.localdate())),
        ),
        sections=tuple(sections),
        status=CONFIDENTIAL,
        footer=f"Vertrouwelijk · {procedure.title}",
        table_of_contents=False,
    )


def last_round(procedure: Procedure) -> int:
    return 2 if any(c.in_round(2) for c in procedure.candidates.all()) else 1


def advice_available(procedure: Procedure, member: Member) -> bool:
    """The advice shows everyone's scores, so only once every card of the last round is in,
    and never to a member who declared a conflict for a candidate in that round."""
    board = Board.load(procedure, last_round(procedure))
    return board.all_complete() and not any(board.is_recused(member, c) for c in board.candidates)


def advice_document(procedure: Procedure) -> Document:
    board = Board.load(procedure, last_round(procedure))
    competencies = procedure.competencies()
    weights = procedure.weights()
    totals = board.formula_scores()
    from secretaris.selection.scoring import ranking

    places = ranking(totals) if totals else {}
    candidates = sorted(board.candidates, key=lambda c: (places.get(c.pk, 99), c.name))
    members = procedure.committee()
    proposed = procedure.proposed
    sections = [
        _advice(procedure, proposed),
        _procedure(procedure, board),
        Section(
            "De commissie",
            (
                Table(
                    ("Naam", "Rol", "Functie"),
                    tuple((m.name, m.get_role_display(), m.function or "–") for m in members),
                    caption="Leden van de benoemingsadviescommissie",
                ),
                *_recusals(procedure, members),
            ),
        ),
        Section(
            "De criteria",
            (
                Paragraph(
                    "De criteria zijn de competenties uit de definitieve profielschets: de "
                    "kerncompetenties en de gekozen situationele competenties. De "
                    "gedragsindicatoren uit de profielschets waren de ankers van de scores."
                ),
                Table(
                    ("Competentie", "Soort", "Gewicht"),
                    tuple(
                        (
                            c.name,
                            "kern" if c.kind == "kern" else "situationeel",
                            str(weights[c.key]),
                        )
                        for c in competencies
                    ),
                    numeric=(False, False, True),
                    caption="Criteria en hun gewicht in de formule",
                ),
            ),
        ),
        _candidates(board, candidates, totals, places),
    ]
    if procedure.show_individual_scores:
        sections.append(_individual(board, candidates, competencies))
    sections.append(_or_advice(procedure))
    return Document(
        title="Advies over de benoeming van de gemeentesecretaris",
        subtitle=f"Van de benoemingsadviescommissie aan het college van burgemeester en "
        f"wethouders van {procedure.gemeente.name}",
        meta=(
            ("Procedure", procedure.title),
            ("Gemeente", procedure.gemeente.name),
            ("Functie", procedure.profile.title),
            ("Voorgedragen kandidaat", proposed.name if proposed else "nog niet gekozen"),
            ("Datum", nl_date(timezone.localdate())),
        ),
        sections=tuple(sections),
        sources=(
            SourceRef(
                "Gemeentewet, artikel 102 (benoeming van de secretaris)",
                "https://wetten.overheid.nl/BWBR0005416/",
            ),
            SourceRef(
                "Wet op de ondernemingsraden, artikel 30 (advies over de bestuurder)",
                "https://wetten.overheid.nl/BWBR0002747/",
            ),
            SourceRef(
                "NVP Sollicitatiecode (bewaartermijnen, referenties)",
                "https://nvp-plaza.nl/nvp-sollicitatiecode/",
            ),
        ),
        status=CONFIDENTIAL,
        footer=f"Vertrouwelijk · advies aan het college · {procedure.gemeente.name}",
        table_of_contents=False,  # five pages read front to back; halves the PDF time
    )


def _recusals(procedure: Procedure, members: list[Member]) -> tuple[Paragraph, ...]:
    """Who stepped aside for how many applicants (no names of applicants)."""
    from django.db.models import Count, Q

    counts = dict(
        procedure.members.annotate(
            n=Count("declarations", filter=Q(declarations__conflict=True))
        ).values_list("pk", "n")
    )
    lines = [
        f"{m.name} meldde bij {counts[m.pk]} "
        f"{'sollicitant' if counts[m.pk] == 1 else 'sollicitanten'} een persoonlijke of "
        "zakelijke band en beoordeelde die niet."
        for m in members
        if counts.get(m.pk)
    ]
    if not lines:
        return (Paragraph("Geen van de leden meldde een band met een sollicitant."),)
    return tuple(Paragraph(line) for line in lines)


def _advice(procedure: Procedure, proposed: Any) -> Section:
    if proposed is None:
        return Section(
            "Het advies",
            (Paragraph("De commissie heeft nog geen kandidaat gekozen om voor te dragen."),),
        )
    blocks = [
        Paragraph(
            f"De benoemingsadviescommissie adviseert het college om **{proposed.name}** te "
            f"benoemen tot {procedure.profile.title.lower()} van de gemeente "
            f"{procedure.gemeente.name}.",
            style="lead",
        ),
    ]
    blocks += [Paragraph(p.strip()) for p in procedure.advice_reasons.split("\n\n") if p.strip()]
    blocks.append(
        Paragraph(
            "Het college benoemt de secretaris (Gemeentewet, artikel 102). De ondernemingsraad "
            "heeft adviesrecht over de benoeming van de bestuurder (Wet op de "
            "ondernemingsraden, artikel 30); zijn advies staat aan het eind van dit stuk.",
            style="small",
        )
    )
    return Section("Het advies", tuple(blocks))


def _procedure(procedure: Procedure, board: Board) -> Section:
    candidates = list(procedure.candidates.all())
    dated = [
        (label, nl_date(procedure.phase_date(key)))
        for key, label in PHASES
        if procedure.phase_date(key)
    ]
    counts = (
        ("Sollicitanten", str(len(candidates))),
        ("Gesprek in de eerste ronde", str(sum(c.in_round(1) for c in candidates))),
        ("Gesprek in de tweede ronde", str(sum(c.in_round(2) for c in candidates))),
    )
    blocks: list[Any] = [
        Paragraph(
            "Elk lid vulde na elk gesprek zelf een scorekaart in, voordat de commissie "
            "over de kandidaat sprak. Pas daarna zagen de leden elkaars scores. Zo "
            "beïnvloedden zij elkaar niet vooraf."
        ),
        KeyValues(counts),
    ]
    if dated:
        blocks += [Paragraph("**Data per fase**"), KeyValues(tuple(dated))]
    return Section("De procedure", tuple(blocks))


def _candidates(board: Board, candidates: list, totals: dict, places: dict) -> Section:
    labels = [label for _, label in ADVICES]
    rows = []
    for c in candidates:
        counts = {key: 0 for key, _ in ADVICES}
        for _, card in board.submitted(c):
            counts[card.advice] = counts.get(card.advice, 0) + 1
        rows.append(
            (
                c.name,
                number(totals.get(c.pk), 2),
                str(places.get(c.pk, "–")),
                str(c.committee_rank or "–"),
                *(str(counts[key]) for key, _ in ADVICES),
            )
        )
    spread_rows = []
    for competency in board.procedure.competencies():
        cells = []
        for c in candidates:
            values = sorted(card.scores[competency.key] for _, card in board.submitted(c))
            cells.append(f"{values[0]}–{values[-1]}" if values else "–")
        spread_rows.append((competency.name, *cells))
    return Section(
        f"Kandidaten in de {ROUND_NAMES[board.round].lower()}",
        (
            Paragraph(
                "De formule is het gewogen gemiddelde van de scores (1 tot en met 5) van alle "
                "leden. Daarnaast staat de plaats die de commissie na haar bespreking gaf. "
                "Waar die twee verschillen, heeft de commissie dat besproken."
            ),
            Table(
                ("Kandidaat", "Formule", "Plaats formule", "Plaats commissie", *labels),
                tuple(rows),
                numeric=(False, True, True, True, True, True, True, True),
                caption="Uitkomst per kandidaat en eindoordelen van de leden",
            ),
            Paragraph("Laagste en hoogste score per criterium:"),
            Table(
                ("Criterium", *(c.name for c in candidates)),
                tuple(spread_rows),
                caption="Spreiding van de scores",
            ),
        ),
    )


def _individual(board: Board, candidates: list, competencies: list) -> Section:
    subsections = []
    for c in candidates:
        submitted = board.submitted(c)
        rows = tuple(
            (comp.name, *(str(card.scores.get(comp.key, "–")) for _, card in submitted))
            for comp in competencies
        )
        advice_row = ("Eindoordeel", *(card.get_advice_display() for _, card in submitted))
        subsections.append(
            Section(
                c.name,
                (
                    Table(
                        ("Criterium", *(m.name for m, _ in submitted)),
                        rows + (advice_row,),
                        caption=f"Scores per lid voor {c.name}",
                    ),
                ),
            )
        )
    return Section(
        "Scores per commissielid",
        (Paragraph("De commissie heeft besloten de scores per lid mee te sturen."),),
        tuple(subsections),
    )


def _or_advice(procedure: Procedure) -> Section:
    if procedure.or_advice:
        blocks = [
            KeyValues(
                (
                    ("Advies", procedure.get_or_advice_display()),
                    ("Datum", nl_date(procedure.or_advice_date))
                    if procedure.or_advice_date
                    else ("Datum", "onbekend"),
                )
            )
        ]
        blocks += [
            Paragraph(p.strip()) for p in procedure.or_advice_text.split("\n\n") if p.strip()
        ]
    elif procedure.or_advice_missing_reason.strip():
        blocks = [
            Paragraph("Er is geen advies van de ondernemingsraad. De reden:"),
            Paragraph(procedure.or_advice_missing_reason.strip()),
        ]
    else:
        blocks = [Paragraph("Het advies van de ondernemingsraad is nog niet vastgelegd.")]
    return Section("Advies van de ondernemingsraad", tuple(blocks))


def advice_json(procedure: Procedure) -> dict[str, Any]:
    """The advice as data, for `secretaris selectie advies ID --json`."""
    board = Board.load(procedure, last_round(procedure))
    totals = board.formula_scores()
    from secretaris.selection.scoring import ranking

    places = ranking(totals) if totals else {}
    labels = dict(ADVICES)
    candidates = []
    for c in sorted(board.candidates, key=lambda c: (places.get(c.pk, 99), c.name)):
        submitted = board.submitted(c)
        item: dict[str, Any] = {
            "name": c.name,
            "formula": float(totals[c.pk]) if c.pk in totals else None,
            "formula_place": places.get(c.pk),
            "committee_place": c.committee_rank,
            "advices": {
                label: sum(card.advice == key for _, card in submitted) for key, label in ADVICES
            },
            "complete": board.is_complete(c),
        }
        if procedure.show_individual_scores:
            item["by_member"] = {
                m.name: {"scores": card.scores, "advice": labels[card.advice]}
                for m, card in submitted
            }
        candidates.append(item)
    return {
        "procedure": str(procedure.pk),
        "title": procedure.title,
        "gemeente": procedure.gemeente.name,
        "phase": procedure.phase_label,
        "round": board.round,
        "proposed": procedure.proposed.name if procedure.proposed else None,
        "reasons": procedure.advice_reasons,
        "committee": [
            {"name": m.name, "role": m.get_role_display(), "function": m.function}
            for m in procedure.committee()
        ],
        "criteria": [
            {"key": c.key, "name": c.name, "weight": procedure.weights()[c.key]}
            for c in procedure.competencies()
        ],
        "candidates": candidates,
        "or_advice": {
            "advice": procedure.get_or_advice_display() or None,
            "date": procedure.or_advice_date.isoformat() if procedure.or_advice_date else None,
            "text": procedure.or_advice_text,
            "missing_reason": procedure.or_advice_missing_reason,
        },
    }
