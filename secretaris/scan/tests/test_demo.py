"""`secretaris scan demo`: a closed demo scan whose report keeps its raters anonymous."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from secretaris.dossier.models import Gemeente
from secretaris.scan.demo import create_demo, demo_situational
from secretaris.scan.demo_comments import FEEDBACK, FEEDFORWARD
from secretaris.scan.development import CATALOGUE
from secretaris.scan.models import Answer, FrozenReport, Rater, Scan

pytestmark = pytest.mark.django_db

ONE_PERSON_SHOWN = {"Zelf", "Burgemeester"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One demo scan for the tests that only read it: 25 questionnaires take a while. It
    lives in a transaction that is rolled back after the module; each test runs inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield create_demo(Gemeente.objects.get(name="Utrecht"), seed=7)
        transaction.set_rollback(True)


def test_the_demo_scan_is_closed_with_a_frozen_report(demo):
    scan = Scan.objects.get(pk=demo.scan.pk)
    assert scan.status == Scan.GESLOTEN
    assert FrozenReport.objects.filter(scan=scan).exists()
    assert demo.report_path == f"/ontwikkelscan/{scan.pk}/rapport/"


def test_every_demo_rater_finished_through_the_real_questionnaire(demo):
    raters = Rater.objects.filter(scan=demo.scan)
    assert raters.count() == 25  # the secretary and 24 others
    assert not raters.filter(finished_at__isnull=True).exists()
    codes = len(demo.scan.indicator_codes())
    assert Answer.objects.filter(rater__scan=demo.scan).count() == 25 * codes
    skipped = Answer.objects.filter(rater__scan=demo.scan, score__isnull=True).count()
    assert 0.03 * 24 * codes <= skipped <= 0.12 * 24 * codes


def test_the_demo_measures_the_core_and_the_profiles_situational_competencies(demo):
    model = demo.scan.competency_model()
    utrecht = Gemeente.objects.get(name="Utrecht")
    expected = [c.key for c in model.core] + [
        c.key for c in model.situational if c.key in demo_situational(utrecht, demo.scan.secretary)
    ]
    assert demo.scan.competency_keys == expected
    assert len(expected) > len(model.core)


def test_the_demo_report_shows_the_burgemeester_by_role_and_no_small_group(demo):
    report = FrozenReport.objects.get(scan=demo.scan)
    groups = {g["name"]: g["n"] for g in report.data["groups"]}
    assert groups["Burgemeester"] == 1
    assert "Griffier" not in groups
    assert groups["Overige beoordelaars"] == 5  # griffier, raad (2), externe partners (2)
    for name, n in groups.items():
        assert name in ONE_PERSON_SHOWN or n >= demo.scan.k, name


def test_the_demo_report_holds_no_rater_names_or_emails(demo):
    text = json.dumps(FrozenReport.objects.get(scan=demo.scan).data, ensure_ascii=False)
    for name, email in Rater.objects.filter(scan=demo.scan).values_list("name", "email"):
        assert name not in text and email not in text
        assert email.split("@")[0] not in text


def test_the_demo_report_has_comments_and_a_blind_spot(demo):
    data = FrozenReport.objects.get(scan=demo.scan).data
    assert sum(len(c["feedback"]) + len(c["feedforward"]) for c in data["competencies"]) > 10
    assert data["blind_spots"]


def test_demo_comments_belong_to_their_competency_and_never_repeat_within_it(demo):
    data = FrozenReport.objects.get(scan=demo.scan).data
    for c in data["competencies"]:
        for kind, bank in (("feedback", FEEDBACK), ("feedforward", FEEDFORWARD)):
            texts = [x["text"] for x in c[kind]]
            assert set(texts) <= set(bank[c["key"]]), c["key"]
            assert len(texts) == len(set(texts)), c["key"]
    every = [x["text"] for c in data["competencies"] for x in c["feedback"] + c["feedforward"]]
    assert len(set(every)) >= 30  # a varied set, not a handful repeated


def test_every_competency_has_its_own_demo_comments():
    keys = set(CATALOGUE)
    assert set(FEEDBACK) == keys and set(FEEDFORWARD) == keys
    assert all(len(FEEDBACK[k]) >= 4 and len(FEEDFORWARD[k]) >= 3 for k in keys)


def test_the_demo_report_links_the_profielschets_and_records_the_response(demo):
    data = FrozenReport.objects.get(scan=demo.scan).data
    situational = [c.key for c in demo.scan.competencies() if c.kind != "kern"]
    assert [s["key"] for s in data["profile"]["situational"]] == situational
    assert all(s["in_profile"] and s["reasons"] for s in data["profile"]["situational"])
    response = {r["group"]: r for r in data["response"]}
    assert response["Wethouders"] == {
        "group": "Wethouders",
        "is_self": False,
        "invited": 4,
        "finished": 4,
        "shown_as": "Wethouders",
    }
    assert response["Griffier"]["shown_as"] == "Overige beoordelaars"
    assert response["Burgemeester"]["shown_as"] == "Burgemeester"


def test_the_same_seed_gives_the_same_report(demo):
    again = create_demo(Gemeente.objects.get(name="Utrecht"), seed=7)
    first = FrozenReport.objects.get(scan=demo.scan).data
    second = FrozenReport.objects.get(scan=again.scan).data
    for a, b in zip(first["competencies"], second["competencies"], strict=True):
        assert a["others"] == b["others"] and a["self"] == b["self"]
    assert not again.user_created


def test_the_command_prints_the_scan_and_the_report_path(capsys):
    call_command("scan", "demo", "--gemeente", "GM0344", "--seed", "3")
    out = capsys.readouterr().out
    scan = Scan.objects.filter(title="Ontwikkelscan (demo)").latest("pk")
    assert f"Scan-ID: {scan.pk}" in out
    assert f"/ontwikkelscan/{scan.pk}/rapport/" in out
    assert "secretaris gebruiker demo-secretaris" in out
    assert scan.gemeente.name == "Utrecht"


def test_an_unknown_gemeente_exits_2():
    with pytest.raises(CommandError) as info:
        call_command("scan", "demo", "--gemeente", "Utrehct")
    assert info.value.returncode == 2
    assert "Utrecht" in str(info.value)
