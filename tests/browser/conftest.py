"""Browser tests: a real `secretaris serve` (gunicorn) driven by Debian's chromium.

Without /usr/bin/chromium the tests are skipped with a notice, unless
SECRETARIS_BROWSER_REQUIRED=1 (as in CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "browser-test-wachtwoord-42"
REQUIRED = os.environ.get("SECRETARIS_BROWSER_REQUIRED") == "1"
SKIPPED_NOTICE: list[str] = []


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists() and shutil.which(CHROMIUM):
        return
    message = (
        f"Browsertests overgeslagen: {CHROMIUM} ontbreekt "
        "(installeer Debian's 'chromium' om ze te draaien)."
    )
    if REQUIRED:
        raise pytest.UsageError(f"{CHROMIUM} is required (SECRETARIS_BROWSER_REQUIRED=1)")
    SKIPPED_NOTICE.append(message)
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=message))


def pytest_terminal_summary(terminalreporter):
    for message in SKIPPED_NOTICE:
        terminalreporter.write_sep("!", message, yellow=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_env(tmp: Path, name: str, fresh: bool = True) -> dict[str, str]:
    """A new, empty database for one test server: SQLite in tmp, or `name` on PostgreSQL
    (with fresh=False: the one made before, as it is)."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return {"SQLITE_PATH": str(tmp / f"{name}.sqlite3")}
    import psycopg

    base = url.rsplit("/", 1)[0]
    if not fresh:
        return {"DATABASE_URL": f"{base}/{name}"}
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return {"DATABASE_URL": f"{base}/{name}"}


@contextmanager
def running_server(
    tmp: Path,
    *,
    database: str,
    setup: list[list[str]],
    port: int | None = None,
    extra_env: dict[str, str] | None = None,
    fresh: bool = True,
    worker: bool = False,
) -> Iterator[str]:
    """A production-like `secretaris serve` (gunicorn, DEBUG off) on a loopback port, its
    database migrated, loaded and prepared with the `secretaris` commands in `setup`
    (fresh=False: a second server on the database an earlier call prepared), with
    `secretaris worker` beside it if `worker`."""
    port = port or free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "browser-tests-" + "k" * 40,
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(tmp / "static"),
        "CACHE_DIR": str(tmp / "cache"),
        "DJANGO_SETTINGS_MODULE": "secretaris.settings",
        "SECRETARIS_WACHTWOORD": PASSWORD,
        **database_env(tmp, database, fresh),
        **(extra_env or {}),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    cli = [sys.executable, "-m", "secretaris.cli"]
    prepare = (["migrate", "--noinput", "-v", "0"], ["data", "load"], *setup) if fresh else ()
    for command in prepare:
        subprocess.run([*cli, *command], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    log = open(tmp / f"server-{port}.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [*cli, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--no-migrate"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    jobs = (
        subprocess.Popen([*cli, "worker", "--interval", "0.5"], env=env, cwd=ROOT, stdout=log)
        if worker
        else None
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    raise RuntimeError((tmp / f"server-{port}.log").read_text()) from None
                time.sleep(0.3)
        yield url
    finally:
        for process in (proc, jobs):
            if process is not None:
                process.terminate()
                process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def server_url(tmp_path_factory):
    """The shared test server: user carol, and a closed demo scan (scan 1) whose report
    demo-secretaris may read."""
    setup = [
        ["gebruiker", "carol"],
        ["scan", "demo", "--seed", "3"],
        ["gebruiker", "demo-secretaris"],
    ]
    tmp = tmp_path_factory.mktemp("server")
    with running_server(tmp, database="secretaris_browser", setup=setup) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page; the test fails if the page broke the Content-Security-Policy (an
    inline script, style attribute or foreign resource that the browser refused)."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert refused == [], refused
