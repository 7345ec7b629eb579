"""The dossier of one municipality, gathered once for the page, the CLI and the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Prefetch

from secretaris.documents.numbers import format_number
from secretaris.dossier import finance
from secretaris.dossier.council_check import SizeCheck, size_check
from secretaris.dossier.facts import FACT_TYPES, GROUPS, URBANITY_LABELS
from secretaris.dossier.governance import (
    Bestuur,
    Parties,
    Samenwerking,
    bestuur_of,
    parties_of,
    samenwerking_of,
)
from secretaris.dossier.models import (
    Election,
    Fact,
    Gemeente,
    ListResult,
    Source,
)
from secretaris.dossier.politics import effective_number_of_parties, size_class
from secretaris.dossier.sources_label import source_label
from secretaris.law.wethouders import max_wethouders, max_wethouders_parttime

CENTRE_NOTE = (
    "Afgeleid: de gemeente met de meeste inwoners van haar COROP-gebied. "
    "Geen officiële aanwijzing als centrumgemeente."
)


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: Decimal
    unit: str
    date: date
    source: Source
    decimals: int = 0

    @property
    def unit_label(self) -> str:
        """What follows the number: '%', 'ha', 'weinig stedelijk'; empty for counts."""
        if self.key == "stedelijkheid":
            return URBANITY_LABELS.get(int(self.value), "")
        return "" if self.unit in {"aantal", "klasse"} else self.unit

    @property
    def display(self) -> str:
        """The value as people read it: '90.514', '15 %', '4 weinig stedelijk'."""
        number = format_number(self.value, self.decimals)
        return f"{number} {self.unit_label}".strip()

    def as_json(self) -> dict[str, Any]:
        return {
            "value": _json_number(self.value),
            "date": self.date.isoformat(),
            "source": source_label(self.source),
            "source_key": self.source.key,
        }


@dataclass
class Dossier:
    gemeente: Gemeente
    figures: dict[str, Figure]
    history: dict[str, list[Figure]]
    elections: list[Election]
    woonplaatsen: list[str]
    mergers: list[Any]
    bestuur: Bestuur | None
    size_check: SizeCheck | None
    sources: list[Source] = field(default_factory=list)
    parties: Parties | None = None
    samenwerking: Samenwerking | None = None
    financien: list[dict[str, Any]] = field(default_factory=list)
    iv3_source: Source | None = None

    finance_rows = finance.TABLE_ROWS

    @property
    def usual_names(self) -> dict[str, str]:
        """Kiesraad list name -> usual name, for the newest election (GR2026)."""
        if self.parties is None or self.parties.election is None:
            return {}
        if self.council is None or self.council.election != self.parties.election:
            return {}
        return {p["kiesraad_name"]: p["name"] for p in self.parties.items if p["kiesraad_name"]}

    @property
    def finance_documents(self) -> list[dict[str, Any]]:
        """The Iv3 documents as exported, newest first."""
        return [finance.document_json(doc) for doc in reversed(self.financien)]

    def timeline(self) -> list[dict[str, Any]]:
        """Herindelingen and the begindatum, oldest first; the begindatum only when no
        event of the same day already says the municipality was formed then."""
        items = [
            {
                "date": m.date,
                "title": m.get_kind_display(),
                "body": merger_sentence(m.kind, [p["name"] for p in m.predecessors]),
                "note": m.note,
                "source": m.source,
            }
            for m in self.mergers
        ]
        begin = self.gemeente.begindatum
        if begin and not any(m.date == begin for m in self.mergers):
            items.append(
                {
                    "date": begin,
                    "title": "Begindatum",
                    "body": "Begindatum van de gemeente in de huidige vorm volgens de "
                    "gemeentelijke indeling van het CBS.",
                    "note": "",
                    "source": None,
                }
            )
        return sorted(items, key=lambda item: item["date"])

    @property
    def inhabitants(self) -> Figure | None:
        return self.figures.get("inwoners")

    @property
    def council(self) -> Election | None:
        return self.elections[0] if self.elections else None

    @property
    def council_seats(self) -> int | None:
        if self.council is not None:
            return self.council.council_size
        return self.size_check.legal_size if self.size_check else None

    @property
    def max_wethouders(self) -> int | None:
        seats = self.council_seats
        return max_wethouders(seats) if seats else None

    @property
    def max_wethouders_parttime(self) -> int | None:
        seats = self.council_seats
        return max_wethouders_parttime(seats) if seats else None

    @property
    def enp(self) -> Fraction | None:
        if self.council is None:
            return None
        return effective_number_of_parties([lr.seats for lr in self.council.lists.all()])

    @property
    def lists_with_seats(self) -> int:
        if self.council is None:
            return 0
        return sum(1 for lr in self.council.lists.all() if lr.seats)

    @property
    def size_class(self) -> tuple[int, str] | None:
        return size_class(int(self.inhabitants.value)) if self.inhabitants else None

    def groups(self) -> list[tuple[str, list[Figure]]]:
        """Newest figure per key, grouped for display in catalogue order."""
        out = []
        for group, label in GROUPS.items():
            items = [f for k, f in self.figures.items() if FACT_TYPES[k].group == group]
            if items:
                out.append((label, items))
        return out

    def as_json(self) -> dict[str, Any]:
        g = self.gemeente
        council = self.council
        return {
            "code": g.code,
            "name": g.name,
            "province": g.province,
            "corop": {
                "code": g.corop_code,
                "name": g.corop_name,
                "centre_function": g.is_corop_centre,
                "centre_function_note": CENTRE_NOTE,
            },
            "inhabitants": self.inhabitants.as_json() if self.inhabitants else None,
            "council": {
                "legal_size": self.size_check.legal_size if self.size_check else None,
                "legal_size_peildatum": (
                    self.size_check.peildatum.isoformat() if self.size_check else None
                ),
                "legal_size_basis": self.size_check.basis if self.size_check else None,
                "legal_size_possible": list(self.size_check.possible) if self.size_check else [],
                "legal_size_exact": self.size_check.exact if self.size_check else False,
                "size_matches": self.size_check.matches if self.size_check else None,
                "election": council.election if council else None,
                "election_date": council.date.isoformat() if council else None,
                "seats_total": council.council_size if council else None,
                "seats": [
                    {"list": lr.name, "seats": lr.seats, "votes": lr.votes}
                    for lr in council.lists.all()
                ]
                if council
                else [],
                "source": source_label(council.source) if council else None,
                "lists_with_seats": self.lists_with_seats,
                "effective_number_of_parties": _fraction2(self.enp),
            },
            "max_wethouders": self.max_wethouders,
            "max_wethouders_parttime": self.max_wethouders_parttime,
            "woonplaatsen": self.woonplaatsen,
            "mergers": [
                {
                    "date": m.date.isoformat(),
                    "kind": m.kind,
                    "predecessors": m.predecessors,
                    "note": m.note,
                    "source": source_label(m.source),
                }
                for m in self.mergers
            ],
            "inhabitants_history": [
                {
                    "date": f.date.isoformat(),
                    "value": int(f.value),
                    "source": source_label(f.source),
                }
                for f in sorted(self.history.get("inwoners", []), key=lambda f: f.date)
            ],
            "facts": {
                k: {"label": f.label, "unit": f.unit, **f.as_json()}
                for k, f in self.figures.items()
            },
            "elections": [
                {
                    "election": e.election,
                    "date": e.date.isoformat(),
                    "council_size": e.council_size,
                    "source": source_label(e.source),
                    "votes_source": source_label(e.votes_source) if e.votes_source else None,
                    "seats": [
                        {"list": lr.name, "seats": lr.seats, "votes": lr.votes}
                        for lr in e.lists.all()
                    ],
                }
                for e in self.elections
            ],
            "bestuur": self.bestuur.as_json() if self.bestuur else None,
            "parties": self.parties.as_json() if self.parties else None,
            "samenwerking": self.samenwerking.as_json() if self.samenwerking else None,
            "financien": {
                "documents": self.finance_documents,
                "source": source_label(self.iv3_source) if self.iv3_source else None,
                "note": finance.NOTE,
            },
        }


def build_dossier(gemeente: Gemeente) -> Dossier:
    facts = list(
        Fact.objects.filter(gemeente=gemeente).select_related("source").order_by("key", "-date")
    )
    figures: dict[str, Figure] = {}
    history: dict[str, list[Figure]] = {}
    for fact in facts:
        kind = FACT_TYPES.get(fact.key)
        if kind is None:
            continue
        figure = Figure(
            fact.key, kind.label, fact.value, kind.unit, fact.date, fact.source, kind.decimals
        )
        figures.setdefault(fact.key, figure)
        history.setdefault(fact.key, []).append(figure)
    ordered = {k: figures[k] for k in FACT_TYPES if k in figures}
    elections = list(
        Election.objects.filter(gemeente=gemeente)
        .select_related("source", "votes_source")
        .prefetch_related(
            Prefetch("lists", queryset=ListResult.objects.order_by("-seats", "position"))
        )
        .order_by("-date")
    )
    mergers = list(gemeente.mergers.select_related("source").order_by("-date"))
    woonplaatsen = list(gemeente.woonplaatsen.order_by("name").values_list("name", flat=True))
    open_sources = {
        s.key: s
        for s in Source.objects.filter(key__in=("roo-gemeenten", "cbs-iv3", "roo-regelingen"))
    }
    bestuur = bestuur_of(gemeente, open_sources)
    samenwerking = samenwerking_of(gemeente, open_sources)
    inhabitants = history.get("inwoners", [])
    check = (
        size_check(
            elections[0].election,
            elections[0].date,
            elections[0].council_size,
            {f.date: int(f.value) for f in inhabitants},
        )
        if elections
        else None
    )
    used: dict[str, Source] = {}
    for f in ordered.values():
        used[f.source.key] = f.source
    for e in elections:
        used[e.source.key] = e.source
        if e.votes_source:
            used[e.votes_source.key] = e.votes_source
    for m in mergers:
        used[m.source.key] = m.source
    iv3_source = open_sources.get("cbs-iv3") if gemeente.financien else None
    extra = [bestuur.source if bestuur else None, iv3_source]
    extra.append(samenwerking.source)
    for source in extra:
        if source is not None:
            used[source.key] = source
    return Dossier(
        gemeente,
        ordered,
        history,
        elections,
        woonplaatsen,
        mergers,
        bestuur,
        check,
        sorted(used.values(), key=lambda s: (s.publisher, s.title)),
        parties=parties_of(gemeente, elections[0].election if elections else None, open_sources),
        samenwerking=samenwerking,
        financien=list(gemeente.financien or []),
        iv3_source=iv3_source,
    )


def merger_sentence(kind: str, names: list[str]) -> str:
    """'Ontstaan uit A, B en C.' — a whole municipality is never called 'a part'."""
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    if not names:
        return ""
    if kind == "samenvoeging":
        return f"Ontstaan uit {joined}."
    if kind == "naamswijziging":
        return f"Voorheen {joined}."
    if kind == "toevoeging":
        return f"{joined} {'ging' if len(names) == 1 else 'gingen'} geheel in deze gemeente op."
    if kind == "splitsing":
        return f"Met een deel van {joined}."
    return f"Grenscorrectie: een deel van {joined} kwam erbij."


def _json_number(value: Decimal) -> int | float | str:
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return int(normal)
    return float(normal)


def _fraction2(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 2)
