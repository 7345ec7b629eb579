"""Shared set-up for the benchmark scripts: a fresh database, migrated (and loaded)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument(
        "--database-url",
        default="",
        help="postgres://... to benchmark on PostgreSQL (the database is recreated)",
    )
    return p


def fresh_database_env(database_url: str) -> dict[str, str]:
    """Environment variables pointing at a new, empty database."""
    if database_url:
        import psycopg

        base, name = database_url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return {"DATABASE_URL": database_url}
    folder = tempfile.mkdtemp(prefix="secretaris-bench-")
    return {"SQLITE_PATH": str(Path(folder) / "bench.sqlite3")}


def run_cli(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "secretaris.cli", *args],
        cwd=ROOT,
        check=True,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
    )


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretaris.settings")
    import django

    django.setup()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def describe(label: str, ms: list[float]) -> str:
    return (
        f"{label}: n={len(ms)} median={statistics.median(ms):.1f} ms "
        f"p95={percentile(ms, 0.95):.1f} ms max={max(ms):.1f} ms"
    )
