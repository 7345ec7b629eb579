"""The competency model of the gemeentesecretaris / algemeen directeur, from the general profile.

Pure Python, no Django. One model runs through the whole product: the profielschets picks
situational competencies from it, selection scorecards score candidates on its indicators and
the ontwikkelscan measures the secretary in office on the same indicators.

The model is versioned so that old documents stay reproducible. A published version is never
edited in place: a change (a better indicator, a typo) becomes a new version added to
``MODELS`` next to the old one, and ``CURRENT_VERSION`` moves to it. A test pins the
fingerprint of every published version, so an accidental edit fails the test suite.

Texts of roles, tasks and competencies follow the seed profile word for word; only obvious
typos were fixed (a stray footnote number, "Daarrnaast", "financiele", "en /of", and one task
the seed split over two bullets). The gedragsindicatoren (observable behaviour, scored 1–5 by
people who work with the secretary) are ours, in plain Dutch at B1 level.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Literal

Kind = Literal["kern", "situatie"]


@dataclass(frozen=True)
class Indicator:
    """One observable behaviour, e.g. Indicator("BPS-1", "Signaleert ...")."""

    code: str
    text: str


@dataclass(frozen=True)
class Competency:
    key: str  # stable slug, used in stored profiles, scorecards and scans
    name: str
    definition: str
    kind: Kind
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Role:
    title: str
    text: str


@dataclass(frozen=True)
class TaskGroup:
    title: str
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class CompetencyModel:
    version: str
    roles: tuple[Role, ...]
    task_groups: tuple[TaskGroup, ...]
    core: tuple[Competency, ...]
    situational: tuple[Competency, ...]
    scan_note: str
    tasks_intro: str = ""
    core_intro: str = ""
    situational_intro: str = ""

    def all(self) -> tuple[Competency, ...]:
        """Core competencies first, then the situational ones, in the seed's order."""
        return self.core + self.situational

    def get(self, key: str) -> Competency:
        for competency in self.all():
            if competency.key == key:
                return competency
        raise KeyError(f"De competentie '{key}' bestaat niet in competentiemodel {self.version}.")

    def indicator(self, code: str) -> Indicator:
        for competency in self.all():
            for indicator in competency.indicators:
                if indicator.code == code:
                    return indicator
        raise KeyError(
            f"De gedragsindicator '{code}' bestaat niet in competentiemodel {self.version}."
        )

    def fingerprint(self) -> str:
        """SHA-256 over the whole content; changes whenever any text of the model changes."""
        content = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _competency(
    key: str, name: str, definition: str, kind: Kind, prefix: str, *texts: str
) -> Competency:
    indicators = tuple(Indicator(f"{prefix}-{n}", text) for n, text in enumerate(texts, start=1))
    return Competency(key, name, definition, kind, indicators)


# --- Version 2026.1 -------------------------------------------------------------------------
# Published. Do not edit: add a new version below it instead (see the module docstring).

_ROLES_2026_1 = (
    Role(
        "Algemeen directeur",
        "Als gemeentesecretaris ben je de algemeen directeur van de organisatie. Je leidt de "
        "gemeentelijke organisatie. Je inspireert de directie en/of het management. Je vertaalt "
        "ambtelijke ambities in hoogwaardige plannen en brengt die tot uitvoering. Je bent "
        "werkgever en zorgt dat je medewerkers optimaal presteren. Je bent verantwoordelijk voor "
        "een optimale, gezonde bedrijfsvoering, financiële en maatschappelijke resultaten.",
    ),
    Role(
        "Strategisch adviseur",
        "Je bent strategisch adviseur van het college van burgemeester en wethouders. Je "
        "vertaalt de ambities van de politiek en bestuur in hoogwaardige en uitvoerbare plannen. "
        "Je bent de schakel tussen de (politieke bestuurlijke) omgeving (samenleving, "
        "gemeenteraad, college en burgemeester) en de gemeentelijke organisatie.",
    ),
    Role(
        "Dienstverlener",
        "Je bent dienstverlener. Je bent verantwoordelijk voor een moderne en klantgerichte "
        "dienstverlening van je organisatie. Je boort de kracht van de samenleving aan om in "
        "samenwerking plannen te realiseren.",
    ),
)

