"""The bare-Django ceiling: what this machine can serve at all with Django and gunicorn.

bench/bare_django.py (a JSON view, no middleware, no database) under gunicorn with a given
number of workers, loaded by wrk (or, without wrk, by a Python load generator that on two
cores is itself the bottleneck). Benchmarks print their figures beside it, so that a
slower machine shows as a lower ceiling rather than as a regression.
"""

from __future__ import annotations

import http.client
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _server import free_port

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


def load_generator():
    """wrk when installed, else the Python load generator."""
    return wrk if shutil.which("wrk") else python_load


def measure(workers: int, seconds: int, connections: int) -> dict[str, float]:
    """Requests per second (and latency) of the bare app under `workers` sync workers."""
    bare, port = start_bare(workers)
    try:
        return load_generator()(port, ["/bare"], seconds, connections)
    finally:
        bare.terminate()
        bare.wait(timeout=20)
