"""A national ontwikkelscan round: 340 scans × 15 raters × ~60 indicators (≈ 300,000 answers).

Creates the answers directly with bulk_create (this measures reporting, not the
questionnaire), closes every scan (Scan.close(), which freezes the report; target ≤ 60 s
for all reports together), then measures the report page against `secretaris serve` with
concurrent logged-in secretaries (target p95 ≤ 200 ms).

The helpers for starting the server, reading its access log and logging in are shared with
scan_submit.py.
"""

from __future__ import annotations

import http.client
import os
import random
import statistics
import sys
import threading
import time
from datetime import timedelta
from typing import Any

from _server import PASSWORD, login, start_server
from _setup import describe, fresh_database_env, parser, percentile, run_cli, setup_django

# Finished raters per preset group, besides zelf, a burgemeester and a griffier (one each):
# drawn with these weights, so most scans have groups below k (merged or left out).
GROUP_WEIGHTS = {
    "wethouders": 2.0,
    "raad": 1.5,
    "directie": 3.0,
    "medewerkers": 3.0,
    "ondernemingsraad": 1.0,
    "extern": 1.5,
}


def spread_over_groups(rnd: random.Random, raters: int) -> list[tuple[str, bool]]:
    """(group key, show_by_role) per rater: zelf, a consenting burgemeester, a griffier who
    keeps the default (merged), the rest drawn over the other groups."""
    if raters < 4:
        raise SystemExit("--raters must be 4 or more")
    result = [("zelf", False), ("burgemeester", True), ("griffier", False)]
    keys = list(GROUP_WEIGHTS)
    weights = list(GROUP_WEIGHTS.values())
    result += [(key, False) for key in rnd.choices(keys, weights, k=raters - 3)]
    return result


