"""A new profielschets pre-filled from the dossier and the competency model."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from secretaris.competencies.couleur import suggest
from secretaris.competencies.examples import size_class
from secretaris.competencies.model import CURRENT_VERSION, get_model
from secretaris.documents.dates import nl_date
from secretaris.documents.numbers import format_number
from secretaris.dossier.models import Gemeente
from secretaris.dossier.presenter import build_dossier
from secretaris.profiles.couleur_input import couleur_from_snapshot
from secretaris.profiles.models import Profile
from secretaris.profiles.organisation import select_benchmarks


def draft_profile(gemeente: Gemeente, user=None, *, save: bool = True, today: date | None = None):
    """The default profile: dossier facts copied, suggested competencies taken as chosen."""
    snapshot = current_snapshot(gemeente)
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
        "waarom": why_text(profile),
        "wie": who_text(profile),
        "gemeente": gemeente_text(snapshot),
        "bestuur": bestuur_text(snapshot),
    }
    if save:
        profile.save()
    return profile


def current_snapshot(gemeente: Gemeente) -> dict[str, Any]:
    """The dossier as it is now, as JSON, with the sector benchmarks for its province."""
    snapshot = build_dossier(gemeente).as_json()
    snapshot["benchmarks"] = select_benchmarks(gemeente.province)
    return snapshot


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


def apply_suggestions(profile: Profile, today: date | None = None) -> None:
    """(Re)compute the suggestions; what the user chose or wrote is kept."""
    result = suggest(
        couleur_from_snapshot(profile.snapshot, profile.organisation, today, profile.bestuur)
    )
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
    if not profile.gemeente_type:
        profile.gemeente_type = result.type


TYPE_SENTENCES = {
    "ontwikkel": "De gemeente is volop in ontwikkeling.",
    "regie": "Veel werk doet de gemeente samen met andere gemeenten en partners.",
    "beheer": "Het is een stabiele gemeente, waar het vooral gaat om goede dienstverlening en "
    "een sterke, wendbare organisatie.",
}

#: What a chosen situational competency asks of the candidate, in one "je" sentence.
PORTRAIT = {
    "adviesvaardigheid": "Je geeft het college helder en eerlijk advies, ook als dat niet "
    "makkelijk is.",
    "plannen-en-organiseren": "Je brengt overzicht: je stelt prioriteiten en zorgt dat "
    "plannen op tijd klaar zijn.",
    "resultaatgerichtheid": "Je stelt duidelijke doelen en zorgt dat ze gehaald worden.",
    "coaching-ontwikkelingsgerichtheid": "Je ziet wat medewerkers nodig hebben om te groeien, "
    "en je geeft hun de ruimte.",
    "samenwerken": "Je zoekt de samenwerking op, binnen de organisatie en met partners buiten "
    "het gemeentehuis.",
    "visie": "Je denkt vooruit en maakt van ambities voor de lange termijn een heldere koers.",
    "netwerkvaardigheid": "Je bouwt makkelijk relaties op met buurgemeenten, provincie en "
    "partners, en zet die in voor de gemeente.",
    "complexe-organisatieontwikkeling": "Je houdt overzicht in grote veranderingen met veel "
    "betrokkenen en tegenstrijdige belangen.",
}

SIZE_SENTENCES = {
    "klein": "In een kleine organisatie als {name} sta je dicht op het werk en pak je zelf "
    "ook dingen op.",
    "middel": "In een middelgrote organisatie als {name} ben je zichtbaar voor de medewerkers "
    "en stuur je samen met de managers.",
    "groot": "In een grote organisatie als {name} stuur je via een directie en managers, en "
    "houd je de grote lijnen vast.",
}


def why_text(profile: Profile) -> str:
    """Why this vacancy: the municipality in two sentences and what it asks most."""
    s = profile.snapshot
    name = s["name"]
    parts = [f"{name} zoekt een nieuwe gemeentesecretaris en algemeen directeur."]
    inhabitants = s.get("inhabitants")
    about = f"{name} is een gemeente in de provincie {s['province']}"
    if inhabitants:
        about += f" met {format_number(inhabitants['value'])} inwoners"
    places = s.get("woonplaatsen", [])
    if len(places) > 1:
        about += f" in {len(places)} kernen"
    parts.append(about + ".")
    parts.append(TYPE_SENTENCES.get(profile.gemeente_type, ""))
    chosen = profile.chosen_situational()
    if chosen:
        model = get_model(profile.model_version)
        names = [_competency_name(item["key"], model.get(item["key"]).name) for item in chosen[:3]]
        parts.append(
            f"Naast de vaste kerncompetenties vraagt de functie hier vooral om {join_names(names)}."
        )
    return " ".join(p for p in parts if p)


#: The seed's long name reads badly in a sentence; this is how people say it.
SPOKEN_NAMES = {"complexe-organisatieontwikkeling": "complexe organisatieontwikkeling"}


def _competency_name(key: str, name: str) -> str:
    """Lower case in running text; quoted when the name itself has 'en' in it, so that
    'resultaatgerichtheid, ‘plannen en organiseren’ en visie' still reads as three."""
    name = SPOKEN_NAMES.get(key, name.lower())
    return f"‘{name}’" if " en " in name else name


def who_text(profile: Profile) -> str:
    """Whom we look for: the role in one sentence, then one sentence per chosen competency."""
    s = profile.snapshot
    parts = [
        "We zoeken een sterke leider van de organisatie en een verbinder. Als "
        "gemeentesecretaris ben je eerste adviseur van het college en de schakel tussen "
        "bestuur, raad en organisatie."
    ]
    parts += [
        PORTRAIT[item["key"]] for item in profile.chosen_situational() if item["key"] in PORTRAIT
    ]
    inhabitants = (s.get("inhabitants") or {}).get("value")
    parts.append(SIZE_SENTENCES[size_class(inhabitants)].format(name=s["name"]))
    parts.append("Je bent integer en betrouwbaar, en je kijkt kritisch naar je eigen rol.")
    return "\n\n".join([parts[0], " ".join(parts[1:])])


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
        names = join_names([p["name"] for p in m.get("predecessors", [])])
        year = m["date"][:4]
        if m["kind"] == "samenvoeging":
            parts.append(f"In {year} is de gemeente ontstaan uit {names}.")
        elif m["kind"] == "toevoeging":
            parts.append(f"In {year} is {names} bij de gemeente gevoegd.")
        else:
            parts.append(f"In {year} kwam een deel van {names} bij de gemeente.")
    corop = s.get("corop") or {}
    if corop.get("centre_function"):
        parts.append(
            f"{s['name']} is de grootste gemeente van de regio {corop['name']} "
            "en heeft daarmee een centrumfunctie."
        )
    aged = (s.get("facts") or {}).get("leeftijd_65_plus")
    if aged:
        parts.append(f"Van de inwoners is {format_number(aged['value'])} % 65 jaar of ouder.")
    return " ".join(parts)


def bestuur_text(s: dict[str, Any]) -> str:
    """The council in plain words: size, parties, the largest party (or a tie); then the
    burgemeester from the register."""
    council = s.get("council") or {}
    seats = [item for item in council.get("seats", []) if item.get("seats")]
    parts = []
    if seats and council.get("election_date"):
        parts += council_sentences(s, council, seats)
    burgemeester = (
        ((s.get("bestuur") or {}).get("burgemeester") or {})
        if isinstance(s.get("bestuur"), dict)
        else {}
    )
    if burgemeester.get("name"):
        role = "waarnemend burgemeester" if burgemeester.get("waarnemend") else "burgemeester"
        parts.append(f"De {role} is {burgemeester['name']}.")
    return " ".join(parts)


def council_sentences(s: dict[str, Any], council: dict[str, Any], seats: list[dict]) -> list[str]:
    names = usual_names(s)
    when = nl_date(date.fromisoformat(council["election_date"]))
    parts = [
        f"De gemeenteraad heeft {council['seats_total']} zetels, verdeeld over "
        f"{len(seats)} partijen (verkiezing van {when})."
    ]
    most = max(item["seats"] for item in seats)
    largest = [party_name(item, names) for item in seats if item["seats"] == most]
    if len(largest) == 1:
        parts.append(f"De grootste partij is {largest[0]} met {most} zetels.")
    elif len(largest) < len(seats):
        parts.append(f"De grootste partijen zijn {join_names(largest)}, met elk {most} zetels.")
    else:
        parts.append(f"Alle partijen hebben evenveel zetels: {most}.")
    return parts


def usual_names(s: dict[str, Any]) -> dict[str, str]:
    """Kiesraad list name -> the name people use (the register's), where the dossier has it."""
    items = (s.get("parties") or {}).get("items") or []
    return {
        i["kiesraad_name"]: i["name"] for i in items if i.get("kiesraad_name") and i.get("name")
    }


def party_name(item: dict[str, Any], names: dict[str, str] | None = None) -> str:
    """The usual name of a list in the election results, else the list's own name."""
    return (names or {}).get(item["list"], item["list"])


def join_names(names: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]
