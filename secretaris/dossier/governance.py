"""Who governs and with whom: the register's office holders, the council's parties and the
gemeenschappelijke regelingen of one municipality, as the dossier shows and exports them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from secretaris.dossier.models import Gemeente, Source
from secretaris.dossier.sources.regelingen import KIND_LABELS
from secretaris.dossier.sources_label import source_label as _label

SHORT_NAME = re.compile(r"^(gemeenschappelijke\s+regeling|regeling|gr)\b\s*", re.I)
REGISTER_NOTE = "volgens het Register van Overheidsorganisaties, bijgewerkt"
SHARED_SERVICE = "werkorganisatie"


@dataclass(frozen=True)
class Bestuur:
    """The office holders as the register lists them on its date."""

    burgemeester: str | None
    waarnemend: bool
    locoburgemeester: str | None
    wethouders: list[str]
    secretaris: str | None
    griffier: str | None
    date: date
    website: str
    organogram: str
    source: Source

    def as_json(self) -> dict[str, Any]:
        return {
            "burgemeester": (
                {"name": self.burgemeester, "waarnemend": self.waarnemend}
                if self.burgemeester
                else None
            ),
            "locoburgemeester": self.locoburgemeester,
            "wethouders": self.wethouders,
            "secretaris": self.secretaris,
            "griffier": self.griffier,
            "website": self.website or None,
            "organogram": self.organogram or None,
            "source": _label(self.source),
            "source_date": self.date.isoformat(),
        }


@dataclass(frozen=True)
class Parties:
    items: list[dict[str, Any]]  # name, kiesraad_name, seats, register_seats
    agrees: bool | None
    disagreements: list[str]
    largest: list[str]
    election: str | None
    date: date
    source: Source

    def as_json(self) -> dict[str, Any]:
        return {
            "items": [
                {"name": p["name"], "kiesraad_name": p["kiesraad_name"], "seats": p["seats"]}
                for p in self.items
            ],
            "seats_total": sum(p["seats"] for p in self.items),
            "election": self.election,
            "agrees_with_election": self.agrees,
            "disagreements": self.disagreements,
            "largest": self.largest,
            "source": _label(self.source),
            "source_date": self.date.isoformat(),
        }


@dataclass(frozen=True)
class Regeling:
    """One gemeenschappelijke regeling as the dossier shows it."""

    name: str
    form: str
    kind: str | None
    purpose: str
    since: date | None
    url: str
    partners: list[str]

    @property
    def short_name(self) -> str:
        """The name without the words every regeling carries: 'Veiligheidsregio Utrecht'."""
        short = SHORT_NAME.sub("", self.name).strip(" -–:")
        return (short[:1].upper() + short[1:]) if short else self.name

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "form": self.form,
            "kind": self.kind,
            "kind_label": KIND_LABELS.get(self.kind) if self.kind else None,
            "purpose": self.purpose,
            "partners": self.partners,
            "partner_count": len(self.partners),
            "since": self.since.isoformat() if self.since else None,
            "url": self.url or None,
        }


@dataclass(frozen=True)
class Samenwerking:
    regelingen: list[Regeling]
    source: Source | None

    @property
    def count(self) -> int:
        return len(self.regelingen)

    @property
    def shared_civil_service(self) -> Regeling | None:
        return next((r for r in self.regelingen if r.kind == SHARED_SERVICE), None)

    @property
    def recognised(self) -> list[Regeling]:
        """The regelingen of a known kind, the shared civil service first."""
        order = list(KIND_LABELS)
        known = [r for r in self.regelingen if r.kind in KIND_LABELS]
        return sorted(known, key=lambda r: (order.index(r.kind), r.name))

    @property
    def others(self) -> list[Regeling]:
        return [r for r in self.regelingen if r.kind not in KIND_LABELS]

    def partners(self, regeling: Regeling) -> list[str]:
        return regeling.partners

    def as_json(self) -> dict[str, Any]:
        shared = self.shared_civil_service
        return {
            "count": self.count,
            "items": [r.as_json() for r in self.recognised + self.others],
            "shared_civil_service": shared.as_json() if shared else None,
            "source": _label(self.source) if self.source else None,
            "source_date": SAMENWERKING_DATE,
        }


#: The date the regelingen were read from the register (SOURCES.md §13).
SAMENWERKING_DATE = "2026-05-16"


def bestuur_of(gemeente: Gemeente, sources: dict[str, Source]) -> Bestuur | None:
    data = gemeente.register
    if not data or data.get("source") not in sources:
        return None
    mayor = data.get("burgemeester") or {}
    return Bestuur(
        burgemeester=mayor.get("name"),
        waarnemend=bool(mayor.get("waarnemend")),
        locoburgemeester=data.get("locoburgemeester"),
        wethouders=list(data.get("wethouders") or []),
        secretaris=data.get("secretaris"),
        griffier=data.get("griffier"),
        date=date.fromisoformat(data["date"]),
        website=data.get("website") or "",
        organogram=data.get("organogram") or "",
        source=sources[data["source"]],
    )


def parties_of(
    gemeente: Gemeente, election: str | None, sources: dict[str, Source]
) -> Parties | None:
    data = gemeente.register
    if not data or not data.get("parties") or data.get("source") not in sources:
        return None
    items = data["parties"]
    lines = [
        f"{p['name']}: {p['seats']} zetels bij de Kiesraad, "
        + (
            f"{p['register_seats']} in het register"
            if p["register_seats"] is not None
            else "niet in het register"
        )
        for p in items
        if p["kiesraad_name"] and p["register_seats"] != p["seats"]
    ]
    lines += [
        f"{n}: {s} zetels in het register, niet bij de Kiesraad"
        for n, s in data.get("register_only", [])
    ]
    top = max((p["seats"] for p in items), default=0)
    return Parties(
        items=items,
        agrees=data.get("parties_agree"),
        disagreements=lines,
        largest=[p["name"] for p in items if top and p["seats"] == top],
        election=election if any(p["kiesraad_name"] for p in items) else None,
        date=date.fromisoformat(data["date"]),
        source=sources[data["source"]],
    )


def samenwerking_of(gemeente: Gemeente, sources: dict[str, Source]) -> Samenwerking:
    regelingen = [
        Regeling(
            name=r["name"],
            form=r["form"],
            kind=r.get("kind"),
            purpose=r.get("purpose", ""),
            since=date.fromisoformat(r["since"]) if r.get("since") else None,
            url=r.get("url", ""),
            partners=list(r.get("partners", [])),
        )
        for r in gemeente.samenwerking or []
    ]
    return Samenwerking(regelingen, sources.get("roo-regelingen") if regelingen else None)
