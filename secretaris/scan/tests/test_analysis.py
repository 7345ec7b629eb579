"""The scan report: exact figures, what is hidden, blind spots, extremes and comments."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from secretaris.competencies.model import Competency, Indicator, get_model
from secretaris.scan.analysis import build_report
from secretaris.scan.anonymity import COVER, TOO_FEW
from secretaris.scan.report_model import (
    Comment,
    GroupSpec,
    Report,
    ReportInput,
    Response,
    ShownGroup,
    displayed,
    rounded,
)

ZELF = GroupSpec("zelf", "Zelf", single_person=True, is_self=True)
BURGEMEESTER = GroupSpec("burgemeester", "Burgemeester", single_person=True)
GRIFFIER = GroupSpec("griffier", "Griffier", single_person=True)
WETHOUDERS = GroupSpec("wethouders", "Wethouders")
MT = GroupSpec("mt", "Directie/MT")
OR = GroupSpec("or", "Ondernemingsraad")
GROUPS = (ZELF, BURGEMEESTER, WETHOUDERS, GRIFFIER, MT, OR)

SAMENWERKEN = Competency(
    "samenwerken",
    "Samenwerken",
    "",
    "kern",
    (Indicator("S-1", "Zoekt de ander op."), Indicator("S-2", "Deelt informatie.")),
)
STURING = Competency(
    "sturing",
    "Sturing",
    "",
    "kern",
    (Indicator("T-1", "Maakt keuzes."), Indicator("T-2", "Houdt koers.")),
)
CODES = ("S-1", "S-2", "T-1", "T-2")


def answers(
    group: GroupSpec, *rows: tuple[int | None, ...], consent: bool = False
) -> list[Response]:
    """One finished rater per row; a row holds the scores for CODES in order."""
    return [
        Response(f"{group.key}-{n}", group.key, dict(zip(CODES, row, strict=False)), consent)
        for n, row in enumerate(rows)
    ]


def report(responses: list[Response], comments: tuple[Comment, ...] = (), **options: int) -> Report:
    inp = ReportInput((SAMENWERKEN, STURING), GROUPS, tuple(responses), comments, **options)
    return build_report(inp)


FULL_MT = answers(MT, (1, 4, 4, 2), (2, 4, 5, 2), (2, 4, 3, 2))


# --- Figures ---------------------------------------------------------------------------------


def test_means_are_exact_fractions() -> None:
    s1 = report(FULL_MT).competencies[0].indicators[0]
    assert s1.others.mean == Fraction(5, 3)
    assert s1.groups[0].label == "Directie/MT" and s1.groups[0].mean == Fraction(5, 3)


def test_not_assessable_counts_none_and_missing_answers() -> None:
    responses = FULL_MT + answers(WETHOUDERS, (3, None), (4,), (5, 5), (4, 4))
    s2 = report(responses).competencies[0].indicators[1]
    wethouders = s2.groups[0]
    assert (wethouders.label, wethouders.n, wethouders.not_assessable) == ("Wethouders", 2, 2)
    assert (s2.others.n, s2.others.not_assessable) == (5, 2)


def test_self_is_shown_as_zelf_with_its_own_scores() -> None:
    result = report(answers(ZELF, (5, 4, None, 2)) + FULL_MT)
    assert result.groups_shown[0] == ShownGroup("Zelf", 1)
    assert result.competencies[0].indicators[0].self_score == 5
    assert result.competencies[0].self_score == Fraction(9, 2)
    assert result.competencies[1].self_score == 2


def test_spread_is_the_population_sd_and_agreement_the_share_within_one_point() -> None:
    t1 = report(FULL_MT).competencies[1].indicators[0].others  # scores 4, 5, 3
    assert t1.spread is not None
    assert t1.spread.variance == Fraction(2, 3)
    assert t1.spread.agreement == 1
    s1 = report(FULL_MT + answers(WETHOUDERS, (3,), (3,), (4,))).competencies[0]
    spread = s1.indicators[0].others.spread  # 1 2 2 3 3 4: mean 5/2, four within one point
    assert spread is not None and spread.agreement == Fraction(4, 6)


def test_a_competency_figure_is_the_mean_of_the_shown_indicator_means() -> None:
    sturing = report(FULL_MT).competencies[1]  # T-1 mean 4, T-2 mean 2
    assert sturing.others.mean == 3 and sturing.others.indicators == 2
    assert sturing.others.spread is not None
    assert sturing.others.spread.variance == Fraction(1, 3)  # (3 * 2/3 + 3 * 0) / 6


def test_a_competency_figure_needs_half_of_its_indicators() -> None:
    responses = FULL_MT + answers(WETHOUDERS, (3, 3, 3), (3, 3), (3, 3))
    sturing = report(responses).competencies[1]
    wethouders = sturing.groups[0]
    assert sturing.indicators[0].groups[0].mean is None  # only one wethouder scored T-1
    assert (wethouders.mean, wethouders.indicators) == (None, 0)
    assert report(responses).competencies[0].groups[0].mean == 3


# --- Anonymity in the report -----------------------------------------------------------------


def test_the_issues_subtraction_example_is_blocked() -> None:
    group_a = answers(MT, *[(4, 4)] * 5)
    group_b = answers(WETHOUDERS, (1, 4), (None, 4), (None, 4))  # S-1: one wethouder
    s1 = report(group_a + group_b).competencies[0].indicators[0]
    assert s1.others.n == 6 and s1.groups[1].n == 5
    assert (s1.others.mean is None) != (s1.groups[1].mean is None)
    assert s1.groups[0].suppressed == TOO_FEW
    assert s1.groups[1].suppressed == COVER  # the total of six is kept, Directie/MT hidden


def test_a_group_below_k_is_merged_into_overige() -> None:
    result = report(FULL_MT + answers(WETHOUDERS, (3,), (3,)) + answers(OR, (4,)))
    assert result.groups_shown == (
        ShownGroup("Directie/MT", 3),
        ShownGroup("Overige beoordelaars", 3),
    )
    assert result.competencies[0].indicators[0].others.n == 6


def test_a_left_out_group_counts_nowhere() -> None:
    comment = Comment("wethouders-0", "wethouders", "samenwerken", "feedback", "Te laat.")
    result = report(FULL_MT + answers(WETHOUDERS, (5,), (5,)), (comment,))
    assert result.groups_shown == (ShownGroup("Directie/MT", 3),)
    assert result.competencies[0].indicators[0].others.n == 3
    assert result.competencies[0].feedback == ()
    assert any("weggelaten" in note for note in result.notes)


def test_a_consented_burgemeester_is_shown_by_role() -> None:
    result = report(answers(BURGEMEESTER, (2, 3), consent=True) + FULL_MT)
    assert result.groups_shown[0] == ShownGroup("Burgemeester", 1)
    s1 = result.competencies[0].indicators[0]
    assert s1.groups[0].mean == 2 and s1.others.n == 4 and s1.others.mean is not None


def test_a_griffier_without_consent_is_merged() -> None:
    responses = answers(GRIFFIER, (2, 3)) + answers(WETHOUDERS, (4,), (4,)) + FULL_MT
    result = report(responses)
    assert [g.name for g in result.groups_shown] == ["Directie/MT", "Overige beoordelaars"]


def test_suppressed_figures_have_no_value_and_a_reason() -> None:
    responses = FULL_MT + answers(OR, (None, 3), (None, 3), (4, 3))
    s1 = report(responses).competencies[0].indicators[0]
    overige = s1.groups[1]
    assert overige.label == "Ondernemingsraad"
    assert (overige.n, overige.mean, overige.suppressed) == (1, None, TOO_FEW)
    assert report(responses).as_json()["competencies"][0]["indicators"][0]["groups"][1] == {
        "label": "Ondernemingsraad",
        "n": 1,
        "not_assessable": 2,
        "mean": None,
        "suppressed": TOO_FEW,
    }


# --- Blind spots, hidden strengths, extremes -------------------------------------------------


def test_a_gap_of_one_point_is_a_blind_spot() -> None:
    mt = answers(MT, (4, 4, 4, 4), (4, 5, 4, 4), (4, 4, 4, 4))  # S-2 mean 13/3
    result = report(answers(ZELF, (5, 5, 3, 3)) + mt)
    spots = {(f.level, f.code) for f in result.blind_spots}
    assert ("indicator", "S-1") in spots  # 5 - 4 = 1
    assert ("indicator", "S-2") not in spots  # 5 - 13/3 = 2/3
    assert ("competency", None) not in spots  # mean gap (1 + 2/3) / 2 = 5/6


def test_the_blind_spot_rule_compares_the_gap_as_printed_with_one_decimal() -> None:
    # 30 raters: S-1 mean 4 + 1/30, so the gap is 29/30 = 0,966..., printed "1,0" in the
    # report; S-2 mean 4,1, gap 0,9. The competency gap (29/30 + 9/10) / 2 = 0,93...: "0,9".
    rows = [(5, 5, 4, 4)] + [(4, 4, 4, 4)] * 2 + [(4, 5, 4, 4)] * 2 + [(4, 4, 4, 4)] * 25
    mt = answers(MT, *rows)
    result = report(answers(ZELF, (5, 5, 4, 4)) + mt)
    by_code = {i.code: i for c in result.competencies for i in c.indicators}
    assert by_code["S-1"].gap == Fraction(29, 30)
    assert by_code["S-2"].gap == Fraction(9, 10)
    spots = {(f.level, f.code) for f in result.blind_spots}
    assert ("indicator", "S-1") in spots  # printed 1,0: counts, as the page says
    assert ("indicator", "S-2") not in spots  # printed 0,9
    assert ("competency", None) not in spots
    assert rounded(result.competencies[0].gap) == 0.93


@pytest.mark.parametrize(
    ("gap", "printed"),
    [
        (Fraction(97, 100), Fraction(1)),
        (Fraction(189, 200), Fraction(1)),  # 0,945 -> 0,95 in the JSON -> 1,0 on the page
        (Fraction(94, 100), Fraction(9, 10)),
        (Fraction(-97, 100), Fraction(-1)),
    ],
)
def test_displayed_is_the_value_the_report_prints(gap: Fraction, printed: Fraction) -> None:
    assert displayed(gap) == printed


def test_a_gap_of_minus_one_point_is_a_hidden_strength() -> None:
    result = report(answers(ZELF, (5, 5, 3, 3)) + answers(MT, *[(4, 4, 4, 4)] * 3))
    strengths = {(f.level, f.competency, f.code) for f in result.hidden_strengths}
    assert strengths == {
        ("indicator", "sturing", "T-1"),
        ("indicator", "sturing", "T-2"),
        ("competency", "sturing", None),
    }
    assert {f.code for f in result.blind_spots} == {"S-1", "S-2", None}


def test_highest_and_lowest_split_the_indicators_and_never_overlap() -> None:
    result = report(FULL_MT)  # means S-1 5/3, S-2 4, T-1 4, T-2 2
    assert [r.code for r in result.highest] == ["S-2", "T-1"]
    assert [r.code for r in result.lowest] == ["S-1", "T-2"]


def test_highest_and_lowest_are_at_most_three_each() -> None:
    model = get_model()
    codes = [i.code for c in model.core for i in c.indicators]
    responses = [Response(f"m{n}", "mt", dict.fromkeys(codes, 3)) for n in range(3)]
    result = build_report(ReportInput(model.core, GROUPS, tuple(responses), ()))
    assert len(result.highest) == len(result.lowest) == 3
    assert not {r.code for r in result.highest} & {r.code for r in result.lowest}


# --- Comments --------------------------------------------------------------------------------


def comments_for(responses: list[Response], text: str = "Opmerking van {}") -> tuple[Comment, ...]:
    return tuple(
        Comment(r.rater, r.group, "samenwerken", "feedback", text.format(r.rater))
        for r in responses
    )


def test_comments_carry_a_label_only_for_groups_shown_on_their_own() -> None:
    overige = answers(WETHOUDERS, (3,), (3,)) + answers(OR, (3,))
    result = report(FULL_MT + overige, comments_for(FULL_MT + overige))
    labels = {c.text: c.group for c in result.competencies[0].feedback}
    assert labels["Opmerking van mt-0"] == "Directie/MT"
    assert labels["Opmerking van wethouders-0"] is None
    assert labels["Opmerking van or-0"] is None


def test_comments_are_shuffled_by_the_seed_and_not_by_the_input_order() -> None:
    responses = answers(MT, *[(3,)] * 7)
    comments = comments_for(responses)
    orders = {
        tuple(c.text for c in report(responses, comments, seed=seed).competencies[0].feedback)
        for seed in range(5)
    }
    assert len(orders) > 1
    forward = report(responses, comments, seed=3).competencies[0].feedback
    backward = report(responses[::-1], comments[::-1], seed=3).competencies[0].feedback
    assert forward == backward


def test_empty_comments_are_left_out() -> None:
    comment = Comment("mt-0", "mt", "samenwerken", "feedforward", "   ")
    assert report(FULL_MT, (comment,)).competencies[0].feedforward == ()


# --- JSON, determinism, input checks ---------------------------------------------------------


def test_the_json_holds_no_rater_ids() -> None:
    responses = answers(ZELF, (4,)) + FULL_MT + answers(OR, (2,), (3,), (4,))
    text = json.dumps(report(responses, comments_for(responses, "Prima")).as_json())
    assert not any(r.rater in text for r in responses)
    assert json.loads(text)["groups"][1] == {"name": "Directie/MT", "n": 3}


def test_json_numbers_are_rounded_half_away_from_zero() -> None:
    assert rounded(Fraction(1, 8)) == 0.13
    assert rounded(Fraction(-1, 8)) == -0.13
    assert rounded(Fraction(5, 3)) == 1.67


def test_the_same_input_gives_the_same_report() -> None:
    responses = FULL_MT + answers(WETHOUDERS, (3,), (3,), (5,))
    assert report(responses, comments_for(responses), seed=9) == report(
        responses, comments_for(responses), seed=9
    )


def test_the_real_competency_model_works_end_to_end() -> None:
    model = get_model()
    codes = [i.code for c in model.core for i in c.indicators]
    responses = [Response("s", "zelf", dict.fromkeys(codes, 4))]
    responses += [Response(f"m{n}", "mt", dict.fromkeys(codes, 2 + n)) for n in range(3)]
    result = build_report(ReportInput(model.core, GROUPS, tuple(responses), ()))
    assert len(result.competencies) == len(model.core)
    assert all(c.others.mean == 3 and c.gap == 1 for c in result.competencies)
    assert len(result.blind_spots) == len(model.core) + len(codes)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"k": 1}, "drempel"),
        ({"responses": (Response("x", "mt", {"S-1": 6}),)}, "1 tot en met 5"),
        ({"responses": (Response("x", "mt", {"Q-9": 3}),)}, "indicator"),
        ({"responses": (Response("x", "raad", {}),)}, "groep"),
        ({"groups": (GroupSpec("a", "Alle anderen"),)}, "gereserveerd"),
    ],
)
def test_it_rejects_broken_input(change: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {
        "competencies": (SAMENWERKEN, STURING),
        "groups": GROUPS,
        "responses": (),
        "comments": (),
    }
    fields.update(change)
    with pytest.raises(ValueError, match=message):
        build_report(ReportInput(**fields))  # type: ignore[arg-type]
