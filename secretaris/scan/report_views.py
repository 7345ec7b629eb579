"""The frozen report: only for the secretary and the coaches they let in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods

from secretaris.accounts.audit import audit
from secretaris.accounts.sessions import recent_password_required
from secretaris.documents.dates import nl_date
from secretaris.documents.html import render_html, section_links
from secretaris.forms import posted_int
from secretaris.scan import reporting
from secretaris.scan.models import DevelopmentPlan, FrozenReport
from secretaris.scan.report_document import report_document


def _readable(request, pk: int) -> FrozenReport:
    # The stored report (tens of kB) is only read when the cached page is missing.
    report = (
        FrozenReport.objects.select_related("scan__secretary", "scan__gemeente")
        .defer("data", "audience")
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
        "updated": nl_date(timezone.localdate(plan.updated_at)),
        "note": plan.note,
        "actions": [
            (
                model.get(a.competency).name,
                f"{a.get_kind_display()}: {a.description}",
                a.with_whom,
                nl_date(a.target_date) if a.target_date else "geen",
                a.status_text,
            )
            for a in plan.actions.all()
        ],
    }


def full_document(report: FrozenReport, reader: Any = None):
    """The whole report with its comparison and plan, as the page, the PDF and the CLI show
    it; the comparison with the previous scan only for a `reader` who may read both."""
    return report_document(
        report,
        reporting.comparison(report, reader),
        plan_summary(report),
        reporting.previous_focus(report),
    )


@login_required
def report(request, pk: int):
    report = _readable(request, pk)
    audit(request, "scan.report_opened", report.scan)
    built = SimpleLazyObject(lambda: full_document(report, request.user))
    return render(
        request,
        "scan/report.html",
        {
            "report": report,
            "scan": report.scan,
            "document": SimpleLazyObject(lambda: render_html(built)),
            "contents": SimpleLazyObject(lambda: section_links(built)),
            # The cached page differs for a reader who may not see the previous report.
            "reader_key": request.user.pk,
            "is_secretary": request.user.pk == report.scan.secretary_id,
        },
    )


@login_required
def report_pdf(request, pk: int):
    from secretaris.documents.pdf import render_pdf

    report = _readable(request, pk)
    audit(request, "scan.report_downloaded", report.scan)
    response = HttpResponse(
        render_pdf(full_document(report, request.user)), content_type="application/pdf"
    )
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
