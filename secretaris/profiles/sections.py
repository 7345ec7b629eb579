"""The editable text sections of a profielschets, in the order of the seed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    help: str


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("inleiding", "Inleiding", "Waarom deze vacature, en wat voor gemeente zoekt wie?"),
    SectionSpec("functie", "De functie", "Aanvulling op de basistaken uit het algemene profiel."),
    SectionSpec("kerncompetenties", "Kerncompetenties", "Toelichting op de zes kerncompetenties."),
    SectionSpec(
        "situatie",
        "Situatiegebonden competenties",
        "Waarom juist deze competenties in deze gemeente?",
    ),
    SectionSpec("gemeente", "De gemeente", "Karakter, kernen, geschiedenis, vraagstukken."),
    SectionSpec("bestuur", "Het bestuur", "Raad, college, coalitie en bestuurscultuur."),
    SectionSpec("organisatie", "De organisatie", "Missie, sturing, veranderopgave en de OR."),
    SectionSpec("procedure", "De procedure", "Planning, selectiecommissie en contactpersoon."),
)

SECTION_KEYS = tuple(s.key for s in SECTIONS)
SECTION_TITLES = {s.key: s.title for s in SECTIONS}
