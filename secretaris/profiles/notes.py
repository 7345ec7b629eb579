"""Notes for the editor only: what is unknown, missing or odd in the data.

The document for candidates never carries these (issue #10: no internal notes in the
document); the editor shows them so the consultant can fill the gaps.
"""

from __future__ import annotations

from secretaris.competencies.couleur import suggest
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
    if not profile.snapshot.get("inhabitants"):
        data.append("Er is geen inwonertal voor deze gemeente in het dossier.")
    return {
        "vacature": [f"Nog niet ingevuld: {label}." for label in missing(profile.vacancy or {})],
        "onbekend": list(suggest(couleur).type_unknowns),
        "gegevens": data,
    }
