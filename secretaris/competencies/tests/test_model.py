"""The competency model holds the seed profile faithfully, with good indicators."""

import re

import pytest

from secretaris.competencies.model import CURRENT_VERSION, MODELS, get_model

# The seed's texts, copied here on purpose: the model must not drift from them.
SEED_CORE = [
    (
        "Bestuurlijke & politieke sensitiviteit",
        "eigen activiteiten afstemmen op politieke en bestuurlijke ontwikkelingen, posities, "
        "belangen, beleid en gevoeligheden.",
    ),
    (
        "Communicatieve vaardigheid",
        "maakt boodschap in correcte en begrijpelijke taal voor anderen duidelijk. Haalt "
        "relevante informatie uit boodschappen van anderen.",
    ),
    (
        "(Participatieve) besluitvaardigheid",
        "beleidskeuzes of richtlijnen beïnvloeden of omzetten in (concrete handvatten) voor het "
        "handelen, zodanig dat hiermee belangrijke doelstellingen worden gehaald.",
    ),
    (
        "Probleemoplossend vermogen",
        "komen met oplossingen voor vraagstukken, situaties e.d.; deze ontrafelen en doordringen "
        "tot de kern.",
    ),
    (
        "Persoonlijk optreden",
        "zelfbewust eigen opvattingen uitdragen en verantwoordelijkheid nemen voor eigen gedrag "
        "en resultaat.",
    ),
    (
        "Zelfreflectie",
        "eigen aandeel in situaties, processen en omstandigheden kritisch onderzoeken en op basis "
        "daarvan bijsturen.",
    ),
]

SEED_SITUATIONAL = [
    (
        "Adviesvaardigheid",
        "klanten met raad en daad terzijde staan om hun vragen/problemen tot een oplossing te "
        "brengen.",
    ),
    (
        "Plannen en organiseren",
        "bepalen van doelen, prioriteiten, activiteiten; verwerven en inzetten van middelen; "
        "afstemmen van werkzaamheden.",
    ),
    ("Resultaatgerichtheid", "doelen stellen en behalen."),
    (
        "Coaching/ontwikkelingsgerichtheid",
        "ontwikkelbehoeften onderkennen en uitvoering van ontwikkelactiviteiten stimuleren.",
    ),
    (
        "Samenwerken",
        "gemeenschappelijke doelen kennen, herkennen en begrijpen en deze samen met anderen "
        "verwezenlijken.",
    ),
    ("Visie", "lange termijn beleid formuleren, uitzetten, uitdragen en uitvoeren."),
    (
        "Netwerkvaardigheid",
        "ontwikkelen en onderhouden van relaties, allianties en coalities; deze benutten voor "
        "het verkrijgen van informatie, steun en medewerking om doelen te realiseren.",
    ),
    (
        "Complexe organisatie ontwikkelingsprocessen in dynamische omgeving",
        "Overzicht houden in complexe en strategisch belangrijke processen waarbij veel actoren "
        "zijn betrokken en veelal tegenstrijdige belangen in het geding zijn "
        "(procesarchitectuur, kikkers in de kruiwagen houden, veel actoren).",
    ),
]

SEED_TASKS = {
    "Als algemeen directeur": [
        "eindverantwoordelijk leidinggevende van de ambtelijke organisatie",
        "eindverantwoordelijk voor de kwaliteit van de integrale beleidsadvisering aan het bestuur",
        "eindverantwoordelijk voor de realisering van de bestuurlijke beleidsdoelen en de "
        "uitvoering van de vastgestelde plannen",
        "eindverantwoordelijk voor het in gang zetten of verdere ontwikkeling van de organisatie",
    ],
    "Algemeen": [
        "leidt het directie/managementoverleg en heeft oog voor een evenwichtige agendering van "
        "relevante strategische en going concernonderwerpen",
        "neemt deel aan het driehoeksoverleg met burgemeester en griffier; bevordert en draagt "
        "bij aan de samenwerking tussen raad en college en griffie en ambtelijke organisatie",
        "(formeel) bestuurder in de zin van de WOR en bevordert het formele en informele overleg",
        "bespreekt en ontwikkelt desgewenst de samenwerking met omliggende gemeenten",
        "is als secretaris lid van het beleidsteam en verantwoordelijk voor het crisismanagement "
        "in de gemeente",
        "bewaakt en stimuleert effectieve en efficiënte dienstverlening van de organisatie aan "
        "burgers, instellingen en bedrijven",
    ],
    "Als adviseur van het college": [
        "eerste adviseur van het college",
        "deelnemer aan de beraadslagingen en bewaker van de voorbereiding, uitvoerbaarheid en "
        "consistentie van de collegebesluiten",
        "vertaler van de bestuursbesluiten naar de ambtelijke organisatie en bewaker van de "
        "voortgang",
        "integere en betrouwbare sparringpartner voor het college als totaliteit en de "
        "individuele collegeleden",
    ],
}

# Pinned content of every published version. A failure here means a published model was
# edited: add a new version to MODELS instead (see secretaris/competencies/model.py).
FINGERPRINTS = {
    "2026.1": "85b341f8a93761bb70adb5f01be9fefbd92992d55896c4085c658a9dc685f477",
}

MODEL = get_model("2026.1")
ALL = MODEL.all()


