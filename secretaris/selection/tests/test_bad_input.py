"""Bad input gets a clear Dutch message, changes nothing and never a server error."""

import pytest
from django.urls import reverse

from secretaris.selection.tests.conftest import candidate, declare, fill, member
from secretaris.selection.tests.test_access import candidate_urls, procedure_urls

pytestmark = pytest.mark.django_db

JUNK = [
    {},
    {"phase": "hemel", "date_werving": "31-13-2026", "weights": "1"},
    {"weights": "1", "bestuurlijke-politieke-sensitiviteit": "abc"},
    {"submit": "1", "advice": "misschien", "score_visie": "9"},
    {"amend": "1", "reason": "x" * 5000},
    {"conflict": "misschien"},
    {"upload": "1", "kind": "virus"},
    {"status": "1", "stage": "maan", "outcome": "?"},
    {"edit": "1", "name": "", "email": "geen-adres"},
    {"or_advice": "ja!", "or_advice_date": "gisteren"},
    {"proposed": "00000000-0000-0000-0000-000000000000", "advice_reasons": ""},
    {"name": "X", "email": "not-an-email", "role": "koning"},
    {"letters": "1", "werving": "", "eerste_ronde": "{"},
]


@pytest.mark.parametrize("who", ["vera", "lars", "sanne"])
def test_no_junk_post_gives_a_server_error(client, procedure, who):
    declare(procedure, who, "Anna", conflict=False)
    fill(procedure, "otto", "Anna", 3)
    client.force_login(member(procedure, who).user)
    anna = candidate(procedure, "Anna")
    for url in procedure_urls(procedure) + candidate_urls(procedure, anna):
        for data in JUNK:
            response = client.post(url, data)
            assert response.status_code < 500, (url, data)
    procedure.refresh_from_db()
    assert procedure.phase == "voorbereiding" and set(procedure.weights().values()) == {1}
    assert procedure.candidates.count() == 2 and procedure.members.count() == 4


def test_wrong_dates_and_weights_are_explained_in_dutch(client, procedure):
    client.force_login(member(procedure, "vera").user)
    url = reverse("selection:settings", args=[procedure.pk])
    body = client.post(url, {"phase": "werving", "date_werving": "31-13-2026"}).content.decode()
    assert "Vul een datum in als 31-12-2026." in body
    key = procedure.criteria[0]["key"]
    data = {"weights": "1", **{c["key"]: "1" for c in procedure.criteria}, key: "0"}
    assert "Kies 1 tot en met 5." in client.post(url, data).content.decode()
    data[key] = "3"
    client.post(url, data)
    procedure.refresh_from_db()
    assert procedure.weights()[key] == 3


def test_an_unknown_round_or_document_kind_is_not_found(client, procedure):
    client.force_login(member(procedure, "vera").user)
    assert client.get(reverse("selection:calibration", args=[procedure.pk, 3])).status_code == 404
    assert client.get(reverse("selection:kit", args=[procedure.pk, 0])).status_code == 404
    url = reverse("selection:advice_file", args=[procedure.pk, "exe"])
    assert client.get(url).status_code == 404


def test_a_declaration_cannot_be_withdrawn_by_posting_again(client, procedure):
    lars = member(procedure, "lars")
    anna = candidate(procedure, "Anna")
    client.force_login(lars.user)
    url = reverse("selection:declare", args=[procedure.pk, anna.pk])
    client.post(url, {"conflict": "ja"})
    assert client.post(url, {"conflict": "nee"}).status_code == 404
    assert lars.declarations.get(candidate=anna).conflict
