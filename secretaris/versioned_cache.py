"""Rendered pieces stored under an exact version: in this process and in the shared cache.

The pattern of `dossier/public_cache.py` (public reads), `scan/page_cache.py` (questionnaire
pages) and `organisation/page_cache.py` (an organisatiebeeld's figures): a key names
everything the piece shows, including a *version* that every change renews, so what is
stored under a key never changes and a stale piece can never match a newer key. Nothing
is ever deleted to invalidate; old keys are simply no longer asked for.

`Recent` keeps the newest pieces in this process as well, so a hit costs a dict lookup
instead of a read from the shared cache (the file cache, or Redis on several servers).
`fetch(key, build)` is the whole round: this process, then the shared cache, then `build()`.

Where no database row carries the version, `current(name)` keeps one as a token in the
shared cache and `bump(name)` renews it once the change has committed (the public data,
one selection procedure). A piece is stored under the token read *before* it was built,
so a piece built from data older than the newest commit is never served after that
commit's bump; a lost token only costs one fresh build.

A page for logged-in users can be stored too when it is rendered with markers in place of
what is per request: `MARKED_USER` stands in for the user (the name in the header) and
`CSRF_MARK` for the CSRF token; `fill_in_user` puts this request's values back. Pages
with a message to show are rendered in full (`has_messages`).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.html import escape

T = TypeVar("T")


class Recent(Generic[T]):
    """The last `limit` pieces stored in this process, oldest dropped first; shared by the
    threads of a server worker."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: dict[str, T] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> T | None:
        return self._items.get(key)

    def put(self, key: str, value: T) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.limit:
                del self._items[next(iter(self._items))]

    def forget(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


VERSION_TIMEOUT = 30 * 86400  # a lost version only costs one fresh build per piece


def new_token() -> str:
    return f"{time.time_ns():x}-{secrets.token_hex(4)}"


def current(name: str) -> str:
    """The version token called NAME now; a new one when the cache lost it."""
    token = cache.get(name)
    if token is None:
        fresh = new_token()
        added = cache.add(name, fresh, VERSION_TIMEOUT)
        token = fresh if added else cache.get(name, fresh)
    return token


def bump(name: str, *, now: bool = False) -> None:
    """What NAME stands for changed: from the commit on, every piece is built anew. With
    `now`, also at once (a piece built in between is replaced at the commit), so that a
    page reloaded right after a change shows it even within one long transaction."""
    if now:
        cache.set(name, new_token(), VERSION_TIMEOUT)
    transaction.on_commit(lambda: cache.set(name, new_token(), VERSION_TIMEOUT))


def changed_at(token: str) -> float:
    """When the version token was made (seconds since the epoch), for Last-Modified."""
    try:
        return int(token.split("-", 1)[0], 16) / 1e9
    except ValueError:
        return time.time()


_building: dict[str, threading.Lock] = {}
_building_guard = threading.Lock()


@contextmanager
def building(key: str) -> Iterator[None]:
    """Hold the build lock of `key` in this process: when many ask for a piece that is not
    stored yet (every rater opening page 1 when a scan opens), one thread builds it and
    the others wait for it instead of building it too. Look again inside the block."""
    with _building_guard:
        lock = _building.setdefault(key, threading.Lock())
    try:
        with lock:
            yield
    finally:
        with _building_guard:
            if _building.get(key) is lock and not lock.locked():
                del _building[key]


def fetch(key: str, build: Callable[[], T | None], recent: Recent[T], timeout: int) -> T | None:
    """The piece stored under `key` (exact: see the module text), built and stored on a
    miss. `build` may return None for "do not store"; that is returned as it is."""
    value = recent.get(key) or cache.get(key)
    if value is None:
        with building(key):
            value = recent.get(key) or cache.get(key)
            if value is None:
                value = build()
                if value is None:
                    return None
                cache.set(key, value, timeout)
    recent.put(key, value)
    return value


# Letters only, so that no escaping or URL encoding changes them.
CSRF_MARK = "xxCSRFxTOKENxMARKxx"
USER_MARK = "xxUSERxNAMExMARKxx"


class _MarkedUser:
    """What base.html asks of a logged-in user, with a marker for the name."""

    is_authenticated = True
    is_anonymous = False

    def get_username(self) -> str:
        return USER_MARK


MARKED_USER = _MarkedUser()


def marked_context() -> dict:
    """Context entries that render a page for any logged-in user (see fill_in_user)."""
    return {"user": MARKED_USER, "csrf_token": CSRF_MARK, "messages": ()}


def fill_in_user(page: str, request: HttpRequest) -> str:
    return page.replace(USER_MARK, escape(request.user.get_username())).replace(
        CSRF_MARK, get_token(request)
    )


def has_messages(request: HttpRequest) -> bool:
    """True if a message waits to be shown (it is not marked as shown by this check)."""
    return bool(len(get_messages(request)))
