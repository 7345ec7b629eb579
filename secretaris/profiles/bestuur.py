"""What users know about the bestuur, owned by a profile (not by the public dossier).

Open data gives the council; the college, the coalition, the culture, the cooperation and the
strengths and weaknesses come from people who know the municipality. They are confidential
until the profile is sent out, so they live in `Profile.bestuur` (access per profile, audit
per save, history through the profile's versions). Keys and maximum lengths are here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class NoteField:
    key: str
    label: str
    max_length: int
    help: str = ""
    rows: int = 3


BESTUURSMODELLEN = (
    ("", "Onbekend"),
    ("wethoudersmodel", "Wethoudersmodel"),
    ("collegiaal", "Collegiaal model"),
)

NOTES: tuple[NoteField, ...] = (
    NoteField("coalition_parties", "Coalitiepartijen", 600, "Eén partij per regel.", 4),
    NoteField(
        "college_members",
        "Collegeleden",
        2000,
        "Eén per regel: naam, functie en portefeuille. Bijvoorbeeld: "
        "'Anna de Vries, wethouder, wonen en ruimte'.",
        6,
    ),
    NoteField(
        "coalition_changes", "Wisselingen in de coalitie", 2000, "Laat leeg als u het niet weet."
    ),
    NoteField(
        "bestuurscultuur",
        "Bestuurscultuur",
        3000,
        "Hoe werken raad, college en organisatie samen? Wat is kenmerkend?",
        5,
    ),
    NoteField(
        "regional_cooperation",
        "Regionale samenwerking (aanvulling)",
        3000,
        "Wat de gemeenschappelijke regelingen uit het dossier niet laten zien.",
        4,
    ),
    NoteField("merger_plans", "Fusieplannen", 2000, "Schrijf 'geen' als er geen zijn."),
    NoteField("swot_strengths", "Sterke punten", 2000),
    NoteField("swot_weaknesses", "Zwakke punten", 2000),
    NoteField("swot_opportunities", "Kansen", 2000),
    NoteField("swot_threats", "Bedreigingen", 2000),
)
NOTE_KEYS = tuple(f.key for f in NOTES)
LABELS = {f.key: f.label for f in NOTES}


def coalition(notes: dict[str, Any]) -> list[str]:
    return [
        line.strip() for line in (notes.get("coalition_parties") or "").splitlines() if line.strip()
    ]


def coalition_since(notes: dict[str, Any]) -> date | None:
    value = notes.get("coalition_since")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def from_dossier_row(row: Any) -> dict[str, Any]:
    """The notes of a dossier `Bestuur` row (the data migration copies them once)."""
    notes = {key: (getattr(row, key, "") or "").strip() for key in NOTE_KEYS if hasattr(row, key)}
    if getattr(row, "coalition_since", None):
        notes["coalition_since"] = row.coalition_since.isoformat()
    if getattr(row, "bestuursmodel", ""):
        notes["bestuursmodel"] = row.bestuursmodel
    return {key: value for key, value in notes.items() if value}


_NOTHING = {"", "-", "–", "geen", "nee", "n.v.t", "nvt", "niet van toepassing"}


def has_text(value: str) -> bool:
    """False for text that says 'nothing' ('geen', 'n.v.t.'), so it is not shown as a fact."""
    return value.strip().rstrip(".").strip().lower() not in _NOTHING


def is_empty(notes: dict[str, Any]) -> bool:
    return not any(notes.get(key) for key in (*NOTE_KEYS, "coalition_since", "bestuursmodel"))
