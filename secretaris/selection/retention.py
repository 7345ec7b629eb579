"""Retention of applicants' personal data, after the NVP Sollicitatiecode.

The code asks to delete an applicant's data no later than four weeks after the procedure
ends, unless the applicant consents to a longer period, at most one year. So, once a
procedure is afgerond (`Procedure.ended_at`):

- a candidate who was not appointed and did not consent: deleted 4 weeks after the end;
- one who consented to be kept (`consent_keep_year`): deleted 1 year after the end;
- the appointed candidate (outcome "benoemd"): kept; the file becomes the personnel file.

Deleting a candidate deletes their name, contact details, uploaded files (on disk too),
declarations and scorecards. The procedure, the committee and the criteria stay.
`secretaris opschonen` runs `purge_candidates`; every deletion is in the audit log
(counts only, no names). Safe to run every day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from secretaris.accounts.audit import audit
from secretaris.documents.dates import nl_date
from secretaris.selection import uploads
from secretaris.selection.models import Candidate, CandidateFile, Procedure

WITHOUT_CONSENT = timedelta(weeks=4)
WITH_CONSENT = timedelta(days=365)


@dataclass(frozen=True)
class PurgeResult:
    procedure: str
    ended_on: date
    candidates: int
    files: int
    dry_run: bool


def due(procedure: Procedure, candidate: Candidate, now: datetime) -> bool:
    """True when this candidate's data must go (pure rule, see the module docstring)."""
    if procedure.ended_at is None or candidate.outcome == Candidate.BENOEMD:
        return False
    keep = WITH_CONSENT if candidate.consent_keep_year else WITHOUT_CONSENT
    return procedure.ended_at + keep <= now


def purge_candidates(now: datetime | None = None, dry_run: bool = False) -> list[PurgeResult]:
    now = now or timezone.now()
    results = []
    ended = Procedure.objects.filter(ended_at__isnull=False, ended_at__lte=now - WITHOUT_CONSENT)
    for procedure in ended.select_related("gemeente").order_by("ended_at"):
        candidates = [c for c in procedure.candidates.all() if due(procedure, c, now)]
        if not candidates:
            continue
        stored = list(CandidateFile.objects.filter(candidate__in=candidates))
        results.append(
            PurgeResult(
                str(procedure),
                timezone.localdate(procedure.ended_at),
                len(candidates),
                len(stored),
                dry_run,
            )
        )
        if dry_run:
            continue
        with transaction.atomic():
            Candidate.objects.filter(pk__in=[c.pk for c in candidates]).delete()
            audit(
                None,
                "selection.candidates_deleted",
                procedure,
                candidates=len(candidates),
                files=len(stored),
            )
        for record in stored:  # after the commit: a failed delete leaves the files
            uploads.remove(record.stored_name)
    return results


def describe(result: PurgeResult) -> str:
    what = f"{result.candidates} kandidaten met {result.files} bestanden"
    done = f"zou {what} verwijderen" if result.dry_run else f"{what} verwijderd"
    return f"Selectie {result.procedure} (afgerond op {nl_date(result.ended_on)}): {done}."
