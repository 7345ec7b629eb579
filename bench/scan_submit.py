"""200 concurrent raters filling in the ontwikkelscan against `secretaris serve`.

Every rater opens their personal link, starts, sends every competency page (all indicator
scores and both open answers) and finishes, over real HTTP with CSRF, like a browser (each
POST's redirect is followed with a GET). A random 10 % of the pages is sent twice at the
same moment (a double click); after everyone finished, another random 10 % is sent again
(a retry of a stale page, with other scores, which must be refused). The database is then
checked: exactly raters × indicators answers holding the values sent, no duplicates, every
rater finished. A rater who gets an unexpected answer (a 500, a wrong redirect) stops
there, as a browser would show the error, so errors also show up as missing answers.

`--think 0` (the default) is the worst case: all raters start at once and send each page
as soon as the previous one is answered, so the latency is mostly queueing for a worker
(200 requests in flight / throughput). `--think S` gives every page S seconds (mean) of
reading time. Target: p95 per submit (each POST) ≤ 400 ms, no errors.
"""

from __future__ import annotations

import http.client
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from _ceiling import measure as measure_ceiling
from _server import Server, cookie_value, database_cpu_seconds, form_token, start_server
from _setup import describe, fresh_database_env, parser, percentile, run_cli, setup_django
from scan_round import situational_range, spread_over_groups

NVT = "nvt"  # forms.CANNOT_JUDGE_VALUE: kan ik niet beoordelen
RESENT_TEXT = "Toch anders."  # the open answers of a stale resend; must never be stored
ANSWER_PATHS = r"^/scan/antwoord/[^/]+/((\d+|afronden)/)?$"


@dataclass
class RaterPlan:
    """One rater: the link, the pages and what they will send on each page."""

    pk: int
    scan_pk: int
    token: str
    single_role: bool
    pages: list[dict[str, str]]  # per step: the form fields (without the CSRF token)
    sent: dict[str, int | None] = field(default_factory=dict)  # indicator -> score
    csrf: str = ""  # the browser's CSRF cookie and last form token, for the resends
    form_token: str = ""


@dataclass
class Stats:
    posts: list[float] = field(default_factory=list)
    gets: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    doubles: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


