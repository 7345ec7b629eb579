"""Pages of the selection procedure. Every view of a procedure goes through
access.procedure_view: members only, two-factor authentication, the confidentiality
statement, no-store. Who may see whose scores is decided in board.py."""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from secretaris.accounts.audit import audit
from secretaris.security_headers import accepts_uploads
from secretaris.selection import calibration_cache, uploads
from secretaris.selection.access import candidate_for, procedure_view, visible_candidates
from secretaris.selection.board import Board
from secretaris.selection.calibration import as_json, calibrate
from secretaris.selection.calibration_html import candidate_table
from secretaris.selection.committee import LastChair, change_role, remove_member
from secretaris.selection.forms import (
    CandidateForm,
    DeclarationForm,
    InviteForm,
    MemberRoleForm,
    NewProcedureForm,
    ORAdviceForm,
    PhaseForm,
    RankForm,
    RejectionTemplatesForm,
    RemoveMemberForm,
    StatementForm,
    StatusForm,
    UploadForm,
    WeightsForm,
)
from secretaris.selection.models import (
    ADVICES,
    PHASES,
    ROUND_NAMES,
    CandidateFile,
    Declaration,
    Member,
    PhaseRefused,
)
from secretaris.selection.procedures import (
    AlreadyMember,
    NotDefinitief,
    invite_member,
    start_procedure,
)
from secretaris.selection.scorecards import own_scorecard, save_scorecard


def page(request, member: Member, template: str, status: int = 200, **context) -> HttpResponse:
    """Render selection/TEMPLATE.html with the member and their procedure in the context."""
    context = {"member": member, "procedure": member.procedure, **context}
    return render(request, f"selection/{template}.html", context, status=status)


def round_number(number: int) -> int:
    if number not in ROUND_NAMES:
        raise Http404
    return number


@login_required
@never_cache
def index(request):
    memberships = (
        Member.objects.filter(user=request.user, removed_at__isnull=True)
        .select_related("procedure", "procedure__gemeente")
        .order_by("-procedure__created_at")
    )
    return render(request, "selection/index.html", {"memberships": memberships})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def new(request):
    form = NewProcedureForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            procedure = start_procedure(
                form.cleaned_data["profile"],
                request.user,
                title=form.cleaned_data["title"],
                role=form.cleaned_data["role"],
            )
        except NotDefinitief:
            form.add_error("profile", "Kies een definitieve profielschets.")
        else:
            return redirect("selection:statement", procedure.pk)
    return render(request, "selection/new.html", {"form": form})


@procedure_view(statement=True)
@require_http_methods(["GET", "POST"])
def statement(request, member):
    form = StatementForm(request.POST or None)
    if member.confidentiality_accepted_at:
        return redirect("selection:detail", member.procedure_id)
    if request.method == "POST" and form.is_valid():
        Member.objects.filter(pk=member.pk).update(confidentiality_accepted_at=timezone.now())
        audit(request, "selection.confidentiality_accepted", member.procedure)
        return redirect("selection:detail", member.procedure_id)
    return page(request, member, "statement", form=form)


@procedure_view()
def detail(request, member):
    procedure = member.procedure
    candidates = list(visible_candidates(member).order_by("name"))
    declared = dict(member.declarations.values_list("candidate_id", "conflict"))
    own = {(c.candidate_id, c.round): c for c in member.scorecards.all()}
    rows = [
        {
            "candidate": c,
            "declared": c.pk in declared,
            "rounds": [(n, own.get((c.pk, n))) for n in ROUND_NAMES if c.in_round(n)],
        }
        for c in candidates
    ]
    hidden = procedure.candidates.count() - len(candidates)
    members = procedure.committee()
    dates = [(label, procedure.phase_date(key), key == procedure.phase) for key, label in PHASES]
    context = {
        "rows": rows,
        "hidden": hidden,
        "members": members,
        "dates": dates,
        "rounds": ROUND_NAMES,
    }
    return page(request, member, "detail", **context)


