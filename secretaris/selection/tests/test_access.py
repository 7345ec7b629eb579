"""Who sees what: a persona × URL matrix, tried through the pages as that person would."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from secretaris.selection.models import Candidate, Scorecard
from secretaris.selection.tests.conftest import candidate, declare, fill, member, person
from secretaris.test import make_user

pytestmark = pytest.mark.django_db


def procedure_urls(procedure) -> list[str]:
    pk = procedure.pk
    return [
        reverse("selection:detail", args=[pk]),
        reverse("selection:statement", args=[pk]),
        reverse("selection:committee", args=[pk]),
        reverse("selection:member", args=[pk, procedure.members.order_by("pk").first().pk]),
        reverse("selection:settings", args=[pk]),
        reverse("selection:candidate_new", args=[pk]),
        reverse("selection:calibration", args=[pk, 1]),
        reverse("selection:calibration", args=[pk, 1]) + "?format=json",
        reverse("selection:kit", args=[pk, 1]),
        reverse("selection:kit_pdf", args=[pk, 1]),
        reverse("selection:or_advice", args=[pk]),
        reverse("selection:advice", args=[pk]),
        reverse("selection:advice_file", args=[pk, "pdf"]),
        reverse("selection:advice_file", args=[pk, "docx"]),
    ]


def candidate_urls(procedure, person_: Candidate, file_id=None) -> list[str]:
    args = [procedure.pk, person_.pk]
    return [
        reverse("selection:candidate", args=args),
        reverse("selection:scorecard", args=[*args, 1]),
        reverse("selection:scorecards", args=[*args, 1]),
        reverse("selection:rejection", args=args),
        reverse("selection:download", args=[*args, file_id or uuid.uuid4()]),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, procedure):
    anna = candidate(procedure, "Anna")
    for url in procedure_urls(procedure) + candidate_urls(procedure, anna):
        response = client.get(url)
        assert response.status_code == 302 and "/account/inloggen/" in response.url, url


@pytest.mark.parametrize("who", ["charlie", "beheerder"])
def test_outsiders_and_beheerders_cannot_even_see_that_the_procedure_exists(
    client, procedure, charlie, who
):
    user = charlie if who == "charlie" else make_user("dora", staff=True)
    client.force_login(user)
    anna = candidate(procedure, "Anna")
    for url in procedure_urls(procedure) + candidate_urls(procedure, anna):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"accept": "on", "conflict": "nee"}).status_code == 404, url
    assert "Gemeentesecretaris 2026" not in client.get(reverse("selection:index")).content.decode()


def test_the_admin_does_not_show_candidates_or_scorecards(client, procedure):
    fill(procedure, "lars", "Anna", evidence="Zeer geheim bewijs")
    client.force_login(make_user("dora", staff=True))
    index = client.get(reverse("admin:index")).content.decode()
    assert "/beheer/selection/procedure/" in index
    for model in ("candidate", "scorecard", "candidatefile", "declaration"):
        assert f"/beheer/selection/{model}/" not in index
    page = client.get(reverse("admin:selection_procedure_change", args=[procedure.pk]))
    assert page.status_code == 200
    assert "Anna" not in page.content.decode() and "Zeer geheim" not in page.content.decode()


def test_every_member_needs_two_factor_authentication_first(client, procedure):
    newcomer = person("nina", "Nina", "Nieuw", two_factor=False)
    procedure.members.create(user=newcomer, role="lid")
    client.force_login(newcomer)
    response = client.get(reverse("selection:detail", args=[procedure.pk]))
    assert response.status_code == 302 and response.url == reverse("two_factor_setup")


def test_a_member_accepts_the_confidentiality_statement_before_seeing_anything(client, procedure):
    newcomer = person("nina", "Nina", "Nieuw")
    procedure.members.create(user=newcomer, role="lid")
    client.force_login(newcomer)
    statement = reverse("selection:statement", args=[procedure.pk])
    for url in procedure_urls(procedure)[2:]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url == statement, url
    assert "Anna" not in client.get(statement).content.decode()
    client.post(statement, {"accept": "on"})
    assert client.get(reverse("selection:detail", args=[procedure.pk])).status_code == 200
    assert procedure.members.get(user=newcomer).confidentiality_accepted_at is not None


def test_a_member_who_does_not_run_the_procedure_cannot_change_it(client, procedure):
    client.force_login(member(procedure, "lars").user)
    for name in ("committee", "settings", "candidate_new", "or_advice"):
        url = reverse(f"selection:{name}", args=[procedure.pk])
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "X", "email": "x@example.nl"}).status_code == 403, url
    assert procedure.candidates.count() == 2 and procedure.members.count() == 4


def test_a_member_declares_conflicts_before_seeing_a_candidate(client, procedure):
    client.force_login(member(procedure, "lars").user)
    anna = candidate(procedure, "Anna")
    page = client.get(reverse("selection:candidate", args=[procedure.pk, anna.pk]))
    assert "Kent u Anna Albers?" in page.content.decode()
    assert "Scorekaarten" not in page.content.decode()
    score_url = reverse("selection:scorecard", args=[procedure.pk, anna.pk, 1])
    assert client.get(score_url).status_code == 404


def test_a_recused_member_sees_and_scores_nothing_of_that_candidate(client, procedure):
    lars = member(procedure, "lars")
    anna = candidate(procedure, "Anna")
    client.force_login(lars.user)
    client.post(reverse("selection:declare", args=[procedure.pk, anna.pk]), {"conflict": "ja"})
    assert lars.declarations.get(candidate=anna).conflict
    for url in candidate_urls(procedure, anna):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"submit": "1"}).status_code == 404, url
    assert not Scorecard.objects.filter(member=lars, candidate=anna).exists()
    fill(procedure, "vera", "Anna", 4)
    fill(procedure, "otto", "Anna", 2)
    for url in procedure_urls(procedure):
        body = client.get(url).content.decode(errors="replace")
        assert "Anna" not in body, url
    # The other members' round for Anna is complete without Lars.
    fill(procedure, "vera", "Bram")
    fill(procedure, "lars", "Bram")
    fill(procedure, "otto", "Bram")
    client.force_login(member(procedure, "vera").user)
    data = client.get(reverse("selection:calibration", args=[procedure.pk, 1]), {"format": "json"})
    anna_row = next(c for c in data.json()["candidates"] if c["name"] == "Anna Albers")
    assert anna_row["state"] == "named" and anna_row["expected"] == 2


def test_a_candidate_of_another_procedure_is_not_found_through_this_one(client, procedure, profile):
    from secretaris.selection.procedures import start_procedure

    other = start_procedure(profile, make_user("olga"), "Andere procedure", "voorzitter")
    stranger = Candidate.objects.create(procedure=other, name="Zeno Zwart", stage="eerste_ronde")
    client.force_login(member(procedure, "vera").user)
    for url in candidate_urls(procedure, stranger):
        assert client.get(url).status_code == 404, url


SECRET = "Zei letterlijk dat zij de burgemeester zou passeren"


def responses_for(client, procedure) -> dict[str, bytes]:
    anna = candidate(procedure, "Anna")
    urls = procedure_urls(procedure) + candidate_urls(procedure, anna)
    return {url: client.get(url).content for url in urls}


def test_nothing_reveals_another_members_scorecard_before_ones_own_is_submitted(client, procedure):
    """Vera submitted 5s and 1s with a telling note; Lars has only a draft. No page, JSON,
    PDF or download shows Lars anything of Vera's card."""
    import io

    from pypdf import PdfReader

    fill(procedure, "vera", "Anna", 5, advice="sterk_nee", evidence=SECRET)
    fill(procedure, "otto", "Anna", 1, advice="sterk_ja", evidence=SECRET)
    fill(procedure, "lars", "Anna", 3, submit=False)
    client.force_login(member(procedure, "lars").user)
    for url, body in responses_for(client, procedure).items():
        text = body.decode(errors="replace")
        if body.startswith(b"%PDF"):
            text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
        for leak in (SECRET, "sterk nee 1", '"Sterk nee": 1', "Vera Voorzitter: ", "wijkt af"):
            assert leak not in text, (url, leak)
    data = client.get(reverse("selection:calibration", args=[procedure.pk, 1]), {"format": "json"})
    anna = next(c for c in data.json()["candidates"] if c["name"] == "Anna Albers")
    assert anna["state"] == "hidden" and anna["criteria"] == [] and anna["advices"] == {}
    assert anna["submitted"] == 2


