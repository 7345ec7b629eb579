"""CBS Iv3 budgets and accounts per municipality, 2023-2026 (SOURCES.md §14).

Per municipality one document per year: the jaarrekening where it has figures, else the
begroting. Amounts stay in € 1.000 as CBS gives them; lasten per taakveld are summed per
main taakveld (0-8), which stays comparable across the 2025 change of the taakveld scheme.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from secretaris.dossier.finance import size_class
from secretaris.dossier.sources.files import SourceError, decimal_text, gm_code, read_csv

DIR = Path("cbs_iv3_gemeentefinancien")
TOTALS = DIR / "iv3_totalen_per_gemeente_2023-2026.csv"
TAAKVELDEN = DIR / "iv3_lasten_per_taakveld_2023-2026.csv"
COLUMNS = {
    "inwoners": "inwoners",
    "lasten": "lasten_excl_reserves",
    "baten": "baten_excl_reserves",
    "loonsom": "salarissen_sociale_lasten_L1_1",
    "externe_inhuur": "ingeleend_personeel_L3_5_1",
    "overhead": "lasten_overhead_tv0_4",
    "sociaal_domein": "lasten_sociaal_domein_tv6",
    "eigen_vermogen": "eigen_vermogen_P11_ultimo",
    "balanstotaal": "balanstotaal_passiva_ultimo",
}
DOCUMENTS = {"X000": "begroting", "X005": "jaarrekening"}


def read_iv3(raw_dir: Path) -> dict[str, list[dict]]:
    """GM code -> documents (oldest year first), each a dict of integer amounts."""
    per_code: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in read_csv(raw_dir / TOTALS, ("gm_code", "verslagsoort", *COLUMNS.values())):
        doc = _document(row)
        if doc is not None:
            per_code[gm_code(row["gm_code"])][row["verslagsoort"]] = doc
    for row in read_csv(raw_dir / TAAKVELDEN, ("gm_code", "verslagsoort")):
        doc = per_code.get(gm_code(row["gm_code"]), {}).get(row["verslagsoort"])
        if doc is not None:
            doc["taakvelden"] = _main_taakvelden(row)
    return {code: choose_documents(docs) for code, docs in sorted(per_code.items())}


def choose_documents(docs: dict[str, dict]) -> list[dict]:
    """Per year the jaarrekening if it has figures, else the begroting; oldest first."""
    chosen = []
    for year in sorted({key[:4] for key in docs}):
        doc = docs.get(f"{year}X005") or docs.get(f"{year}X000")
        if doc is not None:
            chosen.append(doc)
    return chosen


def _document(row: dict[str, str]) -> dict | None:
    kind = DOCUMENTS.get(row["verslagsoort"][4:])
    if kind is None:
        raise SourceError(f"Iv3: onbekende verslagsoort {row['verslagsoort']}.")
    values = {key: _int(row[column]) for key, column in COLUMNS.items()}
    if kind == "begroting":
        # Budgets hold far less hiring than the accounts: inhuur only from jaarrekeningen.
        values["externe_inhuur"] = None
    if values["lasten"] is None or not values["inwoners"]:
        return None  # "geen Iv3-opgave"
    code = gm_code(row["gm_code"])
    return {
        "document": kind,
        "year": int(row["verslagsoort"][:4]),
        **{k: v for k, v in values.items() if v is not None},
        "size_class": size_class(code, values["inwoners"]),
        "source": "cbs-iv3",
    }


def _main_taakvelden(row: dict[str, str]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for column, value in row.items():
        if column.startswith("tv_") and (number := _int(value)) is not None:
            main = column[3:].split(".")[0]
            if main.isdigit():
                totals[main] += number
    return dict(sorted(totals.items()))


def _int(text: str | None) -> int | None:
    value = decimal_text(text)
    if value is None:
        return None
    if "." in value:
        raise SourceError(f"Iv3: bedrag '{text}' is geen geheel getal (× € 1.000).")
    return int(value)