@procedure_view(manage=True)
@require_http_methods(["GET", "POST"])
def committee(request, member):
    procedure = member.procedure
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invited, sent = invite_member(
                procedure,
                name=data["name"],
                email=data["email"],
                role=data["role"],
                function=data["function"],
                by=request.user,
            )
        except AlreadyMember:
            form.add_error("email", "Deze persoon zit al in de commissie.")
        else:
            if sent:
                messages.success(request, f"{invited.name} is uitgenodigd per e-mail.")
            else:
                messages.warning(
                    request,
                    f"{invited.name} staat in de commissie, maar de e-mail kon niet worden "
                    "verstuurd. Probeer het later opnieuw met 'Opnieuw uitnodigen'.",
                )
            return redirect("selection:committee", procedure.pk)
    members = procedure.committee()
    removed = procedure.members.filter(removed_at__isnull=False).select_related("user")
    return page(request, member, "committee", members=members, removed=removed, form=form)


@procedure_view(manage=True)
@require_POST
def reinvite(request, member, member_id):
    from secretaris.selection.procedures import send_invitation

    other = _committee_member(member, member_id)
    if send_invitation(other):
        messages.success(request, f"{other.name} kreeg een nieuwe uitnodiging.")
    else:
        messages.error(request, "De e-mail kon niet worden verstuurd. Probeer het later opnieuw.")
    return redirect("selection:committee", member.procedure_id)


def _committee_member(member: Member, member_id) -> Member:
    """A member of this procedure's committee now (not one taken off it), or 404."""
    other = (
        member.procedure.members.filter(pk=member_id, removed_at__isnull=True)
        .select_related("user")
        .first()
    )
    if other is None:
        raise Http404
    return other


@procedure_view(manage=True)
@require_http_methods(["GET", "POST"])
def committee_member(request, member, member_id):
    """Another role for a member, or taking them off the committee."""
    other = _committee_member(member, member_id)
    role_form = MemberRoleForm(
        request.POST if "role" in request.POST else None, initial={"role": other.role}
    )
    remove_form = RemoveMemberForm(request.POST if "remove" in request.POST else None)
    try:
        if "role" in request.POST and role_form.is_valid():
            if change_role(other, role_form.cleaned_data["role"], by=request):
                messages.success(request, f"{other.name} is nu {other.role_label}.")
            return redirect("selection:committee", member.procedure_id)
        if "remove" in request.POST and remove_form.is_valid():
            remove_member(other, by=request)
            if other.pk == member.pk:
                messages.info(request, "U zit niet meer in de commissie van deze procedure.")
                return redirect("selection:index")
            messages.success(
                request,
                f"{other.name} zit niet meer in de commissie en kan de procedure niet meer openen.",
            )
            return redirect("selection:committee", member.procedure_id)
    except LastChair as refused:
        (role_form if "role" in request.POST else remove_form).add_error(None, str(refused))
    context = {
        "other": other,
        "role_form": role_form,
        "remove_form": remove_form,
        "submitted": other.scorecards.filter(submitted_at__isnull=False).count(),
        "active": "committee",
    }
    return page(request, member, "member", **context)


