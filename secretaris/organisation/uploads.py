"""The uploaded file between the upload and the import step, and nowhere after that.

The bytes sit in a private folder under a random name (mode 0600) that only the uploading
session (and then the import job) knows. They are deleted when the import job ends, how
ever it ends, or when the user cancels; any file older than an hour is deleted at the next
upload: the original is never kept. The folder is under the data folder
(SECRETARIS_DATA_DIR, or HR_UPLOAD_DIR), which the web server and `secretaris worker`
share, as they share the database file and the file cache.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from django.conf import settings

MAX_AGE_SECONDS = 3600


def folder() -> Path:
    path = Path(getattr(settings, "HR_UPLOAD_DIR", "") or Path(settings.DATA_DIR) / "hr-uploads")
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def store(data: bytes) -> str:
    sweep()
    token = secrets.token_hex(16)
    path = folder() / token
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return token


def _path(token: str) -> Path | None:
    if not token or len(token) != 32 or not all(c in "0123456789abcdef" for c in token):
        return None
    return folder() / token


def exists(token: str) -> bool:
    path = _path(token)
    return path is not None and path.exists()


def load(token: str) -> bytes | None:
    path = _path(token)
    if path is None or not path.exists():
        return None
    return path.read_bytes()


def discard(token: str) -> None:
    path = _path(token)
    if path is not None:
        path.unlink(missing_ok=True)


def sweep(now: float | None = None) -> int:
    """Delete files older than an hour; returns how many."""
    now = time.time() if now is None else now
    gone = 0
    for path in folder().iterdir():
        try:
            if now - path.stat().st_mtime > MAX_AGE_SECONDS:
                path.unlink()
                gone += 1
        except FileNotFoundError:
            continue
    return gone
