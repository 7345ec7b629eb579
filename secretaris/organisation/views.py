from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secretaris.accounts.access import (
    checked_role,
    get_object_and_role,
    get_object_for,
    grant,
    grants_for,
    is_beheerder,
    objects_for,
    revoke,
    with_role,
)
from secretaris.accounts.audit import audit
from secretaris.jobs.models import Job
from secretaris.jobs.queue import enqueue
from secretaris.organisation import jobs, page_cache, uploads
from secretaris.organisation.forms import (
    GrantForm,
    HandForm,
    MappingForm,
    NewOrganisationForm,
    UploadForm,
)
from secretaris.organisation.mapping import check_mapping, guess_mapping, is_private
from secretaris.organisation.models import Organisation, StaffImport
from secretaris.organisation.reading import MAX_BYTES, ReadError, read_table
from secretaris.organisation.validation import Checked, Problem
from secretaris.scan.prepared import NUMBER, NUMBER2, Prepared
from secretaris.security_headers import accepts_uploads

STEPS = ("Bestand kiezen", "Kolommen koppelen", "Resultaat")


def _session_key(organisation: Organisation) -> str:
    return f"organisation-upload-{organisation.pk}"


@never_cache
@login_required
def index(request):
    organisations = objects_for(request.user, Organisation.objects.select_related("gemeente"))
    return render(request, "organisation/index.html", {"organisations": organisations})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    form = NewOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = Organisation.objects.create(
            gemeente=form.cleaned_data["gemeente"], created_by=request.user
        )
        grant(request.user, organisation, "eigenaar", by=request.user)
        audit(request, "organisation.create", organisation)
        return redirect("organisation:upload", organisation.pk)
    return render(request, "organisation/new.html", {"form": form})


def _page_query(user_pk, pk):
    newest = StaffImport.objects.filter(organisation=OuterRef("pk")).order_by("-imported_at", "-pk")
    organisations = Organisation.objects.select_related("gemeente").annotate(
        newest_import=Subquery(newest.values("pk")[:1])
    )
    if user_pk is None:
        return organisations
    return with_role(organisations, user_pk).filter(pk=pk)


PAGE_QUERY = Prepared(_page_query, NUMBER, NUMBER2)


@never_cache
@login_required
def detail(request, pk: int):
    if is_beheerder(request.user):
        organisation, role = get_object_and_role(request, _page_query(None, pk), pk=pk)
    else:  # access, role and the newest import in one query, compiled once
        organisation, role = checked_role(PAGE_QUERY.first(request.user.pk, pk))
    context = {
        "organisation": organisation,
        "can_edit": role in ("bewerker", "eigenaar"),
        "is_owner": role == "eigenaar",
        "has_import": organisation.newest_import is not None,
    }

    def render_page(extra: dict):
        if organisation.newest_import is not None:
            context["figures"] = page_cache.figures_html(organisation, organisation.newest_import)
        return render(request, "organisation/detail.html", {**context, **extra})

    return page_cache.serve(
        request, organisation, (context["can_edit"], context["is_owner"]), render_page
    )


