"""Couleur locale: explainable rules that suggest situational competencies and a type.

The seed says that, depending on the *couleur locale*, one or more of the eight situational
competencies matter, and asks whether a municipality is more a regie-, ontwikkel- or
beheergemeente. This module suggests both from the figures; the user checks and overrules.

- Every rule is a small function in `RULES`. When its fact passes its threshold (a named
  constant below) it returns a `Finding`: a Dutch sentence with the numbers behind it, the
  competencies it points to and a weight.
- Each finding says per competency *why* the fact matters for it (`Finding.why`), and how
  far the fact passes its threshold (`Finding.strength`, 1 = just at the threshold).
- `suggest()` adds the weights per competency, strongest first; ties are broken by the
  summed strength of the evidence, then by the number of reasons (never by the model's list
  order). The strongest three are `recommended`, a fourth only on a tie with the third.
  When no rule fires, the type of the municipality gives the suggestion (`type_fallback`), so
  every municipality gets at least one situational competency, as the seed asks.
- Type: points from several signals (`type_scores`): growth, herindeling, fusieplannen, size,
  centre function and urbanity point to *ontwikkel*; a shared werkorganisatie, many
  gemeenschappelijke regelingen and a small own scale to *regie*. Two points or more wins;
  otherwise *beheer*. The distribution over the 342 municipalities is justified in
  docs/couleur.md. What nobody entered is said as unknown (`type_unknowns`), never as absent.
  A type users set themselves wins; that is up to the caller.

Pure Python, no Django. `Couleur` is plain data built from the dossier elsewhere, so other
sources (an HR import for `StaffFigures`) plug in without touching the rules.
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
#: Many gemeenschappelijke regelingen: taking part in at least this many regelingen in force
#: (a municipality takes part in about ten on average; see docs/couleur.md).
MANY_REGELINGEN = 14
#: Finances under pressure: solvabiliteit below 20 % or netto schuldquote above 130 %, the
#: "categorie C" (most risk) of the provinces' Gemeenschappelijk financieel toezichtkader.
LOW_SOLVENCY_PCT = Decimal(20)
HIGH_NET_DEBT_PCT = Decimal(130)
#: Type: a type needs at least this many points (see type_scores).
TYPE_MIN_POINTS = 2
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
    women_pct: Decimal | None = None


@dataclass(frozen=True, kw_only=True)
class FinanceFigures:
    """Balance-sheet ratios in % (jaarrekening), with the year they are about."""

    solvency_pct: Decimal | None = None
    net_debt_ratio_pct: Decimal | None = None
    year: int | None = None


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
    shared_service: str = ""  # the werkorganisatie the civil service works in, if any
    regelingen: int | None = None  # gemeenschappelijke regelingen in force
    finances: FinanceFigures | None = None


@dataclass(frozen=True)
class Finding:
    """What one rule saw: a Dutch sentence with numbers, the competencies and a weight.

    `why[i]` says why the fact matters for `competencies[i]`; `strength` is how far the
    fact passes the rule's threshold (1 = just at it), used to break ties.
    """

    reason: str
    competencies: tuple[str, ...]
    weight: int = NORMAL
    why: tuple[str, ...] = ()
    strength: Fraction = Fraction(1)

    def explained(self, competency: str) -> str:
        """The fact and why it matters for `competency`, as one or two sentences."""
        index = self.competencies.index(competency)
        if index < len(self.why) and self.why[index]:
            return f"{self.reason} {self.why[index]}"
        return self.reason


@dataclass(frozen=True)
class Suggestion:
    competency: str  # key in the competency model
    reasons: tuple[str, ...]  # strongest first, each with why it matters here
    weight: int
    recommended: bool
    strength: Fraction = Fraction(1)


@dataclass(frozen=True)
class Suggestions:
    situational: tuple[Suggestion, ...]  # strongest first
    type: GemeenteType
    type_reasons: tuple[str, ...]
    type_unknowns: tuple[str, ...] = ()  # what nobody entered: for the editor, not the document


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
    why = (
        "De organisatie groeit nog naar één werkwijze en één cultuur toe; dat proces moet je "
        "overzien en sturen.",
        "Medewerkers en kernen uit de oude gemeenten moeten samen één gemeente worden.",
    )
    return Finding(_merger_sentence(mergers, c.today), (COMPLEX, SAMENWERKEN), weight, why)


def earlier_merger(c: Couleur) -> Finding | None:
    """A samenvoeging 10 to 20 years ago: former organisations and cultures still show.
    Points to complexe organisatieontwikkeling, with normal weight.
    """
    since = _years_before(c.today, EARLIER_MERGER_YEARS)
    until = _years_before(c.today, RECENT_MERGER_YEARS)
    mergers = [m for m in c.mergers if m.kind == "samenvoeging" and since <= m.date < until]
    if not mergers:
        return None
    why = ("Verschillen tussen de oude organisaties en culturen zijn vaak nog te merken.",)
    return Finding(_merger_sentence(mergers, c.today), (COMPLEX,), NORMAL, why)


def merger_plans(c: Couleur) -> Finding | None:
    """Users entered fusieplannen ("geen" or "n.v.t." do not count): a merger process lies
    ahead. Points to complexe organisatieontwikkeling, samenwerken and netwerkvaardigheid;
    weighs double.
    """
    if not _has_text(c.merger_plans):
        return None
    reason = f"Er zijn fusieplannen: {_quote(c.merger_plans)}."
    why = (
        "Een fusie is een lang veranderproces met veel betrokkenen en belangen.",
        "De organisatie moet nu al nauw optrekken met de toekomstige partners.",
        "Steun van buurgemeenten, provincie en partners is nodig om de fusie te laten slagen.",
    )
    return Finding(reason, (COMPLEX, SAMENWERKEN, NETWERK), STRONG, why)


def many_kernen(c: Couleur) -> Finding | None:
    """At least 15 woonplaatsen: many kernen, each with its own village councils and clubs.
    Points to netwerkvaardigheid and samenwerken.
    """
    if c.woonplaatsen < MANY_WOONPLAATSEN:
        return None
    reason = f"De gemeente heeft {c.woonplaatsen} woonplaatsen (kernen)."
    why = (
        "Elke kern heeft eigen dorpsbelangen, verenigingen en wensen; daar wil je contact mee "
        "houden.",
        "Voorzieningen in de kernen regel je samen met inwoners en organisaties.",
    )
    strength = Fraction(c.woonplaatsen, MANY_WOONPLAATSEN)
    return Finding(reason, (NETWERK, SAMENWERKEN), NORMAL, why, strength)


def fragmented_council(c: Couleur) -> Finding | None:
    """A fragmented council: an effective number of parties of 6 or more, or 9 or more lists
    with seats. Majorities shift per subject, so the college needs careful advice. Points to
    adviesvaardigheid (bestuurlijke sensitiviteit is a core competency anyway).
    """
    many_lists = c.lists_with_seats is not None and c.lists_with_seats >= FRAGMENTED_LISTS
    high_enp = c.enp is not None and c.enp >= Fraction(FRAGMENTED_ENP)
    if not (many_lists or high_enp):
        return None
    # The effective number of parties decides, but a candidate reads plain words.
    if c.lists_with_seats is not None:
        seats = f" van {c.council_size} zetels" if c.council_size else ""
        reason = (
            f"De gemeenteraad is versnipperd: {c.lists_with_seats} partijen in een raad{seats}."
        )
    else:
        reason = "De gemeenteraad is versnipperd: veel partijen van ongeveer gelijke grootte."
    why = (
        "Meerderheden verschillen per onderwerp, dus het college heeft zorgvuldig advies nodig "
        "over wat haalbaar is in de raad.",
    )
    strength = max(
        Fraction(c.lists_with_seats or 0, FRAGMENTED_LISTS),
        (c.enp or Fraction(0)) / Fraction(FRAGMENTED_ENP),
    )
    return Finding(reason, (ADVIES,), NORMAL, why, strength)


def large_coalition(c: Couleur) -> Finding | None:
    """A coalition of 4 parties or more: many wethouders with different political colours.
    Points to adviesvaardigheid.
    """
    n = len(c.coalition_parties)
    if n < LARGE_COALITION:
        return None
    why = ("Wethouders van verschillende partijen vragen om advies dat het college bijeenhoudt.",)
    reason = f"De coalitie bestaat uit {n} partijen ({_join(c.coalition_parties)})."
    return Finding(reason, (ADVIES,), NORMAL, why, Fraction(n, LARGE_COALITION))


def coalition_changes(c: Couleur) -> Finding | None:
    """Users entered changes in the coalition ("geen" does not count): an unsettled college.
    Points to adviesvaardigheid.
    """
    if not _has_text(c.coalition_changes):
        return None
    why = ("Na wisselingen is het college kwetsbaarder en is goed advies extra belangrijk.",)
    reason = f"Er waren wisselingen in de coalitie: {_quote(c.coalition_changes)}."
    return Finding(reason, (ADVIES,), NORMAL, why)


def strong_growth(c: Couleur) -> Finding | None:
    """At least 1 % more inhabitants per year on average: housing, schools and services must
    grow along. Points to visie and plannen en organiseren.
    """
    annual = _annual_growth_pct(c)
    if annual is None or annual < Fraction(STRONG_GROWTH_PCT_PER_YEAR):
        return None
    why = (
        "Woningen, scholen en voorzieningen moeten meegroeien; daar is een plan voor de lange "
        "termijn voor nodig.",
        "Bouwen en voorzieningen moeten op tijd klaar zijn; dat vraagt strakke planning.",
    )
    strength = annual / Fraction(STRONG_GROWTH_PCT_PER_YEAR)
    return Finding(_growth_sentence(c, annual), (VISIE, PLANNEN), NORMAL, why, strength)


def shrinkage(c: Couleur) -> Finding | None:
    """At least 0,25 % fewer inhabitants per year on average: services must be kept up with
    less. Points to visie and resultaatgerichtheid.
    """
    annual = _annual_growth_pct(c)
    if annual is None or annual > Fraction(SHRINKAGE_PCT_PER_YEAR):
        return None
    why = (
        "Met minder inwoners moet de gemeente kiezen welke voorzieningen ze waar houdt.",
        "Voorzieningen op peil houden met minder middelen vraagt heldere doelen.",
    )
    strength = annual / Fraction(SHRINKAGE_PCT_PER_YEAR)
    return Finding(_growth_sentence(c, annual), (VISIE, RESULTAAT), NORMAL, why, strength)


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
    why = (
        "Zorg, wonen en vervoer moeten passen bij een oudere bevolking; dat vraagt keuzes voor "
        "de lange termijn.",
        "De vraag naar zorg en ondersteuning groeit; die moet de gemeente betaalbaar blijven "
        "leveren.",
    )
    strength = Fraction(c.aged_65_plus) / Fraction(AGEING_65_PLUS_PCT)
    return Finding(reason, (VISIE, RESULTAAT), NORMAL, why, strength)


def regional_centre(c: Couleur) -> Finding | None:
    """The largest municipality of its COROP region: neighbours look to it (derived, not an
    official designation). Points to netwerkvaardigheid and samenwerken.
    """
    if not c.corop_centre:
        return None
    region = f" {c.corop_name}" if c.corop_name else ""
    reason = f"{c.name or 'De gemeente'} is de grootste gemeente van de regio{region}."
    why = (
        "Buurgemeenten, provincie en partners kijken naar de centrumgemeente; je bouwt en "
        "onderhoudt dat netwerk.",
        "Veel taken voor de regio regelt de centrumgemeente samen met de buren.",
    )
    return Finding(reason, (NETWERK, SAMENWERKEN), NORMAL, why)


def regional_cooperation(c: Couleur) -> Finding | None:
    """Users described regional cooperation ("geen" does not count): much is done with other
    municipalities. Points to netwerkvaardigheid and samenwerken.
    """
    if not _has_text(c.regional_cooperation):
        return None
    reason = f"De gemeente werkt in de regio samen: {_quote(c.regional_cooperation)}."
    why = (
        "Wat samen met anderen gebeurt, vraagt goede relaties met de partners.",
        "Resultaten komen hier tot stand samen met andere gemeenten.",
    )
    return Finding(reason, (NETWERK, SAMENWERKEN), NORMAL, why)


def large_municipality(c: Couleur) -> Finding | None:
    """100.000 inhabitants or more: a large organisation with many parts and partners.
    Points to complexe organisatieontwikkeling and visie.
    """
    if c.inhabitants is None or c.inhabitants < LARGE_MUNICIPALITY:
        return None
    reason = f"De gemeente heeft {_inhabitants(c)}: een grote gemeente met een grote organisatie."
    why = (
        "In een grote organisatie lopen veel veranderingen tegelijk, met veel betrokkenen.",
        "Een grote gemeente heeft een eigen koers voor de lange termijn nodig.",
    )
    strength = Fraction(c.inhabitants, LARGE_MUNICIPALITY)
    return Finding(reason, (COMPLEX, VISIE), NORMAL, why, strength)


def small_municipality(c: Couleur) -> Finding | None:
    """Fewer than 25.000 inhabitants: a small organisation in which the secretary is also a
    hands-on generalist. Points to resultaatgerichtheid and plannen en organiseren.
    """
    if c.inhabitants is None or c.inhabitants >= SMALL_MUNICIPALITY:
        return None
    reason = f"De gemeente heeft {_inhabitants(c)}: een kleine gemeente."
    why = (
        "In een kleine organisatie pak je zelf veel op en moet je zorgen dat dingen af komen.",
        "Met weinig mensen voor veel taken moet je scherp kiezen wat eerst komt.",
    )
    strength = Fraction(SMALL_MUNICIPALITY, max(c.inhabitants, 1))
    return Finding(reason, (RESULTAAT, PLANNEN), NORMAL, why, strength)


def high_sickness_absence(c: Couleur) -> Finding | None:
    """Sickness absence above the sector figure (6,5 % in 2023): staff need attention.
    Points to coaching/ontwikkelingsgerichtheid.
    """
    value = c.staff.sickness_absence_pct if c.staff else None
    sector, year = SECTOR_SICKNESS_ABSENCE_PCT
    if value is None or value <= sector:
        return None
    reason = (
        f"Het ziekteverzuim is {_number(value)} % (gemiddeld bij gemeenten {_number(sector)} % "
        f"in {year})."
    )
    why = ("Medewerkers hebben aandacht nodig om gezond, betrokken en in ontwikkeling te blijven.",)
    return Finding(reason, (COACHING,), NORMAL, why, Fraction(value) / Fraction(sector))


def high_turnover(c: Couleur) -> Finding | None:
    """Turnover of 12 % a year or more (about 1,5 times the sector's 8,3 % in 2022): people
    leave, knowledge goes. Points to coaching/ontwikkelingsgerichtheid.
    """
    value = c.staff.turnover_pct if c.staff else None
    if value is None or value < HIGH_TURNOVER_PCT:
        return None
    sector, year = SECTOR_TURNOVER_PCT
    reason = (
        f"Het verloop is {_number(value)} % per jaar (uitstroom bij gemeenten gemiddeld "
        f"{_number(sector)} % in {year})."
    )
    why = ("Als mensen vertrekken, gaat kennis weg; mensen ontwikkelen en binden is nodig.",)
    strength = Fraction(value) / Fraction(HIGH_TURNOVER_PCT)
    return Finding(reason, (COACHING,), NORMAL, why, strength)


def ageing_staff(c: Couleur) -> Finding | None:
    """Average staff age of 50 or more (sector: 47,2 in 2022): many leave within ten years,
    so knowledge must be passed on. Points to coaching/ontwikkelingsgerichtheid.
    """
    value = c.staff.average_age if c.staff else None
    if value is None or value < HIGH_AVERAGE_AGE:
        return None
    sector, year = SECTOR_AVERAGE_AGE
    reason = (
        f"De medewerkers zijn gemiddeld {_number(value)} jaar (bij gemeenten gemiddeld "
        f"{_number(sector)} jaar in {year})."
    )
    why = ("Veel mensen gaan de komende jaren met pensioen; hun kennis moet worden doorgegeven.",)
    strength = Fraction(value) / Fraction(HIGH_AVERAGE_AGE)
    return Finding(reason, (COACHING,), NORMAL, why, strength)


def low_satisfaction(c: Couleur) -> Finding | None:
    """Employee satisfaction below a 7 (report mark 1–10). Points to coaching/
    ontwikkelingsgerichtheid.
    """
    value = c.staff.satisfaction if c.staff else None
    if value is None or value >= LOW_SATISFACTION:
        return None
    reason = f"Medewerkers geven hun tevredenheid een {_number(value)} (rapportcijfer)."
    why = ("Medewerkers hebben aandacht nodig om gezond, betrokken en in ontwikkeling te blijven.",)
    strength = Fraction(LOW_SATISFACTION) / Fraction(max(value, Decimal("0.1")))
    return Finding(reason, (COACHING,), NORMAL, why, strength)


def shared_service(c: Couleur) -> Finding | None:
    """The civil service works in a shared werkorganisatie with other municipalities: the
    secretary serves several colleges and councils. Points to netwerkvaardigheid, adviesvaardig-
    heid and samenwerken; weighs double.
    """
    if not c.shared_service:
        return None
    reason = f"De ambtenaren werken in een gezamenlijke werkorganisatie: {c.shared_service}."
    why = (
        "Je werkt voor meer dan één gemeentebestuur en houdt de relaties met al die partners goed.",
        "Elke gemeente in de werkorganisatie wil zich gehoord voelen; dat vraagt advies op maat.",
        "Resultaten ontstaan alleen als de deelnemende gemeenten samen optrekken.",
    )
    return Finding(reason, (NETWERK, ADVIES, SAMENWERKEN), STRONG, why)


def many_regelingen(c: Couleur) -> Finding | None:
    """The municipality takes part in 14 or more gemeenschappelijke regelingen in force: much
    is done through joint bodies. Points to netwerkvaardigheid and samenwerken.
    """
    if c.regelingen is None or c.regelingen < MANY_REGELINGEN:
        return None
    reason = f"De gemeente neemt deel aan {c.regelingen} gemeenschappelijke regelingen."
    why = (
        "Veel taken lopen via samenwerkingsverbanden; je moet daar invloed hebben.",
        "In al die regelingen bereik je resultaten alleen samen met andere gemeenten.",
    )
    strength = Fraction(c.regelingen, MANY_REGELINGEN)
    return Finding(reason, (NETWERK, SAMENWERKEN), NORMAL, why, strength)


def finances_under_pressure(c: Couleur) -> Finding | None:
    """Solvabiliteit below 20 % or netto schuldquote above 130 % (categorie C of the
    provinces' financial supervision framework): little room for new plans. Points to
    resultaatgerichtheid and plannen en organiseren.
    """
    f = c.finances
    if f is None:
        return None
    parts, strengths = [], []
    if f.solvency_pct is not None and f.solvency_pct < LOW_SOLVENCY_PCT:
        parts.append(f"de solvabiliteit is {_number(f.solvency_pct)} %")
        strengths.append(Fraction(LOW_SOLVENCY_PCT) / Fraction(max(f.solvency_pct, Decimal(1))))
    if f.net_debt_ratio_pct is not None and f.net_debt_ratio_pct > HIGH_NET_DEBT_PCT:
        parts.append(f"de netto schuldquote is {_number(f.net_debt_ratio_pct)} %")
        strengths.append(Fraction(f.net_debt_ratio_pct) / Fraction(HIGH_NET_DEBT_PCT))
    if not parts:
        return None
    year = f" ({f.year})" if f.year else ""
    reason = _sentence(f"De financiën staan onder druk: {' en '.join(parts)}{year}")
    why = (
        "Met weinig financiële ruimte moet elke euro iets opleveren.",
        "Plannen moeten passen binnen een krap budget; dat vraagt scherpe keuzes en planning.",
    )
    return Finding(reason, (RESULTAAT, PLANNEN), NORMAL, why, max(strengths))


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
    shared_service,
    many_regelingen,
    finances_under_pressure,
)


# --- Rules: regie, ontwikkel or beheer -------------------------------------------------------


def ontwikkel_signals(c: Couleur) -> list[tuple[int, str]]:
    """(points, reason): strong growth, a recent herindeling and fusieplannen weigh two
    points; a large municipality, the centre of its region (50.000 inhabitants or more) and a
    very urban municipality one point each.
    """
    signals: list[tuple[int, str]] = []
    for finding in (strong_growth(c), recent_merger(c), merger_plans(c)):
        if finding is not None:
            signals.append((finding.weight if finding.weight == STRONG else 2, finding.reason))
    if c.inhabitants is not None and c.inhabitants >= LARGE_MUNICIPALITY:
        signals.append((1, f"Met {format_number(c.inhabitants)} inwoners een grote gemeente."))
    if c.corop_centre and (c.inhabitants or 0) >= CENTRE_SMALL_SCALE:
        region = f" {c.corop_name}" if c.corop_name else ""
        signals.append((1, f"De grootste gemeente van de regio{region}, met een centrumfunctie."))
    if c.urbanity == 1:
        signals.append((1, "Zeer sterk stedelijk (CBS): de stad blijft in ontwikkeling."))
    return signals


def regie_signals(c: Couleur) -> list[tuple[int, str]]:
    """(points, reason): a shared werkorganisatie weighs three points (decisive); a regional
    cooperation text naming one of REGIE_WORDS two; many gemeenschappelijke regelingen, a
    small municipality that cooperates, and a regional centre of small own scale one each.
    """
    signals: list[tuple[int, str]] = []
    if c.shared_service:
        signals.append(
            (
                3,
                "De ambtelijke organisatie is een gezamenlijke werkorganisatie: "
                f"{c.shared_service}.",
            )
        )
    text = c.regional_cooperation if _has_text(c.regional_cooperation) else ""
    if words := _regie_words(text):
        signals.append(
            (
                2,
                f"De regionale samenwerking noemt {_join([f'‘{w}’' for w in words])}: "
                "taken worden samen met of door anderen uitgevoerd.",
            )
        )
    many = c.regelingen is not None and c.regelingen >= MANY_REGELINGEN
    if many:
        signals.append(
            (1, f"De gemeente neemt deel aan {c.regelingen} gemeenschappelijke regelingen.")
        )
    if (text or many) and c.inhabitants is not None and c.inhabitants < SMALL_MUNICIPALITY:
        signals.append(
            (
                1,
                f"Kleine gemeente ({format_number(c.inhabitants)} inwoners) die taken samen met "
                "andere gemeenten regelt.",
            )
        )
    if c.corop_centre and c.inhabitants is not None and c.inhabitants < CENTRE_SMALL_SCALE:
        region = f" {c.corop_name}" if c.corop_name else ""
        signals.append(
            (
                1,
                f"Centrum van de regio{region} met zelf maar "
                f"{format_number(c.inhabitants)} inwoners: veel loopt via de regio.",
            )
        )
    return signals


def type_scores(c: Couleur) -> dict[str, int]:
    """Points per type; beheer has none of its own (it is what remains)."""
    return {
        "ontwikkel": sum(p for p, _ in ontwikkel_signals(c)),
        "regie": sum(p for p, _ in regie_signals(c)),
    }


def beheer_reasons(c: Couleur) -> list[str]:
    """Why nothing points to change: the known facts that are quiet."""
    reasons = []
    if c.growth is not None and c.growth_years:
        sign = "+" if c.growth > 0 else "−" if c.growth < 0 else ""
        change = f"{sign}{_number(abs(c.growth) * 100)} % in {c.growth_years} jaar"
        reasons.append(f"Het inwonertal is vrij stabiel: {change}.")
    if not _recent_mergers(c):
        reasons.append(f"Geen herindeling in de afgelopen {RECENT_MERGER_YEARS} jaar.")
    if c.merger_plans.strip() and not _has_text(c.merger_plans):
        reasons.append("Er zijn geen fusieplannen.")
    if c.coalition_changes.strip() and not _has_text(c.coalition_changes):
        reasons.append("Er waren geen wisselingen in de coalitie.")
    return reasons


def type_unknowns(c: Couleur) -> list[str]:
    """What would change the type but nobody entered: said as unknown, never as 'geen'."""
    unknowns = []
    if not c.merger_plans.strip():
        unknowns.append("Over fusieplannen is niets ingevuld.")
    if not c.regional_cooperation.strip() and not c.shared_service and c.regelingen is None:
        unknowns.append("Over regionale samenwerking is niets ingevuld.")
    if not c.coalition_changes.strip():
        unknowns.append("Over wisselingen in de coalitie is niets ingevuld.")
    return unknowns


def municipality_type(c: Couleur) -> tuple[GemeenteType, tuple[str, ...]]:
    """The type with the most points, if it has at least TYPE_MIN_POINTS (ontwikkel on a
    tie); else beheer. Reasons strongest first.
    """
    ontwikkel, regie = ontwikkel_signals(c), regie_signals(c)
    scores = type_scores(c)
    best = max(scores["ontwikkel"], scores["regie"])
    if best >= TYPE_MIN_POINTS:
        kind: GemeenteType = "ontwikkel" if scores["ontwikkel"] == best else "regie"
        signals = ontwikkel if kind == "ontwikkel" else regie
        return kind, tuple(r for _, r in sorted(signals, key=lambda s: -s[0]))
    return "beheer", tuple(beheer_reasons(c))


#: When no rule fires, the type says what the job asks most (docs/couleur.md).
TYPE_FALLBACK: dict[str, tuple[tuple[str, str], ...]] = {
    "beheer": (
        (
            COACHING,
            "Zonder grote veranderopgave van buitenaf ligt de opgave vooral binnen: medewerkers "
            "laten groeien en de organisatie wendbaar houden.",
        ),
        (
            RESULTAAT,
            "In een stabiele gemeente draait het om goede, betrouwbare dienstverlening: "
            "afspraken nakomen en doelen halen.",
        ),
    ),
    "ontwikkel": (
        (VISIE, "Een gemeente in ontwikkeling heeft een koers voor de lange termijn nodig."),
        (COMPLEX, "Veranderingen in de gemeente vragen ook veranderingen in de organisatie."),
    ),
    "regie": (
        (NETWERK, "Veel werk gebeurt door of met anderen; relaties met partners zijn de sleutel."),
        (SAMENWERKEN, "Resultaten ontstaan hier samen met andere gemeenten en partners."),
    ),
}


def type_fallback(c: Couleur, kind: GemeenteType) -> Finding:
    """The suggestion when no rule fires: from the type of the municipality."""
    label = {"beheer": "beheergemeente", "ontwikkel": "ontwikkelgemeente", "regie": "regiegemeente"}
    keys = tuple(k for k, _ in TYPE_FALLBACK[kind])
    why = tuple(w for _, w in TYPE_FALLBACK[kind])
    reason = f"{c.name or 'De gemeente'} is vooral een {label[kind]}."
    return Finding(reason, keys, NORMAL, why, Fraction(1, 2))


# --- Putting it together ---------------------------------------------------------------------


def suggest(c: Couleur) -> Suggestions:
    """All rules applied: situational competencies strongest first, and the type.

    Never empty: without any finding the type gives the suggestion.
    """
    kind, type_reasons = municipality_type(c)
    findings = [f for f in (rule(c) for rule in RULES) if f is not None]
    if not findings:
        findings = [type_fallback(c, kind)]
    weights: dict[str, int] = {}
    strength: dict[str, Fraction] = {}
    found: dict[str, list[Finding]] = {}
    for finding in findings:
        for key in finding.competencies:
            weights[key] = weights.get(key, 0) + finding.weight
            strength[key] = strength.get(key, Fraction(0)) + finding.strength
            found.setdefault(key, []).append(finding)
    names = {comp.key: comp.name for comp in get_model().situational}
    ranked = sorted(weights, key=lambda k: (-weights[k], -strength[k], -len(found[k]), names[k]))
    recommended = set(ranked[:RECOMMENDED])
    for key in ranked[RECOMMENDED:MAX_RECOMMENDED]:
        third = ranked[RECOMMENDED - 1]
        if (weights[key], strength[key]) == (weights[third], strength[third]):
            recommended.add(key)
    suggestions = tuple(
        Suggestion(
            key,
            tuple(
                f.explained(key) for f in sorted(found[key], key=lambda f: (-f.weight, -f.strength))
            ),
            weights[key],
            key in recommended,
            strength[key],
        )
        for key in ranked
    )
    return Suggestions(suggestions, kind, type_reasons, tuple(type_unknowns(c)))


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
