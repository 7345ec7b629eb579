"""Organisatiebeeld: 100,000-row HR exports (AFAS-style CSV and XLSX) read, mapped, checked
and aggregated (target ≤ 10 s, ≤ 500 MB each), the same stored in one transaction, and the
organisation page under 20 concurrent logged-in clients (target p95 ≤ 100 ms)."""

from __future__ import annotations

import http.client
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from _server import PASSWORD, login, start_server
from _setup import ROOT, describe, fresh_database_env, parser, run_cli, setup_django

PEIL = date(2025, 12, 31)


def child(path: str) -> None:
    """In a fresh process, so its peak memory (max RSS) is this import's alone."""
    from secretaris.organisation.indicators import compute
    from secretaris.organisation.mapping import guess_mapping
    from secretaris.organisation.reading import read_table
    from secretaris.organisation.validation import validate

    data = Path(path).read_bytes()
    cpu_started = time.process_time()
    started = time.perf_counter()
    table = read_table(data, path)
    read = time.perf_counter()
    mapping = guess_mapping(table.headers)
    checked = validate(table, mapping, PEIL)
    checked_at = time.perf_counter()
    result = compute(checked.employments, checked.absences, PEIL, 360000, absence_known=True)
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "rows": checked.rows,
                "problems": checked.problem_count,
                "headcount": result.headcount,
                "read_s": read - started,
                "check_s": checked_at - read,
                "compute_s": done - checked_at,
                "total_s": done - started,
                "cpu_s": time.process_time() - cpu_started,
                "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    args = p.parse_args()
    sys.path.insert(0, str(ROOT))
    from secretaris.organisation import demo

    folder = Path(tempfile.mkdtemp(prefix="secretaris-bench-hr-"))
    rows = demo.generate(args.rows, PEIL)
    files = {}
    for kind, xlsx in (("CSV", False), ("XLSX", True)):
        path = folder / ("afas.xlsx" if xlsx else "afas.csv")
        path.write_bytes(demo.export(rows, "afas", xlsx=xlsx))
        files[kind] = path
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ).stdout
        r = json.loads(out)
        print(
            f"import {kind} {r['rows']:,} rows ({path.stat().st_size / 1e6:.1f} MB, AFAS-style): "
            f"{r['total_s']:.2f} s wall, {r['cpu_s']:.2f} s CPU "
            f"(read {r['read_s']:.2f}, map+check {r['check_s']:.2f}, "
            f"indicators {r['compute_s']:.2f}), peak memory {r['max_rss_mb']:.0f} MB, "
            f"{r['headcount']:,} employees, {r['problems']} problems"
        )

    env = fresh_database_env(args.database_url)
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)
    from django.contrib.auth import get_user_model

    from secretaris.accounts.access import grant
    from secretaris.dossier.models import Gemeente
    from secretaris.organisation.importing import run_import
    from secretaris.organisation.mapping import guess_mapping
    from secretaris.organisation.models import Organisation
    from secretaris.organisation.reading import read_table

    owner = get_user_model().objects.create_user("bench-owner", password=PASSWORD)
    organisation = Organisation.objects.create(
        gemeente=Gemeente.objects.get(code="GM0344"), created_by=owner
    )
    grant(owner, organisation, "eigenaar", by=owner)
    table = read_table(files["CSV"].read_bytes(), "afas.csv")
    marks: dict[str, float] = {}

    def progress(text: str, *_counts: int) -> None:
        marks.setdefault(text, time.perf_counter())

    started = time.perf_counter()
    run_import(
        organisation, table, guess_mapping(table.headers), PEIL, user=owner, progress=progress
    )
    ended = time.perf_counter()
    db = "PostgreSQL" if args.database_url else "SQLite"
    print(
        f"import CSV {args.rows:,} rows after reading ({db}): {ended - started:.2f} s "
        f"(map+check+indicators {marks['Opslaan…'] - started:.2f} s, "
        f"stored in one transaction {ended - marks['Opslaan…']:.2f} s)"
    )
    users = []
    for i in range(args.clients):
        user = get_user_model().objects.create_user(f"bench{i}", password=PASSWORD)
        grant(user, organisation, "lezer", by=owner)
        users.append(user.username)

    server = start_server(env, args.workers)
    try:
        cookies = [login(server.port, u) for u in users]
        path = f"/organisatiebeeld/{organisation.pk}/"
        timings: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()

        def client(i: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
            for _ in range(args.requests // args.clients):
                t0 = time.perf_counter()
                conn.request("GET", path, headers={"Cookie": cookies[i]})
                response = conn.getresponse()
                response.read()
                with lock:
                    timings.append((time.perf_counter() - t0) * 1000)
                    if response.status != 200:
                        errors.append(str(response.status))

        cpu_before = server.cpu_seconds()
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        cpu = server.cpu_seconds() - cpu_before
        served = server.service_times("GET", r"^/organisatiebeeld/\d+/$")[-len(timings) :]
        print(
            describe(f"organisation page ({db}, {args.clients} clients)", timings)
            + f" throughput={len(timings) / wall:.0f} req/s errors={len(errors)}"
        )
        print(
            describe("  in the server", served)
            + f"; server CPU {cpu / len(timings) * 1000:.1f} ms per page"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        child(sys.argv[2])
    else:
        main()
