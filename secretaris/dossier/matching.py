"""Forgiving lookup of a municipality by name or code.

Case, diacritics, punctuation and spacing are ignored; common short names
("Den Bosch", "Den Haag") are known; an unknown name gets the closest suggestions.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Everyday names that differ from the official CBS name.
ALIASES: dict[str, str] = {
    "den bosch": "'s-Hertogenbosch",
    "s hertogenbosch": "'s-Hertogenbosch",
    "hertogenbosch": "'s-Hertogenbosch",
    "den haag": "'s-Gravenhage",
    "the hague": "'s-Gravenhage",
    "s gravenhage": "'s-Gravenhage",
    "gravenhage": "'s-Gravenhage",
    "nuenen": "Nuenen, Gerwen en Nederwetten",
    "bergen nh": "Bergen (NH.)",
    "bergen noord holland": "Bergen (NH.)",
    "bergen l": "Bergen (L.)",
    "bergen limburg": "Bergen (L.)",
    "hengelo o": "Hengelo",
    "rijswijk zh": "Rijswijk",
    "sudwest friesland": "Súdwest-Fryslân",
    "zuidwest friesland": "Súdwest-Fryslân",
    "tietjerksteradeel": "Tytsjerksteradiel",
    "dantumadeel": "Dantumadiel",
    "menaldumadeel": "Menameradiel",
    "noardeast fryslan": "Noardeast-Fryslân",
    "de fryske marren": "De Fryske Marren",
}

CODE_RE = re.compile(r"^(?:gm)?\s*(\d{1,4})$", re.IGNORECASE)


def normalise(text: str) -> str:
    """Lower case, no diacritics, letters and digits separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def search_key(name: str) -> str:
    """The compact key stored on Gemeente.search_key: normalised without spaces."""
    return normalise(name).replace(" ", "")


def normalise_code(text: str) -> str | None:
    """'344', '0344', 'gm0344' -> 'GM0344'; None when text is not a code."""
    match = CODE_RE.match(text.strip())
    return f"GM{int(match.group(1)):04d}" if match else None


@dataclass(frozen=True)
class Match:
    code: str | None
    suggestions: tuple[tuple[str, str], ...] = ()  # (code, name) pairs
    ambiguous: bool = False
    via: tuple[str, str] | None = None  # (place, "woonplaats" | "voormalige gemeente")


def find_place(
    query: str,
    gemeenten: Iterable[tuple[str, str]],
    former: Iterable[tuple[str, str]],
    places: Iterable[tuple[str, str]],
) -> Match | None:
    """A former municipality or a woonplaats of exactly this name (code, place name pairs).

    Former municipalities come first (Brielle -> Voorne aan Zee; Haaren -> its four
    successors, ambiguous), then woonplaatsen (Sneek -> Súdwest-Fryslân). None when the
    name is neither.
    """
    wanted = search_key(query)
    if not wanted:
        return None
    names = dict(gemeenten)
    for kind, pairs in (("voormalige gemeente", former), ("woonplaats", places)):
        hits = [(c, name) for c, name in pairs if search_key(name) == wanted and c in names]
        codes = sorted({c for c, _ in hits})
        place = hits[0][1] if hits else ""  # as the data spells it, not as typed
        if len(codes) == 1:
            return Match(codes[0], via=(place, kind))
        if codes:
            suggestions = tuple(sorted(((c, names[c]) for c in codes), key=lambda p: p[1]))
            return Match(None, suggestions, ambiguous=True, via=(place, kind))
    return None


def find(query: str, gemeenten: Iterable[tuple[str, str]]) -> Match:
    """Find one municipality among (code, name) pairs.

    Returns Match(code=...) on a unique hit; otherwise code=None with suggestions
    (ambiguous=True when several municipalities fit the query equally well).
    """
    pairs = list(gemeenten)
    by_code = {code: name for code, name in pairs}
    code = normalise_code(query)
    if code:
        return Match(code) if code in by_code else Match(None, _closest(query, pairs))

    wanted = normalise(query)
    if not wanted:
        return Match(None)
    alias = ALIASES.get(wanted)
    keys = {search_key(name): c for c, name in pairs}
    if alias and search_key(alias) in keys:
        return Match(keys[search_key(alias)])
    compact = wanted.replace(" ", "")
    if compact in keys:
        return Match(keys[compact])

    # A prefix or word match that is unique ("sudwest" -> Súdwest-Fryslân).
    hits = [(c, n) for c, n in pairs if search_key(n).startswith(compact)]
    if not hits:
        hits = [(c, n) for c, n in pairs if compact in search_key(n)]
    if len(hits) == 1:
        return Match(hits[0][0])
    if hits:
        return Match(None, tuple(sorted(hits, key=lambda p: p[1]))[:8], ambiguous=True)
    return Match(None, _closest(query, pairs))


def _closest(query: str, pairs: list[tuple[str, str]], n: int = 3) -> tuple[tuple[str, str], ...]:
    keyed = {search_key(name): (code, name) for code, name in pairs}
    for alias, target in ALIASES.items():
        for code, name in pairs:
            if name == target:
                keyed.setdefault(alias.replace(" ", ""), (code, name))
    found = difflib.get_close_matches(search_key(query), list(keyed), n=n * 2, cutoff=0.6)
    result: list[tuple[str, str]] = []
    for key in found:
        if keyed[key] not in result:
            result.append(keyed[key])
    return tuple(result[:n])
