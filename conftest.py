"""Shared test fixtures: the shipped data set loaded once per test database."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings


def pytest_configure(config):
    # WhiteNoise warns when STATIC_ROOT does not exist yet (before any collectstatic).
    django_settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    # Each test run gets its own in-memory cache, never the file cache of `make run`.
    django_settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    # Background jobs are retried at once in tests (secretaris.jobs.testing.run_jobs).
    django_settings.JOBS_RETRY_DELAYS = (0,)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the shipped data set into the test database once for the whole session."""
    from secretaris.dossier.loading import load_dataset

    with django_db_blocker.unblock():
        load_dataset()
    yield


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The test client speaks plain HTTP; production's HTTPS redirect is tested separately."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1; Django's mail goes there during the test."""
    from secretaris.smtp_testing import LocalSMTPServer

    with LocalSMTPServer() as server:
        for name, value in server.django_settings().items():
            setattr(settings, name, value)
        yield server
