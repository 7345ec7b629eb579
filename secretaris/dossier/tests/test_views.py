import json

import pytest
from django.urls import reverse

from secretaris.dossier.models import Gemeente
from secretaris.profiles.drafting import draft_profile
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


SECRET = "Geheime notitie over de wethouder"


def _user_text_exists():
    """Bestuur notes about Utrecht, in a profielschets (the only place they can live)."""
    profile = draft_profile(Gemeente.objects.get(code="GM0344"))
    profile.bestuur = {
        "coalition_parties": "Geheime Coalitie",
        "swot_weaknesses": SECRET,
        "college_members": SECRET,
    }
    profile.save()


def test_an_anonymous_visitor_never_sees_user_entered_text(client):
    _user_text_exists()
    body = client.get("/gemeenten/utrecht/").content.decode()
    assert SECRET not in body and "Geheime Coalitie" not in body
    assert "Bestuursgegevens bewerken" not in body


def test_the_api_never_returns_user_entered_text(client):
    _user_text_exists()
    text = client.get("/api/gemeenten/GM0344").content.decode()
    assert SECRET not in text and "Geheime Coalitie" not in text


def test_a_logged_in_user_cannot_edit_user_text_in_the_dossier(client):
    _user_text_exists()
    make_user("alice")
    client.login(username="alice", password=PASSWORD)
    assert client.get("/gemeenten/utrecht/bestuur/").status_code == 404
    response = client.post("/gemeenten/utrecht/bestuur/", {"coalition_parties": "X"})
    assert response.status_code in (403, 404)
    assert SECRET not in client.get("/gemeenten/utrecht/").content.decode()


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
