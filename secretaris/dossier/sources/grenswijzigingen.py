"""Municipal boundary changes 2016-2024 as address flows (VNG `grenswijzigen`, DERIVED CSV).

Licence CC BY-NC-SA 4.0: only the plain facts of which municipality went into which and
when are used. Address counts and shares serve to filter noise (share >= 0.01) and to tell
a whole transfer from a part; they are never written to the data set.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from secretaris.dossier.sources.files import SourceError, gm_code, read_csv

PATH = Path("grenswijzigen_reidhin") / "grenswijzigingen_gemeente_2016_2024_long_DERIVED.csv"
COLUMNS = (
    "variant",
    "jaar_van",
    "jaar_naar",
    "gemeentecode_van",
    "gemeentecode_naar",
    "aandeel_van_bron",
)
MODEL = "model0_postcode_huisnummer"
CHECK_MODEL = "model1_woonadressen_met_toevoeging"
MIN_SHARE = Decimal("0.01")


@dataclass(frozen=True)
class Flow:
    """Part of `source` (of the 1 January `year_from` indeling) lies in `target` on
    1 January `year_from + 1`."""

    year_from: int
    source: str
    target: str
    whole: bool  # (nearly) all of the source went to this target


@dataclass
class Flows:
    flows: list[Flow]
    years: set[int]  # year_from values covered
    disagreements: list[str]  # where model 1 does not confirm a model 0 flow

    def from_year(self, year_from: int) -> list[Flow]:
        return [f for f in self.flows if f.year_from == year_from]


def read_flows(raw_dir: Path) -> Flows:
    """Yearly steps (jaar_naar = jaar_van + 1) with share >= 0.01 between different codes."""
    path = raw_dir / PATH
    found: dict[str, dict[tuple[int, str, str], Decimal]] = {MODEL: {}, CHECK_MODEL: {}}
    years: set[int] = set()
    for number, row in enumerate(read_csv(path, COLUMNS), start=2):
        try:
            year_from, year_to = int(row["jaar_van"]), int(row["jaar_naar"])
            source, target = gm_code(row["gemeentecode_van"]), gm_code(row["gemeentecode_naar"])
            share = Decimal(row["aandeel_van_bron"])
        except (ValueError, InvalidOperation) as exc:
            raise SourceError(f"Bestand {path.name}, regel {number}: {exc}") from exc
        if year_to != year_from + 1 or row["variant"] not in found:
            continue
        years.add(year_from)
        if source != target and share >= MIN_SHARE:
            found[row["variant"]][(year_from, source, target)] = share
    flows = [
        Flow(year, source, target, whole=share >= Decimal("0.99"))
        for (year, source, target), share in sorted(found[MODEL].items())
    ]
    disagreements = [
        f"{source} -> {target} ({year}-{year + 1})"
        for (year, source, target) in sorted(set(found[MODEL]) ^ set(found[CHECK_MODEL]))
    ]
    return Flows(flows, years, disagreements)
