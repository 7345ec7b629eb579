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
# Production settings need a SECRET_KEY; every process of a run (commands, servers, the
# in-process Django) uses this one, as _server.py does, so signed values agree.
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument(
        "--database-url",
        default="",
        help="postgres://... to benchmark on PostgreSQL (the database is recreated)",
    )
    p.add_argument(
        "--cache-url",
        default="",
        help="redis://127.0.0.1:6379/0 to serve with the Redis cache (default: file cache)",
    )
    return p


def cache_env(cache_url: str) -> dict[str, str]:
    """CACHE_URL for the server, with a key prefix of this run's own (Redis is shared)."""
    if not cache_url:
        return {}
    return {"CACHE_URL": cache_url, "CACHE_KEY_PREFIX": f"bench-{os.getpid()}-"}


def fresh_database_env(database_url: str) -> dict[str, str]:
    """Environment variables pointing at a new, empty database and a new, empty file
    cache (shared by the commands, the in-process Django and the server of one run)."""
    cache = {"CACHE_DIR": tempfile.mkdtemp(prefix="secretaris-bench-cache-")}
    if database_url:
        import psycopg

        base, name = database_url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return {"DATABASE_URL": database_url, **cache}
    folder = tempfile.mkdtemp(prefix="secretaris-bench-")
    return {"SQLITE_PATH": str(Path(folder) / "bench.sqlite3"), **cache}


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