@procedure_view(manage=True)
@require_http_methods(["GET", "POST"])
def settings_page(request, member):
    procedure = member.procedure
    initial = {"phase": procedure.phase}
    initial.update({f"date_{k}": procedure.phase_date(k) for k, _ in PHASES})
    phase_form = PhaseForm(request.POST if "phase" in request.POST else None, initial=initial)
    weights_form = WeightsForm(procedure, request.POST if "weights" in request.POST else None)
    if "phase" in request.POST and phase_form.is_valid():
        data = phase_form.cleaned_data
        procedure.phase_dates = {
            key: data[f"date_{key}"].isoformat() for key, _ in PHASES if data[f"date_{key}"]
        }
        procedure.save(update_fields=["phase_dates"])
        if data["phase"] != procedure.phase:
            try:
                procedure.move_to(data["phase"])
            except PhaseRefused as refused:
                phase_form.add_error("phase", str(refused))
            else:
                audit(request, "selection.phase", procedure, phase=procedure.phase)
        if phase_form.is_valid():
            messages.success(request, "De fase en de data zijn opgeslagen.")
            return redirect("selection:settings", procedure.pk)
    if "weights" in request.POST and weights_form.is_valid():
        procedure.criteria = [
            {"key": c["key"], "weight": weights_form.cleaned_data[c["key"]]}
            for c in procedure.criteria
        ]
        procedure.save(update_fields=["criteria"])
        audit(request, "selection.weights", procedure, weights=procedure.weights())
        messages.success(request, "De gewichten zijn opgeslagen.")
        return redirect("selection:settings", procedure.pk)
    letters_form = RejectionTemplatesForm(
        procedure, request.POST if "letters" in request.POST else None
    )
    if "letters" in request.POST and letters_form.is_valid():
        procedure.rejection_templates = dict(letters_form.cleaned_data)
        procedure.save(update_fields=["rejection_templates"])
        audit(request, "selection.rejection_templates", procedure)
        messages.success(request, "De afwijzingsbrieven zijn opgeslagen.")
        return redirect("selection:settings", procedure.pk)
    context = {
        "phase_form": phase_form,
        "weights_form": weights_form,
        "letters_form": letters_form,
    }
    return page(request, member, "settings", **context)


@procedure_view(manage=True)
@require_http_methods(["GET", "POST"])
def candidate_new(request, member):
    form = CandidateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        candidate = form.save(commit=False)
        candidate.procedure = member.procedure
        candidate.consent_recorded_at = timezone.now()
        candidate.save()
        audit(request, "selection.candidate_added", member.procedure, candidate=str(candidate.pk))
        messages.success(request, f"{candidate.name} staat op de lijst.")
        return redirect("selection:candidate", member.procedure_id, candidate.pk)
    return page(request, member, "candidate_new", form=form)


# A CV or letter, and the rest of the form.
@accepts_uploads(lambda: settings.SELECTION_UPLOAD_MAX_BYTES + 1024 * 1024)
@procedure_view()
@require_http_methods(["GET", "POST"])
def candidate(request, member, candidate_id):
    candidate = candidate_for(member, candidate_id)
    procedure = member.procedure
    declared = member.declarations.filter(candidate=candidate).exists()
    if not declared:
        return page(request, member, "declare", candidate=candidate, form=DeclarationForm())
    edit_form = status_form = upload_form = None
    if member.manages:
        edit_form = CandidateForm(
            request.POST if "edit" in request.POST else None, instance=candidate
        )
        status_form = StatusForm(
            request.POST if "status" in request.POST else None, instance=candidate
        )
        upload_form = UploadForm(
            request.POST if "upload" in request.POST else None,
            request.FILES if "upload" in request.POST else None,
        )
        if "edit" in request.POST and edit_form.is_valid():
            edit_form.save()
            audit(request, "selection.candidate_changed", procedure, candidate=str(candidate.pk))
            messages.success(request, "De gegevens zijn opgeslagen.")
            return redirect("selection:candidate", procedure.pk, candidate.pk)
        if "status" in request.POST and status_form.is_valid():
            status_form.save()
            audit(
                request,
                "selection.candidate_status",
                procedure,
                candidate=str(candidate.pk),
                stage=candidate.stage,
                outcome=candidate.outcome,
            )
            messages.success(request, "De stand is opgeslagen.")
            return redirect("selection:candidate", procedure.pk, candidate.pk)
        if "upload" in request.POST and upload_form.is_valid():
            _store_file(request, candidate, upload_form)
            return redirect("selection:candidate", procedure.pk, candidate.pk)
    elif request.method == "POST":
        raise Http404
    own = {c.round: c for c in member.scorecards.filter(candidate=candidate)}
    rounds = [(n, name, own.get(n)) for n, name in ROUND_NAMES.items() if candidate.in_round(n)]
    context = {
        "candidate": candidate,
        "files": candidate.files.all(),
        "rounds": rounds,
        "edit_form": edit_form,
        "status_form": status_form,
        "upload_form": upload_form,
    }
    return page(request, member, "candidate", **context)


