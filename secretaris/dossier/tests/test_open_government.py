"""Bestuur, parties, samenwerking and financien from open data; the facts issue 9 fixed."""

import pytest
from django.urls import reverse

from secretaris.dossier.finance import indicators, size_class
from secretaris.dossier.models import Gemeente
from secretaris.dossier.parties import council_parties, usual_name
from secretaris.dossier.presenter import build_dossier

pytestmark = pytest.mark.django_db


def dossier(code):
    return build_dossier(Gemeente.objects.get(code=code))


def search(client, query):
    return client.get(reverse("dossier:search"), {"q": query})


def test_utrecht_names_its_burgemeester_and_wethouders_with_the_register_date():
    data = dossier("GM0344").as_json()["bestuur"]
    assert data["burgemeester"] == {"name": "Mw. S.A.M. Dijksma", "waarnemend": False}
    assert "Mw. L.G.J. Voortman" in data["wethouders"] and len(data["wethouders"]) == 6
    assert data["secretaris"] == "Dhr. M.J. Ruis" and data["griffier"] == "Dhr. M. Israel"
    assert data["source_date"] == "2026-04-13"
    assert "Register van Overheidsorganisaties" in data["source"]


def test_the_page_says_the_register_date_next_to_the_wethouders(client):
    body = client.get("/gemeenten/utrecht/").content.decode()
    assert "Volgens het Register van Overheidsorganisaties, bijgewerkt 13 april 2026" in body
    assert "Mw. S.A.M. Dijksma" in body


def test_a_waarnemend_burgemeester_is_called_so():
    waarnemend = [
        g
        for g in Gemeente.objects.all()
        if ((g.register or {}).get("burgemeester") or {}).get("waarnemend")
    ]
    assert waarnemend
    data = build_dossier(waarnemend[0]).as_json()["bestuur"]["burgemeester"]
    assert data["waarnemend"] is True


def test_utrecht_council_parties_have_their_usual_names_and_agree_with_gr2026():
    parties = dossier("GM0344").as_json()["parties"]
    names = {p["kiesraad_name"]: p["name"] for p in parties["items"]}
    assert names["GROENLINKS / Partij van de Arbeid (PvdA)"] == "GroenLinks-PvdA"
    assert names["CDA, afdeling Utrecht"] == "CDA"
    assert parties["agrees_with_election"] is True and parties["seats_total"] == 45
    assert parties["largest"] == ["GroenLinks-PvdA"]


def test_a_register_that_differs_from_gr2026_is_reported_not_resolved(client):
    parties = dossier("GM1900").as_json()["parties"]  # Súdwest-Fryslân
    assert parties["agrees_with_election"] is False
    assert (
        "GroenLinks-PvdA: 7 zetels bij de Kiesraad, 5 in het register" in parties["disagreements"]
    )
    body = client.get("/gemeenten/sudwest-fryslan/").content.decode()
    assert "Wij kiezen niet" in body


def test_kiesraad_list_names_become_usual_names():
    assert usual_name("CDA, afdeling Súdwest-Fryslân") == "CDA"
    assert usual_name("PVV (Partij voor de Vrijheid)") == "PVV"
    assert usual_name("SP (Socialistische Partij)") == "SP"


def test_a_tie_for_largest_party_is_a_tie():
    parties, agrees, _ = council_parties(
        [("A", 5), ("B", 5), ("C", 3)], [("A", 5), ("B", 5), ("C", 3)]
    )
    from secretaris.dossier.parties import largest

    assert agrees is True and largest(parties) == ["A", "B"]


def test_utrecht_takes_part_in_its_veiligheidsregio_and_ggd():
    sw = dossier("GM0344").as_json()["samenwerking"]
    kinds = {item["kind"] for item in sw["items"]}
    assert {"veiligheidsregio", "ggd", "omgevingsdienst"} <= kinds
    assert sw["count"] == len(sw["items"]) and sw["shared_civil_service"] is None


def test_a_shared_civil_service_is_recognised_and_staff_ratios_are_withheld(client):
    castricum = Gemeente.objects.get(name="Castricum")
    data = build_dossier(castricum).as_json()
    shared = data["samenwerking"]["shared_civil_service"]
    assert shared and "BUCH" in shared["name"] and "Heiloo" in shared["partners"]
    newest = data["financien"]["documents"][0]
    assert newest["own_staff"] is False and newest["loonsom_per_inwoner"] is None
    assert newest["externe_inhuur"] is None
    body = client.get(castricum.get_absolute_url()).content.decode()
    assert "Gedeelde ambtelijke organisatie" in body and "zeggen dan niets" in body


def test_utrecht_finances_compare_with_the_g4_and_say_where_they_come_from():
    fin = dossier("GM0344").as_json()["financien"]
    account = next(d for d in fin["documents"] if d["label"] == "Jaarrekening 2024")
    assert account["lasten"] == 2169184 and account["lasten_per_inwoner"] == 5796
    assert account["solvabiliteit"] == 25.0 and account["externe_inhuur_share"] == 15.4
    assert account["size_class"] == "G4" and account["size_class_count"] == 4
    assert account["size_class_median"]["lasten_per_inwoner"] > 0
    assert {t["code"] for t in account["taakvelden"]} == set("012345678")
    assert "berekend uit CBS Iv3" in fin["note"]
    budget = next(d for d in fin["documents"] if d["label"] == "Begroting 2026")
    assert budget["externe_inhuur_share"] is None and budget["solvabiliteit"] is None


def test_the_finance_section_shows_a_chart_of_lasten_per_taakveld(client):
    body = client.get("/gemeenten/utrecht/").content.decode()
    assert "berekend uit CBS Iv3" in body and "Lasten per taakveld" in body
    assert "Sociaal domein" in body