def create_scans(scans: int, raters: int, situational: tuple[int, int], seed: int) -> list[Any]:
    """Open scans with `raters` approved raters in all, spread over the scans and groups."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from secretaris.competencies.model import get_model
    from secretaris.dossier.models import Gemeente
    from secretaris.scan import rater_pages
    from secretaris.scan.models import Rater, start_scan

    rnd = random.Random(seed)
    situational_keys = [c.key for c in get_model(None).situational]
    created = []
    coordinator = get_user_model().objects.create(username="coordinator")
    for i, gemeente in enumerate(Gemeente.objects.order_by("code")[:scans]):
        user = get_user_model().objects.create(
            username=f"secretaris{i}", first_name="Secretaris", last_name=gemeente.name
        )
        scan = start_scan(
            gemeente=gemeente,
            secretary=user,
            created_by=user,
            deadline=timezone.now() + timedelta(days=14),
            situational=rnd.sample(situational_keys, rnd.randint(*situational)),
            coordinator=coordinator,
        )
        groups = {g.key: g for g in scan.groups.all()}
        share = raters // scans + (1 if i < raters % scans else 0)
        Rater.objects.bulk_create(
            Rater(scan=scan, group=groups[key], name=f"Beoordelaar {n}", email=f"b{n}@example.nl")
            for n, (key, _) in enumerate(spread_over_groups(rnd, share))
        )
        scan.approve_raters()
        if not scan.mark_open():
            raise SystemExit(f"scan {scan.pk} did not open")
        rater_pages.warm(scan)  # as sending the invitations does (invitations.invite)
        created.append(scan)
    return created


def plan_raters(scans: list[Any], seed: int) -> list[RaterPlan]:
    """A token per rater (tokens.issue, in-process) and the answers each will send."""
    from secretaris.scan.models import Rater
    from secretaris.scan.tokens import issue

    rnd = random.Random(seed)
    plans = []
    for scan in scans:
        competencies = scan.competencies()
        for rater in Rater.objects.filter(scan=scan).select_related("group").order_by("pk"):
            pages = []
            for competency in competencies:
                fields = {
                    i.code: rnd.choice(["1", "2", "3", "4", "5", "5", "4", NVT])
                    for i in competency.indicators
                }
                fields["feedback"] = f"Goed in {competency.name.lower()} (beoordelaar {rater.pk})."
                fields["feedforward"] = "Deel de afwegingen eerder; neem de raad vaker mee."
                pages.append(fields)
            plans.append(
                RaterPlan(
                    pk=rater.pk,
                    scan_pk=scan.pk,
                    token=issue(rater),
                    single_role=rater.group.is_single_role,
                    pages=pages,
                )
            )
    return plans


class Browser:
    """One rater's browser: keeps the CSRF cookie, follows redirects, times requests.
    Like a browser it keeps its connection open between requests (HTTP/1.1 keep-alive)
    while the server allows it, and opens a new one when the server closed it."""

    def __init__(self, port: int, stats: Stats) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.stats = stats
        self.csrf = ""
        self.token = ""  # the CSRF token from the last form shown

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        """(status, Location, body); a failure raises OSError."""
        headers = {"Cookie": f"csrftoken={self.csrf}"} if self.csrf else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": self.token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        t0 = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode()
        except BaseException:
            self.conn.close()  # a browser opens a new connection after a failure
            raise
        elapsed = (time.perf_counter() - t0) * 1000
        with self.stats.lock:
            (self.stats.posts if method == "POST" else self.stats.gets).append(elapsed)
        self.csrf = cookie_value(response, "csrftoken") or self.csrf
        location = urllib.parse.urlsplit(response.getheader("Location") or "").path
        return response.status, location, text

    def get_form(self, path: str) -> None:
        status, _, text = self.request("GET", path)
        if status != 200:
            raise ValueError(f"GET {path}: {status}")
        self.token = form_token(text)

    def post(self, path: str, form: dict[str, str], expect: str) -> None:
        status, location, _ = self.request("POST", path, form)
        if status != 302 or location != expect:
            raise ValueError(f"POST {path}: {status} -> {location or '-'} (expected {expect})")


def link(plan: RaterPlan, step: int | str | None = None) -> str:
    return f"/scan/antwoord/{plan.token}/" + (f"{step}/" if step is not None else "")


def fill_in(
    plan: RaterPlan, port: int, stats: Stats, doubles: set[tuple[int, int]], think: float
) -> None:
    """The whole questionnaire for one rater; page (rater, step) in `doubles` is sent twice
    at once, on two connections. `think`: mean seconds spent on each page before sending
    it (exponentially distributed; the start is spread over the first `think` seconds;
    0 = everybody starts at once and submits as fast as the server answers)."""
    browser = Browser(port, stats)
    rnd = random.Random(plan.pk)

    def pause() -> None:
        if think:
            time.sleep(rnd.expovariate(1 / think))

    try:
        if think:
            time.sleep(rnd.uniform(0, think))  # not everybody opens the link at once
        browser.get_form(link(plan))
        pause()
        intro = {"shown": "rol"} if plan.single_role else {}
        browser.post(link(plan), intro, expect=link(plan, 1))
        last = len(plan.pages)
        for step, fields in enumerate(plan.pages, 1):
            browser.get_form(link(plan, step))
            pause()
            expect = link(plan, step + 1 if step < last else "afronden")
            if (plan.pk, step) in doubles:
                twin = Browser(port, stats)
                twin.csrf, twin.token = browser.csrf, browser.token
                other = threading.Thread(target=_post_quietly, args=(twin, plan, step, expect))
                other.start()
                browser.post(link(plan, step), fields, expect)
                other.join()
                with stats.lock:
                    stats.doubles += 1
            else:
                browser.post(link(plan, step), fields, expect)
            for code in fields:
                if code not in ("feedback", "feedforward"):
                    plan.sent[code] = None if fields[code] == NVT else int(fields[code])
        browser.get_form(link(plan, "afronden"))
        browser.post(link(plan, "afronden"), {}, expect=link(plan))
        status, _, text = browser.request("GET", link(plan))
        if status != 200 or "Bedankt" not in text:
            raise ValueError(f"thank-you page: {status}")
        plan.csrf, plan.form_token = browser.csrf, browser.token
    except (OSError, ValueError, http.client.HTTPException) as exc:
        stats.error(f"rater {plan.pk}: {exc}")
    finally:
        browser.conn.close()


def _post_quietly(browser: Browser, plan: RaterPlan, step: int, expect: str) -> None:
    try:
        browser.post(link(plan, step), plan.pages[step - 1], expect)
    except (OSError, ValueError, http.client.HTTPException) as exc:
        browser.stats.error(f"rater {plan.pk} double submit: {exc}")
    finally:
        browser.conn.close()


def resubmit(plan: RaterPlan, step: int, port: int, stats: Stats) -> None:
    """A stale page sent again after the rater finished (the browser still has its cookie
    and the old form), with other scores: refused, back to the thank-you page, nothing
    stored (check_database compares every stored score with the one sent first)."""
    browser = Browser(port, stats)
    browser.csrf, browser.token = plan.csrf, plan.form_token
    changed = {
        code: "1" if code not in ("feedback", "feedforward") else RESENT_TEXT
        for code in plan.pages[step - 1]
    }
    try:
        browser.post(link(plan, step), changed, expect=link(plan))
    except (OSError, ValueError, http.client.HTTPException) as exc:
        stats.error(f"rater {plan.pk} resubmit: {exc}")
    finally:
        browser.conn.close()


def run_threads(targets: list[tuple[Any, ...]]) -> float:
    """Start one thread per (function, *args) at once; the wall time until all are done."""
    threads = [threading.Thread(target=t[0], args=t[1:]) for t in targets]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started


def check_database(plans: list[RaterPlan], scans: list[Any]) -> dict[str, int]:
    from django.db.models import Count

    from secretaris.scan.models import Answer, Comment, Rater

    rater_pks = [p.pk for p in plans]
    answers = Answer.objects.filter(rater_id__in=rater_pks)
    rows = answers.values_list("rater", "indicator", "score")
    stored = {(rater, code): score for rater, code, score in rows}
    expected = {(p.pk, code): score for p in plans for code, score in p.sent.items()}
    indicators = {s.pk: len(s.indicator_codes()) for s in scans}
    return {
        "answers": answers.count(),
        "expected answers": sum(indicators[p.scan_pk] for p in plans),
        "duplicates": answers.values("rater", "indicator")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count(),
        "lost or wrong": sum(1 for key, score in expected.items() if stored.get(key, -1) != score),
        "comments": Comment.objects.filter(rater_id__in=rater_pks).count(),
        "expected comments": sum(2 * len(p.pages) for p in plans),
        "resent texts stored": Comment.objects.filter(text=RESENT_TEXT).count(),
        "finished raters": Rater.objects.filter(pk__in=rater_pks).exclude(finished_at=None).count(),
        "raters": len(plans),
    }


def print_check(label: str, counts: dict[str, int]) -> bool:
    ok = (
        counts["answers"] == counts["expected answers"]
        and counts["comments"] == counts["expected comments"]
        and counts["duplicates"] == 0
        and counts["lost or wrong"] == 0
        and counts["resent texts stored"] == 0
        and counts["finished raters"] == counts["raters"]
    )
    figures = ", ".join(f"{k}={v:,}" for k, v in counts.items())
    print(f"  {label}: {figures} {'OK' if ok else 'FAILED'}")
    return ok


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--raters", type=int, default=200, help="concurrent raters")
    p.add_argument("--scans", type=int, default=4, help="open scans the raters are spread over")
    p.add_argument("--situational", default="2-3", help="situational competencies per scan")
    p.add_argument("--double", type=float, default=0.10, help="share of pages sent twice")
    p.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1), help="serve's default")
    p.add_argument("--threads", type=int, default=1, help="threads per worker (serve's default)")
    p.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds a rater spends on a page before sending it (0 = no pause: "
        "every rater submits as fast as the server answers, the worst case)",
    )
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument(
        "--ceiling-seconds",
        type=int,
        default=5,
        help="seconds of load on the bare-Django ceiling, measured before and after (0: skip)",
    )
    args = p.parse_args()
    db = "PostgreSQL" if args.database_url else "SQLite"
    env = fresh_database_env(args.database_url)
    run_cli(env, "migrate", "--noinput", "-v", "0")
    run_cli(env, "data", "load")
    setup_django(env)

    scans = create_scans(args.scans, args.raters, situational_range(args.situational), args.seed)
    plans = plan_raters(scans, args.seed)
    rnd = random.Random(args.seed)
    all_pages = [(plan.pk, step) for plan in plans for step in range(1, len(plan.pages) + 1)]
    doubles = set(rnd.sample(all_pages, round(args.double * len(all_pages))))

    by_pk = {plan.pk: plan for plan in plans}
    ceilings = []  # before and after the rush, so that drift on a shared machine shows
    if args.ceiling_seconds:
        ceilings.append(measure_ceiling(args.workers, args.ceiling_seconds, 20)["rps"])
    server: Server = start_server(env, args.workers, args.threads)
    try:
        stats = Stats()
        cpu_before, server_cpu = time.process_time(), server.cpu_seconds()
        database_cpu = database_cpu_seconds()
        raters = [(fill_in, plan, server.port, stats, doubles, args.think) for plan in plans]
        wall = run_threads(raters)
        client_cpu = time.process_time() - cpu_before
        server_cpu = server.cpu_seconds() - server_cpu
        database_cpu = database_cpu_seconds() - database_cpu
        if ceilings:  # the server is idle now and takes no CPU from the bare app
            ceilings.append(measure_ceiling(args.workers, args.ceiling_seconds, 20)["rps"])
        requests = len(stats.posts) + len(stats.gets)
        pages = len(all_pages)
        print(
            f"scan submit ({db}, {len(plans)} raters at once over {len(scans)} scans, "
            f"{args.workers} workers × {args.threads} threads, think time {args.think:g} s): "
            f"{pages} pages "
            f"({pages / len(plans):.1f} per rater), {stats.doubles} sent twice at once; "
            f"{requests} requests in {wall:.1f} s = {requests / wall:.0f} req/s "
            f"(load generator used {client_cpu / wall:.0%} of one core)"
        )
        if ceilings:
            ceiling = statistics.mean(ceilings)
            print(
                f"  bare-Django ceiling on this machine, same workers, 20 connections: "
                f"{ceilings[0]:.0f} req/s before, {ceilings[1]:.0f} after; the rush reached "
                f"{requests / wall / ceiling:.0%} of the mean (a slower machine lowers both; "
                f"the p95 below grows as the ceiling falls)"
            )
        print("  " + describe("submit (each POST)", stats.posts) + " (target p95 ≤ 400 ms)")
        print("  " + describe("page (each GET)", stats.gets))
        for method in ("POST", "GET"):
            served = server.service_times(method, ANSWER_PATHS) or [0.0]
            print(
                f"  inside the server per {method}: median={statistics.median(served):.1f} ms "
                f"p95={percentile(served, 0.95):.1f} ms; the rest is queueing for a worker"
            )
        print(
            f"  server CPU per request (all workers, user + system): "
            f"{1000 * server_cpu / requests:.2f} ms; on {os.cpu_count()} cores that allows at most "
            f"{(os.cpu_count() or 1) * requests / server_cpu:.0f} req/s"
        )
        if database_cpu:
            print(f"  PostgreSQL CPU per request: {1000 * database_cpu / requests:.2f} ms")
        shares = server.requests_per_worker()
        print(
            "  requests per worker: "
            + " / ".join(f"{n / sum(shares):.0%}" for n in shares)
            + " (uneven shares mean some connections wait longer)"
        )
        kinds = Counter(
            match.group(1) if (match := re.search(r": (\d{3}) ->", e)) else "other"
            for e in stats.errors
        )
        print(f"  errors={len(stats.errors)} " + " ".join(f"{k}:{n}" for k, n in kinds.items()))
        for error in stats.errors[:10]:
            print("   ", error)
        ok = print_check("database after the round", check_database(plans, scans))

        finished = [(pk, step) for pk, step in all_pages if by_pk[pk].csrf]
        stale = rnd.sample(finished, round(args.double * len(finished)))
        before = len(stats.errors)
        stats.posts.clear()
        run_threads([(resubmit, by_pk[pk], step, server.port, stats) for pk, step in stale])
        print(
            f"  resent {len(stale)} stale pages after finishing: "
            f"errors={len(stats.errors) - before}"
            + (", " + describe("POST", stats.posts).replace("POST: ", "") if stats.posts else "")
        )
        ok = print_check("database after the resends", check_database(plans, scans)) and ok
        if stats.errors:
            print(server.error_tail(), file=sys.stderr)
        if not ok or stats.errors:
            sys.exit(1)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
