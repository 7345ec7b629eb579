"""The rater groups every scan starts with: the secretary's working environment.

A scan copies these into its own RaterGroup rows; there they can be renamed, switched off,
or joined by groups of the scan's own. `aliases` are the other words people type for a group
in a nomination list ("MT", "OR", "griffie"); `match_group` uses them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class PresetGroup:
    key: str
    name: str
    single_person: bool = False
    is_self: bool = False
    aliases: tuple[str, ...] = ()


PRESETS: tuple[PresetGroup, ...] = (
    PresetGroup("zelf", "Zelf", single_person=True, is_self=True, aliases=("zelfbeoordeling",)),
    PresetGroup("burgemeester", "Burgemeester", single_person=True, aliases=("bm",)),
    PresetGroup("wethouders", "Wethouders", aliases=("wethouder", "college", "collegeleden")),
    PresetGroup("griffier", "Griffier", single_person=True, aliases=("griffie",)),
    PresetGroup(
        "raad",
        "Raad (fractievoorzitters)",
        aliases=(
            "raad",
            "gemeenteraad",
            "raadslid",
            "raadsleden",
            "fractievoorzitter",
            "fractievoorzitters",
        ),
    ),
    PresetGroup(
        "directie",
        "Directie/MT",
        aliases=("directie", "mt", "management", "managementteam", "directeur", "directeuren"),
    ),
    PresetGroup("medewerkers", "Medewerkers", aliases=("medewerker", "collega", "collega's")),
    PresetGroup("ondernemingsraad", "Ondernemingsraad", aliases=("or",)),
    PresetGroup(
        "extern",
        "Externe partners (regio, ketenpartners)",
        aliases=(
            "extern",
            "externen",
            "externe partner",
            "externe partners",
            "partner",
            "partners",
            "regio",
            "ketenpartner",
            "ketenpartners",
        ),
    ),
)

BY_KEY: dict[str, PresetGroup] = {g.key: g for g in PRESETS}

# Labels the report uses itself (report_model.RESERVED_NAMES); no other group may take them.
RESERVED_NAMES = ("Zelf", "Alle anderen", "Overige beoordelaars")


# Letters that look like Latin ones (Cyrillic, Greek, digits), after NFKC and case folding
# have removed full-width, ligature and case variants. A short hand-made list in the spirit
# of the Unicode confusables skeleton (UTS #39), for the few names we reserve.
_LOOK_ALIKES = str.maketrans(
    {
        **dict(zip("аеорсухіјѕԁһӏкмнтвԛԝ", "aeopcyxijsdhlkmhtbqw", strict=True)),
        **dict(zip("αεζηικνορτυχβ", "aezniknoptuxb", strict=True)),
        "0": "o",
        "1": "l",
        "|": "l",
    }
)


def skeleton(text: str) -> str:
    """What a name looks like: NFKC, case folded, look-alike letters made Latin, then
    `normalise`; 'i' and 'l', and 'rn' and 'm', count as the same."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LOOK_ALIKES)
    return normalise(folded).replace(" ", "").replace("i", "l").replace("rn", "m")


def is_reserved(name: str) -> bool:
    """True for a report label, also written with look-alike letters ('Ζеlf', 'ZELF')."""
    return skeleton(name) in {skeleton(n) for n in RESERVED_NAMES}


def normalise(text: str) -> str:
    """Lower case, no accents, only letters and digits separated by single spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@dataclass(frozen=True)
class GroupChoice:
    """One group a nomination line may name."""

    key: str
    name: str
    words: frozenset[str]  # normalised name, key and aliases


def choice_for(key: str, name: str) -> GroupChoice:
    preset = BY_KEY.get(key)
    words = {normalise(name), normalise(key)}
    if preset:
        words |= {normalise(preset.name), *(normalise(a) for a in preset.aliases)}
    return GroupChoice(key, name, frozenset(w for w in words if w))


def match_group(text: str, choices: list[GroupChoice]) -> GroupChoice | None:
    """The group `text` names (by name, key or alias; spaces do not count), or None."""
    wanted = normalise(text).replace(" ", "")
    return next((c for c in choices if any(wanted == w.replace(" ", "") for w in c.words)), None)


def closest_group(text: str, choices: list[GroupChoice]) -> GroupChoice | None:
    """The group whose name, key or alias looks most like `text` (for "Bedoelt u ...?")."""
    by_word = {word: choice for choice in choices for word in choice.words}
    close = difflib.get_close_matches(normalise(text), list(by_word), n=1, cutoff=0.6)
    return by_word[close[0]] if close else None
