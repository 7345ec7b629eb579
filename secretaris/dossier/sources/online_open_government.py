"""`secretaris data update` for the register (ROO) and the CBS Iv3 finances.

Register: the two ROO CSV exports (organisations, office holders) replace a municipality's
`register` entry when anything differs; the parties are matched to the data set's GR2026
result again. Iv3: the CBS "Gemeenten <jaar> onbewerkte Iv3-data" tables (dataderden OData
v3, `TypedDataSet` with `Gemeenten`, `Verslagsoort`, `Categorie`, `TaakveldBalanspost` and
`k_1ePlaatsing_1` in € 1.000) are rolled up per municipality and document as the build
does; a jaarrekening replaces the begroting of its year. The balance sheet (eigen vermogen,
balanstotaal) is not read online: a document that had it keeps it, a new one has none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from secretaris.dossier.finance import size_class
from secretaris.dossier.matching import search_key
from secretaris.dossier.sources.build import iv3_medians, register_data
from secretaris.dossier.sources.files import SourceError
from secretaris.dossier.sources.iv3 import DOCUMENTS, choose_documents
from secretaris.dossier.sources.online_cbs import odata_rows, odata_url
from secretaris.dossier.sources.online_fetch import NOTHING_CHANGED, DataUpdateError, read_bytes
from secretaris.dossier.sources.roo import parse_register

Progress = Callable[[str], object]

#: The CBS dataderden tables "Gemeenten <jaar> onbewerkte Iv3-data".
IV3_TABLES = {2023: "45063NED", 2024: "45067NED", 2025: "45071NED", 2026: "45078NED"}
IV3_EXAMPLE_URL = "https://dataderden.cbs.nl/ODataApi/odata"
IV3_FIELDS = "Gemeenten,Verslagsoort,Categorie,TaakveldBalanspost,k_1ePlaatsing_1"
RESERVES = {"0.10", "0.11"}  # mutaties reserves and resultaat: not in lasten or baten
BALANCE = ("eigen_vermogen", "balanstotaal")


# -- register -------------------------------------------------------------------------------


def update_register(
    dataset: dict, organisations: str, office_holders: str, retrieved: str, *, timeout: float
) -> list[str]:
    texts = [_text(location, timeout) for location in (organisations, office_holders)]
    names = {search_key(g["name"]): g["code"] for g in dataset.get("gemeenten", [])}
    try:
        entries = parse_register(texts[0], texts[1], names)
    except SourceError as exc:
        raise DataUpdateError(
            f"Register van Overheidsorganisaties: {exc} {NOTHING_CHANGED}"
        ) from exc
    key = f"roo_gemeenten_{retrieved.replace('-', '')}"
    changed, unchanged = [], 0
    for gemeente in dataset.get("gemeenten", []):
        entry = entries.pop(gemeente["code"], None)
        if entry is None:
            continue
        new = register_data(entry, gemeente.get("elections", []))
        old = gemeente.get("register") or {}
        if {**new, "source": None} == {**old, "source": None}:
            unchanged += 1
            continue
        new["source"] = key
        gemeente["register"] = new
        changed.append(gemeente["name"])
    if changed:
        _add_source(
            dataset,
            key,
            (
                "Export Gemeenten en medewerkers (organisaties.overheid.nl)",
                "Register van Overheidsorganisaties (ROO)",
            ),
            organisations,
            "Open data (CC0 volgens de open-data-verklaring van het ROO)",
            f"Opgehaald op {retrieved}; burgemeester, wethouders, secretaris, griffier en "
            "partijen in de raad.",
        )
    lines = [
        f"Register van Overheidsorganisaties: {len(changed)} gemeenten bijgewerkt, "
        f"{unchanged} ongewijzigd."
    ]
    if changed:
        lines.append(
            f"Register bijgewerkt voor: {', '.join(changed[:20])}"
            + (f" en {len(changed) - 20} meer." if len(changed) > 20 else ".")
        )
    if entries:
        lines.append(
            f"Register: onbekende gemeentecode(s), niet toegevoegd: {', '.join(sorted(entries))}."
        )
    return lines


def _add_source(
    dataset: dict, key: str, names: tuple[str, str], location: str, licence: str, note: str
) -> None:
    title, publisher = names
    url = location if location.startswith("http") else ""
    dataset.setdefault("sources", {})[key] = {
        "title": title,
        "publisher": publisher,
        "url": url,
        "licence": licence,
        "note": note,
    }


def _text(location: str, timeout: float) -> str:
    body = read_bytes(location, timeout=timeout)
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataUpdateError(f"{location} is geen UTF-8-tekst ({exc}). {NOTHING_CHANGED}") from exc


# -- Iv3 ------------------------------------------------------------------------------------


def update_iv3(
    dataset: dict,
    base: str,
    retrieved: str,
    *,
    tables: dict[int, str] | None = None,
    timeout: float,
    progress: Progress,
) -> list[str]:
    documents: dict[tuple[str, str], dict[str, Any]] = {}
    for year, table in sorted((tables or IV3_TABLES).items()):
        progress(f"CBS Iv3 {year} ({table}) ophalen…")
        url = odata_url(base, table, "TypedDataSet", {"$select": IV3_FIELDS})
        for (code, kind), doc in roll_up(odata_rows(url, timeout=timeout)).items():
            documents[(code, kind)] = doc
    key = f"cbs_iv3_{retrieved.replace('-', '')}"
    index = {g["code"]: g for g in dataset.get("gemeenten", [])}
    added = replaced = unchanged = 0
    unknown: set[str] = set()
    without_inhabitants: list[str] = []
    for (code, kind), figures in sorted(documents.items()):
        gemeente = index.get(code)
        if gemeente is None:
            unknown.add(code)
            continue
        year = int(kind[:4])
        inhabitants = _inhabitants(gemeente, year)
        if inhabitants is None:
            without_inhabitants.append(f"{code} {kind}")
            continue
        outcome = _merge_document(gemeente, kind, figures, inhabitants, key)
        added += outcome == "added"
        replaced += outcome == "replaced"
        unchanged += outcome == "unchanged"
    if added or replaced:
        dataset["iv3_medians"] = iv3_medians(
            {g["code"]: g.get("financien", []) for g in dataset.get("gemeenten", [])}
        )
        _add_source(
            dataset,
            key,
            ("Gemeenten, onbewerkte Iv3-data (CBS, dataderden)", "CBS"),
            base,
            "CC BY 4.0",
            f"Opgehaald op {retrieved}: lasten, baten, loonsom, externe inhuur, overhead, "
            "sociaal domein en lasten per taakveld; de balans is niet bijgewerkt.",
        )
    lines = [
        f"CBS Iv3: {added} nieuwe en {replaced} gewijzigde documenten, {unchanged} ongewijzigd "
        "(per jaar de jaarrekening, anders de begroting)."
    ]
    if unknown:
        lines.append(
            f"CBS Iv3: onbekende gemeentecode(s), niet toegevoegd: {', '.join(sorted(unknown))}."
        )
    if without_inhabitants:
        lines.append(
            f"CBS Iv3: geen inwonertal in de gegevens voor {', '.join(without_inhabitants)}."
        )
    return lines


def roll_up(rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Iv3 rows -> per (GM code, verslagsoort) the totals the data set keeps (€ 1.000)."""
    sums: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"taakvelden": defaultdict(Decimal)}
    )
    for row in rows:
        code = str(row.get("Gemeenten") or "").strip().upper()
        kind = str(row.get("Verslagsoort") or "").strip()
        category = str(row.get("Categorie") or "").strip().upper()
        taakveld = str(row.get("TaakveldBalanspost") or "").strip()
        value = _decimal(row.get("k_1ePlaatsing_1"))
        if not code.startswith("GM") or kind[4:] not in DOCUMENTS or value is None:
            continue
        doc = sums[(code, kind)]
        if category.startswith("L") and taakveld not in RESERVES and taakveld[:1].isdigit():
            _add(doc, "lasten", value)
            doc["taakvelden"][taakveld.split(".")[0]] += value
            if _is(category, "L1.1"):
                _add(doc, "loonsom", value)
            if _is(category, "L3.5.1"):
                _add(doc, "externe_inhuur", value)
            if taakveld == "0.4":
                _add(doc, "overhead", value)
            if taakveld.startswith("6."):
                _add(doc, "sociaal_domein", value)
        elif category.startswith("B") and taakveld not in RESERVES and taakveld[:1].isdigit():
            _add(doc, "baten", value)
    result = {}
    for key, doc in sums.items():
        if not doc.get("lasten"):
            continue  # nothing delivered (CBS writes 0)
        if DOCUMENTS[key[1][4:]] == "begroting":
            doc.pop("externe_inhuur", None)  # inhuur only from jaarrekeningen, as in the build
        doc["taakvelden"] = {k: v for k, v in sorted(doc["taakvelden"].items())}
        result[key] = {
            k: _whole(v) if k != "taakvelden" else {t: _whole(a) for t, a in v.items()}
            for k, v in doc.items()
        }
    return result