def test_it_has_the_seeds_six_core_competencies_with_their_definitions():
    assert [(c.name, c.definition) for c in MODEL.core] == SEED_CORE
    assert {c.kind for c in MODEL.core} == {"kern"}


def test_it_has_the_seeds_eight_situational_competencies_with_their_definitions():
    assert [(c.name, c.definition) for c in MODEL.situational] == SEED_SITUATIONAL
    assert {c.kind for c in MODEL.situational} == {"situatie"}


def test_it_has_every_basic_task_of_the_seed_in_its_group():
    assert {g.title: list(g.tasks) for g in MODEL.task_groups} == SEED_TASKS


def test_it_joins_the_task_the_seed_split_over_two_bullets():
    tasks = [t for g in MODEL.task_groups for t in g.tasks]
    assert not any(t.startswith("en consistentie") for t in tasks)
    assert not any(t.endswith("10") for t in tasks)


def test_it_has_the_three_roles_of_the_seed():
    roles = {r.title: r.text for r in MODEL.roles}
    assert list(roles) == ["Algemeen directeur", "Strategisch adviseur", "Dienstverlener"]
    assert roles["Algemeen directeur"].startswith(
        "Als gemeentesecretaris ben je de algemeen directeur van de organisatie."
    )
    assert "financiële en maatschappelijke resultaten" in roles["Algemeen directeur"]
    assert "schakel tussen de (politieke bestuurlijke) omgeving" in roles["Strategisch adviseur"]
    assert "Je boort de kracht van de samenleving aan" in roles["Dienstverlener"]


def test_it_keeps_the_seeds_intros_and_the_note_on_the_ontwikkelscan():
    assert MODEL.situational_intro.startswith("Daarnaast zijn afhankelijk van de couleur locale")
    assert MODEL.core_intro.endswith("de volgende kerncompetenties:")
    assert MODEL.tasks_intro == (
        "Elke gemeentesecretaris/algemeen directeur vervult een aantal basistaken:"
    )
    assert "ontwikkelscan beschikbaar" in MODEL.scan_note


@pytest.mark.parametrize("competency", ALL, ids=lambda c: c.key)
def test_every_competency_has_four_to_six_indicators(competency):
    assert 4 <= len(competency.indicators) <= 6


@pytest.mark.parametrize("competency", ALL, ids=lambda c: c.key)
def test_indicator_codes_are_one_prefix_numbered_from_one(competency):
    codes = [i.code for i in competency.indicators]
    prefix = codes[0].split("-")[0]
    assert re.fullmatch(r"[A-Z]{3}", prefix)
    assert codes == [f"{prefix}-{n}" for n in range(1, len(codes) + 1)]


@pytest.mark.parametrize("indicator", [i for c in ALL for i in c.indicators], ids=lambda i: i.code)
def test_indicators_are_short_plain_sentences_without_always_or_never(indicator):
    text = indicator.text
    assert text[0].isupper() and text.endswith(".")
    assert len(text) <= 110
    assert text.count(".") == 1  # one sentence
    assert not re.search(r"\b(altijd|nooit|steeds weer)\b", text, flags=re.IGNORECASE)


def test_keys_and_indicator_codes_are_unique():
    keys = [c.key for c in ALL]
    codes = [i.code for c in ALL for i in c.indicators]
    prefixes = {c.indicators[0].code.split("-")[0] for c in ALL}
    assert len(keys) == len(set(keys)) == 14
    assert len(codes) == len(set(codes))
    assert len(prefixes) == 14


def test_keys_are_slugs():
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", c.key) for c in ALL)


def test_get_returns_a_competency_by_key():
    competency = MODEL.get("bestuurlijke-politieke-sensitiviteit")
    assert competency.name == "Bestuurlijke & politieke sensitiviteit"
    assert MODEL.get("complexe-organisatieontwikkeling").kind == "situatie"


def test_get_rejects_an_unknown_key_in_dutch():
    with pytest.raises(KeyError, match="bestaat niet in competentiemodel 2026.1"):
        MODEL.get("toverkunst")


def test_indicator_returns_an_indicator_by_code():
    assert MODEL.indicator("BPS-1").text.startswith("Signaleert de politieke gevoeligheid")


def test_indicator_rejects_an_unknown_code_in_dutch():
    with pytest.raises(KeyError, match="gedragsindicator 'XYZ-9' bestaat niet"):
        MODEL.indicator("XYZ-9")


def test_all_lists_core_before_situational():
    assert MODEL.all() == MODEL.core + MODEL.situational


def test_get_model_without_version_is_the_current_version():
    assert get_model() is MODELS[CURRENT_VERSION]
    assert get_model().version == CURRENT_VERSION == "2026.1"


def test_get_model_rejects_an_unknown_version_in_dutch():
    with pytest.raises(ValueError, match="versie '1999.1' bestaat niet. Beschikbaar: 2026.1"):
        get_model("1999.1")


def test_every_published_version_is_pinned_and_unchanged():
    assert set(MODELS) == set(FINGERPRINTS)
    for version, model in MODELS.items():
        assert model.version == version
        assert model.fingerprint() == FINGERPRINTS[version], (
            f"Competentiemodel {version} is gewijzigd. Voeg een nieuwe versie toe."
        )
