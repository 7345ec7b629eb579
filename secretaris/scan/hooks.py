"""Points where other parts of Secretaris hook into the life of a scan."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from secretaris.scan.models import Scan


def on_scan_closed(scan: Scan) -> None:
    """Called exactly once, when `scan` moves from open to gesloten, inside the closing
    transaction and while the scan row is locked (no rater can save at the same time).

    The report is frozen here: computed once from the answers as they are now and
    stored, so that no later change (a late answer, a rater removed) can let anyone learn
    one rater's answers by comparing two reports.
    """
    from secretaris.scan.reporting import freeze_report

    freeze_report(scan)
