"""A new profielschets pre-filled from the dossier and the competency model."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from secretaris.competencies.couleur import suggest
from secretaris.competencies.model import CURRENT_VERSION
from secretaris.documents.dates import nl_date
from secretaris.documents.numbers import format_number
from secretaris.dossier.models import Gemeente
from secretaris.dossier.presenter import build_dossier
from secretaris.profiles.couleur_input import couleur_from_snapshot
from secretaris.profiles.models import Profile
from secretaris.profiles.organisation import select_benchmarks

PROCEDURE_TEXT = """De benoemingsadviescommissie bestaat uit de burgemeester, een wethouder, \
een lid van de ondernemingsraad, de adviseur HR en een externe adviseur.

1. Publicatie van de vacature
2. Sluiting van de reactietermijn
3. Selectie van kandidaten voor een eerste gesprek
4. Eerste en tweede gespreksronde
5. Advies van de ondernemingsraad (artikel 30 WOR)
6. Benoeming door het college

Een ontwikkelassessment kan deel uitmaken van de procedure."""


def draft_profile(gemeente: Gemeente, user=None, *, save: bool = True, today: date | None = None):
    """The default profile: dossier facts copied, suggested competencies taken as chosen."""
    snapshot = build_dossier(gemeente).as_json()
    snapshot["benchmarks"] = select_benchmarks(gemeente.province)
    profile = Profile(
        gemeente=gemeente,
        model_version=CURRENT_VERSION,
        snapshot=snapshot,
        snapshot_at=timezone.now(),
        created_by=user,
        updated_by=user,
    )
    use_imported_figures(profile, user)
    apply_suggestions(profile, today=today)
    profile.texts = {
        "inleiding": intro_text(snapshot),
        "gemeente": gemeente_text(snapshot),
        "bestuur": bestuur_text(snapshot),
        "procedure": PROCEDURE_TEXT,
    }
    if save:
        profile.save()
    return profile


# --- Organisatiebeeld hook (#13) -------------------------------------------------------------
def use_imported_figures(profile: Profile, user) -> bool:
    """Imported HR figures the user may read replace the hand-entered ones; True if any.

    The profile keeps where they came from (figures_source: "HR-export, peildatum ...")
    and the aggregates for its charts; the couleur rules read the same figures.
    """
    from secretaris.organisation.summary import figures_for_profile

    figures = figures_for_profile(profile.gemeente, user)
    if figures is None:
        return False
    profile.organisation = {**profile.organisation, **figures.profile_fields()}
    return True


# ----------------------------------------------------------------------------------------------


def apply_suggestions(profile: Profile, today: date | None = None) -> None:
    """(Re)compute the suggestions; what the user chose or wrote is kept."""
    result = suggest(couleur_from_snapshot(profile.snapshot, profile.organisation, today))
    previous = {item["key"]: item for item in profile.situational}
    items = []
    for s in result.situational:
        old = previous.pop(s.competency, None)
        items.append(
            {
                "key": s.competency,
                "suggested": True,
                "recommended": s.recommended,
                "reasons": list(s.reasons),
                "chosen": old["chosen"] if old else s.recommended,
                "note": old.get("note", "") if old else "",
            }
        )
    for old in previous.values():  # chosen by hand earlier, no longer suggested
        if old.get("chosen") or old.get("note"):
            items.append({**old, "suggested": False, "recommended": False, "reasons": []})
    profile.situational = items
    profile.type_suggested = result.type
    profile.type_reasons = list(result.type_reasons)
    user_type = (profile.snapshot.get("bestuur") or {}).get("type")
    if not profile.gemeente_type:
        profile.gemeente_type = user_type or result.type


def intro_text(snapshot: dict[str, Any]) -> str:
    return (
        f"De gemeente {snapshot['name']} zoekt een gemeentesecretaris / algemeen directeur. "
        "Dit profiel beschrijft de functie, de competenties die in deze gemeente het meest "
        "tellen, en de gemeente, het bestuur en de organisatie waarin u gaat werken."
    )


def gemeente_text(s: dict[str, Any]) -> str:
    parts = []
    inhabitants = s.get("inhabitants")
    where = f"{s['name']} ligt in de provincie {s['province']}"
    if inhabitants:
        where += (
            f" en telt {format_number(inhabitants['value'])} inwoners "
            f"(1 januari {inhabitants['date'][:4]})"
        )
    parts.append(where + ".")
    places = s.get("woonplaatsen", [])
    if len(places) > 1:
        parts.append(f"De gemeente heeft {len(places)} woonplaatsen (kernen).")
    mergers = s.get("mergers", [])
    formed = [m for m in mergers if m["kind"] == "samenvoeging"][:1]
    joined = [m for m in mergers if m["kind"] in {"toevoeging", "splitsing"}][:2]
    for m in sorted(formed + joined, key=lambda m: m["date"]):
        names = _join([p["name"] for p in m.get("predecessors", [])])
        year = m["date"][:4]
        if m["kind"] == "samenvoeging":
            parts.append(f"In {year} is de gemeente ontstaan uit {names}.")
        else:
            parts.append(f"In {year} kwam (een deel van) {names} erbij.")
    corop = s.get("corop") or {}
    if corop.get("centre_function"):
        parts.append(
            f"{s['name']} is de grootste gemeente van de regio {corop['name']} "
            "en heeft daarmee een centrumfunctie."
        )
    aged = (s.get("facts") or {}).get("leeftijd_65_plus")
    if aged:
        parts.append(f"Van de inwoners is {format_number(aged['value'])}% 65 jaar of ouder.")
    return " ".join(parts)


def bestuur_text(s: dict[str, Any]) -> str:
    council = s.get("council") or {}
    parts = []
    if council.get("seats"):
        biggest = max(council["seats"], key=lambda item: item["seats"])
        when = nl_date(date.fromisoformat(council["election_date"]))
        parts.append(
            f"De gemeenteraad telt {council['seats_total']} zetels, verdeeld over "
            f"{council['lists_with_seats']} fracties (verkiezing van {when}). "
            f"De grootste fractie is {biggest['list']} met {biggest['seats']} zetels."
        )
    if s.get("max_wethouders"):
        parts.append(
            f"Het college bestaat uit de burgemeester en ten hoogste {s['max_wethouders']} "
            f"wethouders ({s['max_wethouders_parttime']} als er deeltijdwethouders zijn)."
        )
    coalition = (s.get("bestuur") or {}).get("coalition_parties") or []
    if coalition:
        parts.append(f"De coalitie bestaat uit {_join(coalition)}.")
    return " ".join(parts)


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]
