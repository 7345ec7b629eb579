"""Retention: the personal data of a scan is deleted after a set period, whatever its status.

Personal data are the raters (names, email addresses, the hashes of their links) with
everything they filled in (answers and comments, deleted with them), and the comment
texts in the frozen report, unless the secretary chose to keep those
(`FrozenReport.keep_comments`). The aggregated report itself stays: it holds no names.

The period is `settings.SCAN_RETENTION_DAYS` (environment variable SCAN_RETENTION_DAYS,
365 days by default), counted from the day the scan closed, or, for a scan that never
closed (concept, ready, open, or stuck), from its end date. `secretaris opschonen` runs
`purge_personal_data`; it is safe to run every day: a scan with nothing left to delete is
skipped. A secretary who stops keeping the comments after a purge has them removed by the
next run. Cached copies of the report page (they hold the comments) are deleted too, and
every purge is written to the audit log and the application log.

Kept: the report's figures, and its `audience` (keyed hashes of mailboxes, no addresses),
which a later scan of the same secretary needs so that its report, read next to this one,
gives nobody away (docs/anonymity.md).
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from secretaris.accounts.audit import audit
from secretaris.scan.development import comments_in
from secretaris.scan.models import Answer, Comment, FrozenReport, Rater, Scan
from secretaris.scan.report_cache import forget_report_pages

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurgeResult:
    """What was (or, in a dry run, would be) deleted for one scan."""

    scan_id: int
    scan: str  # "Ontwikkelscan: Alice Aerts (Utrecht)"
    closed_on: date  # the day the period counts from: closed, or else the end date
    status: str  # Scan.status
    raters: int
    answers: int
    comments: int  # the raters' comment rows
    report_comments: int  # comment texts taken out of the frozen report
    comments_kept: bool  # the secretary chose to keep them in the report
    dry_run: bool


def retention_days() -> int:
    return settings.SCAN_RETENTION_DAYS


def purge_date(scan: Scan) -> date:
    """The first day on which `purge_personal_data` will delete this scan's personal data."""
    return timezone.localdate(_counted_from(scan) + timedelta(days=retention_days()))


def _counted_from(scan: Scan) -> datetime:
    return scan.closed_at or scan.deadline


def purge_personal_data(
    now: datetime | None = None, days: int | None = None, dry_run: bool = False
) -> list[PurgeResult]:
    """Delete the personal data of scans closed (or, never closed, past their end date)
    more than `days` days before `now`, whatever their status.

    Returns one result per scan that had something to delete, oldest first. With
    `dry_run` nothing changes and nothing is logged.
    """
    now = now or timezone.now()
    days = retention_days() if days is None else days
    if days < 0:
        raise ValueError("Het aantal dagen kan niet negatief zijn.")
    scans = (
        Scan.objects.annotate(since=Coalesce("closed_at", "deadline"))
        .filter(Q(since__lt=now - timedelta(days=days)))
        .select_related("secretary", "gemeente")
        .annotate(n_raters=Count("raters"))
        .order_by("since", "pk")
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
            closed_on=timezone.localdate(_counted_from(scan)),
            status=scan.get_status_display(),
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
            status=scan.status,
            raters=result.raters,
            answers=result.answers,
            comments_kept=keep,
            comments_removed=result.comments + in_report,
        )
    pages = forget_report_pages(scan.pk)
    logger.info(
        "Scan %s (%s): %s raters, %s answers, %s comments and %s report comments deleted; "
        "%s cached report pages removed.",
        scan.pk,
        scan.status,
        result.raters,
        result.answers,
        result.comments,
        in_report,
        pages,
    )
    return result


def without_comments(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of report JSON with every feedback and feedforward list emptied."""
    data = copy.deepcopy(data)
    for competency in data.get("competencies", []):
        competency["feedback"] = []
        competency["feedforward"] = []
    return data
