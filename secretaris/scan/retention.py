"""Retention: the personal data of a closed scan is deleted after a set period.

Personal data are the raters (names, email addresses, the hashes of their links) with
everything they filled in (answers and comments, deleted with them), and the comment
texts in the frozen report, unless the secretary chose to keep those
(`FrozenReport.keep_comments`). The aggregated report itself stays: it holds no names.

The period is `settings.SCAN_RETENTION_DAYS` (environment variable SCAN_RETENTION_DAYS,
365 days by default), counted from the day the scan closed. `secretaris opschonen` runs
`purge_personal_data`; it is safe to run every day: a scan with nothing left to delete is
skipped. A secretary who stops keeping the comments after a purge has them removed by the
next run.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from secretaris.accounts.audit import audit
from secretaris.scan.development import comments_in
from secretaris.scan.models import Answer, Comment, FrozenReport, Rater, Scan


@dataclass(frozen=True)
class PurgeResult:
    """What was (or, in a dry run, would be) deleted for one scan."""

    scan_id: int
    scan: str  # "Ontwikkelscan: Alice Aerts (Utrecht)"
    closed_on: date
    raters: int
    answers: int
    comments: int  # the raters' comment rows
    report_comments: int  # comment texts taken out of the frozen report
    comments_kept: bool  # the secretary chose to keep them in the report
    dry_run: bool


def retention_days() -> int:
    return settings.SCAN_RETENTION_DAYS


def purge_date(scan: Scan) -> date | None:
    """The first day on which `purge_personal_data` will delete this scan's personal data."""
    if scan.closed_at is None:
        return None
    return timezone.localdate(scan.closed_at + timedelta(days=retention_days()))


def purge_personal_data(
    now: datetime | None = None, days: int | None = None, dry_run: bool = False
) -> list[PurgeResult]:
    """Delete the personal data of scans closed more than `days` days before `now`.

    Returns one result per scan that had something to delete, oldest first. With
    `dry_run` nothing changes and nothing is logged.
    """
    now = now or timezone.now()
    days = retention_days() if days is None else days
    if days < 0:
        raise ValueError("Het aantal dagen kan niet negatief zijn.")
    scans = (
        Scan.objects.filter(status=Scan.GESLOTEN, closed_at__lt=now - timedelta(days=days))
        .select_related("secretary", "gemeente")
        .annotate(n_raters=Count("raters"))
        .order_by("closed_at", "pk")
    )
    results = []
    for scan in scans:
        result = _purge_scan(scan, now, dry_run)
        if result is not None:
            results.append(result)
    return results


def _purge_scan(scan: Scan, now: datetime, dry_run: bool) -> PurgeResult | None:
    with transaction.atomic():
        report = FrozenReport.objects.select_for_update().filter(scan=scan).first()
        keep = bool(report and report.keep_comments)
        in_report = comments_in(report) if report and not keep else 0
        done_before = report is None or report.personal_data_deleted_at is not None
        if scan.n_raters == 0 and in_report == 0 and done_before:
            return None
        result = PurgeResult(
            scan_id=scan.pk,
            scan=str(scan),
            closed_on=timezone.localdate(scan.closed_at),
            raters=scan.n_raters,
            answers=Answer.objects.filter(rater__scan=scan).count(),
            comments=Comment.objects.filter(rater__scan=scan).count(),
            report_comments=in_report,
            comments_kept=keep,
            dry_run=dry_run,
        )
        if dry_run:
            return result
        Rater.objects.filter(scan=scan).delete()  # answers and comments cascade
        if report is not None:
            fields: dict[str, Any] = {"personal_data_deleted_at": now}
            if in_report:
                fields["data"] = without_comments(report.data)
            FrozenReport.objects.filter(pk=report.pk).update(**fields)
        audit(
            None,
            "scan.personal_data_deleted",
            scan,
            raters=result.raters,
            comments_kept=keep,
            comments_removed=result.comments + in_report,
        )
    return result


def without_comments(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of report JSON with every feedback and feedforward list emptied."""
    data = copy.deepcopy(data)
    for competency in data.get("competencies", []):
        competency["feedback"] = []
        competency["feedforward"] = []
    return data
