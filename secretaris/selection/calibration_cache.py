"""The calibration page, rendered once per member, round and state of the procedure.

The page is costly to render (a full round is over 700 scores) and depends on nothing but
the procedure's state as this one member may see it. So it is kept per process under a
key made of

    the procedure, the round, the member and their role, the procedure's version,
    and the public version (the footer's sources)

and each request only fills in its own CSRF token. The procedure's version is a token in
the shared cache (versioned_cache.py) that every change of what the page shows replaces
(signals in apps.py): a scorecard saved, submitted or amended, a declaration of
interests, a member added, changed or removed, a candidate added, changed or removed,
the procedure's phase, weights or anything else of it saved, a member's name. A page is
thus never served to another member, and never after a change that could alter it.

Access (membership, two-factor authentication, the confidentiality statement) is checked
on every request before the page is looked up, and the page stays `no-store`. A request
with messages to show (after a save) and every POST are rendered in full.

Pages are kept in the memory of the server process only: scores and candidates' names
are never written to the shared cache (Redis or the file cache), and they are gone when
the process ends. A newer version of a member's page replaces the older one at once.
Writes that bypass the signals (QuerySet.update) of anything the page shows must call
`bump` themselves.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from secretaris import versioned_cache
from secretaris.dossier import public_cache
from secretaris.selection.models import Member

RECENT = 128  # pages per process: about 110 kB each for a full round
_recent: versioned_cache.Recent[str] = versioned_cache.Recent(RECENT)
_latest: dict[str, str] = {}  # page (procedure, round, member, role) -> its newest key
_lock = threading.Lock()


def version_name(procedure_id: Any) -> str:
    return f"selection-state:{procedure_id}"


def bump(procedure_id: Any) -> None:
    """Something a member may see of this procedure changed."""
    versioned_cache.bump(version_name(procedure_id), now=True)


def serve(
    request: HttpRequest,
    member: Member,
    round: int,
    render: Callable[[str | None], HttpResponse],
) -> HttpResponse:
    """This member's page for the round. `render(csrf_token)` renders it: with a marker
    as the token when it is to be kept, with None (the request's own) when not."""
    if request.method != "GET" or versioned_cache.has_messages(request):
        return render(None)
    version = versioned_cache.current(version_name(member.procedure_id))
    page = f"{member.procedure_id}:{round}:{member.pk}:{member.role}"
    key = f"{page}:{version}:{public_cache.current_version()}"
    html = _recent.get(key)
    if html is None:
        response = render(versioned_cache.CSRF_MARK)
        if response.status_code != 200:
            return response
        html = response.content.decode()
        _recent.put(key, html)
        with _lock:
            older = _latest.pop(page, None)
            _latest[page] = key
            while len(_latest) > 4 * RECENT:
                del _latest[next(iter(_latest))]
        if older and older != key:  # an older version of this page is never served again
            _recent.forget(older)
    return HttpResponse(html.replace(versioned_cache.CSRF_MARK, get_token(request)))