def test_indicators_leave_unknown_values_unknown():
    values = indicators({"document": "begroting", "inwoners": 1000, "lasten": 5000})
    assert values["lasten_per_inwoner"] == 5000 and values["solvabiliteit"] is None
    assert values["own_staff"] is None and values["overhead_share"] is None


def test_size_classes_follow_the_ao_fonds():
    assert size_class("GM0344", 378_000) == "G4"
    assert size_class("GM0001", 19_999) == "< 20.000"
    assert size_class("GM0001", 20_000) == "20.000–50.000"
    assert size_class("GM0001", 150_000) == "> 100.000"


@pytest.mark.parametrize(
    "query, slug",
    [
        ("Brielle", "voorne-aan-zee"),
        ("Hellevoetsluis", "voorne-aan-zee"),
        ("Weesp", "amsterdam"),
        ("Sneek", "sudwest-fryslan"),
        ("Bolsward", "sudwest-fryslan"),
        ("Hoofddorp", "haarlemmermeer"),
    ],
)
def test_former_municipalities_and_woonplaatsen_lead_to_their_municipality(client, query, slug):
    response = search(client, query)
    assert response.status_code == 302 and response.url == f"/gemeenten/{slug}/"


def test_haaren_leads_to_its_four_successors(client):
    body = search(client, "Haaren").content.decode()
    for name in ("Boxtel", "Oisterwijk", "Tilburg", "Vught"):
        assert name in body
    assert "Borsele" not in body
    assert "Haaren is een voormalige gemeente; het gebied hoort nu bij Boxtel, Oisterwijk, " in body


# -- facts that were wrong ------------------------------------------------------------------


def test_voorne_aan_zee_has_no_2018_nissewaard_event():
    d = dossier("GM1992")
    assert all("Nissewaard" not in str(m.predecessors) for m in d.mergers)
    assert [m.date.year for m in d.mergers] == [2023]


def test_a_whole_municipality_is_not_called_a_part(client):
    body = client.get("/gemeenten/amsterdam/").content.decode()
    assert "Weesp ging geheel in deze gemeente op" in body
    assert "Met (een deel van)" not in body


def test_the_timeline_is_in_date_order():
    for code in ("GM1992", "GM1900", "GM0014"):
        days = [item["date"] for item in dossier(code).timeline()]
        assert days == sorted(days)


def test_utrecht_has_no_begindatum_1970(client):
    assert Gemeente.objects.get(code="GM0344").begindatum is None
    body = client.get("/gemeenten/utrecht/").content.decode()
    assert "1970" not in body


def test_one_woonplaats_is_singular(client):
    one = next(g for g in Gemeente.objects.all() if g.woonplaatsen.count() == 1)
    body = client.get(one.get_absolute_url()).content.decode()
    assert "(1 woonplaats)" in body and "1 woonplaatsen" not in body


def test_utrecht_is_compared_with_other_large_cities(client):
    from secretaris.dossier.comparison import similar

    rows = similar(dossier("GM0344"))
    names = {r.gemeente.name for r in rows}
    assert {"Amsterdam", "Rotterdam", "Utrecht"} <= names and rows[0].national


def test_the_dossier_says_why_a_woonplaats_led_there(client):
    response = client.get(reverse("dossier:search"), {"q": "Hoofddorp"}, follow=True)
    body = response.content.decode()
    assert "Hoofddorp is een woonplaats in de gemeente Haarlemmermeer." in body
    response = client.get(reverse("dossier:search"), {"q": "Sneek"}, follow=True)
    body = response.content.decode()
    assert "Sneek is een voormalige gemeente; het gebied hoort nu bij Súdwest-Fryslân." in body
    response = client.get("/gemeenten/brielle/", follow=True)
    assert "Brielle is een voormalige gemeente; het gebied hoort nu bij Voorne aan Zee." in (
        response.content.decode()
    )


def test_the_council_table_uses_the_usual_party_names(client):
    body = client.get("/gemeenten/sudwest-fryslan/").content.decode()
    assert 'CDA <span class="sec-subtle">(CDA, afdeling Súdwest-Fryslân)</span>' in body


def test_since_is_when_the_municipality_joined_not_when_the_regeling_began():
    items = dossier("GM1950")  # Westerwolde, formed 2018
    vr = next(
        i for i in items.as_json()["samenwerking"]["items"] if i["kind"] == "veiligheidsregio"
    )
    assert vr["since"] == "2018-01-01"


def test_without_gr2026_the_register_parties_are_shown_with_their_date(client):
    hilversum = Gemeente.objects.get(name="Hilversum")
    parties = build_dossier(hilversum).as_json()["parties"]
    assert parties["election"] is None and parties["agrees_with_election"] is None
    body = client.get(hilversum.get_absolute_url()).content.decode()
    assert "Er is geen uitslag van de verkiezing van maart 2026 in de gegevens" in body


def test_the_only_unmatched_party_on_each_side_with_equal_seats_is_the_same_party():
    kiesraad = [("GROENLINKS / Partij van de Arbeid (PvdA)", 8), ("VVD", 5)]
    parties, agrees, lines = council_parties(kiesraad, [("PRO", 8), ("VVD", 5)])
    assert agrees is True and lines == []
    assert parties[0].name == "PRO" and parties[0].kiesraad_name.startswith("GROENLINKS")
    parties, agrees, _ = council_parties(kiesraad, [("PRO", 7), ("VVD", 5)])
    assert agrees is False and parties[0].name == "GroenLinks-PvdA"
