"""WSGI entry point for `secretaris serve` and any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretaris.settings")
application = get_wsgi_application()
