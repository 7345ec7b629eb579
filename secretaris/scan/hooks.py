"""Points where other parts of Secretaris hook into the life of a scan.

`scan_closed` is sent exactly once, when a scan moves from open to gesloten, inside the
closing transaction and while the scan row is locked (no rater can save at the same
time). reporting.py listens and freezes the report there (connected in apps.py), so the
imports run one way only: reporting -> models -> hooks. A receiver that raises rolls the
close back.
"""

from __future__ import annotations

from django.dispatch import Signal

scan_closed = Signal()  # sender=Scan, scan=<the closed Scan>
