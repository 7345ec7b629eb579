"""The development plan page: the secretary edits it, a coach they let in may read it.

Everybody else gets 404, beheerders included, as for the report itself. The plan exists
only for a closed scan (one with a frozen report). Every change is audited (`scan.plan_*`).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from secretaris.accounts.audit import audit
from secretaris.scan import development, reporting, retention
from secretaris.scan.models import DevelopmentAction, DevelopmentPlan, FrozenReport
from secretaris.scan.plan_forms import ActionForm, FocusForm, KeepCommentsForm

CONFLICT = (
    "Het plan is intussen ergens anders opgeslagen, bijvoorbeeld in een ander venster. Uw "
    "wijziging is nog niet opgeslagen. Hieronder staat uw invoer en wat er nu is opgeslagen. "
    "Klik opnieuw op 'Focus opslaan' als u uw invoer wilt bewaren."
)


def _readable(request: HttpRequest, pk: int) -> FrozenReport:
    report = (
        FrozenReport.objects.select_related("scan__secretary", "scan__gemeente")
        .filter(scan_id=pk)
        .first()
    )
    if report is None or not reporting.may_read(request.user, report):
        raise Http404
    return report


def _is_secretary(request: HttpRequest, report: FrozenReport) -> bool:
    return request.user.pk == report.scan.secretary_id


def _own(request: HttpRequest, pk: int) -> tuple[FrozenReport, DevelopmentPlan]:
    """The report and plan, for the scan's secretary only (404 for everyone else)."""
    report = _readable(request, pk)
    if not _is_secretary(request, report):
        raise Http404
    return report, development.plan_for(report)


