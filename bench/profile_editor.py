"""Profile editor page latency under concurrent logged-in clients (target p95 ≤ 100 ms)."""

from __future__ import annotations

import http.client
import os
import random
import threading
import time

from _server import PASSWORD, login, start_server
from _setup import describe, fresh_database_env, parser, run_cli, setup_django

STEPS = ["algemeen", "competenties", "gemeente", "bestuur", "organisatie", "procedure"]


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    args = p.parse_args()
    env = fresh_database_env(args.database_url)
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)
    from django.contrib.auth import get_user_model

    from secretaris.accounts.access import grant
    from secretaris.dossier.models import Gemeente
    from secretaris.profiles.drafting import draft_profile

    users = []
    profiles = []
    for i in range(args.clients):
        user = get_user_model().objects.create_user(f"bench{i}", password=PASSWORD)
        gemeente = Gemeente.objects.order_by("?").first()
        profile = draft_profile(gemeente, user)
        grant(user, profile, "eigenaar", by=user)
        users.append(user.username)
        profiles.append(profile.pk)
    server = start_server(env, args.workers)
    port = server.port
    try:
        cookies = [login(port, u) for u in users]
        timings: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()

        def client(i: int) -> None:
            rnd = random.Random(i)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for _ in range(args.requests // args.clients):
                path = f"/profielschetsen/{profiles[i]}/bewerken/{rnd.choice(STEPS)}/"
                t0 = time.perf_counter()
                conn.request("GET", path, headers={"Cookie": cookies[i]})
                response = conn.getresponse()
                response.read()
                elapsed = (time.perf_counter() - t0) * 1000
                with lock:
                    timings.append(elapsed)
                    if response.status != 200:
                        errors.append(f"{response.status} {path}")

        cpu_before = time.process_time()
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        client_cpu = time.process_time() - cpu_before
        db = "PostgreSQL" if args.database_url else "SQLite"
        print(
            describe(f"profile editor page ({db}, {args.clients} clients)", timings)
            + f" throughput={len(timings) / wall:.0f} req/s errors={len(errors)}"
            + f" (load generator used {client_cpu / wall:.0%} of one core)"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
