"""Server time per questionnaire page and per save, measured inside one Django process.

Raters go through the whole questionnaire with Django's test client (the full middleware
stack, CSRF checks on, no network): the intro, every competency page (GET) and its save
(POST), the finish page. Per request this prints the wall time, the CPU time of this
process (what the request cost us, even when other processes share the cores) and the
number of database queries. Target: median ≤ 3 ms per page and per save. The floor, a
request for /healthz through the same middleware, is measured in the same run: on a busy
machine compare against it rather than against the absolute figures.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections.abc import Callable
from urllib.parse import urlencode

from _setup import fresh_database_env, parser, percentile, run_cli, setup_django
from scan_round import situational_range
from scan_submit import NVT, create_scans, plan_raters


def measure(samples: dict[str, list[tuple[float, float, int]]], kind: str, call: Callable):
    """Time `call` and count its queries. Counted by an execute wrapper, as cheap as the
    server's own cursor: CaptureQueriesContext would switch on Django's debug cursor,
    which formats and logs every query and so adds a tenth to a save."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        wall, cpu = time.perf_counter(), time.process_time()
        response = call()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    samples.setdefault(kind, []).append((wall * 1000, cpu * 1000, len(queries)))
    return response


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--raters", type=int, default=40)
    p.add_argument("--scans", type=int, default=4)
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args()
    env = fresh_database_env(args.database_url)
    env.update({"DEBUG": "0", "SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0"})
    env.update({"CSRF_COOKIE_SECURE": "0", "ALLOWED_HOSTS": "testserver"})
    env.setdefault("CACHE_DIR", f"/tmp/secretaris-bench-questionnaire-{os.getpid()}")
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)
    from django.test import Client

    scans = create_scans(args.scans, args.raters, situational_range("2-3"), args.seed)
    plans = plan_raters(scans, args.seed)
    rnd = random.Random(args.seed)
    samples: dict[str, list[tuple[float, float, int]]] = {}
    for plan in plans:
        client = Client(enforce_csrf_checks=True)
        base = f"/scan/antwoord/{plan.token}/"

        def post(path: str, form: dict[str, str], client=client) -> None:
            token = client.cookies["csrftoken"].value
            body = urlencode({**form, "csrfmiddlewaretoken": token})  # as a browser sends it
            response = client.post(path, body, content_type="application/x-www-form-urlencoded")
            if response.status_code != 302:
                raise SystemExit(f"POST {path}: {response.status_code}")

        measure(
            samples, "floor: /healthz, same middleware, no work", lambda c=client: c.get("/healthz")
        )
        measure(samples, "intro page", lambda c=client, b=base: c.get(b))
        post(base, {"shown": "rol"} if plan.single_role else {})
        for step, fields in enumerate(plan.pages, 1):
            path = f"{base}{step}/"
            measure(samples, "competency page (GET)", lambda c=client, p=path: c.get(p))
            measure(samples, "save a page (POST)", lambda p=path, f=fields: post(p, f))
            if rnd.random() < 0.1:  # back to a page already answered: shows the answers
                measure(samples, "competency page (GET)", lambda c=client, p=path: c.get(p))
        measure(samples, "finish page", lambda c=client, b=base: c.get(b + "afronden/"))
        post(base + "afronden/", {})
    db = "PostgreSQL" if args.database_url else "SQLite"
    print(f"questionnaire inside one process ({db}, {len(plans)} raters; NVT={NVT!r} allowed)")
    for kind, rows in samples.items():
        wall = [r[0] for r in rows]
        cpu = [r[1] for r in rows]
        queries = [r[2] for r in rows]
        print(
            f"  {kind}: n={len(rows)} wall median={statistics.median(wall):.2f} ms "
            f"p95={percentile(wall, 0.95):.2f} ms; CPU median={statistics.median(cpu):.2f} ms; "
            f"queries median={statistics.median(queries):.0f} max={max(queries)}"
            + (" (target median ≤ 3 ms)" if "GET" in kind or "POST" in kind else "")
        )


if __name__ == "__main__":
    main()
