"""CBS figures per gemeente from four raw files, mapped onto the keys of facts.py.

Every figure keeps the reference date of its own table (see docs/data.md):

* KWB 2024 (85984NED, reduced JSON): population, density, dwellings on 1 January 2024;
  areas of the 2024 map.
* Wijk- en buurtkaart 2023 v1 (DERIVED CSV): population, age groups, households, marital
  status, origin, urbanity and areas on 1 January 2023 (percentages rounded by CBS).
* KWB 2020 (84799NED via the Buurtvergelijker repo, DERIVED CSV): income, benefits,
  tenure and businesses. Population, tenure and businesses refer to 1 January 2020; per the
  CBS KWB metadata income is over the reporting year and benefits are counted on the last
  day of December, so those are dated 2020-12-31 (as the online updater does).
* 70072NED income (DERIVED CSV): standardised household income over the period year,
  dated 31 December of that year.

CBS "missing" markers (-99999999, empty, NaN) are left out, never written as 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from secretaris.dossier.sources.files import (
    SourceError,
    decimal_text,
    gm_code,
    read_csv,
    read_json,
)

KWB2024 = Path("cbs_kwb2024_niquedegraaff") / "stripped_filtered_data_2024.json"
WBK2023 = Path("cbs_wijkbuurtkaart2023_gemeenten_mvbloois") / "gemeenten_2023_v1_land_DERIVED.csv"
KWB2020 = Path("cbs_kwb2020_gemeenten_buurtvergelijker") / "gemeenten_kwb2020_DERIVED.csv"
INCOME = Path("cbs70072_income_hedegreen") / "income_70072ned_2023_2024_per_gemeente_DERIVED.csv"

ABROAD = "GM0998"  # "Buitenland" in the CBS map files

KWB2024_FIELDS = {
    "AantalInwoners_5": "inwoners",
    "Mannen_6": "mannen",
    "Vrouwen_7": "vrouwen",
    "Bevolkingsdichtheid_34": "bevolkingsdichtheid",
    "Woningvoorraad_35": "woningvoorraad",
    "OppervlakteTotaal_122": "oppervlakte_totaal",
    "OppervlakteLand_123": "oppervlakte_land",
    "OppervlakteWater_124": "oppervlakte_water",
}

WBK2023_FIELDS = {
    "AANT_INW": "inwoners",
    "AANT_MAN": "mannen",
    "AANT_VROUW": "vrouwen",
    "BEV_DICHTH": "bevolkingsdichtheid",
    "P_00_14_JR": "leeftijd_0_14",
    "P_15_24_JR": "leeftijd_15_24",
    "P_25_44_JR": "leeftijd_25_44",
    "P_45_64_JR": "leeftijd_45_64",
    "P_65_EO_JR": "leeftijd_65_plus",
    "P_ONGEHUWD": "ongehuwd",
    "P_GEHUWD": "gehuwd",
    "P_GESCHEID": "gescheiden",
    "P_VERWEDUW": "verweduwd",
    "AANTAL_HH": "huishoudens",
    "P_EENP_HH": "eenpersoonshuishoudens",
    "P_HH_Z_K": "huishoudens_zonder_kinderen",
    "P_HH_M_K": "huishoudens_met_kinderen",
    "GEM_HH_GR": "huishoudensgrootte",
    "P_NL_ALL": "herkomst_nederland",
    "P_EUR_ALL": "herkomst_europa",
    "P_NEU_ALL": "herkomst_buiten_europa",
    "STED": "stedelijkheid",
    "OAD": "omgevingsadressendichtheid",
    "OPP_TOT": "oppervlakte_totaal",
    "OPP_LAND": "oppervlakte_land",
    "OPP_WATER": "oppervlakte_water",
}

# KWB 2020 column -> (fact key, reference date)
START_2020, END_2020 = "2020-01-01", "2020-12-31"
KWB2020_FIELDS = {
    "Aantal inwoners": ("inwoners", START_2020),
    "Koopwoningen (%)": ("koopwoningen", START_2020),
    "Huurwoningen (%)": ("huurwoningen", START_2020),
    "Woningen in bezit woningcorporatie (%)": ("huurwoningen_corporatie", START_2020),
    "Aantal totale bedrijfsvestigingen": ("bedrijfsvestigingen", START_2020),
    "Gemiddeld inkomen per inwoner (x1000 euro)": ("inkomen_per_inwoner", END_2020),
    "Gemiddeld inkomen per inkomensontvanger (x1000 euro)": ("inkomen_per_ontvanger", END_2020),
    "Huishoudens onder of rond sociaal minimum (%)": ("huishoudens_sociaal_minimum", END_2020),
    "Aantal algemene bijstandsuitkeringen": ("bijstandsuitkeringen", END_2020),
    "Aantal arbeidsongeschiktheidsuitkeringen": ("ao_uitkeringen", END_2020),
    "Aantal werkloosheiduitkeringen": ("ww_uitkeringen", END_2020),
    "Aantal AOW-uitkeringen": ("aow_uitkeringen", END_2020),
}
# WOZ has value date 1 January of the year before (CBS); only taken when a column exists
# and is non-zero (the map version behind this file had WOZ all 0, and the column is absent).
WOZ_DATE_2020 = "2019-01-01"

INCOME_VALUE = "gem_gestandaardiseerd_inkomen_particuliere_huishoudens_excl_studenten_x1000_euro"


@dataclass(frozen=True)
class Figure:
    key: str
    value: str  # exact decimal string
    date: str  # ISO reference date


Figures = dict[str, list[Figure]]  # gemeentecode -> figures


def read_kwb2024(raw_dir: Path) -> Figures:
    path = raw_dir / KWB2024
    data = read_json(path)
    if not isinstance(data, dict):
        raise SourceError(f"Bestand {path.name}: een object per regiocode verwacht.")
    result: Figures = {}
    for region, values in sorted(data.items()):
        if not region.startswith("GM"):
            continue
        if not isinstance(values, dict):
            raise SourceError(f"Bestand {path.name}: geen cijfers voor {region}.")
        result[gm_code(region)] = _figures(values, KWB2024_FIELDS, "2024-01-01")
    return result


def read_wbk2023(raw_dir: Path) -> Figures:
    path = raw_dir / WBK2023
    result: Figures = {}
    for row in read_csv(path, ("GM_CODE", "H2O", *WBK2023_FIELDS)):
        code = gm_code(row["GM_CODE"])
        if code == ABROAD or row["H2O"] != "NEE":
            continue
        result[code] = _figures(row, WBK2023_FIELDS, "2023-01-01")
    return result


def read_kwb2020(raw_dir: Path) -> tuple[Figures, dict[str, str], bool]:
    """Figures per 2020 code, the 2020 names, and whether a WOZ column was present."""
    path = raw_dir / KWB2020
    result: Figures = {}
    names: dict[str, str] = {}
    rows = read_csv(path, ("GM_CODE", "GM_NAAM", "JAAR", *KWB2020_FIELDS))
    woz_columns = [c for c in (rows[0] if rows else {}) if "WOZ" in c.upper()]
    for row in rows:
        if row["JAAR"].strip() != "2020":
            raise SourceError(f"Bestand {path.name}: jaar {row['JAAR']} in plaats van 2020.")
        code = gm_code(row["GM_CODE"])
        names[code] = row["GM_NAAM"].strip()
        figures = [
            Figure(key, value, day)
            for column, (key, day) in KWB2020_FIELDS.items()
            if (value := decimal_text(row[column])) is not None
        ]
        for column in woz_columns[:1]:
            value = decimal_text(row[column])
            if value is not None and value != "0":
                figures.append(Figure("woz_waarde", value, WOZ_DATE_2020))
        result[code] = figures
    return result, names, bool(woz_columns)


def read_income_70072(raw_dir: Path) -> Figures:
    path = raw_dir / INCOME
    result: Figures = {}
    for number, row in enumerate(
        read_csv(path, ("cbs_gm_code", "reference_period", INCOME_VALUE)), start=2
    ):
        period = row["reference_period"].strip()
        if not (period.isdigit() and len(period) == 4):
            raise SourceError(f"Bestand {path.name}, regel {number}: periode '{period}'.")
        value = decimal_text(row[INCOME_VALUE])
        if value is not None:
            result.setdefault(gm_code(row["cbs_gm_code"]), []).append(
                Figure("inkomen_gestandaardiseerd", value, f"{period}-12-31")
            )
    return result


def _figures(values: dict, fields: dict[str, str], day: str) -> list[Figure]:
    return [
        Figure(key, value, day)
        for column, key in fields.items()
        if (value := decimal_text(values.get(column))) is not None
    ]
