"""Financial indicators computed from CBS Iv3 figures (pure, exact; "berekend uit CBS Iv3").

These approximate, but are not, the official BBV indicators a municipality publishes.
Amounts come in € 1.000; shares are percentages rounded to one decimal, amounts per
inhabitant whole euros. Unknown inputs give None, never 0.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from statistics import median

G4 = frozenset({"GM0363", "GM0599", "GM0518", "GM0344"})
#: Below this own loonsom per inhabitant the staff work in a shared organisation (the
#: lowest municipality with its own civil service is above € 240; the shared ones € 40-150).
OWN_STAFF_MINIMUM = Decimal(200)

SIZE_CLASSES = ("< 20.000", "20.000–50.000", "50.000–100.000", "> 100.000", "G4")

TAAKVELDEN = {
    "0": "Bestuur en ondersteuning",
    "1": "Veiligheid",
    "2": "Verkeer, vervoer en waterstaat",
    "3": "Economie",
    "4": "Onderwijs",
    "5": "Sport, cultuur en recreatie",
    "6": "Sociaal domein",
    "7": "Volksgezondheid en milieu",
    "8": "Volkshuisvesting, leefomgeving en stedelijke vernieuwing",
}

#: Short names for the chart of lasten per taakveld.
CHART_LABELS = {
    "0": "Bestuur en ondersteuning",
    "1": "Veiligheid",
    "2": "Verkeer en vervoer",
    "3": "Economie",
    "4": "Onderwijs",
    "5": "Sport, cultuur, recreatie",
    "6": "Sociaal domein",
    "7": "Gezondheid en milieu",
    "8": "Volkshuisvesting",
}

#: The rows of the dossier's table: key, label, (unit suffix, decimals).
TABLE_ROWS = (
    ("lasten_per_inwoner", "Lasten per inwoner (€)", ("", 0)),
    ("sociaal_domein_share", "Aandeel sociaal domein in de lasten", (" %", 1)),
    ("overhead_share", "Aandeel overhead in de lasten", (" %", 1)),
    ("loonsom_per_inwoner", "Loonsom per inwoner (€)", ("", 0)),
    ("externe_inhuur_share", "Externe inhuur, % van loonsom + inhuur", (" %", 1)),
    ("solvabiliteit", "Solvabiliteit (eigen vermogen / balanstotaal)", (" %", 1)),
)

INDICATORS = (
    "lasten_per_inwoner",
    "sociaal_domein_share",
    "loonsom_per_inwoner",
    "externe_inhuur_share",
    "overhead_share",
    "solvabiliteit",
)


def size_class(code: str, inhabitants: int) -> str:
    """The A&O fonds size class of a municipality."""
    if code in G4:
        return "G4"
    if inhabitants < 20_000:
        return "< 20.000"
    if inhabitants < 50_000:
        return "20.000–50.000"
    if inhabitants < 100_000:
        return "50.000–100.000"
    return "> 100.000"


def _n(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _share(part, whole) -> Decimal | None:
    part, whole = _n(part), _n(whole)
    if part is None or not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _per_inhabitant(amount, inhabitants) -> Decimal | None:
    amount, inhabitants = _n(amount), _n(inhabitants)
    if amount is None or not inhabitants:
        return None
    return (amount * 1000 / inhabitants).quantize(Decimal(1), ROUND_HALF_UP)


def indicators(doc: dict) -> dict[str, Decimal | bool | None]:
    """The indicators of one Iv3 document (keys as in the data set, amounts in € 1.000)."""
    loonsom_pi = _per_inhabitant(doc.get("loonsom"), doc.get("inwoners"))
    own_staff = None if loonsom_pi is None else loonsom_pi >= OWN_STAFF_MINIMUM
    inhuur = doc.get("externe_inhuur")
    loonsom = doc.get("loonsom")
    inhuur_share = None
    if own_staff and doc.get("document") == "jaarrekening" and inhuur is not None:
        inhuur_share = _share(inhuur, Decimal(loonsom) + Decimal(inhuur))
    return {
        "lasten_per_inwoner": _per_inhabitant(doc.get("lasten"), doc.get("inwoners")),
        "sociaal_domein_share": _share(doc.get("sociaal_domein"), doc.get("lasten")),
        "loonsom_per_inwoner": loonsom_pi if own_staff else None,
        "externe_inhuur_share": inhuur_share,
        "overhead_share": _share(doc.get("overhead"), doc.get("lasten")),
        "solvabiliteit": _share(doc.get("eigen_vermogen"), doc.get("balanstotaal")),
        "own_staff": own_staff,
    }


def class_medians(docs: list[dict]) -> dict[str, str | None]:
    """Median of each indicator over documents of one size class (as decimal strings)."""
    result: dict[str, str | None] = {}
    for key in INDICATORS:
        values = [v for d in docs if (v := indicators(d)[key]) is not None]
        if not values:
            result[key] = None
            continue
        exponent = Decimal(1) if key.endswith("per_inwoner") else Decimal("0.1")
        result[key] = str(Decimal(median(values)).quantize(exponent, ROUND_HALF_UP))
    return result


NOTE = "berekend uit CBS Iv3; geen officiële BBV-indicatoren"


def _json(value):
    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral_value() and value.as_tuple().exponent >= 0
            else float(value)
        )
    return value


def document_json(doc: dict) -> dict:
    """One Iv3 document as the dossier exports it (amounts in € 1.000, shares in %)."""
    values = indicators(doc)
    medians = doc.get("class_median") or {}
    return {
        "document": doc["document"],
        "year": doc["year"],
        "label": f"{doc['document'].capitalize()} {doc['year']}",
        "inwoners": doc.get("inwoners"),
        "lasten": doc.get("lasten"),
        "baten": doc.get("baten"),
        "loonsom": doc.get("loonsom") if values["own_staff"] else None,
        "externe_inhuur": doc.get("externe_inhuur") if values["own_staff"] else None,
        **{key: _json(values[key]) for key in INDICATORS},
        "own_staff": values["own_staff"],
        "taakvelden": [
            {"code": code, "label": TAAKVELDEN.get(code, code), "lasten": amount}
            for code, amount in (doc.get("taakvelden") or {}).items()
        ],
        "size_class": doc.get("size_class"),
        "size_class_count": doc.get("class_count"),
        "size_class_median": {
            k: _json(Decimal(v)) if v is not None else None for k, v in medians.items()
        },
    }
