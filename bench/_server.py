"""Starting `secretaris serve` for a benchmark, reading its access log, logging in.

Shared by every benchmark that measures pages over HTTP (loopback only).
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from _setup import ROOT

PASSWORD = "bench-wachtwoord-12345"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    access_log: Path
    error_log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def service_times(self, method: str, pattern: str) -> list[float]:
        """Time spent inside gunicorn (ms) for requests matching `method` and `pattern`:
        from the worker accepting the request to the response written. Queueing in the
        listen backlog before a worker is free is not included."""
        regex = re.compile(pattern)
        times = []
        for line in self.access_log.read_text(errors="replace").splitlines():
            parts = line.split()
            if len(parts) >= 4 and parts[0] == method and regex.search(parts[1]):
                times.append(int(parts[3]) / 1000)
        return times

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server and all its processes
        (gunicorn master and workers), from /proc; 0.0 where /proc is missing. Taken
        before and after a load, it gives the server's CPU per request, which other work
        on the machine disturbs far less than latency."""
        ticks = os.sysconf("SC_CLK_TCK")
        parents: dict[int, int] = {}
        times: dict[int, float] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid = int(entry.name)
            parents[pid] = int(fields[1])
            times[pid] = (int(fields[11]) + int(fields[12])) / ticks
        tree, total = {self.process.pid}, 0.0
        for pid in sorted(parents):  # children have higher pids than their parents here
            if pid in tree or parents[pid] in tree:
                tree.add(pid)
                total += times[pid]
        return total

    def requests_per_worker(self) -> list[int]:
        """How many requests each worker process served (from the access log), most first."""
        counts: dict[str, int] = {}
        for line in self.access_log.read_text(errors="replace").splitlines():
            parts = line.split()
            if len(parts) == 5 and parts[4].startswith("<"):
                counts[parts[4]] = counts.get(parts[4], 0) + 1
        return sorted(counts.values(), reverse=True)

    def error_tail(self, lines: int = 30) -> str:
        return "\n".join(self.error_log.read_text(errors="replace").splitlines()[-lines:])


def database_cpu_seconds() -> float:
    """CPU time (user + system) used so far by the PostgreSQL server processes on this
    machine, from /proc (0.0 without them): its share of a run on a local database."""
    ticks, total = os.sysconf("SC_CLK_TCK"), 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if "(postgres)" in stat:
                fields = stat.rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def start_server(env: dict[str, str], workers: int, threads: int = 1) -> Server:
    """`secretaris serve` on a free loopback port, with an access log that records the
    time each request spent in the server (%(D)s, microseconds)."""
    port = free_port()
    logs = Path(tempfile.mkdtemp(prefix="secretaris-bench-log-"))
    server_env = {
        **os.environ,
        # The benchmark's own cache, unless the run shares one with its in-process Django
        # (fresh_database_env), as the CLI, the worker and the server share one in use.
        "CACHE_DIR": tempfile.mkdtemp(prefix="secretaris-bench-cache-"),
        **env,
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECRET_KEY": "bench-" + "x" * 50,
        "STATIC_ROOT": "/tmp/secretaris-bench-static",
        "GUNICORN_CMD_ARGS": "--access-logformat='%(m)s %(U)s %(s)s %(D)s %(p)s' --backlog 2048",
    }
    access_log = logs / "access.log"
    error_log = logs / "error.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "secretaris.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--no-migrate",
        ],
        cwd=ROOT,
        env=server_env,
        stdout=access_log.open("wb"),
        stderr=error_log.open("wb"),
    )
    server = Server(process, port, access_log, error_log)
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                server.stop()
                raise SystemExit("the server did not start:\n" + server.error_tail()) from None
            time.sleep(0.3)
    return server


def cookie_value(response: http.client.HTTPResponse, name: str) -> str | None:
    for header in response.headers.get_all("Set-Cookie") or []:
        match = re.match(rf"\s*{name}=([^;]*)", header)
        if match:
            return match.group(1)
    return None


def form_token(body: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if not match:
        raise ValueError("no CSRF token in the form")
    return match.group(1)


def login(port: int, username: str, password: str = PASSWORD) -> str:
    """Log in through the real login form; returns the Cookie header for later requests."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/account/inloggen/")
    response = conn.getresponse()
    body = response.read().decode()
    csrf = cookie_value(response, "csrftoken")
    form = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": form_token(body)}
    )
    conn.request(
        "POST",
        "/account/inloggen/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
            "Referer": f"http://127.0.0.1:{port}/account/inloggen/",
        },
    )
    response = conn.getresponse()
    response.read()
    session = cookie_value(response, "sessionid")
    if not session:
        raise SystemExit(f"login failed for {username}")
    return f"sessionid={session}; csrftoken={cookie_value(response, 'csrftoken') or csrf}"
