"""Changing the committee: another role, or taking a member off (committee.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from secretaris.accounts.models import AuditEvent
from secretaris.selection.models import Member, Scorecard
from secretaris.selection.procedures import invite_member
from secretaris.selection.tests.conftest import fill, member
from secretaris.selection.tests.test_access import candidate_urls, procedure_urls

pytestmark = pytest.mark.django_db


def member_url(procedure, username: str) -> str:
    return reverse("selection:member", args=[procedure.pk, member(procedure, username).pk])


def as_chair(client, procedure):
    client.force_login(member(procedure, "vera").user)
    return client


def test_the_chair_gives_a_member_another_role(client, procedure):
    response = as_chair(client, procedure).post(
        member_url(procedure, "lars"), {"role": Member.ADVISEUR}
    )
    assert response.status_code == 302
    assert member(procedure, "lars").role == Member.ADVISEUR
    event = AuditEvent.objects.get(action="selection.member_role")
    assert event.detail["before"] == Member.LID and event.detail["role"] == Member.ADVISEUR


def test_the_last_chair_can_neither_leave_nor_step_down(client, procedure):
    as_chair(client, procedure)
    page = client.post(member_url(procedure, "vera"), {"role": Member.LID}).content.decode()
    assert "enige voorzitter" in page
    page = client.post(member_url(procedure, "vera"), {"remove": "1", "confirm": "on"})
    assert "enige voorzitter" in page.content.decode()
    vera = member(procedure, "vera")
    assert vera.role == Member.VOORZITTER and vera.removed_at is None


def test_with_a_second_chair_the_first_may_step_down(client, procedure):
    as_chair(client, procedure).post(member_url(procedure, "lars"), {"role": Member.VOORZITTER})
    client.post(member_url(procedure, "vera"), {"role": Member.LID})
    assert member(procedure, "vera").role == Member.LID


def test_removing_needs_a_confirmation(client, procedure):
    page = as_chair(client, procedure).post(member_url(procedure, "lars"), {"remove": "1"})
    assert "Vink aan" in page.content.decode()
    assert member(procedure, "lars").removed_at is None


def test_a_removed_member_loses_access_at_once_and_their_cards_stay(client, procedure):
    fill(procedure, "lars", "Anna", 2)
    lars = client.__class__()
    lars.force_login(member(procedure, "lars").user)
    calibration = reverse("selection:calibration", args=[procedure.pk, 1])
    assert lars.get(calibration).status_code == 200
    as_chair(client, procedure).post(
        member_url(procedure, "lars"), {"remove": "1", "confirm": "on"}
    )
    anna = procedure.candidates.get(name="Anna Albers")
    for url in procedure_urls(procedure) + candidate_urls(procedure, anna):
        assert lars.get(url).status_code == 404, url
        assert lars.post(url, {"conflict": "nee", "submit": "1"}).status_code == 404, url
    assert lars.get(reverse("selection:index")).content.decode().count(procedure.title) == 0
    assert Scorecard.objects.filter(member__user__username="lars").count() == 1
    event = AuditEvent.objects.get(action="selection.member_removed")
    assert event.detail["scorecards"] == 1
    committee = client.get(reverse("selection:committee", args=[procedure.pk])).content.decode()
    assert "Uit de commissie gehaald" in committee and "Lars Lid" in committee


def test_the_calibration_counts_only_the_committee_there_is_now_and_says_so(client, procedure):
    fill(procedure, "vera", "Anna", 4)
    fill(procedure, "otto", "Anna", 4)
    fill(procedure, "lars", "Anna", 1)
    as_chair(client, procedure).post(
        member_url(procedure, "lars"), {"remove": "1", "confirm": "on"}
    )
    url = reverse("selection:calibration", args=[procedure.pk, 1])
    data = client.get(url, {"format": "json"}).json()
    anna = next(c for c in data["candidates"] if c["name"] == "Anna Albers")
    assert anna["expected"] == 2 and anna["state"] == "named"
    assert {s["value"] for row in anna["criteria"] for s in row["scores"]} == {4}
    assert data["uncounted"] == [{"member": "Lars Lid", "why": "uit de commissie gehaald"}]
    page = client.get(url).content.decode()
    assert "Deze scorekaarten tellen niet mee: Lars Lid (uit de commissie gehaald)" in page


def test_a_member_who_no_longer_scores_is_not_waited_for(client, procedure):
    fill(procedure, "vera", "Anna", 4)
    fill(procedure, "lars", "Anna", 4)
    as_chair(client, procedure).post(member_url(procedure, "otto"), {"role": Member.SECRETARIS})
    data = client.get(
        reverse("selection:calibration", args=[procedure.pk, 1]), {"format": "json"}
    ).json()
    anna = next(c for c in data["candidates"] if c["name"] == "Anna Albers")
    assert anna["state"] == "named" and anna["expected"] == 2


def test_only_the_chair_and_the_secretary_change_the_committee(client, procedure):
    client.force_login(member(procedure, "lars").user)
    assert client.get(member_url(procedure, "otto")).status_code == 403
    assert client.post(member_url(procedure, "otto"), {"role": Member.LID}).status_code == 403
    assert member(procedure, "otto").role == Member.OR_LID


def test_the_secretary_may_leave_herself(client, procedure):
    client.force_login(member(procedure, "sanne").user)
    response = client.post(member_url(procedure, "sanne"), {"remove": "1", "confirm": "on"})
    assert response.status_code == 302 and response.url == reverse("selection:index")
    assert client.get(reverse("selection:detail", args=[procedure.pk])).status_code == 404


def test_a_removed_member_invited_again_counts_again(client, procedure):
    fill(procedure, "lars", "Anna", 2)
    as_chair(client, procedure).post(
        member_url(procedure, "lars"), {"remove": "1", "confirm": "on"}
    )
    vera = member(procedure, "vera").user
    again, _ = invite_member(
        procedure, name="Lars Lid", email="lars@example.nl", role=Member.LID, by=vera
    )
    assert again.pk == member(procedure, "lars").pk and again.removed_at is None
    assert procedure.members.count() == 4


def test_a_member_of_another_procedure_cannot_be_changed_from_here(client, procedure, profile):
    from secretaris.selection.procedures import start_procedure
    from secretaris.selection.tests.conftest import person

    other = start_procedure(profile, person("olga", "Olga", "Ander"), "Ander", Member.VOORZITTER)
    olga = other.members.get()
    url = reverse("selection:member", args=[procedure.pk, olga.pk])
    assert as_chair(client, procedure).post(url, {"role": Member.LID}).status_code == 404
    olga.refresh_from_db()
    assert olga.role == Member.VOORZITTER
