"""Running on more than one server: the cache named by CACHE_URL/REDIS_URL is shared."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from secretaris.settings import cache_from_url

ROOT = Path(__file__).resolve().parents[1]


def _settings_in_a_fresh_process(**env: str) -> dict:
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'cache': s.CACHES['default'], 'session': s.SESSION_ENGINE}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "REDIS_URL"}}
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "secretaris.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_redis_url_selects_djangos_redis_cache_and_sessions_stay_written_through():
    found = _settings_in_a_fresh_process(REDIS_URL="redis://127.0.0.1:6379/3")
    assert found["cache"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert found["cache"]["LOCATION"] == "redis://127.0.0.1:6379/3"
    assert found["session"] == "django.contrib.sessions.backends.cached_db"


def test_without_a_cache_url_production_uses_the_file_cache_of_one_machine():
    found = _settings_in_a_fresh_process(DEBUG="0")
    assert found["cache"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"


def test_cache_url_names_a_file_cache_or_memory_and_refuses_the_unknown():
    assert cache_from_url("file:///var/cache/secretaris")["LOCATION"] == "/var/cache/secretaris"
    assert "LocMem" in cache_from_url("locmem://")["BACKEND"]
    with pytest.raises(ValueError, match="onbekend cachetype"):
        cache_from_url("memcached://127.0.0.1:11211")
