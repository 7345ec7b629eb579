"""From a closed scan's answers to its frozen report, and who may read it.

`freeze_report(scan)` runs once, when the scan closes (hooks.scan_closed): the report is
computed from the finished raters' answers as they are then, and only the report, the
aggregated figures and the texts that may be shown, is stored. It is never recomputed,
so no later change can be compared against it.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.db import transaction

from secretaris.accounts.access import grant as grant_role
from secretaris.accounts.access import grants_for, revoke
from secretaris.scan.analysis import build_report
from secretaris.scan.anonymity import plan_groups
from secretaris.scan.models import Comment, DevelopmentPlan, FrozenReport, Rater, Scan
from secretaris.scan.report_model import Comment as ReportComment
from secretaris.scan.report_model import Earlier, GroupSpec, ReportInput, Response
from secretaris.scan.sybil import mailbox

NO_COMPARISON = (
    "Een vergelijking met de vorige scan staat er niet in: de groep beoordelaars is te "
    "weinig veranderd om dat te kunnen zonder dat iemands antwoorden herleidbaar worden."
)


def person_key(email: str) -> str:
    """The same mailbox gives the same key in every scan; the key does not give the
    address back (a keyed hash, with the site's secret key)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), mailbox(email).encode(), hashlib.sha256)
    return digest.hexdigest()[:16]


def earlier_reports(scan: Scan):
    """The frozen reports of the same secretary before this scan, oldest first."""
    return (
        FrozenReport.objects.filter(scan__secretary_id=scan.secretary_id)
        .exclude(scan=scan)
        .order_by("created_at")
    )


def report_input(scan: Scan) -> ReportInput:
    """The finished raters' answers and comments of enabled groups, for the pure core."""
    groups = list(scan.enabled_groups())
    spec = {
        g.pk: GroupSpec(g.key, g.name, single_person=g.single_person, is_self=g.is_self)
        for g in groups
    }
    codes = set(scan.indicator_codes())
    keys = set(scan.competency_keys)
    raters = list(
        Rater.objects.filter(scan=scan, finished_at__isnull=False, group_id__in=spec)
        .prefetch_related("answers")
        .order_by("pk")
    )
    responses = tuple(
        Response(
            rater=str(r.pk),
            group=spec[r.group_id].key,
            scores={a.indicator: a.score for a in r.answers.all() if a.indicator in codes},
            show_by_role=r.show_by_role,
            person=person_key(r.email),
        )
        for r in raters
    )
    group_of = {r.pk: spec[r.group_id].key for r in raters}
    comments = tuple(
        ReportComment(
            rater=str(c.rater_id),
            group=group_of[c.rater_id],
            competency=c.competency,
            kind=c.kind,
            text=c.text,
        )
        for c in Comment.objects.filter(rater_id__in=group_of, competency__in=keys)
        .exclude(text="")
        .order_by("pk")
    )
    return ReportInput(
        competencies=tuple(scan.competencies()),
        groups=tuple(spec.values()),
        responses=responses,
        comments=comments,
        k=scan.k,
        seed=scan.pk,
        earlier=tuple(Earlier.from_json(r.audience) for r in earlier_reports(scan) if r.audience),
    )


def freeze_report(scan: Scan) -> FrozenReport:
    """Compute and store the report once; a second call returns the stored one."""
    with transaction.atomic():
        existing = FrozenReport.objects.filter(scan=scan).first()
        if existing:
            return existing
        inp = report_input(scan)
        report = build_report(inp)
        data = report.as_json()
        data["response"] = response(scan, inp)
        data["profile"] = profile_link(scan)
        before = earlier_reports(scan).last()
        if before is not None and not comparable(before.audience, report.shown.as_json(), scan.k):
            data["notes"].append(NO_COMPARISON)
        return FrozenReport.objects.create(
            scan=scan,
            data=data,
            audience=report.shown.as_json(),
            model_version=scan.model_version,
            finished_raters=sum(g["n"] for g in data["groups"]),
        )


def response(scan: Scan, inp: ReportInput) -> list[dict[str, Any]]:
    """Per enabled group: invited, finished, and where its answers are in the report.

    `shown_as` is the label the anonymity rules (anonymity.plan_groups) put the group's
    raters under: its own name, "Overige beoordelaars", or None when they are left out.
    Stored with the report at closing time, so it never changes afterwards.
    """
    plan = plan_groups(inp.groups, inp.responses, inp.k)
    label_of = {rater: s.label for s in plan.shown for rater in s.raters}
    by_group: dict[str, set[str]] = {}
    for r in inp.responses:
        by_group.setdefault(r.group, set()).add(label_of.get(r.rater, ""))
    rows = []
    for progress in scan.progress():
        group = progress.group
        if not group.enabled:
            continue
        labels = by_group.get(group.key, set()) - {""}
        rows.append(
            {
                "group": group.name,
                "is_self": group.is_self,
                "invited": progress.invited,
                "finished": progress.finished,
                "shown_as": "Zelf"
                if group.is_self and progress.finished
                else next(iter(labels), None),
            }
        )
    return rows


def profile_link(scan: Scan) -> dict[str, Any] | None:
    """The situational competencies of the scan and why the municipality's newest
    definitief profielschets chose them (its reasons and note), or None without one."""
    from secretaris.profiles.models import Profile

    profile = (
        Profile.objects.filter(gemeente=scan.gemeente, status=Profile.DEFINITIEF)
        .order_by("-finalised_at", "-number")
        .first()
    )
    if profile is None:
        return None
    chosen = {item["key"]: item for item in profile.chosen_situational()}
    model = scan.competency_model()
    situational = {c.key for c in model.situational}
    return {
        "title": profile.title,
        "version": profile.number,
        "finalised": profile.finalised_at.date().isoformat() if profile.finalised_at else None,
        "situational": [
            {
                "key": key,
                "name": model.get(key).name,
                "in_profile": key in chosen,
                "reasons": list(chosen.get(key, {}).get("reasons", [])),
                "note": chosen.get(key, {}).get("note", ""),
            }
            for key in scan.competency_keys
            if key in situational
        ],
        "not_in_scan": [
            c.name
            for c in model.situational
            if c.key in chosen and c.key not in scan.competency_keys
        ],
    }


def on_scan_closed(sender: Any, scan: Scan, **kwargs: Any) -> None:
    """Receiver of hooks.scan_closed: freeze the report in the closing transaction, so
    that no later change (a late answer, a rater removed) can be compared against it."""
    freeze_report(scan)


def comparable(before: dict[str, Any], now: dict[str, Any], k: int) -> bool:
    """Two reports' "Alle anderen" may be set side by side when they stand for the same
    people, or when each has either nobody or at least k people the other has not (people
    shown by role, whose answers are known anyway, do not count)."""
    if not before or not now:
        return False
    known = set(before.get("known", ())) | set(now.get("known", ()))
    old = set(before.get("everyone", ())) - known
    new = set(now.get("everyone", ())) - known
    return all(len(d) == 0 or len(d) >= k for d in (old - new, new - old))


def previous_report(report: FrozenReport) -> FrozenReport | None:
    """The same secretary's previous frozen report (a repeat measurement), if any."""
    return (
        FrozenReport.objects.filter(
            scan__secretary=report.scan.secretary, created_at__lt=report.created_at
        )
        .select_related("scan")
        .order_by("-created_at")
        .first()
    )


def may_read(user: Any, report: FrozenReport) -> bool:
    """The secretary, and a coach the secretary let in. Nobody else, not even beheerders."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.pk == report.scan.secretary_id:
        return True
    return grants_for(report).filter(user=user).exists()


def coaches(report: FrozenReport) -> list[Any]:
    return [g.user for g in grants_for(report).select_related("user")]


def let_coach_read(report: FrozenReport, coach: Any, by: Any) -> None:
    grant_role(coach, report, "lezer", by=by)


def stop_coach(report: FrozenReport, coach: Any, by: Any) -> None:
    revoke(coach, report, by=by)


def previous_focus(report: FrozenReport) -> list[str]:
    """The focus competencies of the plan made after the previous scan (empty if none)."""
    before = previous_report(report)
    if before is None:
        return []
    plan = DevelopmentPlan.objects.filter(report=before).first()
    return list(plan.focus) if plan else []


def comparison(report: FrozenReport, reader: Any = None) -> list[dict[str, Any]] | None:
    """Per competency the others' mean now and in the previous scan (where both shown).

    None when the two reports' raters differ by 1..k-1 people (the note in the report says
    why), or when `reader` may not read the previous report (a coach sees only what they
    were let into).
    """
    before = previous_report(report)
    if before is None:
        return None
    if reader is not None and not may_read(reader, before):
        return None
    if not comparable(before.audience, report.audience, report.scan.k):
        return None
    old = {c["key"]: c for c in before.data["competencies"]}
    rows = []
    for c in report.data["competencies"]:
        prev = old.get(c["key"])
        now_mean = c["others"]["mean"]
        prev_mean = prev["others"]["mean"] if prev else None
        rows.append(
            {
                "key": c["key"],
                "name": c["name"],
                "now": now_mean,
                "before": prev_mean,
                "change": None
                if now_mean is None or prev_mean is None
                else round(now_mean - prev_mean, 2),
            }
        )
    return rows
