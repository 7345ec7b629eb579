"""What a situational competency looks like in practice, by the size of the municipality.

The gedragsindicatoren in model.py are the same everywhere (they are scored in the scan and
in selection). A candidate also wants to picture the job: in an island of a thousand
inhabitants the secretary does other things than in a city of several hundred thousand.
One concrete example per competency and size class, in B1 Dutch with "je".
"""

from __future__ import annotations

from typing import Literal

Size = Literal["klein", "middel", "groot"]

#: Below this many inhabitants: small; from LARGE on: large (as in couleur.py).
SMALL = 25_000
LARGE = 100_000

EXAMPLES: dict[str, dict[Size, str]] = {
    "adviesvaardigheid": {
        "klein": "Je schuift aan bij het college en geeft ter plekke advies, vaak zonder "
        "uitgebreide nota's vooraf.",
        "middel": "Je zorgt dat adviezen aan het college op tijd, helder en afgestemd zijn, "
        "en je geeft zelf advies bij gevoelige onderwerpen.",
        "groot": "Je zorgt dat de directie het college eenduidig adviseert, en je adviseert "
        "zelf bij de grote, politiek gevoelige dossiers.",
    },
    "plannen-en-organiseren": {
        "klein": "Met een klein team pak je veel taken op; je kiest samen met het college "
        "wat eerst moet.",
        "middel": "Je maakt met de managers een jaarplanning en bewaakt dat projecten op tijd "
        "en binnen budget af zijn.",
        "groot": "Je stuurt op een programma van grote projecten en zorgt dat de organisatie "
        "mensen en geld op de juiste plek inzet.",
    },
    "resultaatgerichtheid": {
        "klein": "Je zorgt dat afspraken met inwoners worden nagekomen, ook als er maar één "
        "collega is die het kan doen.",
        "middel": "Je spreekt teams aan op de doelen en maakt zichtbaar wat de organisatie "
        "bereikt.",
        "groot": "Je stuurt met de directie op een beperkt aantal heldere doelen en rapporteert "
        "daarover aan college en raad.",
    },
    "coaching-ontwikkelingsgerichtheid": {
        "klein": "Je kent de medewerkers bij naam en helpt hen om breder inzetbaar te worden.",
        "middel": "Je coacht de managers en zorgt dat er tijd en geld is voor opleiding en "
        "ontwikkeling.",
        "groot": "Je ontwikkelt het directieteam en zorgt voor een organisatie waarin talent "
        "kan groeien.",
    },
    "samenwerken": {
        "klein": "Je werkt nauw samen met buurgemeenten, omdat je veel taken niet alleen kunt "
        "doen.",
        "middel": "Je zorgt dat afdelingen samenwerken aan opgaven die over grenzen van teams "
        "heen gaan.",
        "groot": "Je verbindt directies en partners in de stad rond gezamenlijke opgaven.",
    },
    "visie": {
        "klein": "Je helpt het bestuur kiezen hoe de gemeente er over tien jaar uitziet, en "
        "wat je zelf doet of samen met anderen.",
        "middel": "Je vertaalt de ambities van het bestuur naar een koers voor de organisatie "
        "voor de komende jaren.",
        "groot": "Je ontwikkelt met het bestuur een langetermijnkoers voor de stad en de "
        "organisatie, en draagt die uit.",
    },
    "netwerkvaardigheid": {
        "klein": "Je kent de mensen in de dorpen, bij de buurgemeenten en bij de provincie, "
        "en weet wie je moet bellen.",
        "middel": "Je bouwt een netwerk in de regio op en gebruikt het om zaken voor de "
        "gemeente voor elkaar te krijgen.",
        "groot": "Je onderhoudt contacten met het Rijk, de provincie, de regio en grote "
        "partners in de stad.",
    },
    "complexe-organisatieontwikkeling": {
        "klein": "Je leidt veranderingen in een kleine organisatie, waar iedereen elkaar kent "
        "en elke verandering voelbaar is.",
        "middel": "Je leidt een veranderproces met meerdere afdelingen en houdt bestuur, OR en "
        "medewerkers erbij betrokken.",
        "groot": "Je leidt veranderingen in een grote organisatie met veel onderdelen, "
        "belangen en betrokken partijen.",
    },
}


def size_class(inhabitants: int | None) -> Size:
    if inhabitants is None:
        return "middel"
    if inhabitants < SMALL:
        return "klein"
    return "groot" if inhabitants >= LARGE else "middel"


def example(competency: str, inhabitants: int | None) -> str:
    """One example for a situational competency; "" for a core competency."""
    return EXAMPLES.get(competency, {}).get(size_class(inhabitants), "")
