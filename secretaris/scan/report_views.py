"""The frozen report: only for the secretary and the coaches they let in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods

from secretaris.accounts.audit import audit
from secretaris.accounts.sessions import recent_password_required
from secretaris.documents.dates import nl_date
from secretaris.documents.html import render_html
from secretaris.forms import posted_int
from secretaris.scan import reporting
from secretaris.scan.models import DevelopmentPlan, FrozenReport
from secretaris.scan.report_document import report_document


def _readable(request, pk: int) -> FrozenReport:
    # The stored report (tens of kB) is only read when the cached page is missing.
    report = (
        FrozenReport.objects.select_related("scan__secretary", "scan__gemeente")
        .defer("data")
        .filter(scan_id=pk)
        .first()
    )
    if report is None or not reporting.may_read(request.user, report):
        raise Http404
    return report


def plan_summary(report: FrozenReport) -> dict[str, Any] | None:
    plan = DevelopmentPlan.objects.filter(report=report).prefetch_related("actions").first()
    if plan is None or not plan.focus:
        return None
    model = report.scan.competency_model()
    return {
        "focus": [model.get(key).name for key in plan.focus],
        "note": plan.note,
        "actions": [
            (
                model.get(a.competency).name,
                f"{a.get_kind_display()}: {a.description}",
                a.with_whom,
                nl_date(a.target_date) if a.target_date else "",
                "ja" if a.done else "nee",
            )
            for a in plan.actions.all()
        ],
    }


def _document(report: FrozenReport):
    return report_document(report, reporting.comparison(report), plan_summary(report))


@login_required
def report(request, pk: int):
    report = _readable(request, pk)
    audit(request, "scan.report_opened", report.scan)
    return render(
        request,
        "scan/report.html",
        {
            "report": report,
            "scan": report.scan,
            "document": SimpleLazyObject(lambda: render_html(_document(report))),
            "is_secretary": request.user.pk == report.scan.secretary_id,
        },
    )


@login_required
def report_pdf(request, pk: int):
    from secretaris.documents.pdf import render_pdf

    report = _readable(request, pk)
    audit(request, "scan.report_downloaded", report.scan)
    response = HttpResponse(render_pdf(_document(report)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ontwikkelscan-{report.scan_id}.pdf"'
    return response


@login_required
@recent_password_required
@require_http_methods(["GET", "POST"])
def coaches(request, pk: int):
    report = _readable(request, pk)
    if request.user.pk != report.scan.secretary_id:
        raise Http404
    error = ""
    if request.method == "POST":
        User = get_user_model()
        if "stop" in request.POST:
            stop_pk = posted_int(request.POST, "stop")
            coach = User.objects.filter(pk=stop_pk).first() if stop_pk else None
            if coach:
                reporting.stop_coach(report, coach, by=request.user)
                messages.success(request, f"{coach.get_username()} kan uw rapport niet meer lezen.")
            return redirect("scan:report_coaches", pk)
        username = request.POST.get("username", "").strip()
        coach = User.objects.filter(username=username, is_active=True).first()
        if coach is None:
            error = "Deze gebruiker bestaat niet (of is niet actief)."
        elif coach.pk == request.user.pk:
            error = "U kunt uw eigen rapport al lezen."
        else:
            reporting.let_coach_read(report, coach, by=request.user)
            messages.success(request, f"{coach.get_username()} kan uw rapport nu lezen.")
            return redirect("scan:report_coaches", pk)
    return render(
        request,
        "scan/report_coaches.html",
        {
            "report": report,
            "scan": report.scan,
            "coaches": reporting.coaches(report),
            "error": error,
        },
    )
