"""The development plan: catalogue, proposed focus, and the plan page with its access rules."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from secretaris.accounts.models import AuditEvent
from secretaris.competencies.model import MODELS
from secretaris.documents.dates import nl_date
from secretaris.scan import development
from secretaris.scan.models import DevelopmentAction, DevelopmentPlan, FrozenReport, Scan
from secretaris.scan.reporting import freeze_report, let_coach_read
from secretaris.scan.tests.helpers import pdf_text
from secretaris.test import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(scan) -> FrozenReport:
    """Alice's scan, closed, with its frozen report (no answers needed for the plan)."""
    Scan.objects.filter(pk=scan.pk).update(status=Scan.GESLOTEN, closed_at=timezone.now())
    scan.refresh_from_db()
    return freeze_report(scan)


@pytest.fixture
def coach(report, alice):
    user = make_user("coen")
    let_coach_read(report, user, by=alice)
    return user


def url(report, name="plan", *args) -> str:
    return reverse(f"scan:{name}", args=[report.scan_id, *args])


def focus_post(report, keys, note="", lock=0) -> dict:
    return {"focus": keys, "note": note, "lock_version": lock}


def saved_plan(report, keys) -> DevelopmentPlan:
    plan = development.plan_for(report)
    assert development.save_focus(plan, plan.lock_version, keys, "")
    return plan


# --- The catalogue and the proposed focus ---------------------------------------------------


def test_every_competency_of_every_model_has_three_to_five_suggestions():
    for model in MODELS.values():
        for competency in model.all():
            suggestions = development.suggestions_for(competency.key)
            assert 3 <= len(suggestions) <= 5, competency.key


def test_every_suggestion_has_a_known_kind_and_a_full_sentence():
    kinds = {key for key, _ in DevelopmentAction.KINDS}
    for key, suggestions in development.CATALOGUE.items():
        for s in suggestions:
            assert s.kind in kinds, key
            assert s.text[-1] in ".?" and len(s.text) <= 500, s.text
            assert len(s.with_whom) <= 200


def test_the_catalogue_offers_several_kinds_of_activity_per_competency():
    for key, suggestions in development.CATALOGUE.items():
        assert len({s.kind for s in suggestions}) >= 3, key


def competency(key, others, self_score=None):
    return {"key": key, "name": key.title(), "self": self_score, "others": {"mean": others}}


def spot(key, gap, level="competency"):
    return {"level": level, "competency": key, "gap": gap}


def test_the_proposed_focus_puts_blind_spots_first_then_the_lowest_means():
    data = {
        "competencies": [
            competency("a", 4.5),
            competency("b", 2.1),
            competency("c", 4.0),
            competency("d", 3.0),
            competency("e", 2.5),
        ],
        "blind_spots": [spot("c", 1.2), spot("a", 1.8)],
    }
    assert development.suggested_focus(data) == ["a", "c", "b"]


def test_a_blind_spot_on_one_indicator_does_not_make_a_competency_a_focus():
    data = {
        "competencies": [competency("a", 3.9), competency("b", 3.8), competency("c", 2.0)],
        "blind_spots": [spot("a", 2.0, level="indicator"), spot("b", 1.0)],
    }
    assert development.suggested_focus(data) == ["b", "c", "a"]


def test_the_reason_for_a_proposal_names_the_gap_or_the_mean():
    data = {
        "competencies": [competency("a", 2.25), competency("b", 3.0)],
        "blind_spots": [spot("b", 1.25)],
    }
    assert development.focus_reason(data, "b") == (
        "u schat uzelf 1,3 punt hoger in dan anderen (een blinde vlek)."
    )
    assert "gemiddeld 2,3" in development.focus_reason(data, "a")


def test_competencies_without_a_shown_mean_are_not_proposed():
    data = {
        "competencies": [competency("a", None), competency("b", 3.0), competency("c", None)],
        "blind_spots": [],
    }
    assert development.suggested_focus(data) == ["b"]


