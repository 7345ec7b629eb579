"""Notes for the editor only: what is unknown, missing or odd in the data.

The document for candidates never carries these (issue #10: no internal notes in the
document); the editor shows them so the consultant can fill the gaps.
"""

from __future__ import annotations

from datetime import date

from secretaris.competencies.couleur import suggest
from secretaris.documents.dates import nl_date
from secretaris.profiles.couleur_input import couleur_from_snapshot
from secretaris.profiles.models import Profile
from secretaris.profiles.vacancy import missing


def editor_notes(profile: Profile) -> dict[str, list[str]]:
    """{"vacature": [...], "onbekend": [...], "gegevens": [...]}; empty lists are fine."""
    couleur = couleur_from_snapshot(profile.snapshot, profile.organisation, bestuur=profile.bestuur)
    council = profile.snapshot.get("council") or {}
    data = []
    if council.get("legal_size_basis") and council.get("size_matches") is not True:
        data.append(f"Raadsgrootte: {council['legal_size_basis']}")
    if not council.get("seats"):
        data.append("Er is geen verkiezingsuitslag voor deze gemeente in het dossier.")
    if note := _college_may_be_old(profile.snapshot):
        data.append(note)
    if not profile.snapshot.get("inhabitants"):
        data.append("Er is geen inwonertal voor deze gemeente in het dossier.")
    return {
        "vacature": [f"Nog niet ingevuld: {label}." for label in missing(profile.vacancy or {})],
        "onbekend": list(suggest(couleur).type_unknowns),
        "gegevens": data,
    }


#: A register this soon after an election may still list the college from before it.
COLLEGE_FORMATION_DAYS = 120


def _college_may_be_old(snapshot: dict) -> str:
    register = snapshot.get("bestuur") if isinstance(snapshot.get("bestuur"), dict) else {}
    election = (snapshot.get("council") or {}).get("election_date")
    if not register.get("wethouders") or not register.get("source_date") or not election:
        return ""
    try:
        listed, elected = date.fromisoformat(register["source_date"]), date.fromisoformat(election)
    except ValueError:
        return ""
    if not 0 <= (listed - elected).days <= COLLEGE_FORMATION_DAYS:
        return ""
    return (
        f"De wethouders komen uit het register van {nl_date(listed)}, kort na de verkiezing "
        f"van {nl_date(elected)}. Controleer of het nieuwe college er al in staat."
    )
