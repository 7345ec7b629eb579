from datetime import date
from decimal import Decimal

from secretaris.organisation.indicators import compute
from secretaris.organisation.validation import Absence, Employment

PEIL = date(2026, 12, 31)
D = Decimal


def staff():
    return [
        Employment(1, date(2010, 1, 1), None, D(1), "V", 1980, "A", "x", True),
        Employment(2, date(2026, 7, 1), None, D("0.5"), "M", 1990, "A", "x", False),
        Employment(3, date(2000, 1, 1), date(2026, 6, 30), D(1), "V", 1960, "A", "x", False),
        Employment(4, date(2020, 1, 1), date(2026, 3, 31), D(1), "M", 2000, "A", "x", False),
        Employment(4, date(2026, 4, 1), None, D(1), "M", 2000, "B", "y", False),
    ]


def test_bezetting_gender_and_age_on_the_peildatum():
    result = compute(staff(), peildatum=PEIL, inhabitants=1000)
    assert (result.headcount, result.fte, result.managers) == (3, D("2.5"), 1)
    assert (result.women_pct, result.women_managers_pct) == (D("33.3"), D("100.0"))
    assert result.average_age == D("36.0")  # 46, 36 and 26 on 31 December
    assert (result.under_35_pct, result.over_60_pct) == (D("33.3"), D("0.0"))
    assert result.fte_per_1000 == D("2.50")
    assert [r["women"] + r["men"] for r in result.age_pyramid] == [0, 1, 1, 1, 0, 0, 0]


def test_average_age_is_corrected_for_the_part_of_the_year_not_yet_passed():
    one = [Employment(1, date(2010, 1, 1), None, D(1), "V", 1980, "A", "x", False)]
    assert compute(one, peildatum=date(2026, 7, 2)).average_age == D("45.5")


def test_in_door_and_uitstroom_as_percentages_of_the_average_headcount():
    result = compute(staff(), peildatum=PEIL)
    assert (result.headcount_start, result.average_headcount) == (3, D("3.0"))
    assert (result.inflow, result.throughflow, result.outflow) == (1, 1, 1)
    assert result.inflow_pct == result.throughflow_pct == result.outflow_pct == D("33.3")


def test_a_contract_extension_in_the_same_job_is_no_doorstroom():
    rows = [
        Employment(1, date(2020, 1, 1), date(2026, 3, 31), D(1), "V", 1980, "A", "x", False),
        Employment(1, date(2026, 4, 1), None, D(1), "V", 1980, "A", "x", False),
    ]
    result = compute(rows, peildatum=PEIL)
    assert (result.inflow, result.throughflow, result.outflow) == (0, 0, 0)


def test_verzuimpercentage_weights_days_by_fte_and_counts_reports():
    absences = [
        Absence(1, date(2026, 1, 10), date(2026, 1, 19)),
        Absence(2, date(2026, 12, 30), None),
    ]
    result = compute(staff(), absences, peildatum=PEIL, absence_known=True)
    # sick 10 × 1 + 2 × 0,5 = 11 fte-days of 365 + 184 × 0,5 + 181 + 365 = 1003
    assert result.sickness_absence_pct == D("1.1")
    assert (result.reports, result.report_frequency) == (2, D("0.67"))
    assert result.duration_classes[0]["reports"] == 2
    assert (result.short_reports, result.ongoing_reports) == (1, 1)
    january = result.absence_by_month[0]
    assert january["month"] == "2026-01" and january["pct"] == D("10.8")  # 10 of 3 × 31 fte-days


def test_without_absence_columns_verzuim_is_unknown_not_zero():
    result = compute(staff(), peildatum=PEIL)
    assert result.sickness_absence_pct is None and result.report_frequency is None
    assert result.has_absence is False
