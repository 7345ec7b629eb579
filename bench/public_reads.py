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
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _server import free_port, start_server
from _setup import ROOT, cache_env, fresh_database_env, parser, run_cli, setup_django

HERE = Path(__file__).resolve().parent
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def wrk(port: int, paths: list[str], seconds: int, connections: int) -> dict[str, float]:
    script = Path(tempfile.mkdtemp(prefix="secretaris-wrk-")) / "paths.lua"
    script.write_text(LUA % ", ".join(f'"{p}"' for p in paths))
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script),
         f"http://127.0.0.1:{port}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"\s50%\s+([\d.]+\w+)", out).group(1)),
        "p99": _ms(re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)),
        "errors": (int(bad.group(1)) if bad else 0)
        + (sum(int(n) for n in errors.groups()) if errors else 0),
    }


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def python_load(port: int, paths: list[str], seconds: int, connections: int) -> dict[str, float]:
    """Keep-alive clients in threads; on a small machine the client limits the figure."""
    counts, errors, stop = [0] * connections, [0], time.monotonic() + seconds

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = n
        while time.monotonic() < stop:
            i += 1
            try:
                conn.request("GET", paths[i % len(paths)])
                response = conn.getresponse()
                response.read()
                counts[n] += 1
                errors[0] += response.status >= 400
            except OSError:
                errors[0] += 1
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"rps": sum(counts) / seconds, "p50": 0.0, "p99": 0.0, "errors": errors[0]}


def start_bare(workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bare_django:application", "--bind",
         f"127.0.0.1:{port}", "--workers", str(workers), "--backlog", "2048"],
        cwd=HERE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the bare Django app did not start")


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--seconds", type=int, default=10, help="seconds of load per measurement")
    p.add_argument("--connections", type=int, default=20)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--municipalities", type=int, default=20)
    args = p.parse_args()
    load = wrk if shutil.which("wrk") else python_load
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
        bare, bare_port = start_bare(args.workers)
        try:
            return measure(bare_port, ["/bare"])
        finally:
            bare.terminate()
            bare.wait(timeout=20)

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
