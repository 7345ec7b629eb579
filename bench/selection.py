"""The selection procedure: the calibration page and the advice PDF.

Builds the demo procedure (`secretaris selectie demo`: 12 applicants, 7 members, two rounds,
every scorecard submitted), gives the six scoring members a password and two-factor
authentication, logs each in through the real two-step login, and measures the round-1
calibration page (12 applicants × 6 scorecards, names shown) with concurrent clients against
`secretaris serve` (target p95 ≤ 100 ms). Then the advice to the college: PDF and DOCX
rendered in one process, and the PDF over HTTP (target ≤ 300 ms).
"""

from __future__ import annotations

import http.client
import os
import random
import statistics
import sys
import threading
import time
import urllib.parse

from _server import PASSWORD, cookie_value, form_token, login, start_server
from _setup import describe, fresh_database_env, parser, percentile, run_cli, setup_django

SECRET_KEY = "bench-" + "x" * 50  # the same key as the server: TOTP keys derive from it


def login_with_code(port: int, username: str, two_factor) -> str:
    """Password step (bench/_server.login), then the code step; returns the Cookie header."""
    from secretaris.accounts import totp

    cookie = login(port, username)  # the password step: the session is not logged in yet
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/account/inloggen/code/", headers={"Cookie": cookie})
    response = conn.getresponse()
    body = response.read().decode()
    code = totp.totp(two_factor.key(), time.time())
    form = urllib.parse.urlencode({"code": code, "csrfmiddlewaretoken": form_token(body)})
    conn.request(
        "POST",
        "/account/inloggen/code/",
        body=form,
        headers={
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://127.0.0.1:{port}/account/inloggen/code/",
        },
    )
    response = conn.getresponse()
    response.read()
    session = cookie_value(response, "sessionid")
    if response.status != 302 or not session:
        raise SystemExit(f"the code step failed for {username}: {response.status}")
    return f"sessionid={session}; csrftoken={cookie.split('csrftoken=')[1]}"


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=600, help="calibration pages in total")
    p.add_argument("--workers", type=int, default=4)
    args = p.parse_args()
    os.environ["SECRET_KEY"] = SECRET_KEY
    env = fresh_database_env(args.database_url)
    env["SELECTION_PRIVATE_DIR"] = env.get("SQLITE_PATH", "/tmp/secretaris-bench") + "-private"
    db = "PostgreSQL" if args.database_url else "SQLite"
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    run_cli(env, "selectie", "demo", "--seed", "1")
    setup_django(env)
    from django.utils import timezone

    from secretaris.accounts.models import TwoFactor
    from secretaris.documents.docx import render_docx
    from secretaris.documents.pdf import render_pdf
    from secretaris.selection.documents import advice_document
    from secretaris.selection.models import Procedure

    procedure = Procedure.objects.get()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} when the measurement began")
    scorers = [m for m in procedure.committee() if m.scores]
    factors = {}
    for member in scorers:
        user = member.user
        user.set_password(PASSWORD)
        user.save()
        factors[user.username] = TwoFactor.objects.create(user=user, confirmed_at=timezone.now())

    render_pdf(advice_document(procedure))  # fonts and imports
    pdf_ms, docx_ms = [], []
    for _ in range(20):
        t0 = time.perf_counter()
        render_pdf(advice_document(procedure))
        t1 = time.perf_counter()
        render_docx(advice_document(procedure))
        pdf_ms.append((t1 - t0) * 1000)
        docx_ms.append((time.perf_counter() - t1) * 1000)
    print(describe(f"advice PDF, presenter + render, in process ({db})", pdf_ms))
    print(describe(f"advice DOCX, presenter + render, in process ({db})", docx_ms))

    server = start_server(env, args.workers)
    try:
        sessions = [login_with_code(server.port, name, f) for name, f in factors.items()]
        page = f"/selectie/{procedure.pk}/ronde-1/kalibratie/"
        errors: list[str] = []

        def get(conn: http.client.HTTPConnection, cookie: str, path: str, marker: bytes) -> float:
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                response = conn.getresponse()
                body = response.read()
                if response.status != 200 or marker not in body:
                    errors.append(f"{response.status} {path}")
            except OSError as exc:
                errors.append(f"{path} {exc}")
                conn.close()
            return (time.perf_counter() - t0) * 1000

        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        for cookie in sessions:
            get(conn, cookie, page, b"Kalibratie eerste ronde")  # warm every worker a bit
        timings: list[float] = []
        lock = threading.Lock()
        per_client = args.requests // args.clients

        def client(seed: int) -> None:
            rnd = random.Random(seed)
            own = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            for _ in range(per_client):
                elapsed = get(own, rnd.choice(sessions), page, b"groot verschil")
                with lock:
                    timings.append(elapsed)

        server_cpu, client_cpu = server.cpu_seconds(), time.process_time()
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        server_cpu = server.cpu_seconds() - server_cpu
        client_cpu = time.process_time() - client_cpu
        print(
            describe(
                f"calibration page round 1 (12 applicants × 6 scorecards), {args.clients} "
                f"clients, {args.workers} workers ({db})",
                timings,
            )
            + f" throughput={len(timings) / wall:.0f} req/s errors={len(errors)}"
            " (target p95 ≤ 100 ms)"
        )
        served = server.service_times("GET", r"/ronde-1/kalibratie/$")[len(sessions) :]
        if served:
            print(
                f"  inside the server: median={statistics.median(served):.1f} ms "
                f"p95={percentile(served, 0.95):.1f} ms; the rest is queueing for one of "
                f"{args.workers} workers on this machine's cores"
            )
        print(
            f"  server CPU per page: {server_cpu * 1000 / len(timings):.1f} ms "
            f"(these {args.clients} clients themselves: {client_cpu * 1000 / len(timings):.1f} ms "
            f"per page, on the same cores; load average now {os.getloadavg()[0]:.1f})"
        )
        one = [get(conn, sessions[0], page, b"groot verschil") for _ in range(30)]
        print(describe(f"calibration page, one client at a time ({db})", one))
        pdf_http = [
            get(conn, sessions[0], f"/selectie/{procedure.pk}/advies.pdf", b"%PDF")
            for _ in range(15)
        ]
        print(describe(f"advice PDF over HTTP, one client ({db})", pdf_http) + " (target ≤ 300 ms)")
        if errors:
            print("  errors:", ", ".join(errors[:5]), file=sys.stderr)
            print(server.error_tail(), file=sys.stderr)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
