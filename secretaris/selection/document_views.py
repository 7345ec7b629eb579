"""Pages that hand out files: CVs and letters, the interview kit, rejection letters and the
advice to the college. The same access rules as every page (access.procedure_view); every
file handed out is in the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from secretaris.accounts.audit import audit
from secretaris.selection import rejections, uploads
from secretaris.selection.access import candidate_for, procedure_view, visible_candidates
from secretaris.selection.forms import AdviceForm, QuestionsForm, RejectionMailForm
from secretaris.selection.models import ROUND_NAMES
from secretaris.selection.views import page, require_declared, round_number


@procedure_view()
def download(request, member, candidate_id, file_id):
    candidate = candidate_for(member, candidate_id)
    require_declared(member, candidate)
    record = candidate.files.filter(pk=file_id).first()
    if record is None:
        raise Http404
    try:
        content = uploads.load(record.stored_name)
    except FileNotFoundError:
        raise Http404 from None
    who = member.name
    when = timezone.localtime().strftime("%d-%m-%Y %H.%M")
    body = uploads.stamped(content, record.extension, who, when)
    audit(
        request,
        "selection.file_downloaded",
        member.procedure,
        candidate=str(candidate.pk),
        file=str(record.pk),
    )
    content_type = (
        "application/pdf"
        if record.extension == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = HttpResponse(body, content_type=content_type)
    name = uploads.safe_filename(f"{record.kind}-{candidate.name}.{record.extension}")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@procedure_view()
@require_http_methods(["GET", "POST"])
def interview_kit(request, member, round):
    procedure = member.procedure
    questions = list(procedure.questions.filter(round=round_number(round)))
    form = QuestionsForm(questions, request.POST or None) if member.manages else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            with transaction.atomic():
                for q in questions:
                    q.text = form.cleaned_data[f"q{q.pk}"].strip()
                    q.save(update_fields=["text"])
            audit(request, "selection.questions_changed", procedure, round=round)
            messages.success(
                request, "De vragen zijn opgeslagen. Alle kandidaten krijgen deze vragen."
            )
            return redirect("selection:kit", procedure.pk, round)
    from secretaris.selection.documents import kit_sections

    context = {
        "round": round,
        "round_name": ROUND_NAMES[round],
        "groups": kit_sections(procedure, questions, form),
        "active": f"kit{round}",
        "form": form,
    }
    return page(request, member, "kit", **context)


@procedure_view()
def interview_kit_pdf(request, member, round):
    from secretaris.documents.pdf import render_pdf
    from secretaris.selection.documents import interview_kit

    body = render_pdf(interview_kit(member.procedure, round_number(round)))
    audit(request, "selection.kit_downloaded", member.procedure, round=round)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="gesprekshandleiding-ronde-{round}.pdf"'
    )
    return response


@procedure_view()
@require_http_methods(["GET", "POST"])
def rejection(request, member, candidate_id):
    """The rejection letter for the phase the candidate reached: to copy, or to send."""
    candidate = candidate_for(member, candidate_id)
    require_declared(member, candidate)
    if not member.manages:
        raise Http404
    _, text = rejections.letter(member.procedure, candidate)
    form = RejectionMailForm(request.POST or None, initial={"body": text})
    if request.method == "POST" and form.is_valid():
        try:
            rejections.queue_rejection(request, candidate, form.cleaned_data["body"])
        except rejections.CannotSend as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                f"De brief gaat per e-mail naar {candidate.email}. Hieronder ziet u of dat "
                "gelukt is.",
            )
        return redirect("selection:rejection", member.procedure_id, candidate.pk)
    context = {
        "candidate": candidate,
        "letter": text,
        "form": form,
        "refusal": rejections.refusal(candidate),
        "mails": rejections.mails(candidate),
    }
    return page(request, member, "rejection", **context)


@procedure_view()
@require_http_methods(["GET", "POST"])
def advice(request, member):
    from secretaris.documents.html import render_html
    from secretaris.selection.documents import advice_available, advice_document

    procedure = member.procedure
    form = None
    if member.manages:
        last = visible_candidates(member).filter(outcome__in=["actief", "benoemd"])
        form = AdviceForm(request.POST or None, instance=procedure, candidates=last)
        if request.method == "POST" and form.is_valid():
            form.save()
            audit(request, "selection.advice_saved", procedure)
            messages.success(request, "Het advies is opgeslagen.")
            return redirect("selection:advice", procedure.pk)
    elif request.method == "POST":
        raise Http404
    available = advice_available(procedure, member)
    document = render_html(advice_document(procedure)) if available else None
    return page(request, member, "advice", form=form, document=document, available=available)


@procedure_view()
def advice_file(request, member, kind):
    from secretaris.selection.documents import advice_available, advice_document

    procedure = member.procedure
    if kind not in ("pdf", "docx") or not advice_available(procedure, member):
        raise Http404
    document = advice_document(procedure)
    if kind == "pdf":
        from secretaris.documents.pdf import render_pdf

        body, content_type = render_pdf(document), "application/pdf"
    else:
        from secretaris.documents.docx import render_docx

        body = render_docx(document)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    audit(request, f"selection.advice_{kind}", procedure)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="advies-benoeming-{procedure.gemeente.slug}.{kind}"'
    )
    return response