def _store_file(request, candidate, form) -> None:
    checked = form.checked
    upload = form.cleaned_data["file"]
    with transaction.atomic():
        record = CandidateFile.objects.create(
            candidate=candidate,
            kind=form.cleaned_data["kind"],
            original_name=uploads.safe_filename(upload.name)[:200],
            extension=checked.extension,
            size=len(checked.content),
            sha256=checked.sha256,
            uploaded_by=request.user,
        )
        uploads.store(record.stored_name, checked.content)
    audit(
        request,
        "selection.file_uploaded",
        candidate.procedure,
        candidate=str(candidate.pk),
        file=str(record.pk),
        kind=record.kind,
    )
    messages.success(request, f"{record.get_kind_display()} is opgeslagen.")


@procedure_view()
@require_POST
def declare(request, member, candidate_id):
    candidate = candidate_for(member, candidate_id)
    form = DeclarationForm(request.POST)
    if not form.is_valid():
        return page(request, member, "declare", status=400, candidate=candidate, form=form)
    # Declared before (another tab)? Then the first answer stands.
    with contextlib.suppress(IntegrityError), transaction.atomic():
        Declaration.objects.create(
            member=member, candidate=candidate, conflict=form.cleaned_data["conflict"]
        )
    conflict = member.declarations.get(candidate=candidate).conflict
    audit(
        request,
        "selection.declaration",
        member.procedure,
        candidate=str(candidate.pk),
        conflict=conflict,
    )
    if conflict:
        messages.info(
            request,
            "U heeft een band met deze kandidaat gemeld. U ziet deze kandidaat niet meer en "
            "beoordeelt hem of haar niet.",
        )
        return redirect("selection:detail", member.procedure_id)
    return redirect("selection:candidate", member.procedure_id, candidate.pk)


def require_declared(member, candidate) -> None:
    """Scores and files only after the member declared no conflict for this candidate."""
    if not member.declarations.filter(candidate=candidate, conflict=False).exists():
        raise Http404


@procedure_view()
@require_http_methods(["GET", "POST"])
def scorecard(request, member, candidate_id, round):
    from secretaris.selection.forms import ScorecardForm

    candidate = candidate_for(member, candidate_id)
    require_declared(member, candidate)
    if not member.scores or not candidate.in_round(round_number(round)):
        raise Http404
    card = own_scorecard(member, candidate, round)
    initial = {f"score_{k}": v for k, v in card.scores.items()}
    initial.update({f"evidence_{k}": v for k, v in card.evidence.items()})
    initial["advice"] = card.advice
    form = ScorecardForm(
        member.procedure, request.POST or None, initial=initial, amend=card.is_submitted
    )
    if request.method == "POST" and form.is_valid():
        outcome = save_scorecard(request, card, form, submit="submit" in request.POST)
        if outcome:
            messages.success(request, outcome)
            return redirect("selection:scorecard", member.procedure_id, candidate.pk, round)
    context = {
        "candidate": candidate,
        "round": round,
        "round_name": ROUND_NAMES[round],
        "card": card,
        "form": form,
        "criteria": _criteria_fields(form),
        "amendments": card.amendments.all() if card.pk else [],
    }
    return page(request, member, "scorecard", **context)


def _criteria_fields(form):
    return [(c, form[f"score_{c.key}"], form[f"evidence_{c.key}"]) for c in form.criteria]


