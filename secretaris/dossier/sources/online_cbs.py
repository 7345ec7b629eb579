"""Newer CBS figures through the CBS OData v3 API (opendata.cbs.nl/ODataApi/odata).

Two tables feed the dossier:

* 37230ned "Bevolkingsontwikkeling; regio per maand": the newest January's "Bevolking aan het
  begin van de periode" per gemeente -> fact `inwoners` dated 1 January of that year.
* a "Kerncijfers wijken en buurten" table (85984NED = 2024, a newer id each year): the
  gemeente rows mapped onto the keys of `facts.py`. Counts that the catalogue keeps as a
  percentage (age groups, marital status, origin, household types) are converted to a
  percentage of their total, rounded half-up to one decimal with Decimal arithmetic.

CBS suffixes every property key with a number that differs per table
(`AantalInwoners_5`); properties are matched on the part before the last underscore, reading
the table's own DataProperties. Responses are JSON: `{"value": [...], "odata.nextLink": ...}`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from secretaris.dossier.facts import FACT_TYPES
from secretaris.dossier.sources.online_fetch import NOTHING_CHANGED, DataUpdateError, fetch_json

DEFAULT_CBS_ODATA_URL = "https://opendata.cbs.nl/ODataApi/odata"
POPULATION_TABLE = "37230ned"
POPULATION_PROPERTY = "BevolkingAanHetBeginVanDePeriode"
# The ODataApi returns at most 10,000 rows per request.
CBS_PAGE_LIMIT = 10_000
MAX_PAGES = 200

Progress = Callable[[str], object]

# Reference date of a KWB figure relative to the table year Y (see DataProperties of
# 85984NED: population and dwellings on 1 January of Y, WOZ with "waardepeildatum
# 1 januari" of Y-1, income over the year Y, benefits at the end of December of Y).
START = "start"
PREVIOUS_START = "previous_start"
END = "end"


@dataclass(frozen=True)
class KwbField:
    prefix: str
    fact: str
    share_of: str | None = None
    period: str = START


KWB_FIELDS: tuple[KwbField, ...] = (
    KwbField("AantalInwoners", "inwoners"),
    KwbField("Mannen", "mannen"),
    KwbField("Vrouwen", "vrouwen"),
    KwbField("k_0Tot15Jaar", "leeftijd_0_14", "AantalInwoners"),
    KwbField("k_15Tot25Jaar", "leeftijd_15_24", "AantalInwoners"),
    KwbField("k_25Tot45Jaar", "leeftijd_25_44", "AantalInwoners"),
    KwbField("k_45Tot65Jaar", "leeftijd_45_64", "AantalInwoners"),
    KwbField("k_65JaarOfOuder", "leeftijd_65_plus", "AantalInwoners"),
    KwbField("Ongehuwd", "ongehuwd", "AantalInwoners"),
    KwbField("Gehuwd", "gehuwd", "AantalInwoners"),
    KwbField("Gescheiden", "gescheiden", "AantalInwoners"),
    KwbField("Verweduwd", "verweduwd", "AantalInwoners"),
    # The first "Nederland"/"Europa..."/"BuitenEuropa" group is "Herkomstland" (all
    # inhabitants); the later groups with the same prefixes split it by birthplace.
    KwbField("Nederland", "herkomst_nederland", "AantalInwoners"),
    KwbField("EuropaExclusiefNederland", "herkomst_europa", "AantalInwoners"),
    KwbField("BuitenEuropa", "herkomst_buiten_europa", "AantalInwoners"),
    KwbField("HuishoudensTotaal", "huishoudens"),
    KwbField("Eenpersoonshuishoudens", "eenpersoonshuishoudens", "HuishoudensTotaal"),
    KwbField("HuishoudensZonderKinderen", "huishoudens_zonder_kinderen", "HuishoudensTotaal"),
    KwbField("HuishoudensMetKinderen", "huishoudens_met_kinderen", "HuishoudensTotaal"),
    KwbField("GemiddeldeHuishoudensgrootte", "huishoudensgrootte"),
    KwbField("Bevolkingsdichtheid", "bevolkingsdichtheid"),
    KwbField("Woningvoorraad", "woningvoorraad"),
    KwbField("GemiddeldeWOZWaardeVanWoningen", "woz_waarde", period=PREVIOUS_START),
    KwbField("Koopwoningen", "koopwoningen", "Woningvoorraad"),
    KwbField("HuurwoningenTotaal", "huurwoningen", "Woningvoorraad"),
    KwbField("InBezitWoningcorporatie", "huurwoningen_corporatie", "Woningvoorraad"),
    KwbField("GemiddeldInkomenPerInkomensontvanger", "inkomen_per_ontvanger", period=END),
    KwbField("GemiddeldInkomenPerInwoner", "inkomen_per_inwoner", period=END),
    KwbField("GemGestandaardiseerdInkomenVanHuish", "inkomen_gestandaardiseerd", period=END),
    KwbField("HuishOnderOfRondSociaalMinimum", "huishoudens_sociaal_minimum", period=END),
    KwbField("PersonenPerSoortUitkeringBijstand", "bijstandsuitkeringen", period=END),
    KwbField("PersonenPerSoortUitkeringAO", "ao_uitkeringen", period=END),
    KwbField("PersonenPerSoortUitkeringWW", "ww_uitkeringen", period=END),
    KwbField("PersonenPerSoortUitkeringAOW", "aow_uitkeringen", period=END),
    KwbField("BedrijfsvestigingenTotaal", "bedrijfsvestigingen"),
    KwbField("OppervlakteTotaal", "oppervlakte_totaal"),
    KwbField("OppervlakteLand", "oppervlakte_land"),
    KwbField("OppervlakteWater", "oppervlakte_water"),
    KwbField("MateVanStedelijkheid", "stedelijkheid"),
    KwbField("Omgevingsadressendichtheid", "omgevingsadressendichtheid"),
)


@dataclass(frozen=True)
class NewFact:
    code: str
    key: str
    value: str
    date: str


@dataclass
class CbsTable:
    """What one CBS table contributed: its facts plus what a source entry needs."""

    table: str
    title: str
    url: str
    period_note: str
    facts: list[NewFact] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Property:
    key: str
    unit: str
    decimals: int


# -- OData plumbing ------------------------------------------------------------------------


def odata_url(base: str, table: str, entity: str, params: dict[str, str] | None = None) -> str:
    query = {**(params or {}), "$format": "json"}
    encoded = urlencode(query, quote_via=quote, safe="$,'()")
    return f"{base.rstrip('/')}/{table}/{entity}?{encoded}"


def with_skip(url: str, skip: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "$skip"] + [("$skip", str(skip))]
    return urlunsplit(parts._replace(query=urlencode(query, quote_via=quote, safe="$,'()")))


def odata_rows(url: str, *, timeout: float, page_limit: int = CBS_PAGE_LIMIT) -> list[dict]:
    """All rows of an OData v3 collection, following `odata.nextLink` (or `$skip` when a
    full page comes back without a next link)."""
    rows: list[dict] = []
    next_url: str | None = url
    for _ in range(MAX_PAGES):
        if next_url is None:
            return rows
        page = fetch_json(next_url, timeout=timeout)
        values = page.get("value") if isinstance(page, dict) else None
        if not isinstance(values, list):
            raise DataUpdateError(
                f"Onverwacht antwoord van {next_url}: geen OData-lijst 'value'. {NOTHING_CHANGED}"
            )
        rows.extend(values)
        link = page.get("odata.nextLink")
        next_url = urljoin(next_url, link) if link else None
        if next_url is None and values and len(values) >= page_limit:
            next_url = with_skip(url, len(rows))
    raise DataUpdateError(f"Te veel pagina's bij {url}; afgebroken. {NOTHING_CHANGED}")


def table_title(base: str, table: str, *, timeout: float) -> dict[str, Any]:
    infos = odata_rows(odata_url(base, table, "TableInfos"), timeout=timeout)
    return infos[0] if infos and isinstance(infos[0], dict) else {}


def table_properties(base: str, table: str, *, timeout: float) -> dict[str, Property]:
    """Topic properties by prefix; the first property wins when a prefix repeats."""
    rows = odata_rows(odata_url(base, table, "DataProperties"), timeout=timeout)
    found: dict[str, Property] = {}
    for row in rows:
        key = row.get("Key") or ""
        if row.get("Type") not in ("Topic", "Dimension", "GeoDimension", "GeoDetail") or not key:
            continue
        prop = Property(key, str(row.get("Unit") or ""), int(row.get("Decimals") or 0))
        found.setdefault(prefix_of(key), prop)
    return found


def prefix_of(key: str) -> str:
    head, sep, tail = key.rpartition("_")
    return head if sep and tail.isdigit() else key


# -- numbers -------------------------------------------------------------------------------


def as_decimal(raw: Any) -> Decimal | None:
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int | Decimal):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(str(raw))
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def format_decimal(value: Decimal, decimals: int) -> str:
    step = Decimal(1).scaleb(-decimals) if decimals > 0 else Decimal(1)
    return str(value.quantize(step, rounding=ROUND_HALF_UP))


def percentage(part: Decimal, whole: Decimal) -> str:
    return format_decimal(part * 100 / whole, 1)


# -- 37230ned: inhabitants on 1 January ---------------------------------------------------


def fetch_population(base: str, *, timeout: float, progress: Progress) -> CbsTable:
    table = POPULATION_TABLE
    progress(f"CBS {table}: perioden en eigenschappen ophalen…")
    info = table_title(base, table, timeout=timeout)
    props = table_properties(base, table, timeout=timeout)
    prop = props.get(POPULATION_PROPERTY)
    if prop is None:
        raise DataUpdateError(
            f"CBS-tabel {table} heeft geen eigenschap {POPULATION_PROPERTY}_*. {NOTHING_CHANGED}"
        )
    periods = odata_rows(odata_url(base, table, "Perioden"), timeout=timeout)
    januaries = sorted(
        (p for p in periods if re.fullmatch(r"\d{4}MM01", str(p.get("Key", "")).strip())),
        key=lambda p: p["Key"],
        reverse=True,
    )
    if not januaries:
        raise DataUpdateError(f"CBS-tabel {table} noemt geen januari-perioden. {NOTHING_CHANGED}")
    for period in januaries[:2]:
        key = period["Key"].strip()
        progress(f"CBS {table}: bevolking per {key} ophalen…")
        values = _population_values(base, table, key, prop.key, timeout=timeout)
        if values:
            year = key[:4]
            status = str(period.get("Status") or "").strip().lower()
            note = f"inwoners per 1 januari {year}" + (f" ({status})" if status else "")
            facts = [
                NewFact(code, "inwoners", format_decimal(v, 0), f"{year}-01-01")
                for code, v in sorted(values.items())
            ]
            return CbsTable(table, _title(info, table), f"{base.rstrip('/')}/{table}", note, facts)
    raise DataUpdateError(
        f"CBS-tabel {table} bevat nog geen inwonertallen voor januari. {NOTHING_CHANGED}"
    )


def _population_values(
    base: str, table: str, period: str, prop_key: str, *, timeout: float
) -> dict[str, Decimal]:
    # Filter on the period only: region codes are padded ("GM0344  ") and startswith on
    # RegioS is reported to fail on this table, so gemeenten are picked out here.
    url = odata_url(
        base,
        table,
        "TypedDataSet",
        {"$filter": f"Perioden eq '{period}'", "$select": f"RegioS,Perioden,{prop_key}"},
    )
    values: dict[str, Decimal] = {}
    for row in odata_rows(url, timeout=timeout):
        code = str(row.get("RegioS") or "").strip()
        value = as_decimal(row.get(prop_key))
        if code.startswith("GM") and value is not None:
            values[code] = value
    return values


def _title(info: dict[str, Any], table: str) -> str:
    return str(info.get("Title") or info.get("ShortTitle") or table).strip()


# -- Kerncijfers wijken en buurten ---------------------------------------------------------


def fetch_kwb(base: str, table: str, *, timeout: float, progress: Progress) -> CbsTable:
    progress(f"CBS {table}: tabelinformatie en eigenschappen ophalen…")
    try:
        info = table_title(base, table, timeout=timeout)
    except DataUpdateError as exc:
        if exc.status != 404:
            raise
        raise DataUpdateError(
            f"CBS kent tabel {table} niet (HTTP 404 op {base}). Geef met --kwb-tabel een "
            f"bestaande tabel 'Kerncijfers wijken en buurten' op, bijvoorbeeld 85984NED. "
            f"{NOTHING_CHANGED}",
            status=404,
        ) from exc
    year = _table_year(info, table)
    props = table_properties(base, table, timeout=timeout)
    wanted = [f for f in KWB_FIELDS if f.prefix in props]
    missing = [f.fact for f in KWB_FIELDS if f.prefix not in props]
    prefixes = {f.prefix for f in wanted} | {f.share_of for f in wanted if f.share_of}
    region_keys = ["WijkenEnBuurten"] + ([props["SoortRegio"].key] if "SoortRegio" in props else [])
    select = region_keys + sorted(props[p].key for p in prefixes if p in props)
    url = odata_url(
        base,
        table,
        "TypedDataSet",
        {"$filter": "startswith(WijkenEnBuurten,'GM')", "$select": ",".join(select)},
    )
    progress(f"CBS {table}: kerncijfers van de gemeenten ophalen…")
    rows = odata_rows(url, timeout=timeout)
    facts: list[NewFact] = []
    for row in rows:
        if _is_gemeente(row, props):
            code = str(row["WijkenEnBuurten"]).strip()
            facts.extend(_kwb_facts(code, row, wanted, props, year))
    note = (
        f"peildatum 1 januari {year}; WOZ-waarde: waardepeildatum 1 januari {year - 1}; "
        f"inkomen over {year} en uitkeringen eind december {year} (gedateerd {year}-12-31)"
    )
    return CbsTable(table, _title(info, table), f"{base.rstrip('/')}/{table}", note, facts, missing)


def _table_year(info: dict[str, Any], table: str) -> int:
    for text in (info.get("Period"), info.get("Title"), info.get("ShortTitle")):
        match = re.search(r"\b(19|20)\d{2}\b", str(text or ""))
        if match:
            return int(match.group(0))
    raise DataUpdateError(
        f"Kan het jaar van CBS-tabel {table} niet bepalen (TableInfos zonder Period). "
        f"{NOTHING_CHANGED}"
    )


def _is_gemeente(row: dict[str, Any], props: dict[str, Property]) -> bool:
    code = str(row.get("WijkenEnBuurten") or "").strip()
    if not re.fullmatch(r"GM\d{4}", code):
        return False
    if "SoortRegio" not in props:
        return True
    return str(row.get(props["SoortRegio"].key) or "").strip() == "Gemeente"


def _kwb_facts(
    code: str,
    row: dict[str, Any],
    fields: Iterable[KwbField],
    props: dict[str, Property],
    year: int,
) -> list[NewFact]:
    facts = []
    for f in fields:
        value = _kwb_value(row, f, props)
        if value is not None:
            facts.append(NewFact(code, f.fact, value, _date(f.period, year)))
    return facts


def _kwb_value(row: dict[str, Any], f: KwbField, props: dict[str, Property]) -> str | None:
    prop = props[f.prefix]
    value = as_decimal(row.get(prop.key))
    if value is None:
        return None
    wants_share = FACT_TYPES[f.fact].unit == "%" and prop.unit.strip() != "%"
    if not wants_share:
        return format_decimal(value, prop.decimals)
    whole = as_decimal(row.get(props[f.share_of].key)) if f.share_of in props else None
    if whole is None or whole <= 0:
        return None
    return percentage(value, whole)


def _date(period: str, year: int) -> str:
    if period == PREVIOUS_START:
        return f"{year - 1}-01-01"
    if period == END:
        return f"{year}-12-31"
    return f"{year}-01-01"
