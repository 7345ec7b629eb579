"""Read the current dossier again and say what changed since the profile's snapshot."""

from __future__ import annotations

from datetime import date
from typing import Any

from secretaris.competencies.model import get_model
from secretaris.documents.dates import nl_date
from secretaris.documents.numbers import format_number
from secretaris.dossier.facts import FACT_TYPES
from secretaris.profiles.models import Profile

TYPE_LABELS = dict(Profile.TYPES)


def snapshot_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Dutch sentences, one per changed fact: figures, council, herindelingen, kernen."""
    changes = []
    old_facts, new_facts = old.get("facts") or {}, new.get("facts") or {}
    for key, fact in new_facts.items():
        before = old_facts.get(key)
        kind = FACT_TYPES.get(key)
        if kind is None or (
            before and (before["value"], before["date"]) == (fact["value"], fact["date"])
        ):
            continue
        value = f"{format_number(fact['value'], kind.decimals)} ({_day(fact['date'])})"
        if before:
            was = f"{format_number(before['value'], kind.decimals)} ({_day(before['date'])})"
            changes.append(f"{kind.label}: {was} is nu {value}.")
        else:
            changes.append(f"{kind.label}: nieuw in het dossier, {value}.")
    for key in old_facts.keys() - new_facts.keys():
        if key in FACT_TYPES:
            changes.append(f"{FACT_TYPES[key].label}: staat niet meer in het dossier.")
    old_council, new_council = old.get("council") or {}, new.get("council") or {}
    if (old_council.get("election"), old_council.get("seats")) != (
        new_council.get("election"),
        new_council.get("seats"),
    ):
        election = new_council.get("election") or "verkiezing onbekend"
        changes.append(f"Gemeenteraad: de zetelverdeling is bijgewerkt ({election}).")
    if len(old.get("mergers") or []) != len(new.get("mergers") or []):
        changes.append("Herindelingen: er is een herindeling bijgekomen of veranderd.")
    if len(old.get("woonplaatsen") or []) != len(new.get("woonplaatsen") or []):
        changes.append(
            f"Woonplaatsen: {len(old.get('woonplaatsen') or [])} is nu "
            f"{len(new.get('woonplaatsen') or [])}."
        )
    for key, label in (
        ("samenwerking", "Regionale samenwerking"),
        ("financien", "Financiën"),
        ("bestuur_register", "Bestuur"),
    ):
        if (old.get(key) or None) != (new.get(key) or None):
            changes.append(f"{label}: de gegevens in het dossier zijn bijgewerkt.")
    return changes


def suggestion_changes(before: Profile, after: Profile) -> list[str]:
    """What the new suggestions changed: recommended competencies and the type."""
    model = get_model(after.model_version)
    was = {i["key"] for i in before.situational if i.get("recommended")}
    now = {i["key"] for i in after.situational if i.get("recommended")}
    changes = [f"Nu voorgesteld: {model.get(key).name}." for key in sorted(now - was)]
    changes += [f"Niet meer voorgesteld: {model.get(key).name}." for key in sorted(was - now)]
    if before.type_suggested != after.type_suggested and after.type_suggested:
        changes.append(f"Voorgesteld type: nu {TYPE_LABELS[after.type_suggested].lower()}.")
    return changes


def _day(value: str) -> str:
    return nl_date(date.fromisoformat(value))