@procedure_view()
def scorecards(request, member, candidate_id, round):
    """Everyone's scorecards for one candidate in one round, once the member may see them."""
    candidate = candidate_for(member, candidate_id)
    require_declared(member, candidate)
    board = Board.load(member.procedure, round_number(round))
    if candidate not in board.candidates:
        raise Http404
    allowed = board.may_see_scores(member, candidate)
    named = board.may_see_names(member, candidate)
    criteria = member.procedure.competencies()
    anonymous, advices = [], []
    if allowed and not named:
        cards = [card for _, card in board.submitted(candidate)]
        anonymous = [
            (c.name, sorted(card.scores[c.key] for card in cards))
            for c in member.procedure.competencies()
        ]
        labels = dict(ADVICES)
        advices = sorted(labels[card.advice].lower() for card in cards)
    if named:
        audit(
            request,
            "selection.scorecards_viewed",
            member.procedure,
            candidate=str(candidate.pk),
            round=round,
        )
    context = {
        "candidate": candidate,
        "round": round,
        "round_name": ROUND_NAMES[round],
        "allowed": allowed,
        "named": named,
        "cards": [
            (
                m,
                card,
                [(c.name, card.scores.get(c.key), card.evidence.get(c.key, "")) for c in criteria],
            )
            for m, card in board.submitted(candidate)
        ]
        if named
        else [],
        "anonymous": anonymous,
        "advices": advices,
        "submitted": len(board.submitted(candidate)),
        "expected": len(board.expected(candidate)),
    }
    return page(request, member, "scorecards", **context)


@procedure_view()
@require_http_methods(["GET", "POST"])
def calibration(request, member, round):
    round = round_number(round)
    if request.GET.get("format") == "json":
        return JsonResponse(as_json(calibrate(Board.load(member.procedure, round), member)))
    if request.method == "POST":
        rank_form = _save_committee_ranking(request, member, round)
        if rank_form is None:
            return redirect("selection:calibration", member.procedure_id, round)
        return _calibration_page(request, member, round, rank_form=rank_form)
    return calibration_cache.serve(
        request, member, round, lambda csrf: _calibration_page(request, member, round, csrf)
    )


def _calibration_page(
    request, member: Member, round: int, csrf_token: str | None = None, rank_form=None
) -> HttpResponse:
    """The page as this member may see it; `csrf_token` in place of the request's own."""
    result = calibrate(Board.load(member.procedure, round), member)
    for item in result.candidates:
        item.table = candidate_table(item) if item.rows else ""
    if member.manages and result.ranking_shown:
        rank_form = rank_form or RankForm([c.candidate for c in result.candidates])
        for item in result.candidates:
            item.rank_field = rank_form[f"rank_{item.candidate.pk.hex}"]
    else:
        rank_form = None
    context = {
        "calibration": result,
        "round": round,
        "round_name": ROUND_NAMES[round],
        "rank_form": rank_form,
        "active": f"cal{round}",
    }
    if csrf_token:
        context["csrf_token"] = csrf_token
    return page(request, member, "calibration", **context)


def _save_committee_ranking(request, member: Member, round: int) -> RankForm | None:
    """Store the committee's ranking after discussion; the bound form when it has errors."""
    result = calibrate(Board.load(member.procedure, round), member)
    if not (member.manages and result.ranking_shown):
        raise Http404
    visible = [c.candidate for c in result.candidates]
    rank_form = RankForm(visible, request.POST)
    if not rank_form.is_valid():
        return rank_form
    with transaction.atomic():
        for c in visible:
            c.committee_rank = rank_form.cleaned_data[f"rank_{c.pk.hex}"]
            c.save(update_fields=["committee_rank"])
    audit(request, "selection.committee_ranking", member.procedure, round=round)
    messages.success(request, "De rangorde van de commissie is opgeslagen.")
    return None


@procedure_view(manage=True)
@require_http_methods(["GET", "POST"])
def or_advice(request, member):
    procedure = member.procedure
    form = ORAdviceForm(request.POST or None, instance=procedure)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit(request, "selection.or_advice", procedure, advice=procedure.or_advice)
        messages.success(request, "Het advies van de OR is vastgelegd.")
        return redirect("selection:detail", procedure.pk)
    return page(request, member, "or_advice", form=form)
