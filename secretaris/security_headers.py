"""Response headers that Django 5.2 does not set itself.

- Content-Security-Policy (settings.CONTENT_SECURITY_POLICY): scripts, styles, fonts and
  images only from our own origin; no inline script, no inline style attributes, no
  plug-ins, no framing. JavaScript lives in static files only.
- Permissions-Policy (settings.PERMISSIONS_POLICY): no camera, microphone, location, ...
- Cache-Control: no-store on every response to a logged-in user (their pages, reports and
  downloads are personal or confidential) unless a view already chose; anonymous pages
  with personal content (rater links, reset links) set it themselves with never_cache.
"""

from __future__ import annotations

from django.conf import settings
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
