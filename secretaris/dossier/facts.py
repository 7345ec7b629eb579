"""The catalogue of figures a dossier can hold: key -> label, unit and group.

Every Fact in the data set uses one of these keys. Units: "aantal" (count), "%",
"ha", "per km²", "x 1.000 euro", "euro", "klasse" (ordinal code), "adressen per km²".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FactType:
    key: str
    label: str
    unit: str
    group: str
    decimals: int = 0
    help: str = ""


GROUPS = {
    "bevolking": "Bevolking",
    "leeftijd": "Leeftijdsopbouw",
    "huishoudens": "Huishoudens",
    "herkomst": "Herkomst",
    "burgerlijke_staat": "Burgerlijke staat",
    "wonen": "Wonen",
    "inkomen": "Inkomen en uitkeringen",
    "economie": "Economie",
    "gebied": "Gebied en stedelijkheid",
}

_TYPES = [
    FactType(
        "inwoners",
        "Inwoners",
        "aantal",
        "bevolking",
        help="Aantal inwoners volgens het CBS op de peildatum.",
    ),
    FactType("mannen", "Mannen", "aantal", "bevolking"),
    FactType("vrouwen", "Vrouwen", "aantal", "bevolking"),
    FactType(
        "bevolkingsdichtheid",
        "Bevolkingsdichtheid",
        "per km²",
        "bevolking",
        help="Inwoners per km² land.",
    ),
    FactType("leeftijd_0_14", "0 tot 15 jaar", "%", "leeftijd"),
    FactType("leeftijd_15_24", "15 tot 25 jaar", "%", "leeftijd"),
    FactType("leeftijd_25_44", "25 tot 45 jaar", "%", "leeftijd"),
    FactType("leeftijd_45_64", "45 tot 65 jaar", "%", "leeftijd"),
    FactType("leeftijd_65_plus", "65 jaar en ouder", "%", "leeftijd"),
    FactType("huishoudens", "Huishoudens", "aantal", "huishoudens"),
    FactType("eenpersoonshuishoudens", "Eenpersoonshuishoudens", "%", "huishoudens"),
    FactType("huishoudens_zonder_kinderen", "Huishoudens zonder kinderen", "%", "huishoudens"),
    FactType("huishoudens_met_kinderen", "Huishoudens met kinderen", "%", "huishoudens"),
    FactType("huishoudensgrootte", "Gemiddelde huishoudensgrootte", "personen", "huishoudens", 1),
    FactType("ongehuwd", "Ongehuwd", "%", "burgerlijke_staat"),
    FactType("gehuwd", "Gehuwd", "%", "burgerlijke_staat"),
    FactType("gescheiden", "Gescheiden", "%", "burgerlijke_staat"),
    FactType("verweduwd", "Verweduwd", "%", "burgerlijke_staat"),
    FactType("herkomst_nederland", "Herkomst Nederland", "%", "herkomst"),
    FactType("herkomst_europa", "Herkomst Europa (excl. Nederland)", "%", "herkomst"),
    FactType("herkomst_buiten_europa", "Herkomst buiten Europa", "%", "herkomst"),
    FactType("woningvoorraad", "Woningvoorraad", "aantal", "wonen"),
    FactType("koopwoningen", "Koopwoningen", "%", "wonen"),
    FactType("huurwoningen", "Huurwoningen", "%", "wonen"),
    FactType("huurwoningen_corporatie", "Huurwoningen van een corporatie", "%", "wonen"),
    FactType("woz_waarde", "Gemiddelde WOZ-waarde van woningen", "x 1.000 euro", "wonen"),
    FactType("inkomen_per_inwoner", "Gemiddeld inkomen per inwoner", "x 1.000 euro", "inkomen", 1),
    FactType(
        "inkomen_per_ontvanger",
        "Gemiddeld inkomen per inkomensontvanger",
        "x 1.000 euro",
        "inkomen",
        1,
    ),
    FactType(
        "inkomen_gestandaardiseerd",
        "Gemiddeld gestandaardiseerd inkomen van huishoudens",
        "x 1.000 euro",
        "inkomen",
        1,
        help="Particuliere huishoudens zonder studenten, gecorrigeerd voor grootte.",
    ),
    FactType(
        "huishoudens_sociaal_minimum",
        "Huishoudens onder of rond het sociaal minimum",
        "%",
        "inkomen",
        1,
    ),
    FactType("bijstandsuitkeringen", "Algemene bijstandsuitkeringen", "aantal", "inkomen"),
    FactType("ao_uitkeringen", "Arbeidsongeschiktheidsuitkeringen", "aantal", "inkomen"),
    FactType("ww_uitkeringen", "WW-uitkeringen", "aantal", "inkomen"),
    FactType("aow_uitkeringen", "AOW-uitkeringen", "aantal", "inkomen"),
    FactType("bedrijfsvestigingen", "Bedrijfsvestigingen", "aantal", "economie"),
    FactType("oppervlakte_totaal", "Oppervlakte totaal", "ha", "gebied"),
    FactType("oppervlakte_land", "Oppervlakte land", "ha", "gebied"),
    FactType("oppervlakte_water", "Oppervlakte water", "ha", "gebied"),
    FactType(
        "stedelijkheid",
        "Mate van stedelijkheid",
        "klasse",
        "gebied",
        help="1 = zeer sterk stedelijk, 5 = niet stedelijk (CBS).",
    ),
    FactType(
        "omgevingsadressendichtheid", "Omgevingsadressendichtheid", "adressen per km²", "gebied"
    ),
]

FACT_TYPES: dict[str, FactType] = {t.key: t for t in _TYPES}

URBANITY_LABELS = {
    1: "zeer sterk stedelijk",
    2: "sterk stedelijk",
    3: "matig stedelijk",
    4: "weinig stedelijk",
    5: "niet stedelijk",
}
