from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from secretaris.accounts.access import role_of
from secretaris.competencies.model import get_model
from secretaris.scan import groups as presets
from secretaris.scan.models import (
    AlreadyFinished,
    Answer,
    Comment,
    FrozenReport,
    Rater,
    RaterGroup,
    Scan,
    ScanClosed,
    newest_definitief_profile,
)
from secretaris.scan.tests.conftest import SITUATIONAL, add_rater, open_with_link

pytestmark = pytest.mark.django_db


def test_a_new_scan_starts_with_the_preset_groups_in_order(scan):
    assert [g.key for g in scan.groups.all()] == [p.key for p in presets.PRESETS]
    singles = set(scan.groups.filter(single_person=True).values_list("key", flat=True))
    assert singles == {"zelf", "burgemeester", "griffier"}
    assert scan.groups.get(is_self=True).key == "zelf"


def test_a_new_scan_measures_every_core_competency_and_the_chosen_situational_ones(scan):
    model = get_model(scan.model_version)
    assert scan.competency_keys == [c.key for c in model.core] + SITUATIONAL
    assert scan.k == 3 and scan.status == Scan.CONCEPT


def test_the_secretary_is_put_in_group_zelf_straight_away(scan, alice):
    me = scan.raters.get()
    assert me.group.is_self and me.email == alice.email and me.name == "Alice Aerts"


def test_the_secretary_owns_the_scan_and_its_maker_coordinates_it(scan, alice, bob, charlie):
    assert scan.coordinator == bob
    assert role_of(alice, scan) == "eigenaar"
    assert role_of(bob, scan) == "bewerker"
    assert role_of(charlie, scan) is None


