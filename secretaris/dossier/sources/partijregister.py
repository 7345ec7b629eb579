"""GR2026 seats per list and CBS inhabitants of January 2026 (MinBZK `partijregister.json`).

Only `gebieden[]` (orgaan GEMEENTERAAD: code, naam, inwoneraantal) and
`partijen[].naam` + `decentrale_uitslagen[]` (orgaan GEMEENTERAAD: gebied_code, zetels) are
read. The file's KvK numbers, organisation models and demo examples are synthetic and are
ignored. Lists without a seat are not in the file, and there are no votes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from secretaris.dossier.sources.files import SourceError, gm_code, read_json

PATH = Path("minbzk_partijregister") / "partijregister.json"
COUNCIL = "GEMEENTERAAD"


@dataclass
class Gr2026:
    code: str
    name: str
    inhabitants: int | None
    seats: list[tuple[str, int]] = field(default_factory=list)  # (list name, seats)


def read_partijregister(raw_dir: Path) -> dict[str, Gr2026]:
    path = raw_dir / PATH
    data = read_json(path)
    result: dict[str, Gr2026] = {}
    try:
        for area in data["gebieden"]:
            if area.get("orgaan") != COUNCIL:
                continue
            code = gm_code(area["code"])
            inhabitants = area.get("inwoneraantal")
            result[code] = Gr2026(
                code,
                str(area["naam"]).strip(),
                int(inhabitants) if inhabitants is not None else None,
            )
        for party in data["partijen"]:
            for outcome in party.get("decentrale_uitslagen") or []:
                if outcome.get("orgaan") != COUNCIL or not outcome.get("zetels"):
                    continue
                code = gm_code(outcome["gebied_code"])
                if code not in result:
                    raise SourceError(f"Bestand {path.name}: zetels voor onbekend gebied {code}.")
                result[code].seats.append((str(party["naam"]).strip(), int(outcome["zetels"])))
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceError(f"Bestand {path.name}: onverwachte inhoud ({exc}).") from exc
    return result
