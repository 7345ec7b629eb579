"""`secretaris data load` on an empty database (target ≤ 10 s), and the idempotent re-run."""

from __future__ import annotations

import time

from _setup import fresh_database_env, parser, run_cli, setup_django


def main() -> None:
    args = parser(__doc__).parse_args()
    env = fresh_database_env(args.database_url)
    run_cli(env, "migrate", "--noinput", "-v", "0")
    setup_django(env)
    from secretaris.dossier.loading import load_dataset

    db = "PostgreSQL" if args.database_url else "SQLite"
    t0 = time.perf_counter()
    report = load_dataset()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = load_dataset()
    second = time.perf_counter() - t0
    rows = sum(report.created.values())
    print(f"data load ({db}), empty database: {first:.2f} s for {rows} rows")
    print(f"data load ({db}), second run: {second:.2f} s, changed: {again.changed}")


if __name__ == "__main__":
    main()