_TASK_GROUPS_2026_1 = (
    TaskGroup(
        "Als algemeen directeur",
        (
            "eindverantwoordelijk leidinggevende van de ambtelijke organisatie",
            "eindverantwoordelijk voor de kwaliteit van de integrale beleidsadvisering aan het "
            "bestuur",
            "eindverantwoordelijk voor de realisering van de bestuurlijke beleidsdoelen en de "
            "uitvoering van de vastgestelde plannen",
            "eindverantwoordelijk voor het in gang zetten of verdere ontwikkeling van de "
            "organisatie",
        ),
    ),
    TaskGroup(
        "Algemeen",
        (
            "leidt het directie/managementoverleg en heeft oog voor een evenwichtige agendering "
            "van relevante strategische en going concernonderwerpen",
            "neemt deel aan het driehoeksoverleg met burgemeester en griffier; bevordert en "
            "draagt bij aan de samenwerking tussen raad en college en griffie en ambtelijke "
            "organisatie",
            "(formeel) bestuurder in de zin van de WOR en bevordert het formele en informele "
            "overleg",
            "bespreekt en ontwikkelt desgewenst de samenwerking met omliggende gemeenten",
            "is als secretaris lid van het beleidsteam en verantwoordelijk voor het "
            "crisismanagement in de gemeente",
            "bewaakt en stimuleert effectieve en efficiënte dienstverlening van de organisatie "
            "aan burgers, instellingen en bedrijven",
        ),
    ),
    TaskGroup(
        "Als adviseur van het college",
        (
            "eerste adviseur van het college",
            "deelnemer aan de beraadslagingen en bewaker van de voorbereiding, uitvoerbaarheid "
            "en consistentie van de collegebesluiten",
            "vertaler van de bestuursbesluiten naar de ambtelijke organisatie en bewaker van de "
            "voortgang",
            "integere en betrouwbare sparringpartner voor het college als totaliteit en de "
            "individuele collegeleden",
        ),
    ),
)

