"""Versions in the shared cache, and what is rendered under them.

A *version* is a token in the cache that every server process shares (Redis with
CACHE_URL, the file cache on one machine). It stands for the state of some data: whoever
changes that data calls `bump(name)`, which replaces the token once the transaction has
committed. A rendering is stored under the token read *before* it was rendered, so a
rendering made from data older than the newest commit is never served after that
commit's bump. A missing token (a cleared or culled cache) is replaced by a new random
one, which only costs one fresh render.

Used by the public reads (dossier/public_cache.py: one version for all open data), the
scan's questionnaire pages (scan/page_cache.py) and the selection procedure's calibration
(selection/calibration_cache.py: one version per procedure).
"""

from __future__ import annotations

import secrets
import threading
import time
from typing import Generic, TypeVar

from django.core.cache import cache
from django.db import transaction

VERSION_TIMEOUT = 30 * 86400  # a lost version only costs one fresh render per page

# Letters only, so that URL encoding leaves them alone. Rendered into a stored page in
# place of the CSRF token, and swapped for this request's token when served.
CSRF_MARK = "xxCSRFxTOKENxMARKxx"

V = TypeVar("V")


def new_token() -> str:
    return f"{time.time_ns():x}-{secrets.token_hex(4)}"


def current(name: str) -> str:
    """The version called NAME now; a new one when the cache lost it."""
    token = cache.get(name)
    if token is None:
        fresh = new_token()
        added = cache.add(name, fresh, VERSION_TIMEOUT)
        token = fresh if added else cache.get(name, fresh)
    return token


def bump(name: str, *, now: bool = False) -> None:
    """The data behind NAME changed: from the commit on, everything stored under the
    version is rendered anew. With `now`, also at once (a rendering stored in between
    is then replaced at the commit): pages a user reloads right after their own change
    see it even within one long transaction."""
    if now:
        cache.set(name, new_token(), VERSION_TIMEOUT)
    transaction.on_commit(lambda: cache.set(name, new_token(), VERSION_TIMEOUT))


def changed_at(token: str) -> float:
    """When the version was made (seconds since the epoch), for Last-Modified."""
    try:
        return int(token.split("-", 1)[0], 16) / 1e9
    except ValueError:
        return time.time()


class Recent(Generic[V]):
    """Renderings kept in this process too, the oldest dropped first. Exact as long as
    every key holds the version read from the shared cache for the request at hand:
    what is stored under one version never changes. Safe for threaded workers."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: dict[str, V] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> V | None:
        return self._items.get(key)

    def remember(self, key: str, value: V) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                del self._items[next(iter(self._items))]

    def forget(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)
