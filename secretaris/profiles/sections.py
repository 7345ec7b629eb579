"""The editable text sections of a profielschets, in the order of the document.

The order follows the agencies' practice (docs: profielschets-practice.md): why the vacancy
and whom we look for, then the municipality, bestuur, cooperation, opgaven, finances and the
organisation, then the role and the competencies, then what is offered and the procedure.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    help: str


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "waarom",
        "Waarom deze vacature",
        "Vooringevuld. Vul de aanleiding aan, bijvoorbeeld: de huidige secretaris gaat met "
        "pensioen.",
    ),
    SectionSpec("wie", "Wie zoeken wij", "Vooringevuld uit de gekozen competenties."),
    SectionSpec("gemeente", "De gemeente", "Karakter, kernen, geschiedenis, economie."),
    SectionSpec("bestuur", "Het bestuur", "Raad, college, coalitie en bestuurscultuur."),
    SectionSpec("opgaven", "Opgaven en ambities", "De grote opgaven van de gemeente."),
    SectionSpec("financien", "Financiën", "Hoe staat de gemeente er financieel voor?"),
    SectionSpec("organisatie", "De organisatie", "Missie, sturing, veranderopgave en de OR."),
    SectionSpec("functie", "De functie", "Aanvulling op de basistaken uit het algemene profiel."),
    SectionSpec("kerncompetenties", "Kerncompetenties", "Toelichting op de zes kerncompetenties."),
    SectionSpec(
        "situatie",
        "Situatiegebonden competenties",
        "Waarom juist deze competenties in deze gemeente?",
    ),
    SectionSpec("aanbod", "Wat bieden wij", "Aanvulling op salaris, IKB en WNT."),
    SectionSpec("procedure", "De procedure", "Aanvulling op de stappen en data."),
)

SECTION_KEYS = tuple(s.key for s in SECTIONS)
SECTION_TITLES = {s.key: s.title for s in SECTIONS}


def text(texts: dict[str, str], key: str) -> str:
    """The user's text of a section; profiles made before 'waarom' existed had 'inleiding'."""
    if key == "waarom" and "waarom" not in texts:
        return texts.get("inleiding", "") or ""
    return texts.get(key, "") or ""
