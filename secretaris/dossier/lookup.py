"""Find a Gemeente by forgiving name or code (for the CLI, the API and the search page)."""

from __future__ import annotations

from dataclasses import dataclass

from secretaris.dossier import matching
from secretaris.dossier.models import Gemeente, Merger, Woonplaats


@dataclass(frozen=True)
class NotFound(Exception):
    query: str
    suggestions: tuple[tuple[str, str], ...]
    ambiguous: bool = False
    via: tuple[str, str] | None = None

    def message(self) -> str:
        names = [name for _, name in self.suggestions]
        if self.ambiguous and self.via:
            place, kind = self.via
            if kind == "voormalige gemeente":
                return (
                    f"{place} is een voormalige gemeente; het gebied hoort nu bij {_join(names)}."
                )
            return f"Er zijn woonplaatsen met de naam {place} in {_join(names)}."
        if self.ambiguous:
            return f"'{self.query}' past bij meerdere gemeenten: {', '.join(names)}."
        if names:
            return f"Deze gemeente kennen we niet: '{self.query}'. Bedoelt u {' of '.join(names)}?"
        return f"Deze gemeente kennen we niet: '{self.query}'."


def find_gemeente(query: str) -> Gemeente:
    """The Gemeente for a name, CBS code, former municipality or woonplaats; raises NotFound
    with suggestions."""
    return locate(query)[0]


def locate(query: str) -> tuple[Gemeente, str]:
    """The Gemeente and, when the query named a place that is not a municipality, a Dutch
    sentence that says so ("Sneek is een woonplaats in de gemeente Súdwest-Fryslân.")."""
    pairs = list(Gemeente.objects.values_list("code", "name"))
    match = matching.find(query, pairs)
    if match.code is None and not match.ambiguous:
        place = matching.find_place(query, pairs, _former(), _woonplaatsen(query))
        if place is not None:
            match = place
    if match.code is None:
        raise NotFound(query, match.suggestions, match.ambiguous, match.via)
    gemeente = Gemeente.objects.get(code=match.code)
    note = ""
    if match.via:
        place, kind = match.via
        if kind == "voormalige gemeente":
            note = f"{place} is een voormalige gemeente; het gebied hoort nu bij {gemeente.name}."
        else:
            note = f"{place} is een woonplaats in de gemeente {gemeente.name}."
    return gemeente, note


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _former() -> list[tuple[str, str]]:
    """(current code, name) of every municipality that went (partly) into a current one."""
    return [
        (code, p["name"])
        for code, kind, predecessors in Merger.objects.exclude(kind="grenscorrectie").values_list(
            "gemeente_id", "kind", "predecessors"
        )
        for p in predecessors
    ]


def _woonplaatsen(query: str) -> list[tuple[str, str]]:
    first = matching.normalise(query)[:1]
    rows = Woonplaats.objects.values_list("gemeente_id", "name")
    return [(code, name) for code, name in rows if matching.normalise(name)[:1] == first]