def test_the_proposed_focus_never_holds_more_than_three():
    data = {"competencies": [competency(k, 3.0) for k in "abcdef"], "blind_spots": []}
    assert development.suggested_focus(data) == ["a", "b", "c"]


# --- Who may see and change the plan ------------------------------------------------------------


def test_the_secretary_edits_the_plan(client, report, alice):
    client.force_login(alice)
    response = client.get(url(report))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1 and "Focus opslaan" in body
    assert "Opmerkingen in mijn rapport bewaren na het opschonen" in body


def test_a_coach_reads_the_plan_but_cannot_change_it(client, report, coach):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    client.force_login(coach)
    body = client.get(url(report)).content.decode()
    assert "U leest dit plan als coach" in body and "Focus opslaan" not in body
    keys = report.scan.competency_keys
    assert client.post(url(report), focus_post(report, keys[2:4], lock=1)).status_code == 404
    assert (
        client.post(
            url(report, "plan_action_add"), {"competency": keys[0], "suggestion": "0"}
        ).status_code
        == 404
    )
    assert (
        client.post(url(report, "plan_keep_comments"), {"keep_comments": "on"}).status_code == 404
    )
    plan.refresh_from_db()
    assert plan.focus == keys[:2] and not plan.actions.exists()
    assert FrozenReport.objects.get(pk=report.pk).keep_comments is False


@pytest.mark.parametrize("who", ["bob", "charlie", "beheerder"])
def test_the_coordinator_an_outsider_and_a_beheerder_get_404(client, report, who, request):
    user = make_user("dora", staff=True) if who == "beheerder" else request.getfixturevalue(who)
    plan = saved_plan(report, report.scan.competency_keys[:2])
    action = development.take_suggestion(plan, plan.focus[0], 0)
    client.force_login(user)
    assert client.get(url(report)).status_code == 404
    assert client.post(url(report), focus_post(report, plan.focus, lock=1)).status_code == 404
    status = {"status": "klaar"}
    assert client.post(url(report, "plan_action_status", action.pk), status).status_code == 404
    assert client.post(url(report, "plan_action_remove", action.pk)).status_code == 404
    assert client.get(url(report, "plan_pdf")).status_code == 404
    assert DevelopmentAction.objects.filter(pk=action.pk, status="gepland").exists()


def test_there_is_no_plan_before_the_scan_is_closed(client, scan, alice):
    client.force_login(alice)
    assert client.get(reverse("scan:plan", args=[scan.pk])).status_code == 404


def test_anonymous_users_are_sent_to_the_login_page(client, report):
    response = client.get(url(report))
    assert response.status_code == 302 and "/account/inloggen/" in response.url


# --- Focus and note ------------------------------------------------------------------------------


def test_the_secretary_saves_two_focus_competencies_and_a_note(client, report, alice):
    client.force_login(alice)
    keys = report.scan.competency_keys
    response = client.post(url(report), focus_post(report, [keys[3], keys[0]], "Meer luisteren."))
    assert response.status_code == 302
    plan = DevelopmentPlan.objects.get(report=report)
    assert plan.focus == [keys[0], keys[3]]  # in the model's order
    assert plan.note == "Meer luisteren." and plan.lock_version == 1


@pytest.mark.parametrize(
    ("count", "message"),
    [(1, "U koos 1 competentie. Kies 2 of 3"), (4, "U koos 4 competenties. Kies er hooguit 3")],
)
def test_one_or_four_focus_competencies_are_refused_in_dutch(client, report, alice, count, message):
    client.force_login(alice)
    keys = report.scan.competency_keys[:count]
    response = client.post(url(report), focus_post(report, keys, "Mijn toelichting"))
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert "Mijn toelichting" in body  # the input is kept
    assert DevelopmentPlan.objects.get(report=report).focus == []


