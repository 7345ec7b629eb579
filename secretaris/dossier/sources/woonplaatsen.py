"""BAG woonplaatsen per gemeente with the COROP region (CBS tables via `woningwaardering`).

One row per woonplaats: `Woonplaatscode, Woonplaats, Gemeentecode, Gemeente,
COROP-gebiedcode, COROP-gebied`. A BAG woonplaats is not a CBS "kern", but the count is a
fair proxy for the number of villages and towns in a municipality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from secretaris.dossier.sources.files import SourceError, gm_code, read_csv

PATH = Path("woningwaardering_woonplaatsen") / "corop.generated.csv"
COLUMNS = (
    "Woonplaatscode",
    "Woonplaats",
    "Gemeentecode",
    "Gemeente",
    "COROP-gebiedcode",
    "COROP-gebied",
)


@dataclass(frozen=True)
class Woonplaats:
    code: str
    name: str


@dataclass
class GemeenteWoonplaatsen:
    code: str
    name: str
    corop_code: str  # CR17
    corop_name: str
    woonplaatsen: list[Woonplaats] = field(default_factory=list)


def read_woonplaatsen(raw_dir: Path) -> dict[str, GemeenteWoonplaatsen]:
    """Per gemeentecode (GM0344): its COROP region and woonplaatsen sorted by name."""
    path = raw_dir / PATH
    result: dict[str, GemeenteWoonplaatsen] = {}
    for number, row in enumerate(read_csv(path, COLUMNS), start=2):
        try:
            code = gm_code(row["Gemeentecode"])
            corop = f"CR{int(row['COROP-gebiedcode']):02d}"
            woonplaats = Woonplaats(str(int(row["Woonplaatscode"])), row["Woonplaats"].strip())
        except (TypeError, ValueError) as exc:
            raise SourceError(f"Bestand {path.name}, regel {number}: {exc}") from exc
        entry = result.setdefault(
            code,
            GemeenteWoonplaatsen(code, row["Gemeente"].strip(), corop, row["COROP-gebied"].strip()),
        )
        if entry.corop_code != corop:
            raise SourceError(
                f"Bestand {path.name}, regel {number}: {code} ligt in twee COROP-gebieden."
            )
        entry.woonplaatsen.append(woonplaats)
    for entry in result.values():
        entry.woonplaatsen.sort(key=lambda w: (w.name, w.code))
    return result