@accepts_uploads(lambda: MAX_BYTES + 1024 * 1024)  # an HR export, and the form
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def upload(request, pk: int):
    organisation = get_object_for(request, Organisation, "bewerker", pk=pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        try:
            table = read_table(data, form.cleaned_data["file"].name)
        except ReadError as exc:
            form.add_error("file", str(exc))
        else:
            previous = request.session.get(_session_key(organisation), {})
            uploads.discard(previous.get("token", ""))
            # What the mapping step shows, so it need not read a large file again.
            request.session[_session_key(organisation)] = {
                "token": uploads.store(data),
                "name": form.cleaned_data["file"].name[-100:],
                "peildatum": form.cleaned_data["peildatum"].isoformat(),
                "headers": table.headers,
                "rows": len(table.rows),
                "notes": table.notes,
            }
            return redirect("organisation:mapping", organisation.pk)
    return render(
        request,
        "organisation/upload.html",
        {"organisation": organisation, "form": form, "steps": STEPS, "step": 1},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def mapping(request, pk: int):
    organisation = get_object_for(
        request, Organisation.objects.select_related("gemeente"), "bewerker", pk=pk
    )
    pending = request.session.get(_session_key(organisation)) or {}
    if "headers" not in pending or not uploads.exists(pending.get("token", "")):
        messages.info(request, "Kies eerst het bestand (opnieuw).")
        return redirect("organisation:upload", organisation.pk)
    headers = pending["headers"]
    guessed = guess_mapping(headers, organisation.mapping)
    form = MappingForm(request.POST or None, headers=headers, initial=guessed)
    context = {
        "organisation": organisation,
        "form": form,
        "steps": STEPS,
        "step": 2,
        "file_name": pending.get("name", ""),
        "row_count": pending.get("rows", 0),
        "peildatum": date.fromisoformat(pending["peildatum"]),
        "private": [h for h in headers if is_private(h)],
        "recognised": len(guessed),
        "notes": pending.get("notes", []),
    }
    if request.method == "POST" and form.is_valid():
        chosen = form.mapping()
        wrong = check_mapping(chosen, headers)
        if wrong:  # no need to read the file: say so at once, and keep it for another try
            checked = Checked(problem_count=len(wrong))
            for message in wrong:
                checked.add(1, "", message)
            context.update(step=3, checked=checked, can_remap=True)
            return render(request, "organisation/problems.html", context)
        # The job owns the file from here: it deletes it when it ends.
        del request.session[_session_key(organisation)]
        job = enqueue(
            jobs.import_export,
            started_by=request.user,
            subject=_job_subject(organisation),
            organisation_pk=organisation.pk,
            token=pending["token"],
            name=pending.get("name", ""),
            mapping=chosen,
            peildatum=pending["peildatum"],
            user_pk=request.user.pk,
        )
        return redirect("organisation:progress", organisation.pk, job.pk)
    return render(request, "organisation/mapping.html", context)


def _job_subject(organisation: Organisation) -> str:
    return f"organisation:{organisation.pk}"


@never_cache
@login_required
@require_GET
def progress(request, pk: int, job_pk: int):
    """How far the import job got (polled by organisation.js); its outcome when done."""
    organisation = get_object_for(
        request, Organisation.objects.select_related("gemeente"), "bewerker", pk=pk
    )
    job = get_object_or_404(
        Job,
        pk=job_pk,
        subject=_job_subject(organisation),
        started_by=request.user,  # row problems quote the file: only for who uploaded it
    )
    state = import_state(job)
    if request.GET.get("stand") == "json":
        return JsonResponse(state)
    if not state["finished"]:
        return render(
            request,
            "organisation/progress.html",
            {"organisation": organisation, "steps": STEPS, "step": 3, "state": state},
        )
    result = job.result or {}
    if result.get("state") == "klaar":
        messages.success(
            request,
            f"Ingelezen: {result['rows']} regels, {result['headcount']} medewerkers op de "
            "peildatum. Het bestand zelf is verwijderd.",
        )
        return redirect(organisation)
    if result.get("state") == "fouten":
        problems = cache.get(jobs.problems_key(job.kwargs.get("token", ""))) or []
        checked = Checked(problem_count=result["problem_count"], rows=result.get("rows", 0))
        checked.problems = [Problem(p["row"], p["column"], p["message"]) for p in problems]
        return render(
            request,
            "organisation/problems.html",
            {"organisation": organisation, "steps": STEPS, "step": 3, "checked": checked},
        )
    messages.error(request, result.get("message") or GONE)
    return redirect("organisation:upload", organisation.pk)


GONE = (
    "Het inlezen is niet gelukt en het bestand is verwijderd. Kies het bestand opnieuw; "
    "lukt het weer niet, vraag de beheerder om hulp."
)


STALLED = " Duurt dat lang? Dan staat de verwerking op de achtergrond stil: vraag de beheerder."


def import_state(job: Job) -> dict:
    """The job's progress for the page: finished or not, a line of Dutch, rows done."""
    result = job.result or {}
    finished = job.is_finished
    if finished:
        text = "Klaar."
    elif job.status == Job.WAITING:
        text = "In de wachtrij; het inlezen begint zo."
        if (timezone.now() - job.created_at).total_seconds() > 60:
            text += STALLED
    else:
        text = result.get("text") or "Bezig met inlezen…"
    return {
        "finished": finished,
        "text": text,
        "done": result.get("done") if not finished else None,
        "total": result.get("total") if not finished else None,
    }


@never_cache
@login_required
@require_POST
def cancel(request, pk: int):
    organisation = get_object_for(request, Organisation, "bewerker", pk=pk)
    pending = request.session.pop(_session_key(organisation), None) or {}
    uploads.discard(pending.get("token", ""))
    messages.info(request, "Het inlezen is afgebroken; het bestand is verwijderd.")
    return redirect(organisation)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def hand(request, pk: int):
    organisation = get_object_for(request, Organisation, "bewerker", pk=pk)
    fields = list(HandForm.base_fields)
    form = HandForm(
        request.POST or None, initial={name: getattr(organisation, name) for name in fields}
    )
    if request.method == "POST" and form.is_valid():
        for name in fields:
            value = form.cleaned_data[name]
            setattr(organisation, name, "" if value is None and name.endswith("source") else value)
        organisation.save(update_fields=fields)
        audit(request, "organisation.hand_figures", organisation)
        messages.success(request, "De cijfers zijn opgeslagen.")
        return redirect(organisation)
    return render(request, "organisation/hand.html", {"organisation": organisation, "form": form})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def access(request, pk: int):
    organisation = get_object_for(
        request, Organisation.objects.select_related("gemeente"), "eigenaar", pk=pk
    )
    form = GrantForm(request.POST or None)
    if request.method == "POST" and "revoke" in request.POST:
        user = get_user_model().objects.filter(pk=request.POST["revoke"]).first()
        if user and user != request.user and revoke(user, organisation, by=request.user):
            messages.success(request, f"{user.get_username()} heeft geen toegang meer.")
        return redirect("organisation:access", organisation.pk)
    if request.method == "POST" and form.is_valid():
        user = form.cleaned_data["username"]
        grant(user, organisation, form.cleaned_data["role"], by=request.user)
        messages.success(request, f"{user.get_username()} heeft nu toegang.")
        return redirect("organisation:access", organisation.pk)
    return render(
        request,
        "organisation/access.html",
        {"organisation": organisation, "form": form, "grants": grants_for(organisation)},
    )