def test_a_second_save_from_an_old_page_is_refused_and_the_input_is_kept(client, report, alice):
    client.force_login(alice)
    keys = report.scan.competency_keys
    client.get(url(report))  # both windows show lock_version 0
    assert (
        client.post(url(report), focus_post(report, keys[:2], "Eerste venster")).status_code == 302
    )
    response = client.post(url(report), focus_post(report, keys[2:5], "Tweede venster"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Uw wijziging is nog niet opgeslagen" in body
    assert "Tweede venster" in body and "Eerste venster" in body
    assert 'name="lock_version" value="1"' in body
    plan = DevelopmentPlan.objects.get(report=report)
    assert plan.focus == keys[:2] and plan.note == "Eerste venster"


def test_saving_the_focus_is_audited(client, report, alice):
    client.force_login(alice)
    keys = report.scan.competency_keys[:2]
    client.post(url(report), focus_post(report, keys))
    event = AuditEvent.objects.get(action="scan.plan_focus")
    assert event.user == alice and event.detail["focus"] == keys
    assert event.object_id == str(report.scan_id)


def test_the_page_proposes_a_focus_before_one_is_saved(client, report, alice, monkeypatch):
    keys = report.scan.competency_keys
    monkeypatch.setattr(development, "suggested_focus", lambda data: [keys[1], keys[2]])
    client.force_login(alice)
    body = client.get(url(report)).content.decode()
    assert "Ons voorstel" in body
    checked = re.findall(r'<input type="checkbox" name="focus" value="([^"]+)"[^>]* checked>', body)
    assert checked == keys[1:3]


# --- Actions -------------------------------------------------------------------------------------


def test_a_suggestion_is_taken_over_with_one_click(client, report, alice):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    key = plan.focus[0]
    client.force_login(alice)
    response = client.post(url(report, "plan_action_add"), {"competency": key, "suggestion": "1"})
    assert response.status_code == 302 and response.url.endswith(f"#{key}")
    action = plan.actions.get()
    suggestion = development.suggestions_for(key)[1]
    assert (action.kind, action.description) == (suggestion.kind, suggestion.text)
    assert action.with_whom == suggestion.with_whom and action.target_date > timezone.localdate()
    event = AuditEvent.objects.get(action="scan.plan_action_add")
    assert event.detail["suggestion"] is True and event.detail["competency"] == key


def test_taking_the_same_suggestion_twice_gives_one_action(client, report, alice):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    client.force_login(alice)
    for _ in range(2):
        client.post(
            url(report, "plan_action_add"), {"competency": plan.focus[0], "suggestion": "0"}
        )
    assert plan.actions.count() == 1
    assert "Staat in uw plan" in client.get(url(report)).content.decode()


def test_the_secretary_writes_an_action_of_her_own(client, report, alice):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    client.force_login(alice)
    response = client.post(
        url(report, "plan_action_add"),
        {
            "competency": plan.focus[1],
            "kind": "sparring",
            "description": "Elke maand lunchen met de griffier.",
            "with_whom": "Gerda, griffier",
            "target_date": "2027-03-01",
        },
    )
    assert response.status_code == 302
    action = plan.actions.get()
    assert action.competency == plan.focus[1] and str(action.target_date) == "2027-03-01"
    assert "Elke maand lunchen met de griffier." in client.get(url(report)).content.decode()


def test_an_action_without_a_description_is_refused_and_the_input_kept(client, report, alice):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    client.force_login(alice)
    response = client.post(
        url(report, "plan_action_add"),
        {"competency": plan.focus[0], "kind": "coaching", "with_whom": "Coach Carla"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Schrijf op wat u gaat doen." in body
    assert 'value="Coach Carla"' in body and not plan.actions.exists()


def test_an_action_for_a_competency_outside_the_focus_is_refused(client, report, alice):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    client.force_login(alice)
    other = report.scan.competency_keys[5]
    client.post(url(report, "plan_action_add"), {"competency": other, "suggestion": "0"})
    assert not plan.actions.exists()


def test_an_action_goes_from_gepland_to_bezig_to_klaar_with_dates_and_then_is_removed(
    client, report, alice
):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    action = development.take_suggestion(plan, plan.focus[0], 0)
    assert action.status == "gepland" and action.status_text == "Gepland"
    client.force_login(alice)
    client.post(url(report, "plan_action_status", action.pk), {"status": "bezig"})
    action.refresh_from_db()
    today = timezone.localdate()
    assert action.status == "bezig" and action.status_date == today
    assert action.status_text == f"Bezig sinds {nl_date(today)}"
    client.post(url(report, "plan_action_status", action.pk), {"status": "klaar"})
    action.refresh_from_db()
    assert action.status_text == f"Klaar op {nl_date(today)}"
    page = client.get(url(report)).content.decode()
    assert f"Klaar op {nl_date(today)}" in page
    response = client.post(url(report, "plan_action_status", action.pk), {"status": "af"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "klaar"  # an unknown status changes nothing
    client.post(url(report, "plan_action_remove", action.pk))
    assert not plan.actions.exists()
    events = AuditEvent.objects.filter(action__startswith="scan.plan_action").order_by("pk")
    actions = list(events.values_list("action", flat=True))
    assert actions == ["scan.plan_action_status"] * 2 + ["scan.plan_action_remove"]


def test_the_plan_as_pdf_lists_the_actions_with_date_and_status(client, report, alice):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    action = development.take_suggestion(plan, plan.focus[0], 0)
    development.set_status(plan, action.pk, "bezig")
    client.force_login(alice)
    response = client.get(url(report, "plan_pdf"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = " ".join(pdf_text(response.content).split())
    assert "Ontwikkelplan" in text and "Aantekeningen" in text
    assert f"Bezig sinds {nl_date(timezone.localdate())}" in text
    assert nl_date(action.target_date) in text


def test_a_change_to_the_actions_renews_the_plans_updated_at(report):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    before = DevelopmentPlan.objects.get(pk=plan.pk).updated_at
    development.take_suggestion(plan, plan.focus[0], 0)
    assert DevelopmentPlan.objects.get(pk=plan.pk).updated_at > before


def test_an_action_of_another_plan_cannot_be_touched(client, report, alice):
    plan = saved_plan(report, report.scan.competency_keys[:2])
    action = development.take_suggestion(plan, plan.focus[0], 0)
    other = make_user("eva")
    other_scan = Scan.objects.create(
        secretary=other,
        gemeente=report.scan.gemeente,
        deadline=timezone.now(),
        competency_keys=report.scan.competency_keys,
        model_version=report.scan.model_version,
        status=Scan.GESLOTEN,
        closed_at=timezone.now(),
    )
    other_report = freeze_report(other_scan)
    client.force_login(other)
    assert client.post(url(other_report, "plan_action_remove", action.pk)).status_code == 302
    assert client.post(url(other_report, "plan_action_status", action.pk)).status_code == 404
    assert DevelopmentAction.objects.filter(pk=action.pk).exists()


# --- Keeping the comments ----------------------------------------------------------------------


def test_the_secretary_chooses_to_keep_the_comments(client, report, alice):
    client.force_login(alice)
    client.post(url(report, "plan_keep_comments"), {"keep_comments": "on"})
    assert FrozenReport.objects.get(pk=report.pk).keep_comments is True
    client.post(url(report, "plan_keep_comments"), {})
    assert FrozenReport.objects.get(pk=report.pk).keep_comments is False
    keeps = AuditEvent.objects.filter(action="scan.plan_keep_comments").order_by("pk")
    assert [e.detail["keep"] for e in keeps] == [True, False]


def test_comments_already_deleted_cannot_be_kept(client, report, alice):
    FrozenReport.objects.filter(pk=report.pk).update(personal_data_deleted_at=timezone.now())
    client.force_login(alice)
    client.post(url(report, "plan_keep_comments"), {"keep_comments": "on"})
    assert FrozenReport.objects.get(pk=report.pk).keep_comments is False
    assert "Terughalen kan niet" in client.get(url(report)).content.decode()