_CORE_2026_1 = (
    _competency(
        "bestuurlijke-politieke-sensitiviteit",
        "Bestuurlijke & politieke sensitiviteit",
        "eigen activiteiten afstemmen op politieke en bestuurlijke ontwikkelingen, posities, "
        "belangen, beleid en gevoeligheden.",
        "kern",
        "BPS",
        "Signaleert de politieke gevoeligheid van een dossier voordat het college erover besluit.",
        "Houdt in een advies aan het college rekening met de standpunten van de fracties in de "
        "raad.",
        "Stemt met de griffier af wanneer een onderwerp de verhouding tussen raad en college "
        "raakt.",
        "Kiest het moment van een voorstel met oog voor wat er in de raad speelt.",
        "Geeft alle collegeleden dezelfde informatie, ook als zij het politiek met elkaar oneens "
        "zijn.",
        "Legt in het MT uit welke bestuurlijke belangen meespelen bij een besluit.",
    ),
    _competency(
        "communicatieve-vaardigheid",
        "Communicatieve vaardigheid",
        "maakt boodschap in correcte en begrijpelijke taal voor anderen duidelijk. Haalt "
        "relevante informatie uit boodschappen van anderen.",
        "kern",
        "COM",
        "Legt een ingewikkeld onderwerp uit in korte, begrijpelijke zinnen.",
        "Schrijft collegeadviezen waarin meteen duidelijk is welke keuze het college moet maken.",
        "Vat in een overleg samen wat een ander heeft gezegd, om te controleren of het goed "
        "begrepen is.",
        "Stelt vragen om te begrijpen wat een wethouder of medewerker precies bedoelt.",
        "Legt medewerkers in eigen woorden uit waarom het college een besluit heeft genomen.",
        "Stemt de manier van praten af op de groep, zoals de OR, de raad of inwoners.",
    ),
    _competency(
        "participatieve-besluitvaardigheid",
        "(Participatieve) besluitvaardigheid",
        "beleidskeuzes of richtlijnen beïnvloeden of omzetten in (concrete handvatten) voor het "
        "handelen, zodanig dat hiermee belangrijke doelstellingen worden gehaald.",
        "kern",
        "BES",
        "Vertaalt een collegebesluit naar concrete opdrachten met een eigenaar en een termijn.",
        "Vraagt het MT om inbreng voordat een besluit over de organisatie valt.",
        "Betrekt de OR op tijd bij besluiten waarover de OR advies of instemming mag geven.",
        "Neemt een besluit wanneer dat nodig is, ook als nog niet alle informatie er is.",
        "Sluit een overleg af met een duidelijk besluit.",
        "Blijft bij een genomen besluit als de weerstand ertegen geen nieuwe argumenten oplevert.",
    ),
    _competency(
        "probleemoplossend-vermogen",
        "Probleemoplossend vermogen",
        "komen met oplossingen voor vraagstukken, situaties e.d.; deze ontrafelen en doordringen "
        "tot de kern.",
        "kern",
        "PRO",
        "Benoemt bij een ingewikkeld vraagstuk eerst wat het eigenlijke probleem is.",
        "Zoekt bij een probleem dat steeds terugkomt naar de oorzaak in de organisatie.",
        "Legt het college bij een lastig probleem meer dan één uitvoerbare oplossing voor.",
        "Brengt de afdelingen bij elkaar wanneer een probleem meer dan één afdeling raakt.",
        "Controleert of een oplossing uitvoerbaar is voordat die naar het college gaat.",
        "Komt bij een crisis in de gemeente snel met een werkbare eerste aanpak.",
    ),
    _competency(
        "persoonlijk-optreden",
        "Persoonlijk optreden",
        "zelfbewust eigen opvattingen uitdragen en verantwoordelijkheid nemen voor eigen gedrag "
        "en resultaat.",
        "kern",
        "PER",
        "Geeft het college een eigen advies, ook als het college dat niet graag hoort.",
        "Neemt zichtbaar verantwoordelijkheid wanneer er in de organisatie iets misgaat.",
        "Spreekt een collegelid aan dat de grens tussen bestuur en ambtelijke organisatie "
        "overschrijdt.",
        "Komt toezeggingen aan het college, de griffier of de OR na.",
        "Verdedigt een eigen standpunt met argumenten wanneer anderen het er niet mee eens zijn.",
        "Blijft rustig in een spannende situatie, zoals een crisis of een fel raadsdebat.",
    ),
    _competency(
        "zelfreflectie",
        "Zelfreflectie",
        "eigen aandeel in situaties, processen en omstandigheden kritisch onderzoeken en op basis "
        "daarvan bijsturen.",
        "kern",
        "ZEL",
        "Vraagt anderen, zoals collegeleden of MT-leden, om feedback op het eigen optreden.",
        "Benoemt na een project dat mislukte wat de eigen rol daarin was.",
        "Verandert de eigen aanpak na terechte kritiek.",
        "Geeft een eigen fout toe in het bijzijn van anderen, zoals in het MT.",
        "Luistert naar kritiek op het eigen werk zonder meteen in de verdediging te gaan.",
    ),
)

