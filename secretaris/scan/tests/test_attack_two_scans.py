"""Attacks 3 and 4: reading two scans together, and spread through a consented role.

The raters answer through their own links; the attacker (the secretary, or a coach) then
reads only what the report pages give them.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from secretaris.scan.models import FrozenReport, Rater, Scan
from secretaris.scan.tests.conftest import add_rater, new_scan
from secretaris.test import make_user

pytestmark = pytest.mark.django_db


def answers(n: int, code: str) -> int:
    """Rater n's score on indicator `code`: different per rater, the same in every scan."""
    return 1 + (n * 7 + sum(map(ord, code))) % 5


def run_scan(alice, bob, wethouders: list[int], burgemeester_by_role: bool = False) -> Scan:
    """A scan of Alice with Wethouders W<n> (and a burgemeester), answered and closed."""
    scan = new_scan(alice, bob)
    raters = [(n, add_rater(scan, "wethouders", f"W{n}", f"w{n}@gemeente.nl")) for n in wethouders]
    if burgemeester_by_role:
        raters.append((99, add_rater(scan, "burgemeester", "Bea", "bea@gemeente.nl")))
    scan.approve_raters()
    scan.mark_open()
    for n, rater in raters:
        rater = Rater.objects.get(pk=rater.pk)
        rater.start(show_by_role=n == 99)
        for competency in scan.competencies():
            rater.save_page(competency, {i.code: answers(n, i.code) for i in competency.indicators})
        rater.finish()
    assert scan.close()
    return scan


def test_two_scans_read_together_do_not_give_away_the_rater_who_left(client, alice, bob):
    first = run_scan(alice, bob, [0, 1, 2, 3])
    second = run_scan(alice, bob, [0, 1, 2])
    client.force_login(alice)
    page = client.get(reverse("scan:report", args=[second.pk])).content.decode()
    assert "Vergelijking met de vorige scan" not in page
    assert "te weinig veranderd" in page
    data, before = second.report.data, first.report.data
    recovered = 0
    for comp_now, comp_before in zip(data["competencies"], before["competencies"], strict=True):
        for now, old in zip(comp_now["indicators"], comp_before["indicators"], strict=True):
            if now["others"]["mean"] is not None and old["others"]["mean"] is not None:
                w3 = 4 * old["others"]["mean"] - 3 * now["others"]["mean"]
                recovered += round(w3, 1) == answers(3, now["code"])
    assert recovered == 0
    assert all(
        i["others"]["mean"] is None and all(g["mean"] is None for g in i["groups"])
        for c in data["competencies"]
        for i in c["indicators"]
    )


def test_a_repeat_scan_with_the_same_people_is_compared(client, alice, bob):
    run_scan(alice, bob, [0, 1, 2])
    second = run_scan(alice, bob, [0, 1, 2])
    client.force_login(alice)
    page = client.get(reverse("scan:report", args=[second.pk])).content.decode()
    assert "Vergelijking met de vorige scan" in page
    assert FrozenReport.objects.get(scan=second).data["competencies"][0]["others"]["mean"]


def test_a_coach_of_the_second_report_does_not_see_the_first(client, alice, bob):
    first = run_scan(alice, bob, [0, 1, 2])
    second = run_scan(alice, bob, [0, 1, 2])
    coach = make_user("coach")
    client.force_login(alice)
    client.post(reverse("scan:report_coaches", args=[second.pk]), {"username": "coach"})
    assert (
        "Vergelijking met de vorige scan"
        in client.get(reverse("scan:report", args=[second.pk])).content.decode()
    )
    client.force_login(coach)
    assert client.get(reverse("scan:report", args=[first.pk])).status_code == 404
    page = client.get(reverse("scan:report", args=[second.pk])).content.decode()
    assert page.count("Vergelijking met de vorige scan") == 0


def test_spread_is_not_shown_over_a_set_with_a_consented_role(client, alice, bob):
    scan = run_scan(alice, bob, [0, 1, 2], burgemeester_by_role=True)
    client.force_login(alice)
    page = client.get(reverse("scan:report", args=[scan.pk])).content.decode()
    assert "Burgemeester" in page
    assert "(spreiding " not in page and "Eensgezindheid" not in page
    for competency in scan.report.data["competencies"]:
        assert competency["others"].get("sd") is None
        for indicator in competency["indicators"]:
            assert indicator["others"]["mean"] is not None
            assert indicator["others"].get("sd") is None


def test_spread_is_shown_over_unknown_raters_only(client, alice, bob):
    scan = run_scan(alice, bob, [0, 1, 2])
    client.force_login(alice)
    page = client.get(reverse("scan:report", args=[scan.pk])).content.decode()
    assert "Eensgezindheid:" in page and "(spreiding " in page
