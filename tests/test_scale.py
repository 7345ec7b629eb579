"""Running on more than one server: the cache named by CACHE_URL/REDIS_URL is shared."""

from __future__ import annotations

import json
import os
import re
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


# --- Two servers, one PostgreSQL, one Redis --------------------------------------------

REDIS = os.environ.get("SECRETARIS_TEST_REDIS", "redis://127.0.0.1:6379/0")


def _two_server_setup() -> str | None:
    """Why the two-server test cannot run here, or None when it can."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return (
            "Twee servers delen één database: draai deze test met DATABASE_URL=postgres://... "
            "(CI doet dat in de PostgreSQL-ronde); SQLite is één bestand op één machine."
        )
    import redis

    try:
        redis.Redis.from_url(REDIS, socket_timeout=2).ping()
    except redis.RedisError:
        message = f"Redis is niet bereikbaar op {REDIS} (CI start het in .ci/run)."
        if os.environ.get("CI"):
            pytest.fail(message)
        return message
    return None


class Browser:
    """Cookies and CSRF over plain HTTP; the same cookies work against either server."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, url: str, form: dict | None = None, headers: dict | None = None):
        import http.client
        import urllib.parse

        parts = urllib.parse.urlsplit(url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": self._form_token})
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request("POST" if form is not None else "GET", parts.path, body=body, headers=sent)
        response = conn.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name.strip()] = value
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
        if token:
            self._form_token = token.group(1)
        return response, text


def _load_changed_data_set(tmp_path: Path, env: dict[str, str]) -> None:
    """`secretaris data load --bestand` with Utrecht's newest inhabitants set to 400,001, as
    an operator would run it beside the servers (same database, same cache)."""
    from secretaris.dossier.dataset import DATASET_PATH

    data = json.loads(DATASET_PATH.read_text())
    utrecht = next(g for g in data["gemeenten"] if g["code"] == "GM0344")
    newest = max((f for f in utrecht["facts"] if f["key"] == "inwoners"), key=lambda f: f["date"])
    newest["value"] = "400001"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data))
    subprocess.run(
        [sys.executable, "-m", "secretaris.cli", "data", "load", "--bestand", str(changed)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def test_a_change_through_one_server_is_seen_through_the_other_at_once(tmp_path):
    reason = _two_server_setup()
    if reason:
        pytest.skip(reason)
    import uuid

    import redis

    from tests.browser.conftest import PASSWORD, running_server

    database = os.environ["DATABASE_URL"].rsplit("/", 1)[1] + "_twoservers"
    prefix = f"twoservers-{uuid.uuid4().hex[:8]}-"
    shared = {"CACHE_URL": REDIS, "CACHE_KEY_PREFIX": prefix}
    setup = [["gebruiker", "renate"]]
    operator = {
        **os.environ,
        **shared,
        "DEBUG": "0",
        "SECRET_KEY": "browser-tests-" + "k" * 40,
        "DJANGO_SETTINGS_MODULE": "secretaris.settings",
        "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + database,
    }
    try:
        with (
            running_server(tmp_path, database=database, setup=setup, extra_env=shared) as one,
            running_server(
                tmp_path, database=database, setup=[], extra_env=shared, fresh=False
            ) as two,
        ):
            reader = Browser()
            page, body = reader.request(f"{two}/gemeenten/utrecht/")
            api, _ = reader.request(f"{two}/api/gemeenten/GM0344")
            reader.request(f"{one}/gemeenten/utrecht/")
            assert page.status == 200 and "400.001" not in body
            assert reader.cookies == {}, "an anonymous reader gets no cookies"
            _load_changed_data_set(tmp_path, operator)
            # At once, through both servers: the page, the JSON, and no stale 304.
            for server in (one, two):
                _, body = reader.request(f"{server}/gemeenten/utrecht/")
                assert "400.001" in body
                again, text = reader.request(
                    f"{server}/api/gemeenten/GM0344",
                    headers={"If-None-Match": api.getheader("ETag")},
                )
                assert again.status == 200
                assert json.loads(text)["inhabitants"]["value"] == 400001
            # A profielschets made through one server opens through the other with the
            # same session (sessions in the shared cache, written through to the database).
            editor = Browser()
            editor.request(f"{one}/account/inloggen/")
            done, _ = editor.request(
                f"{one}/account/inloggen/", {"username": "renate", "password": PASSWORD}
            )
            assert done.status == 302 and "sessionid" in editor.cookies
            editor.request(f"{one}/profielschetsen/nieuw/")
            made, _ = editor.request(f"{one}/profielschetsen/nieuw/", {"gemeente": "GM0344"})
            assert made.status == 302
            location = made.getheader("Location")
            opened, text = editor.request(f"{two}{location}")
            assert opened.status == 200 and "Utrecht" in text
    finally:
        client = redis.Redis.from_url(REDIS)
        for key in client.scan_iter(match=f"{prefix}*"):
            client.delete(key)


def test_a_worker_process_runs_what_a_request_queued(tmp_path):
    """`secretaris worker` as its own process, on its own database: the job is done, once."""
    from tests.browser.conftest import database_env

    name = os.environ.get("DATABASE_URL", "/secretaris").rsplit("/", 1)[1] + "_worker"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "secretaris.settings",
        "CACHE_DIR": str(tmp_path / "cache"),
        **database_env(tmp_path, name),
    }

    def cli(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "secretaris.cli", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""

    cli("migrate", "--noinput", "-v", "0")
    queue = (
        "from secretaris.jobs.queue import enqueue; "
        "from secretaris.jobs.tests.sample_jobs import add; "
        "print(enqueue(add, a=20, b=22).pk)"
    )
    job = cli("shell", "-c", queue)
    cli("worker", "--batch")
    cli("worker", "--batch")  # a second worker finds nothing left to do
    state = cli(
        "shell",
        "-c",
        "from secretaris.jobs.models import Job; "
        f"j = Job.objects.get(pk={job}); print(j.status, j.attempts, j.result['sum'])",
    )
    assert state.split() == ["klaar", "1", "42"]
