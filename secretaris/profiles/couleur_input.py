"""Turn a profile's dossier snapshot (and what users entered) into rule input.

Read defensively: a municipality may lack any part of the dossier (no election, no
regelingen, no Iv3 balance), and older snapshots lack the newer parts altogether.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from secretaris.competencies.couleur import Couleur, FinanceFigures, MergerFact, StaffFigures
from secretaris.dossier.governance import SHORT_NAME
from secretaris.dossier.politics import effective_number_of_parties
from secretaris.profiles.bestuur import coalition


def couleur_from_snapshot(
    snapshot: dict[str, Any],
    organisation: dict[str, Any] | None = None,
    today: date | None = None,
    bestuur: dict[str, Any] | None = None,
) -> Couleur:
    """`bestuur` is the profile's own notes (Profile.bestuur); without it nothing is known."""
    facts = snapshot.get("facts", {})
    history = snapshot.get("inhabitants_history", [])
    council = snapshot.get("council") or {}
    bestuur = bestuur or {}
    cooperation = snapshot.get("samenwerking") or {}
    seats = [item["seats"] for item in council.get("seats", [])]
    inhabitants = snapshot.get("inhabitants") or {}
    growth, years = _growth(history)
    return Couleur(
        name=snapshot.get("name", ""),
        inhabitants=inhabitants.get("value"),
        inhabitants_date=_date(inhabitants.get("date")),
        growth=growth,
        growth_years=years,
        woonplaatsen=len(snapshot.get("woonplaatsen", [])),
        mergers=tuple(
            MergerFact(
                date=date.fromisoformat(m["date"]),
                kind=m["kind"],
                predecessors=tuple(p["name"] for p in m.get("predecessors", [])),
            )
            for m in snapshot.get("mergers", [])
        ),
        merger_plans=bestuur.get("merger_plans") or "",
        shared_service=shared_service_name(cooperation),
        regelingen=_regelingen(cooperation),
        finances=_finances(snapshot.get("financien") or {}),
        lists_with_seats=council.get("lists_with_seats"),
        enp=effective_number_of_parties(seats) if seats else None,
        council_size=council.get("seats_total"),
        coalition_parties=tuple(coalition(bestuur)),
        coalition_changes=bestuur.get("coalition_changes") or "",
        regional_cooperation=bestuur.get("regional_cooperation") or "",
        corop_centre=bool((snapshot.get("corop") or {}).get("centre_function")),
        corop_name=(snapshot.get("corop") or {}).get("name", ""),
        urbanity=_int(facts.get("stedelijkheid", {}).get("value")),
        aged_65_plus=_decimal(facts.get("leeftijd_65_plus", {}).get("value")),
        staff=_staff(organisation or {}),
        today=today or date.today(),
    )


def shared_service_name(cooperation: dict[str, Any]) -> str:
    """The shared werkorganisatie the civil service works in, "" when none is known."""
    shared = cooperation.get("shared_civil_service")
    if isinstance(shared, dict) and shared.get("name"):
        return short_name(str(shared["name"]))
    return ""


def short_name(name: str) -> str:
    """'Gemeenschappelijke Regeling Werkorganisatie Druten Wijchen' -> 'Werkorganisatie
    Druten Wijchen', as the dossier writes it."""
    short = SHORT_NAME.sub("", name).strip(" -–:")
    return (short[:1].upper() + short[1:]) if short else name


def _regelingen(cooperation: dict[str, Any]) -> int | None:
    count = cooperation.get("count")
    return count if isinstance(count, int) else None


def latest_accounts(finance: dict[str, Any]) -> dict[str, Any] | None:
    """The newest jaarrekening with a balance sheet (begrotingen have none)."""
    accounts = [
        d
        for d in finance.get("documents") or []
        if d.get("document") == "jaarrekening" and d.get("solvabiliteit") is not None
    ]
    return max(accounts, key=lambda d: d.get("year") or 0) if accounts else None


def _finances(finance: dict[str, Any]) -> FinanceFigures | None:
    accounts = latest_accounts(finance)
    if accounts is None:
        return None
    return FinanceFigures(
        solvency_pct=_decimal(accounts.get("solvabiliteit")), year=_int(accounts.get("year"))
    )


def _value(item: Any) -> Any:
    return item.get("value") if isinstance(item, dict) else item


def _growth(history: list[dict]) -> tuple[Fraction | None, int | None]:
    """Relative change between the oldest and newest 1 January figure."""
    if len(history) < 2:
        return None, None
    first, last = history[0], history[-1]
    years = date.fromisoformat(last["date"]).year - date.fromisoformat(first["date"]).year
    if years <= 0 or not first["value"]:
        return None, None
    return Fraction(last["value"] - first["value"], first["value"]), years


def _staff(organisation: dict[str, Any]) -> StaffFigures | None:
    values = {
        "fte": _decimal(organisation.get("fte")),
        "employees": _decimal(organisation.get("employees")),
        "sickness_absence_pct": _decimal(organisation.get("sickness_absence_pct")),
        "turnover_pct": _decimal(organisation.get("turnover_pct")),
        "average_age": _decimal(organisation.get("average_age")),
        "satisfaction": _decimal(organisation.get("satisfaction")),
    }
    if not any(v is not None for v in values.values()):
        return None
    return StaffFigures(**values)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _decimal(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
