"""The calibration page is kept per member, round and procedure version
(calibration_cache.py): every change shows on the very next request, and a kept page
never reaches anyone but the member it was rendered for."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from secretaris import versioned_cache
from secretaris.selection.models import Member
from secretaris.selection.tests.conftest import candidate, declare, fill, member

pytestmark = pytest.mark.django_db

SCORE = re.compile(r'<li class="sel-score[^"]*">(?:([^<:]+): )?<strong>(\d)</strong>')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def url(procedure, round: int = 1) -> str:
    return reverse("selection:calibration", args=[procedure.pk, round])


def page_as(client, procedure, username: str) -> str:
    client.force_login(member(procedure, username).user)
    response = client.get(url(procedure))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return response.content.decode()


def scores(page: str) -> set[tuple[str, int]]:
    """(member name or "", score) as the page shows them."""
    return {(name or "", int(value)) for name, value in SCORE.findall(page)}


def scorecard_form(procedure, score: int, **extra) -> dict[str, str]:
    data = {f"score_{c['key']}": str(score) for c in procedure.criteria}
    data.update({"advice": "ja", **extra})
    return data


def test_submitting_a_scorecard_shows_the_others_scores_on_the_next_request(client, procedure):
    fill(procedure, "vera", "Anna", 5)
    declare(procedure, "lars", "Anna", conflict=False)
    before = page_as(client, procedure, "lars")
    assert "Stuur eerst" in before and not scores(before)
    anna = candidate(procedure, "Anna")
    client.post(
        reverse("selection:scorecard", args=[procedure.pk, anna.pk, 1]),
        scorecard_form(procedure, 1, submit="1"),
    )
    page_as(client, procedure, "lars")  # with the message "ingestuurd": rendered in full
    after = page_as(client, procedure, "lars")
    assert scores(after) == {("", 5), ("", 1)}  # without names: Otto is not in yet


def test_an_amended_scorecard_shows_on_the_next_request(client, procedure):
    for username, score in [("vera", 5), ("lars", 2), ("otto", 3)]:
        fill(procedure, username, "Anna", score)
    assert ("Otto Ondernemingsraad", 3) in scores(page_as(client, procedure, "lars"))
    card = member(procedure, "otto").scorecards.get()
    card.amend(card.member.user, "Verkeerd gelezen", scores=dict.fromkeys(card.scores, 4))
    shown = scores(page_as(client, procedure, "lars"))
    assert ("Otto Ondernemingsraad", 4) in shown and ("Otto Ondernemingsraad", 3) not in shown


def test_declaring_a_conflict_hides_the_candidate_on_the_next_request(client, procedure):
    assert "Bram Bakker" in page_as(client, procedure, "lars")
    bram = candidate(procedure, "Bram")
    client.post(reverse("selection:declare", args=[procedure.pk, bram.pk]), {"conflict": "ja"})
    assert "Bram Bakker" not in page_as(client, procedure, "lars")  # with the message
    assert "Bram Bakker" not in page_as(client, procedure, "lars")


def test_a_phase_change_shows_on_the_next_request(client, procedure):
    assert "fase: <strong>Voorbereiding</strong>" in page_as(client, procedure, "lars")
    procedure.move_to("eerste_ronde")
    assert "fase: <strong>Eerste ronde</strong>" in page_as(client, procedure, "lars")


def test_a_kept_page_never_reaches_another_member(client, procedure):
    fill(procedure, "vera", "Anna", 5)
    vera = page_as(client, procedure, "vera")
    assert ("", 5) in scores(vera) and ">vera<" in vera
    lars = page_as(client, procedure, "lars")  # has not submitted his own card
    assert not scores(lars) and "Stuur eerst" in lars and ">lars<" in lars
    sanne = page_as(client, procedure, "sanne")  # does not score: only when all are in
    assert not scores(sanne) and "U ziet de scores als alle leden" in sanne
    assert scores(page_as(client, procedure, "vera")) == scores(vera)


def test_a_member_who_declares_a_conflict_no_longer_gets_the_page_of_before(client, procedure):
    fill(procedure, "vera", "Anna", 5)
    fill(procedure, "otto", "Anna", 4)
    assert "Anna Albers" in page_as(client, procedure, "otto")
    declare(procedure, "otto", "Bram", conflict=True)
    page = page_as(client, procedure, "otto")
    assert "Anna Albers" in page and "Bram Bakker" not in page


def test_a_removed_member_gets_nothing_at_once(client, procedure):
    page_as(client, procedure, "lars")
    member(procedure, "lars").delete()
    assert client.get(url(procedure)).status_code == 404


def test_a_role_change_shows_on_the_next_request(client, procedure):
    fill(procedure, "vera", "Anna", 5)
    fill(procedure, "lars", "Anna", 4)
    assert "u bent lid" in page_as(client, procedure, "lars")
    lars = member(procedure, "lars")
    lars.role = Member.SECRETARIS
    lars.save()
    page = page_as(client, procedure, "lars")
    assert "u bent secretaris van de commissie" in page
    assert not scores(page)  # a secretary sees scores only when everyone is in


def test_a_renamed_member_is_named_anew(client, procedure):
    for username in ("vera", "lars", "otto"):
        fill(procedure, username, "Anna", 3)
    assert "Otto Ondernemingsraad" in page_as(client, procedure, "lars")
    otto = member(procedure, "otto").user
    otto.last_name = "Overbeek"
    otto.save()
    page = page_as(client, procedure, "lars")
    assert "Otto Overbeek" in page and "Otto Ondernemingsraad" not in page


def test_the_kept_page_is_served_without_loading_the_scores_and_equals_a_full_render(
    client, procedure
):
    for username in ("vera", "lars", "otto"):
        fill(procedure, username, "Anna", 3)
        fill(procedure, username, "Bram", 4)
    first = page_as(client, procedure, "vera")
    with CaptureQueriesContext(connection) as queries:
        second = page_as(client, procedure, "vera")
    assert not any("selection_scorecard" in q["sql"] for q in queries.captured_queries)
    assert TOKEN.sub("", first) == TOKEN.sub("", second)
    token = TOKEN.findall(second)
    assert token and versioned_cache.CSRF_MARK not in second
    assert "Plaats van Anna Albers" in second  # the chair's ranking form, with her token


def test_a_message_after_saving_is_shown_once(client, procedure):
    for username in ("vera", "lars", "otto"):
        fill(procedure, username, "Anna", 3)
        fill(procedure, username, "Bram", 4)
    page_as(client, procedure, "vera")
    anna, bram = candidate(procedure, "Anna"), candidate(procedure, "Bram")
    response = client.post(url(procedure), {f"rank_{anna.pk.hex}": "1", f"rank_{bram.pk.hex}": "2"})
    assert response.status_code == 302
    shown = page_as(client, procedure, "vera")
    assert "De rangorde van de commissie is opgeslagen." in shown
    assert "anders dan de formule" in shown  # Bram scored higher by the formula
    assert "De rangorde van de commissie is opgeslagen." not in page_as(client, procedure, "vera")


def test_a_change_renews_the_version_at_once_and_again_when_it_is_committed(
    procedure, django_capture_on_commit_callbacks
):
    from secretaris.selection import calibration_cache

    name = calibration_cache.version_name(procedure.pk)
    before = versioned_cache.current(name)
    with django_capture_on_commit_callbacks(execute=True):
        fill(procedure, "lars", "Anna", 3)
        during = versioned_cache.current(name)  # a page rendered now is not kept past the
    after = versioned_cache.current(name)  # commit: the version changes once more
    assert len({before, during, after}) == 3
