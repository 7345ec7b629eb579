"""The sector's staff indicators, computed exactly from checked employments and absences.

Pure functions, no Django. Definitions (with sources) are in docs/indicators.md; in short:

- The period is the twelve months up to and including the peildatum: (peildatum − 1 year,
  peildatum]. Someone is in service on day d when start <= d <= end (end = last day).
- Bezetting: people (headcount) and the sum of their fte on the peildatum.
- Instroom / doorstroom / uitstroom: people who came in, moved to another unit or job, or
  left during the period, as % of the average headcount ((start + end of period) / 2).
- Verzuimpercentage: sick calendar days × fte ÷ available calendar days × fte, pregnancy
  leave excluded (taken out when reading). Meldingsfrequentie: sick reports that began in
  the period ÷ average headcount.
- Age: only the birth year is known, so a person's age is the age they reach in the year of
  the peildatum (exact on 31 December); the average is corrected for the part of the year
  not yet passed, so it is unbiased on any peildatum.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import accumulate

from secretaris.organisation.validation import Absence, Employment

AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("tot 25", 0, 24),
    ("25–34", 25, 34),
    ("35–44", 35, 44),
    ("45–54", 45, 54),
    ("55–59", 55, 59),
    ("60–64", 60, 64),
    ("65 en ouder", 65, 200),
)
# (label, lowest day, highest day): the verzuimnorm's classes, and the A&O fonds's "kort".
DURATION_CLASSES: tuple[tuple[str, int, int], ...] = (
    ("kort (1–14 dagen)", 1, 14),
    ("middellang (15–91 dagen)", 15, 91),
    ("lang (92–365 dagen)", 92, 365),
    ("extra lang (366–730 dagen)", 366, 730),
    ("langer dan 730 dagen", 731, 10**6),
)
SHORT_AENO_DAYS = 7


def _round(value: Fraction | int, places: int = 1) -> Decimal:
    number = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(value)
    )
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _pct(part: int | Fraction, whole: int | Fraction) -> Decimal | None:
    return None if not whole else _round(Fraction(part) * 100 / Fraction(whole))


def year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass
class Indicators:
    peildatum: date
    period_start: date  # first day of the period
    headcount: int
    fte: Decimal
    employments: int
    women_pct: Decimal | None
    gender_unknown: int
    managers: int
    women_managers_pct: Decimal | None
    average_age: Decimal | None
    under_35_pct: Decimal | None
    over_60_pct: Decimal | None
    age_pyramid: list[dict] = field(default_factory=list)  # {band, men, women, other}
    headcount_start: int = 0
    average_headcount: Decimal = Decimal(0)
    inflow: int = 0
    throughflow: int = 0
    outflow: int = 0
    inflow_pct: Decimal | None = None
    throughflow_pct: Decimal | None = None
    outflow_pct: Decimal | None = None
    has_absence: bool = False
    sickness_absence_pct: Decimal | None = None
    reports: int = 0
    report_frequency: Decimal | None = None
    duration_classes: list[dict] = field(default_factory=list)  # {label, reports}
    short_reports: int = 0  # at most 7 days (A&O fonds "kort verzuim")
    ongoing_reports: int = 0
    absence_by_month: list[dict] = field(default_factory=list)  # {month: "2026-01", pct}
    units: int = 0
    fte_per_1000: Decimal | None = None
    inhabitants: int | None = None

    def as_json(self) -> dict:
        def plain(value):
            if isinstance(value, Decimal):
                return float(value)
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, list):
                return [plain(v) for v in value]
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            return value

        return {k: plain(v) for k, v in asdict(self).items()}


def _active(e: Employment, day: date) -> bool:
    return e.start <= day and (e.end is None or e.end >= day)


def _overlap(a_start: date, a_end: date, b_start: date, b_end: date | None) -> int:
    """Days in both [a_start, a_end] and [b_start, b_end] (b_end None = open)."""
    last = a_end if b_end is None else min(a_end, b_end)
    first = max(a_start, b_start)
    return (last - first).days + 1 if last >= first else 0


def compute(
    employments: Sequence[Employment],
    absences: Sequence[Absence] = (),
    peildatum: date | None = None,
    inhabitants: int | None = None,
    absence_known: bool = False,
) -> Indicators:
    """All indicators for the peildatum (default: the latest start or end date seen)."""
    if peildatum is None:
        peildatum = max(max(e.start, e.end or e.start) for e in employments)
    p0 = year_before(peildatum)  # the period is (p0, peildatum]
    first_day = p0 + timedelta(days=1)
    by_person: dict[int, list[Employment]] = defaultdict(list)
    for e in employments:
        by_person[e.person].append(e)

    now = [e for e in employments if _active(e, peildatum)]
    people_now: dict[int, Employment] = {}
    for e in now:
        people_now.setdefault(e.person, e)
    headcount = len(people_now)
    fte = sum((e.fte for e in now), Decimal(0))
    managers = {e.person for e in now if e.manager}
    men = sum(1 for e in people_now.values() if e.gender == "M")
    women = sum(1 for e in people_now.values() if e.gender == "V")
    known_gender = sum(1 for e in people_now.values() if e.gender)
    women_managers = sum(1 for p in managers if people_now[p].gender == "V")
    known_managers = sum(1 for p in managers if people_now[p].gender)

    ages = [peildatum.year - e.birth_year for e in people_now.values() if e.birth_year]
    passed = Fraction(peildatum.timetuple().tm_yday, 366 if _leap(peildatum.year) else 365)
    average_age = _round(Fraction(sum(ages), len(ages)) - (1 - passed)) if ages else None
    pyramid = []
    for label, low, high in AGE_BANDS:
        row = {"band": label, "men": 0, "women": 0, "other": 0}
        for e in people_now.values():
            if e.birth_year and low <= peildatum.year - e.birth_year <= high:
                row[{"M": "men", "V": "women"}.get(e.gender, "other")] += 1
        pyramid.append(row)

    start_count = len({e.person for e in employments if _active(e, p0)})
    average = Fraction(start_count + headcount, 2)
    inflow, through, outflow = _flows(by_person, p0, peildatum)

    result = Indicators(
        peildatum=peildatum,
        period_start=first_day,
        headcount=headcount,
        fte=fte.normalize() if fte else Decimal(0),
        employments=len(now),
        women_pct=_pct(women, known_gender),
        gender_unknown=headcount - men - women,
        managers=len(managers),
        women_managers_pct=_pct(women_managers, known_managers),
        average_age=average_age,
        under_35_pct=_pct(sum(1 for a in ages if a < 35), len(ages)),
        over_60_pct=_pct(sum(1 for a in ages if a >= 60), len(ages)),
        age_pyramid=pyramid,
        headcount_start=start_count,
        average_headcount=_round(average),
        inflow=len(inflow),
        throughflow=len(through),
        outflow=len(outflow),
        inflow_pct=_pct(len(inflow), average),
        throughflow_pct=_pct(len(through), average),
        outflow_pct=_pct(len(outflow), average),
        units=len({e.unit for e in now if e.unit}),
        inhabitants=inhabitants,
        fte_per_1000=_round(Fraction(fte) * 1000 / inhabitants, 2) if inhabitants else None,
    )
    if absence_known:
        _absence(result, by_person, absences, first_day, peildatum, average)
    return result


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _flows(
    by_person: dict[int, list[Employment]], p0: date, p1: date
) -> tuple[set[int], set[int], set[int]]:
    inflow: set[int] = set()
    through: set[int] = set()
    outflow: set[int] = set()
    for person, rows in by_person.items():
        rows = sorted(rows, key=lambda e: e.start)
        for i, e in enumerate(rows):
            if p0 < e.start <= p1:
                before = [r for r in rows[:i] if _active(r, e.start - timedelta(days=1))]
                if not before:
                    inflow.add(person)
                elif (before[-1].unit, before[-1].job) != (e.unit, e.job):
                    through.add(person)
            if e.end is not None and p0 <= e.end < p1:
                after = any(r.start == e.end + timedelta(days=1) for r in rows[i + 1 :])
                if not after:
                    outflow.add(person)
    return inflow, through, outflow


def _absence(
    result: Indicators,
    by_person: dict[int, list[Employment]],
    absences: Iterable[Absence],
    first: date,
    last: date,
    average: Fraction,
) -> None:
    result.has_absence = True
    months = _months(first, last)
    span = (last - first).days + 1
    # fte in ten-thousandths as integers, added per day through difference arrays:
    # exact, and one pass over the rows however many months the period has.
    available = [0] * (span + 1)
    sick = [0] * (span + 1)
    for rows in by_person.values():
        for e in rows:
            _add(available, first, last, e.start, e.end, _units(e.fte))
    reports = 0
    classes = [0] * len(DURATION_CLASSES)
    for a in absences:
        a_end = a.end if a.end is not None and a.end <= last else last
        if a.start > last or a_end < first:
            continue
        for e in by_person.get(a.person, ()):
            lo = max(a.start, e.start)
            hi = a_end if e.end is None else min(a_end, e.end)
            if hi >= lo:
                _add(sick, first, last, lo, hi, _units(e.fte))
        if a.start >= first:
            reports += 1
            duration = (a_end - a.start).days + 1
            if a.end is None or a.end > last:
                result.ongoing_reports += 1
            if duration <= SHORT_AENO_DAYS:
                result.short_reports += 1
            for i, (_label, low, high) in enumerate(DURATION_CLASSES):
                if low <= duration <= high:
                    classes[i] += 1
    daily_available = list(accumulate(available[:span]))
    daily_sick = list(accumulate(sick[:span]))
    result.sickness_absence_pct = _pct(sum(daily_sick), sum(daily_available))
    result.reports = reports
    result.report_frequency = _round(Fraction(reports) / average, 2) if average else None
    result.duration_classes = [
        {"label": label, "reports": count}
        for (label, _l, _h), count in zip(DURATION_CLASSES, classes, strict=True)
    ]
    per_month = []
    for m_first, m_last in months:
        a, b = (m_first - first).days, (m_last - first).days + 1
        sick_days, available_days = sum(daily_sick[a:b]), sum(daily_available[a:b])
        if available_days:
            per_month.append({"month": f"{m_first:%Y-%m}", "pct": _pct(sick_days, available_days)})
    result.absence_by_month = per_month


def _add(diff: list[int], first: date, last: date, start: date, end: date | None, units: int):
    """Add `units` to every day of [start, end] within [first, last] (difference array)."""
    lo = max(start, first)
    hi = last if end is None or end > last else end
    if hi >= lo:
        diff[(lo - first).days] += units
        diff[(hi - first).days + 1] -= units


def _units(fte: Decimal) -> int:
    return int((fte * 10000).to_integral_value(rounding=ROUND_HALF_UP))


def _months(first: date, last: date) -> list[tuple[date, date]]:
    """Calendar months (clipped to the period) from `first` to `last`."""
    out = []
    cursor = first
    while cursor <= last:
        next_month = (cursor.replace(day=1) + timedelta(days=32)).replace(day=1)
        out.append((cursor, min(last, next_month - timedelta(days=1))))
        cursor = next_month
    return out