def situational_range(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    return int(low), int(high or low)


# --- The national round ------------------------------------------------------------------


def create_round(
    scans: int, raters: int, situational: tuple[int, int], seed: int
) -> tuple[list[Any], dict[str, int]]:
    """Secretaries, open scans, finished raters, answers and comments; returns the scans
    and the number of rows created per model."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from secretaris.competencies.model import get_model
    from secretaris.dossier.models import Gemeente
    from secretaris.scan.models import Answer, Comment, Rater, Scan, start_scan

    rnd = random.Random(seed)
    model = get_model(None)
    situational_keys = [c.key for c in model.situational]
    gemeenten = list(Gemeente.objects.order_by("code")[:scans])
    if len(gemeenten) < scans:
        raise SystemExit(f"only {len(gemeenten)} municipalities loaded")
    password = make_password(PASSWORD)  # one Argon2 hash, shared by all bench secretaries
    now = timezone.now()
    counts: dict[str, int] = {}
    with transaction.atomic():
        User = get_user_model()
        users = User.objects.bulk_create(
            User(
                username=f"secretaris{i}",
                first_name="Secretaris",
                last_name=g.name,
                password=password,
            )
            for i, g in enumerate(gemeenten)
        )
        counts["users"] = len(users)
        created = []
        for user, gemeente in zip(users, gemeenten, strict=True):
            created.append(
                start_scan(
                    gemeente=gemeente,
                    secretary=user,
                    created_by=user,
                    deadline=now + timedelta(days=14),
                    situational=rnd.sample(situational_keys, rnd.randint(*situational)),
                )
            )
        Scan.objects.filter(pk__in=[s.pk for s in created]).update(status=Scan.OPEN)
        counts["scans"] = len(created)
        counts["groups"] = sum(1 for s in created for _ in s.groups.all())

        rater_rows: list[Rater] = []
        for scan in created:
            groups = {g.key: g for g in scan.groups.all()}
            for n, (key, by_role) in enumerate(spread_over_groups(rnd, raters)):
                rater_rows.append(
                    Rater(
                        scan=scan,
                        group=groups[key],
                        name=f"Beoordelaar {n}",
                        email=f"b{n}@scan{scan.pk}.example.nl",
                        approved=True,
                        show_by_role=by_role,
                        invited_at=now,
                        started_at=now,
                        finished_at=now,
                    )
                )
        rater_rows = Rater.objects.bulk_create(rater_rows, batch_size=2000)
        if any(r.pk is None for r in rater_rows):
            raise SystemExit("bulk_create did not return primary keys")
        counts["raters"] = len(rater_rows)

        answers: list[Answer] = []
        comments: list[Comment] = []
        by_scan = {s.pk: s for s in created}
        levels: dict[tuple[int, str], float] = {}  # per scan and competency
        for rater in rater_rows:
            scan = by_scan[rater.scan_id]
            competencies = scan.competencies()
            is_self = rater.group.key == "zelf"
            for competency in competencies:
                # A per-scan level per competency, the self-image a little higher.
                level = levels.setdefault((scan.pk, competency.key), rnd.uniform(3.0, 4.3))
                base = level + (0.4 if is_self else 0)
                for indicator in competency.indicators:
                    if not is_self and rnd.random() < 0.06:
                        score = None  # kan ik niet beoordelen
                    else:
                        score = max(1, min(5, round(rnd.gauss(base, 0.8))))
                    answers.append(Answer(rater=rater, indicator=indicator.code, score=score))
            if not is_self:
                first, second = rnd.sample(competencies, 2)
                comments.append(
                    Comment(
                        rater=rater,
                        competency=first.key,
                        kind=Comment.FEEDBACK,
                        text=f"Sterk in {first.name.lower()}: houdt het overzicht in lastige "
                        "overleggen en neemt iedereen mee.",
                    )
                )
                comments.append(
                    Comment(
                        rater=rater,
                        competency=second.key,
                        kind=Comment.FEEDFORWARD,
                        text=f"Bij {second.name.lower()} zou ik graag vaker zien dat de "
                        "afwegingen eerder worden gedeeld.",
                    )
                )
        Answer.objects.bulk_create(answers, batch_size=5000)
        counts["answers"] = len(answers)
        Comment.objects.bulk_create(comments, batch_size=2000)
        counts["comments"] = len(comments)
    return created, counts


def close_all(scans: list[Any]) -> list[float]:
    """Scan.close() per scan (which freezes its report); the time of each, in ms."""
    timings = []
    for scan in scans:
        t0 = time.perf_counter()
        if not scan.close():
            raise SystemExit(f"scan {scan.pk} did not close")
        timings.append((time.perf_counter() - t0) * 1000)
    return timings


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--scans", type=int, default=340)
    p.add_argument("--raters", type=int, default=15, help="finished raters per scan")
    p.add_argument(
        "--situational",
        default="4-5",
        help="situational competencies per scan, e.g. 4-5 (≈ 60 indicators with the "
        "35 core ones) or 2-3 (≈ 50)",
    )
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--requests", type=int, default=1000, help="report page requests (bounded)")
    p.add_argument("--logins", type=int, default=40, help="secretaries who log in")
    p.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args()
    db = "PostgreSQL" if args.database_url else "SQLite"
    env = fresh_database_env(args.database_url)
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)
    from secretaris.scan.models import FrozenReport

    t0 = time.perf_counter()
    scans, counts = create_round(
        args.scans, args.raters, situational_range(args.situational), args.seed
    )
    create_s = time.perf_counter() - t0
    indicators = [len(s.indicator_codes()) for s in scans]
    print(
        f"scan round ({db}): created {sum(counts.values()):,} rows in {create_s:.1f} s "
        f"({', '.join(f'{n:,} {k}' for k, n in counts.items())}); "
        f"indicators per scan {min(indicators)}–{max(indicators)} "
        f"(mean {statistics.mean(indicators):.1f})"
    )

    t0 = time.perf_counter()
    close_ms = close_all(scans)
    total_s = time.perf_counter() - t0
    print(
        describe(f"close + freeze report per scan ({db})", close_ms)
        + f" total={total_s:.1f} s for {len(scans)} reports (target ≤ 60 s)"
    )
    reports = FrozenReport.objects.count()
    if reports != len(scans):
        raise SystemExit(f"expected {len(scans)} frozen reports, found {reports}")

    server = start_server(env, args.workers)
    try:
        logins = min(args.logins, len(scans))
        sessions = [(login(server.port, f"secretaris{i}"), scans[i].pk) for i in range(logins)]
        errors: list[str] = []

        def get(conn: http.client.HTTPConnection, cookie: str, pk: int) -> float:
            path = f"/ontwikkelscan/{pk}/rapport/"
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                response = conn.getresponse()
                body = response.read()
                if response.status != 200 or b"Rapport ontwikkelscan" not in body:
                    errors.append(f"{response.status} {path}")
            except OSError as exc:
                errors.append(f"{path} {exc}")
                conn.close()
            return (time.perf_counter() - t0) * 1000

        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        cold = [get(conn, cookie, pk) for cookie, pk in sessions]  # also fills the cache
        print(describe(f"report page, first (uncached) request, one client ({db})", cold))

        timings: list[float] = []
        lock = threading.Lock()
        per_client = args.requests // args.clients

        def client(seed: int) -> None:
            rnd = random.Random(seed)
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            for _ in range(per_client):
                cookie, pk = rnd.choice(sessions)
                elapsed = get(conn, cookie, pk)
                with lock:
                    timings.append(elapsed)

        cpu_before = time.process_time()
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        client_cpu = time.process_time() - cpu_before
        print(
            describe(
                f"report page, warm (cached fragment), {args.clients} clients, "
                f"{args.workers} workers, {logins} reports ({db})",
                timings,
            )
            + f" throughput={len(timings) / wall:.0f} req/s errors={len(errors)}"
            f" (load generator used {client_cpu / wall:.0%} of one core) (target p95 ≤ 200 ms)"
        )
        served = server.service_times("GET", r"^/ontwikkelscan/\d+/rapport/$")
        warm_served = served[len(cold) :]
        if warm_served:
            print(
                f"  inside the server (warm): median={statistics.median(warm_served):.1f} ms "
                f"p95={percentile(warm_served, 0.95):.1f} ms; the rest is queueing for one "
                f"of {args.workers} workers"
            )
        if errors:
            print("  errors:", ", ".join(errors[:5]), file=sys.stderr)
            print(server.error_tail(), file=sys.stderr)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
