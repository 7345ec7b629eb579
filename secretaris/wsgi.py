"""WSGI entry point for `secretaris serve` and any other WSGI server."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretaris.settings")
application = get_wsgi_application()
# Import every view module now, while the worker starts, rather than on its first request.
_ = get_resolver().url_patterns

if os.environ.get("PDF_WARM_UP", "1") != "0":
    # Each server process loads the PDF renderer before it takes requests (about 0.4 s),
    # instead of during the first PDF someone asks for. Not while developing (DEBUG):
    # the development server restarts on every change.
    from django.conf import settings

    if not settings.DEBUG:
        from secretaris.documents.pdf import warm_up

        warm_up()

# `secretaris serve` loads this module once and then forks its workers (--preload): nothing
# opened while loading may be shared by them.
from django.core.cache import caches  # noqa: E402
from django.db import connections  # noqa: E402

connections.close_all()
caches.close_all()

# Everything loaded so far lives as long as the process. Frozen, the garbage collector of
# each worker no longer walks it (a full collection took about half its time there) and
# leaves the memory pages it shares with its siblings alone.
gc.freeze()
