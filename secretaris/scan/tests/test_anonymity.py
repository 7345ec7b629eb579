"""Who may be seen in a scan report: groups, one-person roles, and per-indicator figures."""

from __future__ import annotations

from secretaris.scan.anonymity import (
    COVER,
    TOO_FEW,
    GroupPlan,
    RaterSet,
    atoms,
    comment_labels,
    disclose,
    plan_groups,
    small_atoms,
)
from secretaris.scan.report_model import GroupSpec, Response

ZELF = GroupSpec("zelf", "Zelf", single_person=True, is_self=True)
BURGEMEESTER = GroupSpec("burgemeester", "Burgemeester", single_person=True)
GRIFFIER = GroupSpec("griffier", "Griffier", single_person=True)
WETHOUDERS = GroupSpec("wethouders", "Wethouders")
MT = GroupSpec("mt", "Directie/MT")
OR = GroupSpec("or", "Ondernemingsraad")


def raters(group: GroupSpec, count: int, consent: bool = False) -> list[Response]:
    return [Response(f"{group.key}-{n}", group.key, {}, show_by_role=consent) for n in range(count)]


def block(label: str, *names: str, kind: str = "group") -> RaterSet:
    return RaterSet(label, frozenset(names), kind)  # type: ignore[arg-type]


def labels(plan: GroupPlan) -> list[tuple[str, int]]:
    return [(s.label, len(s.raters)) for s in plan.shown]


# --- Groups ----------------------------------------------------------------------------------


def test_groups_of_at_least_k_are_shown_on_their_own() -> None:
    responses = raters(WETHOUDERS, 3) + raters(MT, 5)
    plan = plan_groups((WETHOUDERS, MT), responses, k=3)
    assert labels(plan) == [("Wethouders", 3), ("Directie/MT", 5)]
    assert plan.left_out == frozenset()


def test_self_is_never_among_the_others() -> None:
    responses = raters(ZELF, 1) + raters(MT, 3)
    plan = plan_groups((ZELF, MT), responses, k=3)
    assert labels(plan) == [("Directie/MT", 3)]
    assert "zelf-0" not in plan.others


def test_groups_below_k_are_merged_into_overige_when_that_reaches_k() -> None:
    responses = raters(MT, 4) + raters(WETHOUDERS, 2) + raters(OR, 1)
    plan = plan_groups((WETHOUDERS, MT, OR), responses, k=3)
    assert labels(plan) == [("Directie/MT", 4), ("Overige beoordelaars", 3)]
    assert len(plan.others) == 7


def test_small_groups_are_left_out_when_overige_stays_below_k() -> None:
    responses = raters(MT, 4) + raters(WETHOUDERS, 2)
    plan = plan_groups((WETHOUDERS, MT), responses, k=3)
    assert labels(plan) == [("Directie/MT", 4)]
    assert plan.left_out == {"wethouders-0", "wethouders-1"}
    assert plan.others == {f"mt-{n}" for n in range(4)}  # left out of "alle anderen" too


def test_a_consented_burgemeester_is_shown_by_role() -> None:
    responses = raters(BURGEMEESTER, 1, consent=True) + raters(MT, 3)
    plan = plan_groups((BURGEMEESTER, MT), responses, k=3)
    assert labels(plan) == [("Burgemeester", 1), ("Directie/MT", 3)]
    assert plan.known == {"burgemeester-0"}


def test_a_griffier_without_consent_is_merged() -> None:
    responses = raters(GRIFFIER, 1) + raters(WETHOUDERS, 2) + raters(MT, 3)
    plan = plan_groups((GRIFFIER, WETHOUDERS, MT), responses, k=3)
    assert labels(plan) == [("Directie/MT", 3), ("Overige beoordelaars", 3)]
    assert plan.known == frozenset()


def test_consent_counts_only_in_one_person_groups() -> None:
    responses = raters(WETHOUDERS, 2, consent=True) + raters(MT, 3)
    plan = plan_groups((WETHOUDERS, MT), responses, k=3)
    assert labels(plan) == [("Directie/MT", 3)]
    assert plan.known == frozenset()


