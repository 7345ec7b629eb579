"""Public reads served from the cache: the dossier JSON and the anonymous dossier page.

Each response is rendered once per *public version* and then served as stored bytes, with
an `ETag` (a hash of the body) and `Last-Modified` (when the public version last changed),
so that a browser or proxy revalidates with a conditional request and gets a 304.

The public version is a token in the shared cache. Everything that changes what these
reads show replaces it once its transaction has committed (see `bump` and the signals in
apps.py): a `data load` that changed data (it renews the DataSet row; `data update` only
rewrites the file that `data load` then loads); nothing users type is shown there. A response is
stored under the token that was current *before* it was rendered, so a response rendered
from data older than the newest commit is never served after that commit's bump.

A missing token (a cleared or culled cache) is replaced by a new random one, which only
means one fresh render per page. The token lives in the cache that every server shares
(Redis with CACHE_URL, the file cache on one machine), so a bump made through one server,
or by `secretaris data load` with the same settings, is seen by all of them at once.

Anonymous only: a request with a session or messages cookie is rendered as before, so
the session is never read or written for the anonymous visitors these reads are for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from secretaris import versioned_cache
from secretaris.versioned_cache import Recent

VERSION_KEY = "public-version"
TIMEOUT = 7 * 86400  # renewed by every bump anyway; bounds what an unused version keeps
MESSAGES_COOKIE = "messages"
RECENT = 1000  # responses kept per process (about 40 MB with every page and JSON stored)
_recent: Recent[tuple[bytes, str, str]] = Recent(RECENT)

KeyFunction = Callable[..., str | None]


def current_version() -> str:
    """The public version now; a new one when the cache lost it."""
    return versioned_cache.current(VERSION_KEY)


def bump() -> None:
    """Something public changed: from the commit on, every public read is rendered anew."""
    versioned_cache.bump(VERSION_KEY)


changed_at = versioned_cache.changed_at


def is_anonymous(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def cached_public(key: KeyFunction, *, anonymous_only: bool) -> Callable:
    """Serve the view's 200 responses from the cache per public version.

    `key(request, **kwargs)` names the response (None: do not cache this request). Only
    plain GET and HEAD requests without a query string are served from the cache; with
    `anonymous_only`, also only those without a session or messages cookie.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            name = None
            if (
                request.method in ("GET", "HEAD")
                and not request.META.get("QUERY_STRING")
                and (is_anonymous(request) or not anonymous_only)
            ):
                name = key(request, *args, **kwargs)
            if name is None:
                return view(request, *args, **kwargs)
            version = current_version()
            cache_key = f"public:{name}:{version}"
            stored = _recent.get(cache_key) or cache.get(cache_key)
            if stored is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                body = response.content
                stored = (body, response["Content-Type"], hashlib.sha256(body).hexdigest()[:32])
                cache.set(cache_key, stored, TIMEOUT)
            # Kept in this process too. Exact: the key holds the public version read from
            # the shared cache for this very request, and what is stored under a version
            # never changes.
            _recent.put(cache_key, stored)
            return _respond(request, stored, changed_at(version), vary_cookie=anonymous_only)

        return wrapper

    return decorator


def _respond(
    request: HttpRequest, stored: tuple[bytes, str, str], last_modified: float, vary_cookie: bool
) -> HttpResponse:
    body, content_type, digest = stored
    etag = f'"{digest}"'
    response = get_conditional_response(request, etag=etag, last_modified=int(last_modified))
    if response is None:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Stored by browsers, but always revalidated (cheap: a 304 without a body).
    response["Cache-Control"] = "no-cache"
    if vary_cookie:  # a logged-in visitor gets another page at the same address
        patch_vary_headers(response, ("Cookie",))
    return response
