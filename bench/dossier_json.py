"""Dossier JSON for all 342 municipalities in one process (target: median ≤ 10 ms)."""

from __future__ import annotations

import json
import time

from _setup import describe, fresh_database_env, parser, run_cli, setup_django


def main() -> None:
    args = parser(__doc__).parse_args()
    env = fresh_database_env(args.database_url)
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)
    from secretaris.dossier.models import Gemeente
    from secretaris.dossier.presenter import build_dossier

    gemeenten = list(Gemeente.objects.all())
    json.dumps(build_dossier(gemeenten[0]).as_json())  # warm up
    timings = []
    started = time.perf_counter()
    for gemeente in gemeenten:
        t0 = time.perf_counter()
        json.dumps(build_dossier(gemeente).as_json(), ensure_ascii=False)
        timings.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - started
    db = "PostgreSQL" if args.database_url else "SQLite"
    print(describe(f"dossier JSON ({db})", timings) + f" total={total:.2f} s")


if __name__ == "__main__":
    main()