def _back(pk: int, anchor: str = "") -> HttpResponse:
    url = reverse("scan:plan", args=[pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _render(
    request: HttpRequest,
    report: FrozenReport,
    plan: DevelopmentPlan | None,
    *,
    focus_form: FocusForm | None = None,
    action_form: ActionForm | None = None,
    conflict: bool = False,
) -> HttpResponse:
    editable = _is_secretary(request, report)
    proposal = development.suggested_focus(report.data)
    sections = development.plan_sections(report, plan)
    context: dict[str, Any] = {
        "report": report,
        "scan": report.scan,
        "plan": plan,
        "editable": editable,
        "sections": sections,
        "conflict": CONFLICT if conflict else "",
        "statuses": DevelopmentAction.STATUSES,
    }
    if editable and plan is not None:
        forms = {s.key: ActionForm(competency=s.key) for s in sections if s.is_focus}
        if action_form is not None:
            forms[action_form.competency] = action_form
        context.update(
            focus_form=focus_form
            or FocusForm(report=report, initial=FocusForm.initial_for(plan, proposal)),
            proposal=[
                (c["name"], development.focus_reason(report.data, c["key"]))
                for key in proposal
                for c in report.data["competencies"]
                if c["key"] == key
            ],
            rows=[(s, forms.get(s.key)) for s in sections],
            keep_form=KeepCommentsForm(initial={"keep_comments": report.keep_comments}),
            may_keep=development.may_keep_comments(report),
            purge_date=retention.purge_date(report.scan),
        )
    else:
        context["rows"] = [(s, None) for s in sections]
    return render(request, "scan/plan.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    report = _readable(request, pk)
    if not _is_secretary(request, report):
        if request.method == "POST":
            raise Http404
        audit(request, "scan.plan_opened", report.scan)
        return _render(request, report, DevelopmentPlan.objects.filter(report=report).first())
    plan = development.plan_for(report)
    if request.method == "GET":
        return _render(request, report, plan)
    form = FocusForm(request.POST, report=report)
    if not form.is_valid():
        return _render(request, report, plan, focus_form=form)
    focus, note = form.cleaned_data["focus"], form.cleaned_data["note"]
    if not development.save_focus(plan, form.cleaned_data["lock_version"], focus, note):
        data = request.POST.copy()
        data["lock_version"] = str(plan.lock_version)  # a second click saves the input
        return _render(
            request, report, plan, focus_form=FocusForm(data, report=report), conflict=True
        )
    audit(request, "scan.plan_focus", report.scan, focus=focus, note_length=len(note))
    messages.success(request, "Uw focus is opgeslagen. Zet er nu acties bij.")
    return _back(pk)


@never_cache
@login_required
def plan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan on paper: focus, actions with their dates and status, room for notes."""
    from secretaris.documents.pdf import render_pdf
    from secretaris.scan.report_document import plan_document
    from secretaris.scan.report_views import plan_summary

    report = _readable(request, pk)
    audit(request, "scan.plan_downloaded", report.scan)
    response = HttpResponse(
        render_pdf(plan_document(report, plan_summary(report))), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="ontwikkelplan-{report.scan_id}.pdf"'
    return response


@login_required
@require_POST
def plan_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A new action, written by hand or taken over from a suggestion (button `suggestion`)."""
    report, plan = _own(request, pk)
    competency = request.POST.get("competency", "")
    if competency not in plan.focus:
        messages.error(
            request,
            "Deze competentie staat niet (meer) in uw focus. Sla eerst uw focus op; daarna "
            "kunt u er acties bij zetten.",
        )
        return _back(pk)
    if "suggestion" in request.POST:
        try:
            number = int(request.POST["suggestion"])
            action = development.take_suggestion(plan, competency, number)
        except ValueError:
            messages.error(request, "Dit voorstel bestaat niet (meer). Kies een ander voorstel.")
            return _back(pk, competency)
        message = "Het voorstel staat in uw plan, met een streefdatum over drie maanden."
    else:
        form = ActionForm(request.POST, competency=competency)
        if not form.is_valid():
            return _render(request, report, plan, action_form=form)
        action = development.add_action(plan, competency=competency, **form.cleaned_data)
        message = "De actie staat in uw plan."
    audit(
        request,
        "scan.plan_action_add",
        report.scan,
        action_id=action.pk,
        competency=competency,
        kind=action.kind,
        suggestion="suggestion" in request.POST,
    )
    messages.success(request, message)
    return _back(pk, competency)


@login_required
@require_POST
def plan_action_status(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    report, plan = _own(request, pk)
    status = request.POST.get("status", "")
    try:
        action = development.set_status(plan, action_pk, status)
    except ValueError:
        messages.error(request, "Kies gepland, bezig of klaar.")
        return _back(pk)
    if action is None:
        raise Http404
    audit(request, "scan.plan_action_status", report.scan, action_id=action.pk, status=status)
    messages.success(request, f"De actie staat nu op: {action.status_text.lower()}.")
    return _back(pk, action.competency)


@login_required
@require_POST
def plan_action_remove(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    report, plan = _own(request, pk)
    action = development.remove_action(plan, action_pk)
    if action is None:  # removed already (a double click): nothing left to do
        messages.info(request, "Deze actie was al verwijderd.")
        return _back(pk)
    audit(request, "scan.plan_action_remove", report.scan, action_id=action_pk)
    messages.success(request, "De actie is verwijderd.")
    return _back(pk, action.competency)


@login_required
@require_POST
def plan_keep_comments(request: HttpRequest, pk: int) -> HttpResponse:
    report, _plan = _own(request, pk)
    form = KeepCommentsForm(request.POST)
    keep = form.is_valid() and form.cleaned_data["keep_comments"]
    if not development.set_keep_comments(report, keep):
        messages.error(request, "De opmerkingen zijn al verwijderd. Terughalen kan niet.")
        return _back(pk, "bewaren")
    audit(request, "scan.plan_keep_comments", report.scan, keep=keep)
    messages.success(
        request,
        "De opmerkingen blijven in uw rapport staan, ook na het opschonen."
        if keep
        else "De opmerkingen gaan bij het opschonen uit uw rapport.",
    )
    return _back(pk, "bewaren")