_SITUATIONAL_2026_1 = (
    _competency(
        "adviesvaardigheid",
        "Adviesvaardigheid",
        "klanten met raad en daad terzijde staan om hun vragen/problemen tot een oplossing te "
        "brengen.",
        "situatie",
        "ADV",
        "Vraagt bij een verzoek van een wethouder eerst door naar wat die wil bereiken.",
        "Noemt in een advies aan het college de voor- en nadelen van elke keuze.",
        "Geeft ongevraagd advies wanneer een voorgenomen besluit risico's heeft voor de gemeente.",
        "Helpt een wethouder een lastig raadsdebat voor te bereiden.",
        "Geeft advies op tijd, zodat het college het kan gebruiken bij het besluit.",
        "Controleert na een advies of het probleem van de vrager is opgelost.",
    ),
    _competency(
        "plannen-en-organiseren",
        "Plannen en organiseren",
        "bepalen van doelen, prioriteiten, activiteiten; verwerven en inzetten van middelen; "
        "afstemmen van werkzaamheden.",
        "situatie",
        "PLA",
        "Zet de ambities uit het collegeprogramma om in een planning met prioriteiten.",
        "Laat bij een nieuw voorstel zien hoeveel menskracht de uitvoering vraagt.",
        "Verdeelt het budget van de organisatie volgens de prioriteiten van het college.",
        "Zorgt dat afdelingen de planning van gezamenlijke projecten op elkaar afstemmen.",
        "Bespreekt in het MT regelmatig de voortgang van de belangrijkste projecten.",
        "Meldt het college op tijd wanneer de uitvoering van een besluit vertraging oploopt.",
    ),
    _competency(
        "resultaatgerichtheid",
        "Resultaatgerichtheid",
        "doelen stellen en behalen.",
        "situatie",
        "RES",
        "Spreekt met elk MT-lid meetbare doelen af.",
        "Laat het college met cijfers zien welke doelen gehaald zijn.",
        "Spreekt een leidinggevende aan wanneer een afgesproken resultaat uitblijft.",
        "Grijpt in wanneer een afdeling boven de begroting dreigt uit te komen.",
        "Stelt meetbare normen voor de dienstverlening, zoals hoe snel een aanvraag wordt "
        "afgehandeld.",
    ),
    _competency(
        "coaching-ontwikkelingsgerichtheid",
        "Coaching/ontwikkelingsgerichtheid",
        "ontwikkelbehoeften onderkennen en uitvoering van ontwikkelactiviteiten stimuleren.",
        "situatie",
        "COA",
        "Voert met elk MT-lid een gesprek over diens ontwikkeling.",
        "Geeft leidinggevenden concrete feedback na een overleg of presentatie.",
        "Geeft medewerkers ruimte om een nieuwe taak te leren, ook als dat eerst langzamer gaat.",
        "Zorgt dat er budget is voor opleiding van medewerkers.",
        "Wijst medewerkers met talent op een volgende stap in hun loopbaan.",
        "Bespreekt het opleidingsplan van de organisatie met de OR.",
    ),
    _competency(
        "samenwerken",
        "Samenwerken",
        "gemeenschappelijke doelen kennen, herkennen en begrijpen en deze samen met anderen "
        "verwezenlijken.",
        "situatie",
        "SAM",
        "Maakt in het driehoeksoverleg concrete afspraken met burgemeester en griffier.",
        "Deelt informatie die de raad nodig heeft op tijd met de griffie.",
        "Maakt MT-leden samen verantwoordelijk voor doelen die meerdere afdelingen raken.",
        "Overlegt met de OR ook buiten de formele vergaderingen.",
        "Zoekt samenwerking met buurgemeenten voor taken die de gemeente alleen niet goed kan "
        "doen.",
        "Komt afspraken na die in een regionaal samenwerkingsverband zijn gemaakt.",
    ),
    _competency(
        "visie",
        "Visie",
        "lange termijn beleid formuleren, uitzetten, uitdragen en uitvoeren.",
        "situatie",
        "VIS",
        "Beschrijft hoe de ambtelijke organisatie er over vijf tot tien jaar uitziet.",
        "Bespreekt met het college wat landelijke ontwikkelingen op lange termijn betekenen "
        "voor de gemeente.",
        "Zet een visie voor de lange termijn om in een meerjarenplan met concrete stappen.",
        "Legt bij een besluit uit hoe het bijdraagt aan de koers voor de lange termijn.",
        "Legt medewerkers uit waar de organisatie de komende jaren naartoe gaat.",
        "Zet in het MT naast de dagelijkse zaken ook onderwerpen voor de lange termijn op de "
        "agenda.",
    ),
    _competency(
        "netwerkvaardigheid",
        "Netwerkvaardigheid",
        "ontwikkelen en onderhouden van relaties, allianties en coalities; deze benutten voor "
        "het verkrijgen van informatie, steun en medewerking om doelen te realiseren.",
        "situatie",
        "NET",
        "Heeft regelmatig contact met de gemeentesecretarissen van de buurgemeenten.",
        "Kent de bestuurders van belangrijke partners persoonlijk, zoals de woningcorporatie.",
        "Weet via het eigen netwerk op tijd wat er bij provincie en Rijk speelt.",
        "Gebruikt het eigen netwerk om steun te krijgen voor een plan van de gemeente.",
        "Brengt een wethouder in contact met iemand uit het eigen netwerk als dat de gemeente "
        "helpt.",
        "Zoekt nieuwe contacten wanneer de gemeente een nieuw vraagstuk oppakt.",
    ),
    _competency(
        "complexe-organisatieontwikkeling",
        "Complexe organisatie ontwikkelingsprocessen in dynamische omgeving",
        "Overzicht houden in complexe en strategisch belangrijke processen waarbij veel actoren "
        "zijn betrokken en veelal tegenstrijdige belangen in het geding zijn "
        "(procesarchitectuur, kikkers in de kruiwagen houden, veel actoren).",
        "situatie",
        "ORG",
        "Maakt voor een groot veranderproces een plan van aanpak met duidelijke stappen.",
        "Brengt bij een groot veranderproces in kaart welke partijen welke belangen hebben.",
        "Houdt partijen met tegenstrijdige belangen aan tafel tot er een besluit is.",
        "Betrekt de OR bij een reorganisatie al voordat er een adviesaanvraag ligt.",
        "Past de aanpak van een veranderproces aan wanneer de omgeving verandert, bijvoorbeeld "
        "na verkiezingen.",
        "Zorgt dat de dienstverlening aan inwoners op peil blijft tijdens een reorganisatie.",
    ),
)

