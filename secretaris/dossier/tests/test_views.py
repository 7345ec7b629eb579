import json

import pytest
from django.urls import reverse

from secretaris.dossier.models import Bestuur, Gemeente
from secretaris.test import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_home_lists_municipalities_by_province(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Friesland" in body and "Súdwest-Fryslân" in body


def test_search_sudwest_opens_the_dossier_of_sudwest_fryslan(client):
    response = client.get(reverse("dossier:search"), {"q": "sudwest"})
    assert response.status_code == 302
    assert response.url == "/gemeenten/sudwest-fryslan/"


def test_search_for_an_unknown_name_suggests_the_closest(client):
    response = client.get(reverse("dossier:search"), {"q": "Hertogenbos"})
    assert response.status_code == 302  # a unique substring is still found
    response = client.get(reverse("dossier:search"), {"q": "Amstrdam"})
    body = response.content.decode()
    assert "Deze gemeente kennen we niet" in body and "Amsterdam" in body


def test_the_dossier_page_shows_figures_with_source_and_date(client):
    response = client.get("/gemeenten/sudwest-fryslan/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body and "Zetelverdeling" in body
    assert "Bron:" in body and "januari" in body
    assert "Woonplaatsen" in body


def test_the_api_returns_the_same_json_as_the_cli(client, capsys):
    from django.core.management import call_command

    call_command("dossier", "GM0344", "--json")
    cli = json.loads(capsys.readouterr().out)
    api = client.get("/api/gemeenten/GM0344").json()
    assert api == cli


def test_the_api_gives_404_with_suggestions_for_an_unknown_name(client):
    response = client.get("/api/gemeenten/Amstrdam")
    assert response.status_code == 404
    assert response.json()["suggestions"][0]["name"] == "Amsterdam"


def test_editing_the_bestuur_needs_a_login(client):
    url = reverse("dossier:edit_bestuur", args=["utrecht"])
    response = client.get(url)
    assert response.status_code == 302 and "/account/inloggen/" in response.url


def _bestuur_post(version, **fields):
    data = {
        "version": version,
        "gemeente_type": "ontwikkel",
        "bestuursmodel": "collegiaal",
        "coalition_parties": "GroenLinks\nD66\nPvdA",
    }
    data.update(fields)
    return data


def test_a_logged_in_user_saves_the_bestuur(client):
    make_user("alice")
    client.login(username="alice", password=PASSWORD)
    url = reverse("dossier:edit_bestuur", args=["utrecht"])
    assert client.get(url).status_code == 200
    response = client.post(url, _bestuur_post(0))
    assert response.status_code == 302
    bestuur = Bestuur.objects.get(gemeente_id="GM0344")
    assert bestuur.coalition_list() == ["GroenLinks", "D66", "PvdA"]
    assert bestuur.updated_by.username == "alice"
    page = client.get("/gemeenten/utrecht/").content.decode()
    assert "GroenLinks, D66, PvdA (3 partijen)" in page


def test_a_concurrent_edit_is_refused_and_keeps_the_input(client):
    make_user("alice")
    client.login(username="alice", password=PASSWORD)
    url = reverse("dossier:edit_bestuur", args=["utrecht"])
    client.get(url)
    client.post(url, _bestuur_post(0, coalition_parties="VVD"))  # the first save wins
    response = client.post(url, _bestuur_post(0, coalition_parties="CDA\nSP"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Iemand anders heeft deze gegevens intussen gewijzigd" in body
    assert "CDA\nSP" in body  # the second user's input is still on the page
    assert Bestuur.objects.get(gemeente_id="GM0344").coalition_list() == ["VVD"]


def test_the_sources_page_lists_every_source(client):
    body = client.get(reverse("dossier:sources")).content.decode()
    assert "CBS" in body and "Kiesraad" in body


def test_every_municipality_has_a_dossier_page(client):
    slugs = list(Gemeente.objects.values_list("slug", flat=True))
    assert len(slugs) == 342
    for slug in slugs[::17]:
        assert client.get(f"/gemeenten/{slug}/").status_code == 200


def test_a_dossier_address_with_a_common_name_redirects(client):
    response = client.get("/gemeenten/den-bosch/")
    assert response.status_code == 302
    assert response.url == "/gemeenten/s-hertogenbosch/"


def test_an_unknown_dossier_address_is_404_with_suggestions(client):
    response = client.get("/gemeenten/amstrdam/")
    assert response.status_code == 404
    assert "Amsterdam" in response.content.decode()


def test_urbanity_is_shown_in_words(client):
    body = client.get("/gemeenten/utrecht/").content.decode()
    assert "zeer sterk stedelijk" in body
