"""Retention: `secretaris opschonen` deletes a closed scan's personal data after a period."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from secretaris.accounts.models import AuditEvent
from secretaris.scan.models import Answer, Comment, FrozenReport, Rater, Scan
from secretaris.scan.retention import purge_personal_data
from secretaris.scan.tests.conftest import add_rater

pytestmark = pytest.mark.django_db

LONG_AGO = timedelta(days=400)


def answer_everything(scan: Scan, rater: Rater, score: int) -> None:
    rater.start()
    for competency in scan.competencies():
        rater.save_page(
            competency,
            {i.code: score for i in competency.indicators},
            feedback=f"Goed werk van {rater.name}",
            feedforward="Meer delegeren.",
        )
    rater.finish()


def closed(scan: Scan, ago: timedelta = LONG_AGO) -> Scan:
    """Three MT members answer (with comments); the scan closes `ago` before now."""
    raters = [add_rater(scan, "directie", f"MT {n}", f"mt{n}@gemeente.nl") for n in range(3)]
    scan.approve_raters()
    scan.mark_open()
    for n, rater in enumerate(raters):
        answer_everything(scan, rater, 3 + n % 2)
    assert scan.close()
    Scan.objects.filter(pk=scan.pk).update(closed_at=timezone.now() - ago)
    scan.refresh_from_db()
    return scan


def report_comments(scan: Scan) -> int:
    data = FrozenReport.objects.get(scan=scan).data
    return sum(len(c["feedback"]) + len(c["feedforward"]) for c in data["competencies"])


@pytest.fixture
def old_scan(scan) -> Scan:
    return closed(scan)


def test_an_old_closed_scan_loses_its_raters_answers_and_comments(old_scan):
    assert Answer.objects.exists() and Comment.objects.exists()
    [result] = purge_personal_data()
    assert result.scan_id == old_scan.pk and result.raters == 4  # Alice (zelf) and 3 MT
    assert not Rater.objects.filter(scan=old_scan).exists()
    assert not Answer.objects.exists() and not Comment.objects.exists()


def test_the_aggregated_report_stays_but_its_comments_go(old_scan):
    before = FrozenReport.objects.get(scan=old_scan).data
    assert report_comments(old_scan) > 0
    purge_personal_data()
    report = FrozenReport.objects.get(scan=old_scan)
    assert report_comments(old_scan) == 0
    assert report.personal_data_deleted_at is not None
    assert report.data["groups"] == before["groups"]
    for now, then in zip(report.data["competencies"], before["competencies"], strict=True):
        assert now["others"] == then["others"] and now["indicators"] == then["indicators"]


def test_the_comments_stay_in_the_report_when_the_secretary_chose_so(old_scan):
    FrozenReport.objects.filter(scan=old_scan).update(keep_comments=True)
    before = FrozenReport.objects.get(scan=old_scan).data
    [result] = purge_personal_data()
    assert result.comments_kept and result.report_comments == 0
    assert FrozenReport.objects.get(scan=old_scan).data == before
    assert not Rater.objects.filter(scan=old_scan).exists()


def test_no_rater_name_or_email_is_left_anywhere_in_the_report(old_scan):
    purge_personal_data()
    text = json.dumps(FrozenReport.objects.get(scan=old_scan).data)
    assert "MT 1" not in text and "mt1@gemeente.nl" not in text and "Goed werk" not in text


def test_each_deletion_is_logged(old_scan):
    purge_personal_data()
    event = AuditEvent.objects.get(action="scan.personal_data_deleted")
    assert event.object_id == str(old_scan.pk) and event.user is None
    assert event.detail["raters"] == 4 and event.detail["comments_kept"] is False


def test_a_second_run_deletes_and_logs_nothing(old_scan):
    purge_personal_data()
    assert purge_personal_data() == []
    assert AuditEvent.objects.filter(action="scan.personal_data_deleted").count() == 1


def test_a_dry_run_changes_nothing(old_scan):
    before = FrozenReport.objects.get(scan=old_scan).data
    [result] = purge_personal_data(dry_run=True)
    assert result.dry_run and result.raters == 4 and result.report_comments > 0
    assert Rater.objects.filter(scan=old_scan).count() == 4
    report = FrozenReport.objects.get(scan=old_scan)
    assert report.data == before and report.personal_data_deleted_at is None
    assert not AuditEvent.objects.filter(action="scan.personal_data_deleted").exists()


def test_a_recently_closed_scan_is_kept(scan):
    recent = closed(scan, ago=timedelta(days=30))
    assert purge_personal_data() == []
    assert Rater.objects.filter(scan=recent).count() == 4
    assert [r.scan_id for r in purge_personal_data(days=29)] == [recent.pk]


def test_open_concept_and_stuck_scans_are_purged_by_age_too(scan, alice, bob):
    from secretaris.scan.tests.conftest import new_scan

    add_rater(scan, "directie", "MT 1", "mt1@gemeente.nl")
    scan.approve_raters()
    scan.mark_open()
    answer_everything(scan, Rater.objects.get(email="mt1@gemeente.nl"), 4)
    concept = new_scan(alice, bob)
    add_rater(concept, "directie", "MT 2", "mt2@gemeente.nl")
    fresh = new_scan(alice, bob)
    Scan.objects.exclude(pk=fresh.pk).update(deadline=timezone.now() - LONG_AGO)
    results = purge_personal_data()
    assert sorted(r.scan_id for r in results) == sorted([scan.pk, concept.pk])
    assert {r.status for r in results} == {"Open", "Concept"}
    assert not Rater.objects.exclude(scan=fresh).exists()
    assert not Answer.objects.exists() and not Comment.objects.exists()
    assert Rater.objects.filter(scan=fresh).count() == 1  # Alice herself, still in time
    assert AuditEvent.objects.filter(action="scan.personal_data_deleted").count() == 2


def test_a_purge_deletes_the_cached_report_pages_with_their_comments(
    old_scan, alice, client, settings, tmp_path
):
    import pickle
    import zlib

    from django.core.cache import caches
    from django.urls import reverse

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    assert caches["default"]._dir == str(tmp_path / "cache")
    Scan.objects.filter(pk=old_scan.pk).update(closed_at=timezone.now())
    client.force_login(alice)
    assert (
        "Goed werk van MT 1"
        in client.get(reverse("scan:report", args=[old_scan.pk])).content.decode()
    )

    def cached_text() -> str:
        texts = []
        for path in (tmp_path / "cache").glob("*.djcache"):
            with path.open("rb") as f:
                pickle.load(f)
                texts.append(str(pickle.loads(zlib.decompress(f.read()))))
        return "\n".join(texts)

    assert "Goed werk van MT 1" in cached_text()
    call_command("opschonen", "--dagen", "0")
    assert "Goed werk van MT 1" not in cached_text()
    page = client.get(reverse("scan:report", args=[old_scan.pk])).content.decode()
    assert "Goed werk van MT 1" not in page


def test_comments_kept_and_later_released_go_at_the_next_run(old_scan):
    FrozenReport.objects.filter(scan=old_scan).update(keep_comments=True)
    purge_personal_data()
    assert report_comments(old_scan) > 0
    FrozenReport.objects.filter(scan=old_scan).update(keep_comments=False)
    [result] = purge_personal_data()
    assert result.raters == 0 and result.report_comments > 0
    assert report_comments(old_scan) == 0


def test_the_period_comes_from_the_settings(old_scan, settings):
    settings.SCAN_RETENTION_DAYS = 500
    assert purge_personal_data() == []
    settings.SCAN_RETENTION_DAYS = 300
    assert len(purge_personal_data()) == 1


def test_the_command_prints_each_deletion(old_scan, capsys):
    call_command("opschonen", "--dagen", "365")
    out = capsys.readouterr().out
    assert f"Scan {old_scan.pk}" in out and "4 beoordelaars" in out and "verwijderd" in out
    assert "Klaar: 1 scan(s) opgeschoond." in out


def test_the_command_in_dry_run_says_so_and_deletes_nothing(old_scan, capsys):
    call_command("opschonen", "--droog")
    out = capsys.readouterr().out
    assert "zou 4 beoordelaars" in out and "er is niets verwijderd" in out
    assert Rater.objects.filter(scan=old_scan).count() == 4


def test_the_command_says_when_there_is_nothing_to_do(capsys):
    call_command("opschonen")
    assert "Niets op te schonen" in capsys.readouterr().out


def test_the_command_refuses_a_negative_period():
    with pytest.raises(CommandError) as info:
        call_command("opschonen", "--dagen", "-1")
    assert info.value.returncode == 2


def test_the_command_has_help_with_an_example():
    from secretaris.scan.management.commands.opschonen import Command

    assert "Voorbeeld: secretaris opschonen" in Command.help


@pytest.mark.parametrize("days", ["99999999999", "36501", "-5"])
def test_an_absurd_period_gets_a_dutch_message_and_exit_2_not_a_traceback(days, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "SQLITE_PATH": str(tmp_path / "db.sqlite3")}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "secretaris.cli", "opschonen", "--dagen", days],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Kies 0 tot en met 36500 dagen." in done.stderr
    assert "Traceback" not in done.stderr
