"""Profile editor page latency under concurrent logged-in clients (target p95 ≤ 100 ms)."""

from __future__ import annotations

import http.client
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from _setup import ROOT, describe, fresh_database_env, parser, run_cli, setup_django

STEPS = ["algemeen", "competenties", "gemeente", "bestuur", "organisatie", "procedure"]
PASSWORD = "bench-wachtwoord-12345"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def login(port: int, username: str) -> str:
    """Log in through the real login form; returns the session cookie header."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/account/inloggen/")
    response = conn.getresponse()
    body = response.read().decode()
    csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    conn.request(
        "POST",
        "/account/inloggen/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Referer": f"http://127.0.0.1:{port}/account/inloggen/",
        },
    )
    response = conn.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie") or "")
    if not session:
        raise SystemExit("login failed")
    return f"sessionid={session.group(1)}; csrftoken={csrf_cookie}"


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    args = p.parse_args()
    env = fresh_database_env(args.database_url)
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)
    from django.contrib.auth import get_user_model

    from secretaris.accounts.access import grant
    from secretaris.dossier.models import Gemeente
    from secretaris.profiles.drafting import draft_profile

    users = []
    profiles = []
    for i in range(args.clients):
        user = get_user_model().objects.create_user(f"bench{i}", password=PASSWORD)
        gemeente = Gemeente.objects.order_by("?").first()
        profile = draft_profile(gemeente, user)
        grant(user, profile, "eigenaar", by=user)
        users.append(user.username)
        profiles.append(profile.pk)
    port = free_port()
    server_env = {
        **os.environ,
        **env,
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECRET_KEY": "bench-" + "x" * 50,
        "STATIC_ROOT": "/tmp/secretaris-bench-static",
        "CACHE_DIR": tempfile.mkdtemp(prefix="secretaris-bench-cache-"),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "secretaris.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--no-migrate",
        ],
        cwd=ROOT,
        env=server_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        time.sleep(1)
        cookies = [login(port, u) for u in users]
        timings: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()

        def client(i: int) -> None:
            rnd = random.Random(i)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for _ in range(args.requests // args.clients):
                path = f"/profielschetsen/{profiles[i]}/bewerken/{rnd.choice(STEPS)}/"
                t0 = time.perf_counter()
                conn.request("GET", path, headers={"Cookie": cookies[i]})
                response = conn.getresponse()
                response.read()
                elapsed = (time.perf_counter() - t0) * 1000
                with lock:
                    timings.append(elapsed)
                    if response.status != 200:
                        errors.append(f"{response.status} {path}")

        cpu_before = time.process_time()
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        client_cpu = time.process_time() - cpu_before
        db = "PostgreSQL" if args.database_url else "SQLite"
        print(
            describe(f"profile editor page ({db}, {args.clients} clients)", timings)
            + f" throughput={len(timings) / wall:.0f} req/s errors={len(errors)}"
            + f" (load generator used {client_cpu / wall:.0%} of one core)"
        )
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