MODEL_2026_1 = CompetencyModel(
    version="2026.1",
    roles=_ROLES_2026_1,
    task_groups=_TASK_GROUPS_2026_1,
    core=_CORE_2026_1,
    situational=_SITUATIONAL_2026_1,
    scan_note=(
        "Om zicht te krijgen op de eigen competenties is een specifiek voor de "
        "gemeentesecretaris/algemeen directeur ontwikkelde ontwikkelscan beschikbaar."
    ),
    tasks_intro="Elke gemeentesecretaris/algemeen directeur vervult een aantal basistaken:",
    core_intro=(
        "Om de functie te kunnen vervullen moet je beschikken over de volgende kerncompetenties:"
    ),
    situational_intro=(
        "Daarnaast zijn afhankelijk van de couleur locale van de gemeente een of meer van de "
        "volgende situatiegebonden competenties relevant:"
    ),
)

# --- Registry -------------------------------------------------------------------------------

CURRENT_VERSION = "2026.1"

MODELS: dict[str, CompetencyModel] = {MODEL_2026_1.version: MODEL_2026_1}


def get_model(version: str | None = None) -> CompetencyModel:
    """The competency model of `version`; the current one when no version is given."""
    wanted = CURRENT_VERSION if version is None else version
    try:
        return MODELS[wanted]
    except KeyError:
        known = ", ".join(sorted(MODELS))
        raise ValueError(
            f"Het competentiemodel met versie '{wanted}' bestaat niet. Beschikbaar: {known}."
        ) from None
