"""Public reads as a share of the bare-Django ceiling, measured side by side in one run.

1. the ceiling: bench/bare_django.py (a JSON view, no middleware, no database) under
   gunicorn with the same number of workers;
2. `secretaris serve` on a fresh, loaded database: `/api/gemeenten/<code>` and the
   anonymous dossier page, cycling over several municipalities (warmed up first: the
   figures are for the cached reads that almost every request is);
3. the ceiling once more, so drift on a shared machine shows.

Each read is printed as a share of the mean ceiling. Targets: the API ≥ 30 %, the page
≥ 20 %. Load comes from wrk (`apt-get install -y wrk`) with 20 connections; without wrk a
Python load generator is used, which on 2 cores is itself the bottleneck (it says so).
"""

from __future__ import annotations

import http.client
import os

from _ceiling import load_generator, python_load, wrk
from _ceiling import measure as measure_ceiling
from _server import start_server
from _setup import ROOT, cache_env, fresh_database_env, parser, run_cli, setup_django


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--seconds", type=int, default=10, help="seconds of load per measurement")
    p.add_argument("--connections", type=int, default=20)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--municipalities", type=int, default=20)
    args = p.parse_args()
    load = load_generator()
    if load is python_load:
        print("wrk not found (apt-get install -y wrk): a Python load generator is used, which "
              "on 2 cores is itself the bottleneck; the shares are then too low.")  # fmt: skip
    env = {**fresh_database_env(args.database_url), **cache_env(args.cache_url)}
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)
    from secretaris.dossier.models import Gemeente

    gemeenten = list(Gemeente.objects.order_by("code")[:: max(1, 342 // args.municipalities)])
    gemeenten = gemeenten[: args.municipalities]
    api = [f"/api/gemeenten/{g.code}" for g in gemeenten]
    pages = [f"/gemeenten/{g.slug}/" for g in gemeenten]

    def measure(port: int, paths: list[str]) -> dict[str, float]:
        return load(port, paths, args.seconds, args.connections)

    def ceiling_run() -> dict[str, float]:
        return measure_ceiling(args.workers, args.seconds, args.connections)

    first = ceiling_run()
    server = start_server(env, args.workers)
    try:
        for path in api + pages:  # the first render of each, which fills the cache
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            conn.request("GET", path)
            assert conn.getresponse().status == 200, path
        results = {"api": measure(server.port, api), "page": measure(server.port, pages)}
    finally:
        server.stop()
    second = ceiling_run()

    ceiling = (first["rps"] + second["rps"]) / 2
    db = "PostgreSQL" if args.database_url else "SQLite"
    cache = "Redis" if args.cache_url else "file cache"
    print(
        f"public reads vs bare Django ({db}, {cache}, {args.workers} workers, "
        f"{args.connections} connections, {args.seconds} s each, {len(gemeenten)} "
        f"municipalities, load by {'wrk' if load is wrk else 'Python'})"
    )
    print(
        f"  bare Django JSON view (the ceiling): {first['rps']:.0f} req/s before, "
        f"{second['rps']:.0f} after, mean {ceiling:.0f} = 100 %"
    )
    for label, key, target in (
        ("/api/gemeenten/<code>", "api", 30),
        ("anonymous dossier page", "page", 20),
    ):
        r = results[key]
        share = 100 * r["rps"] / ceiling
        print(
            f"  {label}: {r['rps']:.0f} req/s = {share:.0f} % of the ceiling "
            f"(target ≥ {target} %: {'OK' if share >= target else 'NOT MET'}); "
            f"latency p50={r['p50']:.1f} ms p99={r['p99']:.1f} ms; errors={r['errors']:.0f}"
        )


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
