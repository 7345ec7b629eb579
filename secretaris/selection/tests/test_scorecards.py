"""Filling in a scorecard through the page: drafts, submitting, the lock, amendments."""

import pytest
from django.urls import reverse

from secretaris.accounts.models import AuditEvent
from secretaris.selection.models import Scorecard
from secretaris.selection.tests.conftest import candidate, declare, member

pytestmark = pytest.mark.django_db


def form_data(procedure, score=4, advice="ja", **extra):
    data = {f"score_{c['key']}": str(score) for c in procedure.criteria}
    data.update(
        {f"evidence_{c['key']}": "Noemde een concreet voorbeeld." for c in procedure.criteria}
    )
    data["advice"] = advice
    data.update(extra)
    return data


@pytest.fixture
def page(client, procedure):
    declare(procedure, "lars", "Anna", conflict=False)
    client.force_login(member(procedure, "lars").user)
    return reverse("selection:scorecard", args=[procedure.pk, candidate(procedure, "Anna").pk, 1])


def test_a_draft_may_be_incomplete_and_does_not_count(client, procedure, page):
    data = {"save": "1", f"score_{procedure.criteria[0]['key']}": "2"}
    client.post(page, data)
    card = Scorecard.objects.get()
    assert card.scores == {procedure.criteria[0]["key"]: 2} and not card.is_submitted


def test_submitting_needs_every_criterion_and_an_advice(client, procedure, page):
    data = form_data(procedure, submit="1")
    del data[f"score_{procedure.criteria[1]['key']}"]
    data["advice"] = ""
    response = client.post(page, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Geef een score van 1 tot en met 5." in body and "Kies uw eindoordeel." in body
    assert not Scorecard.objects.filter(submitted_at__isnull=False).exists()


def test_there_is_no_neutral_advice(client, procedure, page):
    response = client.post(page, form_data(procedure, advice="neutraal", submit="1"))
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Scorecard.objects.exists()


def test_a_score_outside_one_to_five_is_refused(client, procedure, page):
    response = client.post(page, form_data(procedure, score=6, submit="1"))
    assert response.status_code == 200 and not Scorecard.objects.exists()


def test_a_submitted_scorecard_is_locked_and_changes_only_with_a_reason(client, procedure, page):
    client.post(page, form_data(procedure, score=4, submit="1"))
    card = Scorecard.objects.get()
    assert card.is_submitted and set(card.scores.values()) == {4}
    client.post(page, form_data(procedure, score=2, submit="1"))  # no reason given
    card.refresh_from_db()
    assert set(card.scores.values()) == {4}
    client.post(
        page, form_data(procedure, score=3, amend="1", reason="Verkeerd criterium aangeklikt")
    )
    card.refresh_from_db()
    assert set(card.scores.values()) == {3}
    amendment = card.amendments.get()
    assert amendment.reason == "Verkeerd criterium aangeklikt"
    assert set(amendment.before["scores"].values()) == {4}
    assert set(amendment.after["scores"].values()) == {3}
    assert AuditEvent.objects.filter(action="selection.scorecard_amended").count() == 1
    assert AuditEvent.objects.filter(action="selection.scorecard_submitted").count() == 1


def test_the_committee_secretary_has_no_scorecard(client, procedure):
    declare(procedure, "sanne", "Anna", conflict=False)
    client.force_login(member(procedure, "sanne").user)
    url = reverse("selection:scorecard", args=[procedure.pk, candidate(procedure, "Anna").pk, 1])
    assert client.get(url).status_code == 404


def test_a_candidate_not_in_the_second_round_has_no_second_round_card(client, procedure, page):
    assert client.get(page.replace("ronde-1", "ronde-2")).status_code == 404
    assert client.get(page.replace("ronde-1", "ronde-3")).status_code == 404


def test_two_windows_creating_the_same_card_at_once_get_no_server_error(procedure, rf):
    """Both requests found no card and build a new one; the second insert must fail
    politely (the race is forced here by building the card before the other insert)."""
    from secretaris.selection.forms import ScorecardForm
    from secretaris.selection.scorecards import own_scorecard, save_scorecard
    from secretaris.selection.tests.conftest import fill

    lars, anna = member(procedure, "lars"), candidate(procedure, "Anna")
    late = own_scorecard(lars, anna, 1)  # window 2: nothing stored yet
    fill(procedure, "lars", "Anna", 2, submit=False)  # window 1 stores first
    form = ScorecardForm(procedure, form_data(procedure, score=5))
    assert form.is_valid()
    request = rf.post("/")
    request.user = lars.user
    assert save_scorecard(request, late, form, submit=False) is None
    assert "in een ander venster opgeslagen" in str(form.non_field_errors())
    assert set(Scorecard.objects.get().scores.values()) == {2}
