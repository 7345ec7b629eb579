"""Dossier page latency under concurrent clients against `secretaris serve` (p95 ≤ 100 ms)."""

from __future__ import annotations

import http.client
import os
import random
import threading
import time
import urllib.request

from _server import start_server
from _setup import cache_env, describe, fresh_database_env, parser, run_cli, setup_django


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=2000, help="total requests (bounded)")
    p.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    args = p.parse_args()
    env = {**fresh_database_env(args.database_url), **cache_env(args.cache_url)}
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)
    from secretaris.dossier.models import Gemeente

    slugs = list(Gemeente.objects.values_list("slug", flat=True))
    server = start_server(env, args.workers)
    port = server.port
    try:
        cold: list[float] = []
        for slug in slugs:  # one uncached render per page, which also warms the cache
            t0 = time.perf_counter()
            urllib.request.urlopen(f"http://127.0.0.1:{port}/gemeenten/{slug}/").read()
            cold.append((time.perf_counter() - t0) * 1000)
        db = ("PostgreSQL" if args.database_url else "SQLite") + (
            ", Redis cache" if args.cache_url else ", file cache"
        )
        print(describe(f"dossier page, first (uncached) render, one client ({db})", cold))
        timings: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        per_client = args.requests // args.clients

        def client(seed: int) -> None:
            rnd = random.Random(seed)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for _ in range(per_client):
                path = f"/gemeenten/{rnd.choice(slugs)}/"
                t0 = time.perf_counter()
                try:
                    conn.request("GET", path)
                    response = conn.getresponse()
                    response.read()
                    ok = response.status == 200
                except OSError as exc:
                    ok = False
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    path += f" {exc}"
                elapsed = (time.perf_counter() - t0) * 1000
                with lock:
                    timings.append(elapsed)
                    if not ok:
                        errors.append(path)

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        print(
            describe(
                f"dossier page ({db}, {args.clients} clients, {args.workers} workers)", timings
            )
            + f" throughput={len(timings) / wall:.0f} req/s "
            f"errors={len(errors)}"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
