"""The `sources` entries of the data set: what every source key stands for."""

from __future__ import annotations

CBS_LICENCE = "CC BY 4.0 (Centraal Bureau voor de Statistiek)"
KIESRAAD_LICENCE = "Open data Kiesraad (openbaar, geen auteursrechtelijke beperkingen vermeld)"

SOURCES: dict[str, dict[str, str]] = {
    "nlextract-indeling": {
        "title": "Gemeentelijke indeling 1990-2025 (CBS), XML-bestand van NLExtract",
        "publisher": "CBS / NLExtract",
        "url": "https://github.com/nlextract/NLExtract/blob/master/bag/db/data/"
        "gemeentelijke-indeling.xml",
        "licence": CBS_LICENCE + "; bestand uit NLExtract (GPL-3.0 voor de code)",
        "note": "Gemeenten per jaar met provincie, begin- en einddatum. Canonieke namen en "
        "provincies van de huidige gemeenten; datums van herindelingen.",
    },
    "cbs-woonplaatsen": {
        "title": "Woonplaatsen in Nederland en Gebieden in Nederland (CBS), via het PyPI-pakket "
        "woningwaardering 6.202607.3",
        "publisher": "CBS",
        "url": "https://pypi.org/project/woningwaardering/",
        "licence": CBS_LICENCE + "; pakket MIT (Woonstad Rotterdam)",
        "note": "BAG-woonplaatsen per gemeente met COROP-gebied (vermoedelijk editie 2026). "
        "Een BAG-woonplaats is niet hetzelfde als een CBS-kern.",
    },
    "cbs-85984ned": {
        "title": "Kerncijfers wijken en buurten 2024 (CBS-tabel 85984NED)",
        "publisher": "CBS",
        "url": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED",
        "licence": CBS_LICENCE,
        "note": "Inwoners, mannen, vrouwen, dichtheid en woningvoorraad op 1 januari 2024; "
        "oppervlakte volgens de kaart van 2024. Via de repository "
        "niquedegraaff/Wikipedia-Generator-CBS-Kerncijfers-Wijken-en-Buurten.",
    },
    "cbs-wbk-2023": {
        "title": "Wijk- en buurtkaart 2023 versie 1, gemeentelaag (CBS)",
        "publisher": "CBS",
        "url": "https://www.cbs.nl/nl-nl/dossier/nederland-regionaal/geografische-data/"
        "wijk-en-buurtkaart-2023",
        "licence": CBS_LICENCE,
        "note": "Bevolking, leeftijd, huishoudens, burgerlijke staat, herkomst, stedelijkheid, "
        "omgevingsadressendichtheid en oppervlakte; peildatum 1 januari 2023. "
        "Percentages door CBS afgerond op hele procenten. Via de repository "
        "mvbloois/verkiezingen.",
    },
    "cbs-84799ned": {
        "title": "Kerncijfers wijken en buurten 2020 (CBS-tabel 84799NED) met de Wijk- en "
        "buurtkaart 2020",
        "publisher": "CBS",
        "url": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/84799NED",
        "licence": CBS_LICENCE,
        "note": "Alleen voor gemeenten waarvan code en grondgebied sinds 2020 gelijk zijn. "
        "Inwoners, woningbezit en bedrijfsvestigingen op 1 januari 2020; inkomen over "
        "verslagjaar 2020 en uitkeringen eind december 2020 (gedateerd 2020-12-31, "
        "volgens de CBS-toelichting bij de kerncijfers). Via de repository "
        "ImkeDekkers/Buurtvergelijker.",
    },
    "cbs-70072ned": {
        "title": "Regionale kerncijfers Nederland (CBS-tabel 70072NED): gemiddeld "
        "gestandaardiseerd inkomen van particuliere huishoudens (excl. studenten)",
        "publisher": "CBS",
        "url": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/70072NED",
        "licence": CBS_LICENCE,
        "note": "Inkomen over de perioden 2023 en 2024, gedateerd 31 december van dat jaar. "
        "Overgenomen uit de repository DennisHedegreen/netherlands-politics-data.",
    },
    "cbs-37230ned-2026": {
        "title": "Bevolkingsontwikkeling; regio per maand (CBS-tabel 37230ned), januari 2026",
        "publisher": "CBS",
        "url": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/37230ned",
        "licence": CBS_LICENCE,
        "note": "Inwoners op 1 januari 2026, zoals opgenomen in het partijregister van MinBZK "
        "(repository MinBZK/napp-poc).",
    },
    "kiesraad-gr2026": {
        "title": "Verkiezingsuitslagen gemeenteraad 18 maart 2026 (Kiesraad), zetels per lijst",
        "publisher": "Kiesraad",
        "url": "https://data.overheid.nl/dataset/09cf04e7-11ac-4b53-a2cc-baccf95e82fd",
        "licence": KIESRAAD_LICENCE,
        "note": "Zetels per lijst (LijstAantalZetels) zoals opgenomen in het partijregister van "
        "MinBZK; alleen lijsten met zetels, geen stemmen. Lijstnamen uit de CSV van de "
        "Kiesraad (bijv. 'CDA, afdeling Utrecht').",
    },
    "kiesraad-gr2022-eml": {
        "title": "Uitslagen gemeenteraadsverkiezingen 16 maart 2022 (Kiesraad, EML 520 "
        "'Resultaat')",
        "publisher": "Kiesraad",
        "url": "https://github.com/ArjandenHartog/GRtool/tree/main/2022",
        "licence": KIESRAAD_LICENCE,
        "note": "Zetels per lijst = aantal gekozen kandidaten van die lijst. Deze bestanden "
        "bevatten alleen de gekozen kandidaten: het aantal kandidaten per lijst is "
        "onbekend.",
    },
    "kiesraad-gr2022-telling": {
        "title": "Totaaltelling gemeenteraadsverkiezingen 16 maart 2022 (Kiesraad, EML 510), "
        "stemmen per lijst",
        "publisher": "Kiesraad",
        "url": "https://github.com/ArjandenHartog/GRtool/tree/main/2022",
        "licence": KIESRAAD_LICENCE,
        "note": "Geldige stemmen per lijst op gemeenteniveau, uit de Telling-bestanden gehaald "
        "(DERIVED CSV).",
    },
    "grtool-gr2022": {
        "title": "GRtool: verwerkte uitslagen gemeenteraadsverkiezingen 2022 (2022.json)",
        "publisher": "ArjandenHartog/GRtool (op basis van Kiesraad-EML)",
        "url": "https://github.com/ArjandenHartog/GRtool/blob/main/web/public/data/2022.json",
        "licence": KIESRAAD_LICENCE + "; bewerking door derden",
        "note": "Alleen gebruikt waar de Kiesraad-bestanden ontbreken (stemmen van 18 grote "
        "gemeenten); in Nuenen zijn alle stemmen hier 0 en dus niet gebruikt.",
    },
    "grtool-gr2018": {
        "title": "GRtool: verwerkte uitslagen gemeenteraadsverkiezingen 21 maart 2018 (2018.json)",
        "publisher": "ArjandenHartog/GRtool (op basis van Kiesraad-EML)",
        "url": "https://github.com/ArjandenHartog/GRtool/blob/main/web/public/data/2018.json",
        "licence": KIESRAAD_LICENCE + "; bewerking door derden",
        "note": "Zetels per lijst; het bestand bevat geen stemmen (alle 0). Alleen voor "
        "gemeenten waarvan code en grondgebied sinds de verkiezing gelijk zijn.",
    },
    "vng-grenswijzigen": {
        "title": "Grenswijzigingen gemeenten 2016-2024 (R-pakket grenswijzigen, VNG "
        "Realisatie / H. Weda)",
        "publisher": "VNG Realisatie",
        "url": "https://github.com/reidhin/grenswijzigen",
        "licence": "CC BY-NC-SA 4.0; alleen de feiten welke gemeente wanneer in welke opging "
        "zijn overgenomen, geen aantallen of aandelen",
        "note": "Herindelingen en grenscorrecties van ten minste 1% van de adressen, 2016-2024.",
    },
    "secretaris-herindelingen": {
        "title": "Herindelingen afgeleid door Secretaris",
        "publisher": "Secretaris (afgeleid)",
        "url": "",
        "licence": "Feiten afgeleid uit de CBS-indeling en de BAG-woonplaatsen (CC BY 4.0)",
        "note": "Ontvangende gemeente bepaald via de naam van de opgeheven gemeente als "
        "woonplaats, of via een gedocumenteerde tabel (docs/data.md); datums uit de "
        "CBS-indeling.",
    },
    "secretaris-corop-centrum": {
        "title": "Centrumgemeente per COROP-gebied, afgeleid door Secretaris",
        "publisher": "Secretaris (afgeleid)",
        "url": "",
        "licence": "Afgeleid uit CBS-cijfers (CC BY 4.0)",
        "note": "De gemeente met de meeste inwoners van haar COROP-gebied op 1 januari 2024 "
        "(CBS 85984NED, voor alle 342 gemeenten beschikbaar). Een benadering, geen "
        "officiële status (veld corop_centre).",
    },
    "roo-gemeenten": {
        "title": "Export Gemeenten en medewerkers (organisaties.overheid.nl)",
        "publisher": "Register van Overheidsorganisaties (ROO)",
        "url": "https://organisaties.overheid.nl/",
        "licence": "Open data (CC0 volgens de open-data-verklaring van het ROO)",
        "note": "Burgemeester, locoburgemeester, wethouders, gemeentesecretaris en "
        "raadsgriffier bij naam, en de partijen in de raad met hun gewone namen. Stand van "
        "medio april 2026 (export via jaapstronks/woobuddy): de wethouders zijn meestal nog "
        "die van het college 2022-2026. Elke gemeente heeft haar eigen datum van laatste "
        "wijziging.",
    },
    "roo-regelingen": {
        "title": "Gemeenschappelijke regelingen en deelnemers, via anneschuth/polder",
        "publisher": "Register van Overheidsorganisaties (ROO)",
        "url": "https://github.com/anneschuth/polder",
        "licence": "CC0 (polder LICENSE-DATA)",
        "note": "Regelingen die nog gelden (zonder einddatum), met samenwerkingsvorm, doel, "
        "ingangsdatum en deelnemers; opgehaald 16 mei 2026. De soort (veiligheidsregio, GGD, "
        "werkorganisatie, ...) is door Secretaris afgeleid uit de naam.",
    },
    "cbs-iv3": {
        "title": "Gemeenten, onbewerkte Iv3-data 2023-2026 (CBS-tabellen 45063NED, 45067NED, "
        "45071NED, 45078NED)",
        "publisher": "CBS",
        "url": "https://dataderden.cbs.nl/",
        "licence": CBS_LICENCE,
        "note": "Begrotingen en jaarrekeningen per gemeente in € 1.000, per gemeente en "
        "document opgeteld (JoeyKurtosis/GemeenteFinancienTest, gecontroleerd tegen "
        "michielsd/begrotingsanalysetool). Kengetallen zijn berekend uit CBS Iv3; het zijn "
        "niet de officiële BBV-indicatoren.",
    },
}
