"""Couleur locale: explainable rules that suggest situational competencies and a type.

The seed says that, depending on the *couleur locale*, one or more of the eight situational
competencies matter, and asks whether a municipality is more a regie-, ontwikkel- or
beheergemeente. This module suggests both from the figures; the user checks and overrules.

- Every rule is a small function in `RULES`. When its fact passes its threshold (a named
  constant below) it returns a `Finding`: a Dutch sentence with the numbers behind it, the
  competencies it points to and a weight.
- `suggest()` adds the weights per competency, strongest first. The strongest three are
  `recommended`, a fourth only on a tie with the third; the rest come back with their reasons
  too; a competency without any reason is left out.
- Type: growth or a (planned) herindeling means *ontwikkel*; work done with or by others at a
  small own scale means *regie*; neither means *beheer*. A type users set themselves
  (Bestuur.gemeente_type) wins; that is up to the caller.

Pure Python, no Django. `Couleur` is built from the dossier elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from secretaris.competencies.model import get_model
from secretaris.documents.dates import nl_date
from secretaris.documents.numbers import format_number

GemeenteType = Literal["regie", "ontwikkel", "beheer"]

# The situational competencies, by their stable keys in the competency model.
ADVIES = "adviesvaardigheid"
PLANNEN = "plannen-en-organiseren"
RESULTAAT = "resultaatgerichtheid"
COACHING = "coaching-ontwikkelingsgerichtheid"
SAMENWERKEN = "samenwerken"
VISIE = "visie"
NETWERK = "netwerkvaardigheid"
COMPLEX = "complexe-organisatieontwikkeling"

# --- Thresholds ------------------------------------------------------------------------------

#: A herindeling at most this many years ago still shapes the organisation.
RECENT_MERGER_YEARS = 10
#: A samenvoeging between 10 and this many years ago still counts, but less.
EARLIER_MERGER_YEARS = 20
#: This many BAG woonplaatsen or more: a municipality of many kernen.
MANY_WOONPLAATSEN = 15
#: Effective number of parties (Laakso–Taagepera) from which a council is fragmented.
FRAGMENTED_ENP = Decimal(6)
#: Or this many lists with seats in the council.
FRAGMENTED_LISTS = 9
#: A coalition of this many parties or more.
LARGE_COALITION = 4
#: Strong growth: 0,9 % or more inhabitants a year on average, clearly above the
#: Netherlands as a whole (2015–2025: 0,7 % a year).
STRONG_GROWTH_PCT_PER_YEAR = Decimal("0.9")
#: Shrinkage: at least 0,25 % fewer inhabitants per year on average.
SHRINKAGE_PCT_PER_YEAR = Decimal("-0.25")
#: Ageing: at least this share of inhabitants is 65 or older (the Netherlands: about 20 %).
AGEING_65_PLUS_PCT = Decimal(25)
#: From this many inhabitants a municipality is large.
LARGE_MUNICIPALITY = 100_000
#: Below this many inhabitants a municipality is small: the secretary is also a generalist.
SMALL_MUNICIPALITY = 25_000
#: A regional centre below this many inhabitants leans on regional arrangements (regie).
CENTRE_SMALL_SCALE = 50_000
#: Sector figures (value, year), A&O-fonds Gemeenten Personeelsmonitor; see dossier Benchmark.
SECTOR_SICKNESS_ABSENCE_PCT = (Decimal("6.5"), 2023)  # ziekteverzuim
SECTOR_TURNOVER_PCT = (Decimal("8.3"), 2022)  # uitstroom
SECTOR_AVERAGE_AGE = (Decimal("47.2"), 2022)  # gemiddelde leeftijd in jaren
#: High turnover: at least this percentage per year (about 1,5 times the sector figure).
HIGH_TURNOVER_PCT = Decimal(12)
#: An ageing workforce: average age at least this many years.
HIGH_AVERAGE_AGE = Decimal(50)
#: Low employee satisfaction: a report mark (1–10) below this.
LOW_SATISFACTION = Decimal(7)
#: Weights of a finding: a herindeling or fusieplan weighs double.
NORMAL = 1
STRONG = 2
#: How many suggestions are marked as recommended: three, a fourth only on a tie.
RECOMMENDED = 3
MAX_RECOMMENDED = 4

#: Words in the regional-cooperation text that show work done together with or by others.
REGIE_WORDS = (
    "werkorganisatie",
    "ambtelijke fusie",
    "ambtelijke samenwerking",
    "gemeenschappelijke regeling",
    "uitbeste",
    "shared service",
    "regie",
)
#: Texts that users enter to say "nothing" (compared lower case, without a final full stop).
_NOTHING = {"", "-", "–", "geen", "nee", "n.v.t", "nvt", "onbekend", "niet bekend"}
_ORGANISATION_CHANGING = ("samenvoeging", "toevoeging", "splitsing")


# --- Input and output ------------------------------------------------------------------------


@dataclass(frozen=True)
class MergerFact:
    """A herindeling: kind is samenvoeging, toevoeging, splitsing or naamswijziging."""

    date: date
    kind: str
    predecessors: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class StaffFigures:
    """Organisation figures. Percentages in %, satisfaction as a report mark from 1 to 10."""

    fte: Decimal | None = None
    employees: Decimal | None = None
    sickness_absence_pct: Decimal | None = None
    turnover_pct: Decimal | None = None
    average_age: Decimal | None = None
    satisfaction: Decimal | None = None


@dataclass(frozen=True, kw_only=True)
class Couleur:
    """What the rules look at. Unknown figures are None (or empty); rules then stay silent.

    `growth` is the relative change of the number of inhabitants over `growth_years` years
    up to `inhabitants_date` (Fraction(123, 1000) is 12,3 % more). `aged_65_plus` is a
    percentage. `urbanity` (CBS stedelijkheid, 1 very urban .. 5 not urban): no rule yet.
    """

    name: str
    today: date
    inhabitants: int | None = None
    inhabitants_date: date | None = None
    growth: Fraction | None = None
    growth_years: int | None = None
    woonplaatsen: int = 0
    mergers: tuple[MergerFact, ...] = ()
    merger_plans: str = ""
    lists_with_seats: int | None = None
    enp: Fraction | None = None
    council_size: int | None = None
    coalition_parties: tuple[str, ...] = ()
    coalition_changes: str = ""
    regional_cooperation: str = ""
    corop_centre: bool = False
    corop_name: str = ""
    urbanity: int | None = None
    aged_65_plus: Decimal | None = None
    staff: StaffFigures | None = None


@dataclass(frozen=True)
class Finding:
    """What one rule saw: a Dutch sentence with numbers, the competencies and a weight."""

    reason: str
    competencies: tuple[str, ...]
    weight: int = NORMAL


@dataclass(frozen=True)
class Suggestion:
    competency: str  # key in the competency model
    reasons: tuple[str, ...]
    weight: int
    recommended: bool


@dataclass(frozen=True)
class Suggestions:
    situational: tuple[Suggestion, ...]  # strongest first
    type: GemeenteType
    type_reasons: tuple[str, ...]


# --- Rules: situational competencies ---------------------------------------------------------


def recent_merger(c: Couleur) -> Finding | None:
    """A herindeling in the last 10 years: the organisation is still growing together.

    Counts samenvoeging, toevoeging and a part of a split municipality, not a new name.
    Points to complexe organisatieontwikkeling and samenwerken; a samenvoeging weighs double.
    """
    mergers = _recent_mergers(c)
    if not mergers:
        return None
    weight = STRONG if any(m.kind == "samenvoeging" for m in mergers) else NORMAL
    return Finding(_merger_sentence(mergers, c.today), (COMPLEX, SAMENWERKEN), weight)


def earlier_merger(c: Couleur) -> Finding | None:
    """A samenvoeging 10 to 20 years ago: former organisations and cultures still show.
    Points to complexe organisatieontwikkeling, with normal weight.
    """
    since = _years_before(c.today, EARLIER_MERGER_YEARS)
    until = _years_before(c.today, RECENT_MERGER_YEARS)
    mergers = [m for m in c.mergers if m.kind == "samenvoeging" and since <= m.date < until]
    if not mergers:
        return None
    return Finding(_merger_sentence(mergers, c.today), (COMPLEX,))


def merger_plans(c: Couleur) -> Finding | None:
    """Users entered fusieplannen ("geen" or "n.v.t." do not count): a merger process lies
    ahead. Points to complexe organisatieontwikkeling, samenwerken and netwerkvaardigheid;
    weighs double.
    """
    if not _has_text(c.merger_plans):
        return None
    reason = f"Er zijn fusieplannen: {_quote(c.merger_plans)}."
    return Finding(reason, (COMPLEX, SAMENWERKEN, NETWERK), STRONG)


def many_kernen(c: Couleur) -> Finding | None:
    """At least 15 woonplaatsen: many kernen, each with its own village councils and clubs.
    Points to netwerkvaardigheid and samenwerken.
    """
    if c.woonplaatsen < MANY_WOONPLAATSEN:
        return None
    reason = f"De gemeente heeft {c.woonplaatsen} woonplaatsen (kernen)."
    return Finding(reason, (NETWERK, SAMENWERKEN))


def fragmented_council(c: Couleur) -> Finding | None:
    """A fragmented council: an effective number of parties of 6 or more, or 9 or more lists
    with seats. Majorities shift per subject, so the college needs careful advice. Points to
    adviesvaardigheid (bestuurlijke sensitiviteit is a core competency anyway).
    """
    many_lists = c.lists_with_seats is not None and c.lists_with_seats >= FRAGMENTED_LISTS
    high_enp = c.enp is not None and c.enp >= Fraction(FRAGMENTED_ENP)
    if not (many_lists or high_enp):
        return None
    parts = []
    if c.lists_with_seats is not None:
        seats = f" van {c.council_size} zetels" if c.council_size else ""
        parts.append(f"{c.lists_with_seats} fracties in de raad{seats}")
    if c.enp is not None:
        parts.append(
            f"het effectieve aantal partijen is {format_number(c.enp, 1)} "
            "(een maat voor versnippering)"
        )
    return Finding(_sentence("; ".join(parts)), (ADVIES,))


def large_coalition(c: Couleur) -> Finding | None:
    """A coalition of 4 parties or more: many wethouders with different political colours.
    Points to adviesvaardigheid.
    """
    n = len(c.coalition_parties)
    if n < LARGE_COALITION:
        return None
    return Finding(f"Coalitie van {n} partijen ({_join(c.coalition_parties)}).", (ADVIES,))


def coalition_changes(c: Couleur) -> Finding | None:
    """Users entered changes in the coalition ("geen" does not count): an unsettled college.
    Points to adviesvaardigheid.
    """
    if not _has_text(c.coalition_changes):
        return None
    return Finding(f"Wisselingen in de coalitie: {_quote(c.coalition_changes)}.", (ADVIES,))


def strong_growth(c: Couleur) -> Finding | None:
    """At least 1 % more inhabitants per year on average: housing, schools and services must
    grow along. Points to visie and plannen en organiseren.
    """
    annual = _annual_growth_pct(c)
    if annual is None or annual < Fraction(STRONG_GROWTH_PCT_PER_YEAR):
        return None
    return Finding(_growth_sentence(c, annual), (VISIE, PLANNEN))


def shrinkage(c: Couleur) -> Finding | None:
    """At least 0,25 % fewer inhabitants per year on average: services must be kept up with
    less. Points to visie and resultaatgerichtheid.
    """
    annual = _annual_growth_pct(c)
    if annual is None or annual > Fraction(SHRINKAGE_PCT_PER_YEAR):
        return None
    return Finding(_growth_sentence(c, annual), (VISIE, RESULTAAT))


def ageing(c: Couleur) -> Finding | None:
    """At least 25 % of the inhabitants is 65 or older (the Netherlands: about 20 %): care,
    housing and services change. Points to visie and resultaatgerichtheid.
    """
    if c.aged_65_plus is None or c.aged_65_plus < AGEING_65_PLUS_PCT:
        return None
    reason = (
        f"{_number(c.aged_65_plus)} % van de inwoners is 65 jaar of ouder "
        "(in heel Nederland ongeveer 20 %)."
    )
    return Finding(reason, (VISIE, RESULTAAT))


def regional_centre(c: Couleur) -> Finding | None:
    """The largest municipality of its COROP region: neighbours look to it (derived, not an
    official designation). Points to netwerkvaardigheid and samenwerken.
    """
    if not c.corop_centre:
        return None
    region = f" {c.corop_name}" if c.corop_name else ""
    reason = f"Grootste gemeente van het COROP-gebied{region}: een centrum voor de regio."
    return Finding(reason, (NETWERK, SAMENWERKEN))


def regional_cooperation(c: Couleur) -> Finding | None:
    """Users described regional cooperation ("geen" does not count): much is done with other
    municipalities. Points to netwerkvaardigheid and samenwerken.
    """
    if not _has_text(c.regional_cooperation):
        return None
    reason = f"Regionale samenwerking: {_quote(c.regional_cooperation)}."
    return Finding(reason, (NETWERK, SAMENWERKEN))


def large_municipality(c: Couleur) -> Finding | None:
    """100.000 inhabitants or more: a large organisation with many parts and partners.
    Points to complexe organisatieontwikkeling and visie.
    """
    if c.inhabitants is None or c.inhabitants < LARGE_MUNICIPALITY:
        return None
    reason = f"{_inhabitants(c)}: een grote gemeente met een grote organisatie."
    return Finding(reason, (COMPLEX, VISIE))


def small_municipality(c: Couleur) -> Finding | None:
    """Fewer than 25.000 inhabitants: a small organisation in which the secretary is also a
    hands-on generalist. Points to resultaatgerichtheid and plannen en organiseren.
    """
    if c.inhabitants is None or c.inhabitants >= SMALL_MUNICIPALITY:
        return None
    reason = f"{_inhabitants(c)}: een kleine gemeente, waar de secretaris ook zelf veel uitvoert."
    return Finding(reason, (RESULTAAT, PLANNEN))


def high_sickness_absence(c: Couleur) -> Finding | None:
    """Sickness absence above the sector figure (6,5 % in 2023): staff need attention.
    Points to coaching/ontwikkelingsgerichtheid.
    """
    value = c.staff.sickness_absence_pct if c.staff else None
    sector, year = SECTOR_SICKNESS_ABSENCE_PCT
    if value is None or value <= sector:
        return None
    reason = (
        f"Ziekteverzuim {_number(value)} % (gemiddeld bij gemeenten {_number(sector)} % in {year})."
    )
    return Finding(reason, (COACHING,))


def high_turnover(c: Couleur) -> Finding | None:
    """Turnover of 12 % a year or more (about 1,5 times the sector's 8,3 % in 2022): people
    leave, knowledge goes. Points to coaching/ontwikkelingsgerichtheid.
    """
    value = c.staff.turnover_pct if c.staff else None
    if value is None or value < HIGH_TURNOVER_PCT:
        return None
    sector, year = SECTOR_TURNOVER_PCT
    reason = (
        f"Verloop {_number(value)} % per jaar (uitstroom bij gemeenten gemiddeld "
        f"{_number(sector)} % in {year})."
    )
    return Finding(reason, (COACHING,))


def ageing_staff(c: Couleur) -> Finding | None:
    """Average staff age of 50 or more (sector: 47,2 in 2022): many leave within ten years,
    so knowledge must be passed on. Points to coaching/ontwikkelingsgerichtheid.
    """
    value = c.staff.average_age if c.staff else None
    if value is None or value < HIGH_AVERAGE_AGE:
        return None
    sector, year = SECTOR_AVERAGE_AGE
    reason = (
        f"Gemiddelde leeftijd van de medewerkers {_number(value)} jaar (bij gemeenten "
        f"gemiddeld {_number(sector)} jaar in {year})."
    )
    return Finding(reason, (COACHING,))


def low_satisfaction(c: Couleur) -> Finding | None:
    """Employee satisfaction below a 7 (report mark 1–10). Points to coaching/
    ontwikkelingsgerichtheid.
    """
    value = c.staff.satisfaction if c.staff else None
    if value is None or value >= LOW_SATISFACTION:
        return None
    reason = f"Medewerkers geven hun tevredenheid een {_number(value)} (rapportcijfer)."
    return Finding(reason, (COACHING,))


Rule = Callable[[Couleur], Finding | None]

RULES: tuple[Rule, ...] = (
    recent_merger,
    earlier_merger,
    merger_plans,
    many_kernen,
    fragmented_council,
    large_coalition,
    coalition_changes,
    strong_growth,
    shrinkage,
    ageing,
    regional_centre,
    regional_cooperation,
    large_municipality,
    small_municipality,
    high_sickness_absence,
    high_turnover,
    ageing_staff,
    low_satisfaction,
)


# --- Rules: regie, ontwikkel or beheer -------------------------------------------------------


def ontwikkel_signals(c: Couleur) -> list[str]:
    """Strong growth, a herindeling in the last 10 years or fusieplannen."""
    findings = (strong_growth(c), recent_merger(c), merger_plans(c))
    return [f.reason for f in findings if f is not None]


def regie_signals(c: Couleur) -> list[str]:
    """Work done with or by others: the regional-cooperation text names one of REGIE_WORDS;
    a small municipality (< 25.000) describes regional cooperation; or the centre of its COROP
    region has fewer than 50.000 inhabitants of its own.
    """
    signals = []
    text = c.regional_cooperation if _has_text(c.regional_cooperation) else ""
    if words := _regie_words(text):
        signals.append(
            f"De regionale samenwerking noemt {_join([f'‘{w}’' for w in words])}: "
            "taken worden samen met of door anderen uitgevoerd."
        )
    if text and c.inhabitants is not None and c.inhabitants < SMALL_MUNICIPALITY:
        signals.append(
            f"Kleine gemeente ({format_number(c.inhabitants)} inwoners) die taken samen met "
            "andere gemeenten regelt."
        )
    if c.corop_centre and c.inhabitants is not None and c.inhabitants < CENTRE_SMALL_SCALE:
        region = f" {c.corop_name}" if c.corop_name else ""
        signals.append(
            f"Centrum van het COROP-gebied{region} met zelf maar "
            f"{format_number(c.inhabitants)} inwoners: veel loopt via de regio."
        )
    return signals


def beheer_reasons(c: Couleur) -> list[str]:
    """Why nothing points to change: the figures that are quiet."""
    reasons = []
    if c.growth is not None and c.growth_years:
        sign = "+" if c.growth > 0 else "−" if c.growth < 0 else ""
        change = f"{sign}{_number(abs(c.growth) * 100)} % in {c.growth_years} jaar"
        reasons.append(f"Geen sterke groei van het inwonertal: {change}.")
    reasons.append(f"Geen herindeling in de afgelopen {RECENT_MERGER_YEARS} jaar.")
    reasons.append("Geen fusieplannen bekend.")
    if not _has_text(c.coalition_changes):
        reasons.append("Geen wisselingen in de coalitie bekend.")
    return reasons


def municipality_type(c: Couleur) -> tuple[GemeenteType, tuple[str, ...]]:
    """Ontwikkel or regie, whichever has more signals (ontwikkel on a tie); else beheer."""
    ontwikkel = ontwikkel_signals(c)
    regie = regie_signals(c)
    if ontwikkel and len(ontwikkel) >= len(regie):
        return "ontwikkel", tuple(ontwikkel)
    if regie:
        return "regie", tuple(regie)
    return "beheer", tuple(beheer_reasons(c))


# --- Putting it together ---------------------------------------------------------------------


def suggest(c: Couleur) -> Suggestions:
    """All rules applied: situational competencies strongest first, and the type."""
    weights: dict[str, int] = {}
    reasons: dict[str, list[str]] = {}
    for rule in RULES:
        finding = rule(c)
        if finding is None:
            continue
        for key in finding.competencies:
            weights[key] = weights.get(key, 0) + finding.weight
            reasons.setdefault(key, []).append(finding.reason)
    model_order = {comp.key: i for i, comp in enumerate(get_model().situational)}
    ranked = sorted(weights, key=lambda k: (-weights[k], -len(reasons[k]), model_order[k]))
    recommended = set(ranked[:RECOMMENDED])
    for key in ranked[RECOMMENDED:MAX_RECOMMENDED]:
        if weights[key] == weights[ranked[RECOMMENDED - 1]]:
            recommended.add(key)
    suggestions = tuple(
        Suggestion(key, tuple(reasons[key]), weights[key], key in recommended) for key in ranked
    )
    kind, type_reasons = municipality_type(c)
    return Suggestions(suggestions, kind, type_reasons)


# --- Helpers ---------------------------------------------------------------------------------


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _recent_mergers(c: Couleur) -> list[MergerFact]:
    since = _years_before(c.today, RECENT_MERGER_YEARS)
    return [m for m in c.mergers if m.kind in _ORGANISATION_CHANGING and m.date >= since]


def _merger_sentence(mergers: list[MergerFact], today: date) -> str:
    phrases = [_merger_phrase(m, today) for m in sorted(mergers, key=lambda m: m.date)]
    return _sentence("; ".join(phrases))


def _merger_phrase(m: MergerFact, today: date) -> str:
    names = _join(m.predecessors)
    if m.date > today:
        detail = f"{m.kind}: {names}" if names else m.kind
        return f"herindeling gepland op {nl_date(m.date)} ({detail})"
    if m.kind == "samenvoeging" and names:
        return f"ontstaan in {m.date.year} uit {len(m.predecessors)} gemeenten ({names})"
    if m.kind == "toevoeging" and names:
        return f"in {m.date.year} is {names} bij de gemeente gevoegd"
    if m.kind == "splitsing" and names:
        return f"in {m.date.year} kwam een deel van {names} bij de gemeente"
    return f"herindeling in {m.date.year} ({m.kind})"


def _annual_growth_pct(c: Couleur) -> Fraction | None:
    """Average change in % per year (simple average over the period), None when unknown."""
    if c.growth is None or not c.growth_years:
        return None
    return c.growth * 100 / c.growth_years


def _growth_sentence(c: Couleur, annual: Fraction) -> str:
    assert c.growth is not None
    verb = "groeide" if c.growth > 0 else "daalde"
    return (
        f"Het inwonertal {verb} in {c.growth_years} jaar met {_number(abs(c.growth) * 100)} % "
        f"(gemiddeld {_number(abs(annual))} % per jaar)."
    )


def _inhabitants(c: Couleur) -> str:
    assert c.inhabitants is not None
    when = f" op {nl_date(c.inhabitants_date)}" if c.inhabitants_date else ""
    return f"{format_number(c.inhabitants)} inwoners{when}"


def _has_text(value: str) -> bool:
    return value.strip().rstrip(".").strip().lower() not in _NOTHING


def _regie_words(text: str) -> list[str]:
    """The REGIE_WORDS in `text`, each as written there ("uitbeste" finds "uitbesteed")."""
    found = (re.search(rf"\b{re.escape(w)}\w*", text, flags=re.IGNORECASE) for w in REGIE_WORDS)
    return [match.group(0) for match in found if match]


def _quote(text: str, limit: int = 120) -> str:
    """The user's own words, on one line and shortened at a word boundary."""
    flat = " ".join(text.split()).rstrip(".")
    if len(flat) > limit:
        flat = flat[:limit].rsplit(" ", 1)[0] + " …"
    return f"‘{flat}’"


def _join(items: Sequence[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _number(value: Decimal | Fraction) -> str:
    """Whole numbers without decimals, others with one: '25', '7,3'."""
    return format_number(value, 0 if value == int(value) else 1)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
