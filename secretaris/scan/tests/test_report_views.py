"""The frozen report: who may read it, what it shows, and that it never changes."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from secretaris.accounts.models import AuditEvent
from secretaris.scan.models import FrozenReport, Rater
from secretaris.scan.tests.conftest import add_rater
from secretaris.test import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def answer_everything(scan, rater: Rater, score: int, text: str = "") -> None:
    rater.start(show_by_role=rater.group.key == "burgemeester")
    for competency in scan.competencies():
        scores = {i.code: score for i in competency.indicators}
        rater.save_page(competency, scores, feedback=text)
    rater.finish()


@pytest.fixture
def closed_scan(scan, alice):
    raters = [add_rater(scan, "directie", f"MT {i}", f"mt{i}@gemeente.nl") for i in range(3)]
    raters.append(add_rater(scan, "burgemeester", "Bea Burgemeester", "bea@gemeente.nl"))
    raters.append(add_rater(scan, "griffier", "Gerrit Griffier", "gerrit@gemeente.nl"))
    scan.approve_raters()
    scan.mark_open()
    for i, rater in enumerate(raters):
        answer_everything(
            scan, Rater.objects.get(pk=rater.pk), 3 + (i % 2), text=f"Opmerking van beoordelaar {i}"
        )
    assert scan.close()
    return scan


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_closing_freezes_the_report_with_only_groups_that_may_be_shown(closed_scan):
    report = FrozenReport.objects.get(scan=closed_scan)
    names = {g["name"]: g["n"] for g in report.data["groups"]}
    assert names["Burgemeester"] == 1  # she chose to be shown by role
    assert "Griffier" not in names  # he did not: merged or left out
    assert all(
        n >= closed_scan.k for name, n in names.items() if name not in {"Burgemeester", "Zelf"}
    )


def test_the_frozen_report_never_changes_after_closing(closed_scan):
    before = FrozenReport.objects.get(scan=closed_scan).data
    Rater.objects.filter(scan=closed_scan, group__key="directie").first().delete()
    assert closed_scan.close() is False
    assert FrozenReport.objects.get(scan=closed_scan).data == before


def test_only_the_secretary_reads_the_report(client, closed_scan, alice, bob, charlie):
    url = reverse("scan:report", args=[closed_scan.pk])
    login(client, alice)
    body = client.get(url).content.decode()
    assert "Rapport ontwikkelscan" in body
    for forbidden in ("Bea Burgemeester", "gerrit@gemeente.nl", "MT 1"):
        assert forbidden not in body
    for user in (bob, charlie, make_user("beheerder", staff=True)):
        client.logout()
        login(client, user)
        assert client.get(url).status_code == 404
        assert client.get(reverse("scan:report_pdf", args=[closed_scan.pk])).status_code == 404


def test_opening_the_report_is_audited(client, closed_scan, alice):
    login(client, alice)
    client.get(reverse("scan:report", args=[closed_scan.pk]))
    assert AuditEvent.objects.filter(action="scan.report_opened", user=alice).exists()


def test_a_coach_reads_only_after_the_secretary_allows_it(client, closed_scan, alice):
    coach = make_user("coach")
    url = reverse("scan:report", args=[closed_scan.pk])
    login(client, coach)
    assert client.get(url).status_code == 404
    client.logout()
    login(client, alice)
    client.post(reverse("scan:report_coaches", args=[closed_scan.pk]), {"username": "coach"})
    client.logout()
    login(client, coach)
    assert client.get(url).status_code == 200
    assert client.get(reverse("scan:report_coaches", args=[closed_scan.pk])).status_code == 404
    client.logout()
    login(client, alice)
    client.post(reverse("scan:report_coaches", args=[closed_scan.pk]), {"stop": coach.pk})
    client.logout()
    login(client, coach)
    assert client.get(url).status_code == 404


def test_the_pdf_report_reads_back(client, closed_scan, alice):
    from pypdf import PdfReader

    login(client, alice)
    response = client.get(reverse("scan:report_pdf", args=[closed_scan.pk]))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Ontwikkelscan" in text and "Blinde vlekken" in text
    assert "Bea Burgemeester" not in text


def test_the_rapport_command_prints_only_what_the_report_may_show(closed_scan, capsys):
    import json

    from django.core.management import call_command

    call_command("scan", "rapport", str(closed_scan.pk), "--json")
    out = capsys.readouterr().out
    data = json.loads(out)
    assert all(set(g) == {"name", "n"} for g in data["groups"])
    assert data["competencies"] and "others" in data["competencies"][0]
    for forbidden in ("gemeente.nl", "Bea", "Gerrit", "Opmerking van"):
        assert forbidden not in out


def test_the_rapport_command_refuses_an_open_scan(scan):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as info:
        call_command("scan", "rapport", str(scan.pk))
    assert info.value.returncode == 2


def test_a_repeat_scan_is_compared_with_the_previous_one(client, closed_scan, alice, bob):
    from datetime import timedelta

    from django.utils import timezone

    from secretaris.dossier.models import Gemeente
    from secretaris.scan.models import start_scan
    from secretaris.scan.reporting import comparison

    second = start_scan(
        gemeente=Gemeente.objects.get(code="GM1900"),
        secretary=alice,
        created_by=bob,
        deadline=timezone.now() + timedelta(days=14),
        situational=["adviesvaardigheid", "samenwerken"],
    )
    second.accept()
    raters = [add_rater(second, "directie", f"MT {i}", f"mt{i}@gemeente.nl") for i in range(3)]
    second.approve_raters()
    second.mark_open()
    for rater in raters:
        answer_everything(second, Rater.objects.get(pk=rater.pk), 5)
    second.close()
    rows = comparison(FrozenReport.objects.get(scan=second))
    assert rows and all(r["now"] == 5.0 for r in rows)
    assert all(r["before"] is not None and r["change"] > 0 for r in rows)
    login(client, alice)
    body = client.get(reverse("scan:report", args=[second.pk])).content.decode()
    assert "Vergelijking met de vorige scan" in body


def test_the_report_page_opens_with_jump_links_to_every_part(client, closed_scan, alice):
    login(client, alice)
    page = client.get(reverse("scan:report", args=[closed_scan.pk])).content.decode()
    nav = page[page.index('aria-label="In dit rapport"') :]
    nav = nav[: nav.index("</nav>")]
    for anchor in ("samenvatting", "hoe-lees-je-dit", "per-competentie", "ontwikkelplan"):
        assert f'href="#{anchor}"' in nav
        assert f'id="{anchor}"' in page
    for key in closed_scan.competency_keys:
        assert f'href="#{key}"' in nav and f'id="{key}"' in page


def test_without_a_definitief_profielschets_the_report_says_nothing_about_one(
    client, closed_scan, alice
):
    report = FrozenReport.objects.get(scan=closed_scan)
    assert report.data["profile"] is None
    login(client, alice)
    page = client.get(reverse("scan:report", args=[closed_scan.pk])).content.decode()
    assert "Situationele competenties uit de profielschets" not in page
    assert "Samenvatting" in page and "Respons per groep" in page


def test_an_old_report_without_response_says_it_was_not_recorded(client, closed_scan, alice):
    report = FrozenReport.objects.get(scan=closed_scan)
    data = dict(report.data)
    data.pop("response")
    data.pop("profile")
    FrozenReport.objects.filter(pk=report.pk).update(data=data)
    login(client, alice)
    page = client.get(reverse("scan:report", args=[closed_scan.pk])).content.decode()
    assert "De respons per groep is bij dit rapport niet vastgelegd" in page


@pytest.mark.parametrize("value", ["abc", "", "1e3", "9" * 5000, str(2**64)])
def test_a_malformed_stop_value_changes_nothing(client, closed_scan, alice, value):
    from secretaris.scan.reporting import let_coach_read, may_read

    coach = make_user("coach")
    report = FrozenReport.objects.get(scan=closed_scan)
    let_coach_read(report, coach, by=alice)
    login(client, alice)
    url = reverse("scan:report_coaches", args=[closed_scan.pk])
    assert client.post(url, {"stop": value}).status_code == 302
    assert may_read(coach, report)
