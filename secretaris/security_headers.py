"""Response headers that Django 5.2 does not set itself, and a limit on request size.

- Content-Security-Policy (settings.CONTENT_SECURITY_POLICY): scripts, styles, fonts and
  images only from our own origin; no inline script, no inline style attributes, no
  plug-ins, no framing. JavaScript lives in static files only.
- Permissions-Policy (settings.PERMISSIONS_POLICY): no camera, microphone, location, ...
- Cache-Control: no-store on every response to a logged-in user (their pages, reports and
  downloads are personal or confidential) unless a view already chose; anonymous pages
  with personal content (rater links, reset links) set it themselves with never_cache.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers


class SecurityHeaders:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response


def accepts_uploads(limit: Callable[[], int]):
    """Mark a view that takes file uploads: its requests may be `limit()` bytes instead of
    settings.MAX_REQUEST_BYTES (a CV, an HR export)."""

    def mark(view):
        view.max_request_bytes = limit
        return view

    return mark


class RequestSizeLimit:
    """Refuse a request body larger than its view allows before anything reads it.

    Django limits form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not uploaded files, which it
    would write to disk whatever their size. Most views take at most a 100 kB rater list
    (settings.MAX_REQUEST_BYTES); views marked with `accepts_uploads` say their own limit.
    The check runs in process_view, before CsrfViewMiddleware reads the body, so it must
    stay above that middleware in settings.MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        allowed = getattr(view_func, "max_request_bytes", None)
        limit = allowed() if allowed else settings.MAX_REQUEST_BYTES
        if length > limit:
            megabytes = max(1, limit // (1024 * 1024))
            return HttpResponse(
                f"Wat u verstuurt is te groot (meer dan {megabytes} MB). Er is niets opgeslagen.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return None
