"""Finding and deleting cached copies of a scan's report page.

The report page is cached as a rendered fragment (templates/scan/report.html), keyed on
the report's versions and the reader; the comments are in it. Old versions are not
overwritten, they expire, and a file cache keeps expired files on disk until it culls.
So after a purge `forget_report_pages` reads every entry and deletes those that carry the
scan's marker (`marker`, written at the start of the fragment). For a cache backend it
cannot read, it clears the whole cache: that costs speed, never data.
"""

from __future__ import annotations

import logging
import pickle
import zlib
from pathlib import Path

from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)


def marker(scan_pk: int) -> str:
    return f"<!-- scan-report {scan_pk} -->"


def forget_report_pages(scan_pk: int) -> int:
    """Delete every cached report page of the scan; returns how many were found."""
    wanted = marker(scan_pk)
    backend = caches["default"]
    if isinstance(backend, FileBasedCache):
        return _forget_files(backend, wanted)
    if isinstance(backend, LocMemCache):
        return _forget_memory(backend, wanted)
    logger.warning("Cache backend %r cannot be searched; clearing all of it.", backend)
    backend.clear()
    return 0


def _forget_files(backend: FileBasedCache, wanted: str) -> int:
    found = 0
    for path in Path(backend._dir).glob(f"*{backend.cache_suffix}"):
        try:
            with path.open("rb") as f:
                pickle.load(f)  # the expiry time
                value = pickle.loads(zlib.decompress(f.read()))
        except (OSError, EOFError, ValueError, zlib.error, pickle.UnpicklingError):
            continue
        if isinstance(value, str) and wanted in value:
            path.unlink(missing_ok=True)
            found += 1
    return found


def _forget_memory(backend: LocMemCache, wanted: str) -> int:
    found = 0
    with backend._lock:
        for key, pickled in list(backend._cache.items()):
            value = pickle.loads(pickled)
            if isinstance(value, str) and wanted in value:
                backend._cache.pop(key, None)
                backend._expire_info.pop(key, None)
                found += 1
    return found