def test_a_one_person_group_with_two_raters_is_treated_as_small() -> None:
    responses = raters(BURGEMEESTER, 2, consent=True) + raters(MT, 3)
    plan = plan_groups((BURGEMEESTER, MT), responses, k=3)
    assert labels(plan) == [("Directie/MT", 3)]
    assert len(plan.left_out) == 2


def test_comments_are_labelled_only_for_groups_shown_on_their_own() -> None:
    responses = raters(BURGEMEESTER, 1, consent=True) + raters(MT, 3) + raters(OR, 2)
    responses += raters(GRIFFIER, 1)
    plan = plan_groups((BURGEMEESTER, GRIFFIER, MT, OR), responses, k=3)
    found = comment_labels(plan)
    assert found["burgemeester-0"] == "Burgemeester"
    assert found["mt-0"] == "Directie/MT"
    assert found["or-0"] is None and found["griffier-0"] is None


def test_left_out_raters_have_no_comments_shown() -> None:
    responses = raters(MT, 3) + raters(OR, 2)
    found = comment_labels(plan_groups((MT, OR), responses, k=3))
    assert "or-0" not in found and "or-1" not in found


# --- Per indicator ---------------------------------------------------------------------------


def test_everything_is_shown_when_every_block_reaches_k() -> None:
    decision = disclose([block("A", "a1", "a2", "a3"), block("B", "b1", "b2", "b3")], k=3)
    assert decision.blocks == (None, None)
    assert decision.total is None


def test_the_issues_subtraction_example_is_blocked() -> None:
    # "Alle anderen" n = 6 next to group A n = 5 would give away the sixth rater.
    group_a = block("A", "a1", "a2", "a3", "a4", "a5")
    group_b = block("B", "b1")
    decision = disclose([group_a, group_b], k=3)
    assert decision.blocks[1] == TOO_FEW
    shown = [decision.blocks[0] is None, decision.total is None]
    assert shown.count(True) == 1


def test_the_total_is_kept_and_the_smallest_block_hidden_as_cover() -> None:
    big, small, tiny = block("A", *"abcdef"), block("B", *"ghi"), block("C", "j")
    decision = disclose([big, small, tiny], k=3)
    assert decision.blocks == (None, COVER, TOO_FEW)
    assert decision.total is None


def test_a_tie_for_cover_hides_the_last_block() -> None:
    decision = disclose([block("A", *"abc"), block("B", *"def"), block("C", "g")], k=3)
    assert decision.blocks == (None, COVER, TOO_FEW)


def test_the_total_goes_when_only_a_role_could_cover() -> None:
    role = block("Burgemeester", "bm", kind="role")
    decision = disclose([role, block("Overige", "o1", "o2")], k=3)
    assert decision.blocks == (None, TOO_FEW)
    assert decision.total == COVER


def test_hidden_blocks_that_reach_k_together_need_no_cover() -> None:
    decision = disclose([block("A", *"abc"), block("B", "d", "e"), block("C", "f")], k=3)
    assert decision.blocks == (None, TOO_FEW, TOO_FEW)
    assert decision.total is None


def test_a_total_below_k_is_not_shown() -> None:
    decision = disclose([block("A", "a", "b")], k=3)
    assert decision == type(decision)((TOO_FEW,), TOO_FEW)


def test_atoms_are_the_cells_of_the_venn_diagram() -> None:
    cells = atoms([frozenset("abcd"), frozenset("cdef")])
    assert cells == [frozenset("ab"), frozenset("cd"), frozenset("ef")]


def test_small_atoms_ignore_raters_known_by_role() -> None:
    everyone, group = frozenset({"bm", "a", "b", "c"}), frozenset("abc")
    assert small_atoms([everyone, group], frozenset({"bm"}), k=3) == []
    assert small_atoms([everyone, group], frozenset(), k=3) == [frozenset({"bm"})]