def test_the_database_refuses_a_threshold_below_two(scan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Scan.objects.filter(pk=scan.pk).update(k=1)


def test_an_email_address_is_on_a_scan_only_once(scan):
    add_rater(scan, "raad", "Rita Raad", "rita@gemeente.nl")
    with pytest.raises(IntegrityError), transaction.atomic():
        add_rater(scan, "directie", "Rita Raad", "rita@gemeente.nl")


def test_the_database_refuses_a_score_outside_one_to_five(scan, wethouder):
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(rater=wethouder, indicator="BPS-1", score=6)
    Answer.objects.create(rater=wethouder, indicator="BPS-1", score=None)  # kan ik niet...


def test_one_answer_per_rater_and_indicator(scan, wethouder):
    Answer.objects.create(rater=wethouder, indicator="BPS-1", score=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(rater=wethouder, indicator="BPS-1", score=4)


def test_one_comment_per_rater_competency_and_kind(scan, wethouder):
    Comment.objects.create(rater=wethouder, competency="visie", kind="feedback", text="a")
    Comment.objects.create(rater=wethouder, competency="visie", kind="feedforward", text="b")
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(rater=wethouder, competency="visie", kind="feedback", text="c")


def test_a_scan_has_one_self_group_and_unique_group_names(scan):
    with pytest.raises(IntegrityError), transaction.atomic():
        RaterGroup.objects.create(scan=scan, key="ik", name="Ik", is_self=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        RaterGroup.objects.create(scan=scan, key="andere", name="Wethouders")


def test_answers_and_comments_reveal_nothing_when_printed(scan, wethouder):
    answer = Answer.objects.create(rater=wethouder, indicator="BPS-1", score=5)
    comment = Comment.objects.create(
        rater=wethouder, competency="visie", kind="feedback", text="Geheim oordeel"
    )
    assert "5" not in str(answer) and "Geheim" not in str(comment)


def test_approving_the_list_makes_a_concept_scan_ready_for_invitations(scan, wethouder):
    assert scan.approve_raters() == 2  # Alice herself and Willem
    assert scan.status == Scan.UITNODIGEN
    assert not scan.raters.filter(approved=False).exists()
    assert scan.lock_version == 1


def test_closing_happens_once_and_freezes_the_report_through_the_hook(scan, wethouder):
    from secretaris.scan.hooks import scan_closed

    calls = []
    scan_closed.connect(lambda sender, scan, **kw: calls.append(scan), weak=False, dispatch_uid="t")
    try:
        open_with_link(scan, wethouder)
        assert scan.close() is True
        assert scan.close() is False
    finally:
        scan_closed.disconnect(dispatch_uid="t")
    assert calls == [scan] and scan.status == Scan.GESLOTEN and scan.closed_at
    assert FrozenReport.objects.filter(scan=scan).count() == 1


def test_the_scan_modules_import_each_other_one_way_only():
    import ast
    from pathlib import Path

    source = Path(__file__).parents[1] / "hooks.py"
    imported = {
        node.module
        for node in ast.walk(ast.parse(source.read_text()))
        if isinstance(node, ast.ImportFrom)
    }
    assert not any(m and m.startswith("secretaris.scan") for m in imported)


def test_a_closed_scan_takes_no_more_answers(scan, wethouder):
    open_with_link(scan, wethouder)
    scan.close()
    competency = scan.competencies()[0]
    with pytest.raises(ScanClosed):
        wethouder.save_page(competency, {i.code: 3 for i in competency.indicators})
    assert not Answer.objects.exists()


def test_after_the_deadline_a_scan_takes_no_more_answers(scan, wethouder):
    open_with_link(scan, wethouder)
    later = scan.deadline + timedelta(seconds=1)
    competency = scan.competencies()[0]
    with pytest.raises(ScanClosed):
        wethouder.save_page(
            competency, {i.code: 3 for i in competency.indicators}, feedback="Goed.", now=later
        )
    assert not Answer.objects.exists() and not Comment.objects.exists()


def test_a_page_that_arrives_after_the_rater_finished_changes_nothing(scan, wethouder):
    """A page and "afronden" sent from two tabs, the page last: the save is refused and
    rolled back whole, although its writes travel before the check on PostgreSQL."""
    open_with_link(scan, wethouder)
    for competency in scan.competencies():
        scores = {i.code: 3 for i in competency.indicators}
        wethouder.save_page(competency, scores, feedback="Goed.", feedforward="Meer.")
    stale = Rater.objects.get(pk=wethouder.pk)  # the other tab, before the send-in
    assert wethouder.finish()
    competency = scan.competencies()[0]
    with pytest.raises(AlreadyFinished):
        stale.save_page(competency, {i.code: 1 for i in competency.indicators}, feedback="Anders.")
    assert set(Answer.objects.values_list("score", flat=True)) == {3}
    assert set(Comment.objects.values_list("text", flat=True)) == {"Goed.", "Meer."}


def test_progress_counts_per_group_and_names_no_answers(scan, wethouder):
    add_rater(scan, "wethouders", "Wim", "wim@gemeente.nl", invited_at=timezone.now())
    Scan.objects.filter(pk=scan.pk).update(status=Scan.OPEN)
    wethouder.invited_at = wethouder.started_at = wethouder.finished_at = timezone.now()
    wethouder.save()
    rows = {p.group.key: p for p in scan.progress()}
    assert (rows["wethouders"].nominated, rows["wethouders"].invited) == (2, 2)
    assert (rows["wethouders"].started, rows["wethouders"].finished) == (1, 1)
    assert rows["raad"].nominated == 0


def test_the_deadline_reads_as_a_dutch_date_and_time(scan):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    scan.deadline = datetime(2026, 6, 12, 23, 59, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert scan.deadline_text == "12 juni 2026 om 23.59 uur"


def test_the_newest_definitief_profielschets_that_one_may_read_is_used(alice, charlie):
    from secretaris.accounts.access import grant
    from secretaris.dossier.models import Gemeente
    from secretaris.profiles.drafting import draft_profile

    gemeente = Gemeente.objects.get(code="GM1900")
    profile = draft_profile(gemeente, alice)
    grant(alice, profile, "eigenaar", by=alice)
    assert newest_definitief_profile(gemeente, alice) is None  # still a concept
    profile.finalise(alice, profile.lock_version)
    assert newest_definitief_profile(gemeente, alice) == profile
    assert newest_definitief_profile(gemeente, charlie) is None  # no access, no peeking


@pytest.mark.parametrize(("floor", "fixed"), [(2, 3), (3, 3), (5, 5)])
def test_k_is_fixed_at_approval_and_settings_raise_but_never_lower_the_floor(
    scan, wethouder, settings, floor, fixed
):
    settings.SCAN_MIN_K = floor
    scan.approve_raters()
    assert scan.k == fixed
    with pytest.raises(IntegrityError), transaction.atomic():
        Scan.objects.filter(pk=scan.pk).update(k=2)
