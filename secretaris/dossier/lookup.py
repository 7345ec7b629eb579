"""Find a Gemeente by forgiving name or code (for the CLI, the API and the search page)."""

from __future__ import annotations

from dataclasses import dataclass

from secretaris.dossier import matching
from secretaris.dossier.models import Gemeente


@dataclass(frozen=True)
class NotFound(Exception):
    query: str
    suggestions: tuple[tuple[str, str], ...]
    ambiguous: bool = False

    def message(self) -> str:
        names = [name for _, name in self.suggestions]
        if self.ambiguous:
            return f"'{self.query}' past bij meerdere gemeenten: {', '.join(names)}."
        if names:
            return f"Deze gemeente kennen we niet: '{self.query}'. Bedoelt u {' of '.join(names)}?"
        return f"Deze gemeente kennen we niet: '{self.query}'."


def find_gemeente(query: str) -> Gemeente:
    """The Gemeente for a name or CBS code; raises NotFound with suggestions."""
    pairs = list(Gemeente.objects.values_list("code", "name"))
    match = matching.find(query, pairs)
    if match.code is None:
        raise NotFound(query, match.suggestions, match.ambiguous)
    return Gemeente.objects.get(code=match.code)
