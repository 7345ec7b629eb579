"""An organisatiebeeld's figures, tables and charts rendered once per exact version.

The figures part of the page (`organisation/_figures.html`) is the same for everyone who
may read the organisatiebeeld: it shows no user, no role, no token. It is stored with
`secretaris.versioned_cache` under a key naming everything it shows:

- the newest import (its primary key: a new import is a new key; a removed one falls
  back to the one before), read in the same query as the access check;
- the hand-entered figures (formatie, tevredenheid, with source and year), from the
  organisation row of that same query;
- the public version (`dossier/public_cache.py`), which every `data load` that changed
  the data set renews: the sector benchmarks, the Iv3 figures (externe inhuur) and the
  municipality's name.

So an edit changes the key at once; nothing is ever deleted. Access is checked on every
request before the stored piece is looked at, and the piece holds nothing per user, so a
user without access never gets it (they get 404), however warm the cache. The page
itself stays private (`Cache-Control: no-store`).

The whole page is stored as well, per that key and per what the role offers (edit and
access buttons), rendered with markers for the user's name and the CSRF token
(`versioned_cache.marked_context`) that each request fills in. A request with a message
to show (just after an import) is rendered in full.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from secretaris.dossier import public_cache
from secretaris.organisation import presenter
from secretaris.organisation.models import Organisation, StaffImport
from secretaris.versioned_cache import Recent, fetch, fill_in_user, has_messages, marked_context

TIMEOUT = 7 * 86400
HAND_FIELDS = (
    "formatie_fte",
    "formatie_source",
    "satisfaction",
    "satisfaction_source",
    "satisfaction_year",
)
_recent: Recent[str] = Recent(200)  # about 35 kB each
_pages: Recent[str] = Recent(200)


def key(organisation: Organisation, import_pk: int) -> str:
    hand = repr([getattr(organisation, name) for name in HAND_FIELDS])
    digest = hashlib.sha256(hand.encode()).hexdigest()[:16]
    return (
        f"organisation-figures:{organisation.pk}:{import_pk}:{digest}:"
        f"{public_cache.current_version()}"
    )


def figures_html(organisation: Organisation, import_pk: int) -> SafeString:
    """The rendered figures of the organisation's import `import_pk` (its newest)."""

    def build() -> str:
        staff_import = StaffImport.objects.select_related("imported_by").get(pk=import_pk)
        return render_to_string(
            "organisation/_figures.html",
            {
                "organisation": organisation,
                "staff_import": staff_import,
                "view": presenter.build(organisation, staff_import),
            },
        )

    return mark_safe(fetch(key(organisation, import_pk), build, _recent, TIMEOUT))  # noqa: S308


def serve(
    request: HttpRequest,
    organisation: Organisation,
    flags: tuple[bool, ...],
    render_page: Callable[[dict], HttpResponse],
) -> HttpResponse:
    """The organisation page for this request. `render_page(extra_context)` renders it;
    `flags` are what the page shows by role (can edit, is owner), part of the key."""
    if has_messages(request):
        return render_page({})
    import_pk = getattr(organisation, "newest_import", None)
    offers = "".join("1" if flag else "0" for flag in flags)
    name = f"organisation-page:{key(organisation, import_pk or 0)}:{offers}"

    def build() -> str | None:
        response = render_page(marked_context())
        return response.content.decode() if response.status_code == 200 else None

    blank = fetch(name, build, _pages, TIMEOUT)
    if blank is None:
        return render_page({})
    return HttpResponse(fill_in_user(blank, request))