def test_after_ones_own_submission_the_scores_show_without_names(client, procedure):
    fill(procedure, "vera", "Anna", 5, evidence=SECRET)
    fill(procedure, "lars", "Anna", 3)
    client.force_login(member(procedure, "lars").user)
    anna = candidate(procedure, "Anna")
    page = client.get(reverse("selection:scorecards", args=[procedure.pk, anna.pk, 1]))
    body = page.content.decode()
    assert "3, 5" in body and SECRET not in body and "Vera Voorzitter" not in body
    data = client.get(reverse("selection:calibration", args=[procedure.pk, 1]), {"format": "json"})
    row = next(c for c in data.json()["candidates"] if c["name"] == "Anna Albers")
    assert row["state"] == "anonymous"
    assert all(s["member"] is None for c in row["criteria"] for s in c["scores"])


def test_who_said_what_shows_once_everyone_has_submitted(client, procedure):
    fill(procedure, "vera", "Anna", 5, evidence=SECRET)
    fill(procedure, "lars", "Anna", 3)
    fill(procedure, "otto", "Anna", 1)
    declare(procedure, "sanne", "Anna", conflict=False)
    client.force_login(member(procedure, "sanne").user)  # does not score herself
    anna = candidate(procedure, "Anna")
    body = client.get(reverse("selection:scorecards", args=[procedure.pk, anna.pk, 1]))
    assert SECRET in body.content.decode() and "Vera Voorzitter" in body.content.decode()
    page = client.get(reverse("selection:calibration", args=[procedure.pk, 1])).content.decode()
    assert "groot verschil" in page and "Otto Ondernemingsraad: " in page


