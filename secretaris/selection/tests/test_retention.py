"""Applicants' data go 4 weeks after the procedure ends (1 year with consent)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from secretaris.accounts.models import AuditEvent
from secretaris.selection import uploads
from secretaris.selection.models import Candidate, CandidateFile
from secretaris.selection.retention import purge_candidates
from secretaris.selection.tests import files
from secretaris.selection.tests.conftest import candidate, fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(procedure):
    """Anna was appointed; Bram was not; Cas was not but may be kept for a year."""
    anna = candidate(procedure, "Anna")
    anna.outcome = Candidate.BENOEMD
    anna.save()
    bram = candidate(procedure, "Bram")
    bram.outcome = Candidate.AFGEWEZEN
    bram.save()
    Candidate.objects.create(
        procedure=procedure, name="Cas Claes", outcome=Candidate.AFGEWEZEN, consent_keep_year=True
    )
    fill(procedure, "lars", "Bram", 3)
    record = CandidateFile.objects.create(
        candidate=bram, kind="cv", original_name="cv.pdf", extension="pdf", size=1, sha256="x"
    )
    uploads.store(record.stored_name, files.pdf())
    procedure.ended_at = timezone.now() - timedelta(days=30)
    procedure.phase = "afgerond"
    procedure.save()
    return procedure


def names(procedure):
    return sorted(procedure.candidates.values_list("name", flat=True))


def test_a_running_procedure_keeps_everything(procedure):
    assert purge_candidates(now=timezone.now() + timedelta(days=3000)) == []
    assert len(names(procedure)) == 2


def test_four_weeks_after_the_end_the_applicants_without_consent_go(ended, private_dir):
    [result] = purge_candidates()
    assert result.candidates == 1 and result.files == 1
    assert names(ended) == ["Anna Albers", "Cas Claes"]
    assert not any(private_dir.iterdir())
    event = AuditEvent.objects.get(action="selection.candidates_deleted")
    assert event.detail == {"candidates": 1, "files": 1} and "Bram" not in str(event.detail)


def test_with_consent_an_applicant_is_kept_for_a_year_and_the_appointed_one_always(ended):
    purge_candidates(now=timezone.now() + timedelta(days=340))
    assert names(ended) == ["Anna Albers"]


def test_before_four_weeks_nothing_goes(ended):
    ended.ended_at = timezone.now() - timedelta(days=27)
    ended.save()
    assert purge_candidates() == []


def test_secretaris_opschonen_deletes_and_prints_it(ended, capsys):
    call_command("opschonen", "--droog")
    assert "zou 1 kandidaten met 1 bestanden verwijderen" in capsys.readouterr().out
    assert len(names(ended)) == 3
    call_command("opschonen")
    out = capsys.readouterr().out
    assert "1 kandidaten met 1 bestanden verwijderd" in out and "Bram" not in out
    assert len(names(ended)) == 2
