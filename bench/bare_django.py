"""The ceiling: the smallest Django app that answers JSON (no middleware, no database).

Served by gunicorn with the same number of workers as `secretaris serve` in the same run
(bench/ceiling.py), it shows what this machine can do at all with Django, so the public
reads can be printed as a share of it.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-django-ceiling-" + "x" * 40,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
)
django.setup()


def bare(request):
    return JsonResponse({"ok": True, "code": "GM0344"})


urlpatterns = [path("bare", bare)]
application = get_wsgi_application()