def test_the_committee_secretary_sees_no_scores_until_everyone_submitted(client, procedure):
    fill(procedure, "vera", "Anna", 5, evidence=SECRET)
    declare(procedure, "sanne", "Anna", conflict=False)
    client.force_login(member(procedure, "sanne").user)
    anna = candidate(procedure, "Anna")
    body = client.get(reverse("selection:scorecards", args=[procedure.pk, anna.pk, 1]))
    assert SECRET not in body.content.decode()
    assert "als alle leden hun scorekaart hebben ingestuurd" in body.content.decode()


def test_pages_with_confidential_content_are_not_stored_by_browsers(client, procedure):
    client.force_login(member(procedure, "vera").user)
    declare(procedure, "vera", "Anna", conflict=False)
    for url in (
        procedure_urls(procedure)[:3] + candidate_urls(procedure, candidate(procedure, "Anna"))[:3]
    ):
        response = client.get(url)
        assert "no-store" in response.get("Cache-Control", ""), url


def test_another_members_conflict_does_not_hide_the_candidate_from_me(client, procedure):
    """Regression: exclude() over two conditions on declarations matched different rows,
    so Lars's conflict hid Anna from Vera once Vera had declared none herself."""
    declare(procedure, "lars", "Anna", conflict=True)
    declare(procedure, "vera", "Anna", conflict=False)
    client.force_login(member(procedure, "vera").user)
    anna = candidate(procedure, "Anna")
    assert (
        "Anna Albers"
        in client.get(reverse("selection:detail", args=[procedure.pk])).content.decode()
    )
    assert (
        client.get(reverse("selection:candidate", args=[procedure.pk, anna.pk])).status_code == 200
    )


def test_every_page_of_a_manager_has_one_heading_and_a_plain_title(client, procedure):
    declare(procedure, "vera", "Anna", conflict=False)
    client.force_login(member(procedure, "vera").user)
    anna = candidate(procedure, "Anna")
    pages = [u for u in procedure_urls(procedure) if "." not in u.rsplit("/", 1)[-1]]
    for url in pages[:-1] + candidate_urls(procedure, anna)[:3]:
        body = client.get(url).content.decode()
        if "<html" in body:
            assert body.count("<h1") == 1, url
            title = body.split("<title>")[1].split("</title>")[0]
            assert "<" not in title, url