def _merge_document(gemeente: dict, kind: str, figures: dict, inhabitants: int, source: str) -> str:
    year, document = int(kind[:4]), DOCUMENTS[kind[4:]]
    docs = {(d["year"], d["document"]): d for d in gemeente.get("financien", [])}
    old = docs.get((year, document))
    new = {
        "document": document,
        "year": year,
        "inwoners": inhabitants,
        **figures,
        "size_class": size_class(gemeente["code"], inhabitants),
        "source": source,
    }
    if old is not None:
        for key in BALANCE:
            if key in old:
                new[key] = old[key]
        if {**old, "source": None} == {**new, "source": None}:
            return "unchanged"
    docs[(year, document)] = new
    by_kind = {
        f"{y}{'X005' if d == 'jaarrekening' else 'X000'}": doc for (y, d), doc in docs.items()
    }
    gemeente["financien"] = choose_documents(by_kind)
    return "replaced" if old is not None else "added"


def _inhabitants(gemeente: dict, year: int) -> int | None:
    """The CBS inhabitants on 1 January of the year, else the newest figure before it."""
    facts = sorted(
        (f for f in gemeente.get("facts", []) if f.get("key") == "inwoners"),
        key=lambda f: f["date"],
    )
    earlier = [f for f in facts if f["date"] <= f"{year}-01-01"]
    chosen = earlier[-1] if earlier else None
    return int(Decimal(str(chosen["value"]))) if chosen else None


def _is(category: str, code: str) -> bool:
    return category == code or category.startswith(code + ".")


def _add(doc: dict, key: str, value: Decimal) -> None:
    doc[key] = doc.get(key, Decimal(0)) + value


def _decimal(raw: Any) -> Decimal | None:
    if raw is None or raw == "":
        return None
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        return None


def _whole(value: Decimal) -> int:
    return int(value.to_integral_value())
