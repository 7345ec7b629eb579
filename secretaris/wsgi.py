"""WSGI entry point for `secretaris serve` and any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretaris.settings")
application = get_wsgi_application()
# Import every view module now, while the worker starts, rather than on its first request.
_ = get_resolver().url_patterns
