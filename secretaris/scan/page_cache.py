"""Questionnaire pages rendered once per scan, page and group, then filled in per rater.

A competency page is the same for every rater of one group in one scan, except for the
rater's link (in the addresses on the page), the CSRF token and the answers the rater gave
before. So it is rendered once with markers in place of the link and the token and without
answers, and stored in the cache. Each request then only swaps the markers for this
rater's values and marks the saved answers: `checked` on the chosen radio buttons and the
text in the two text areas, exactly as a full render would put them (a test compares the
two byte for byte). The first page (the explanation) and the thank-you page are kept the
same way, with the rater's name as one more marker and their earlier choice of how to be
shown as the answer to mark.

The stored page is keyed on everything it shows besides those values: the scan's
version (`lock_version` and `updated_at`, which every change of the scan renews), the
page, whether the rater assesses themself (the question is worded for them), the
secretary's name and the municipality's name (a merger renames it in the public data;
nothing else from that data is on the page, which has no footer). A request with a session
or messages cookie (a rater who is also logged in) gets a full render, so no page with a
user's name is ever stored.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import escape

from secretaris import versioned_cache
from secretaris.dossier import public_cache
from secretaris.versioned_cache import Recent, fetch

# Letters only, so that URL encoding leaves them alone (the login link quotes the path).
TOKEN_MARK = "xxRATERxLINKxMARKxx"
NAME_MARK = "xxRATERxNAMExMARKxx"  # the rater's own name (the welcome on the first page)
CSRF_MARK = versioned_cache.CSRF_MARK
TIMEOUT = 86400
# Kept in this process too (about 2 MB): a key is made from the scan row read for its very
# request, so a stale page can never match it.
_recent: Recent[str] = Recent(200)


def usable(request: HttpRequest) -> bool:
    return request.method == "GET" and public_cache.is_anonymous(request)


def page_key(*parts: object) -> str:
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:32]
    return f"scan-page:{digest}"


def serve(
    request: HttpRequest,
    token: str,
    key: str,
    render_blank: Callable[[HttpRequest, str], HttpResponse],
    initial: dict[str, str],
    marks: dict[str, str] | None = None,
) -> HttpResponse:
    """The stored blank page (rendered by `render_blank(request, token)` on a miss) with
    this rater's link, CSRF token and earlier answers filled in, and each marker in
    `marks` replaced by its text (escaped here)."""
    failed: list[HttpResponse] = []

    def build() -> str | None:
        marked = copy.copy(request)
        marked.path = request.path.replace(token, TOKEN_MARK)
        marked.path_info = request.path_info.replace(token, TOKEN_MARK)
        return _content(render_blank(marked, TOKEN_MARK), failed)

    blank = fetch(key, build, _recent, TIMEOUT)
    if blank is None:
        return failed[0]
    page = blank.replace(TOKEN_MARK, token)
    if CSRF_MARK in page:  # a page without a form sets no CSRF cookie, as a full render
        page = page.replace(CSRF_MARK, get_token(request))
    for mark, text in (marks or {}).items():
        page = page.replace(mark, escape(text))
    return HttpResponse(fill_in(page, initial))


def store_blank(key: str, render_blank: Callable[[], HttpResponse]) -> None:
    """Render a blank page ahead of its first rater (see rater_pages.warm), unless it is
    stored already."""
    fetch(key, lambda: _content(render_blank(), []), _recent, TIMEOUT)


def _content(response: HttpResponse, failed: list[HttpResponse]) -> str | None:
    """The page to store, or None (nothing stored) with the response kept in `failed`."""
    if response.status_code != 200:
        failed.append(response)
        return None
    return response.content.decode()


def fill_in(page: str, values: dict[str, str]) -> str:
    """Mark saved answers as a bound form's initial values would: `checked` as the last
    attribute of the chosen radio button, the text (escaped) inside a text area."""
    for name, value in values.items():
        if not value:
            continue
        radio = re.compile(
            rf'(<input type="radio" name="{re.escape(name)}" value="{re.escape(escape(value))}"'
            r"[^>]*)>"
        )
        page, found = radio.subn(r"\1 checked>", page, count=1)
        if not found:
            area = re.compile(rf'(<textarea name="{re.escape(name)}"[^>]*>\n)</textarea>')
            page = area.sub(lambda m, v=value: m.group(1) + escape(v) + "</textarea>", page, 1)
    return page
