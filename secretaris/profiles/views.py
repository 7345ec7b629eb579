from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_POST

from secretaris.accounts.access import (
    get_object_for,
    grant,
    grants_for,
    has_access,
    objects_for,
    revoke,
)
from secretaris.accounts.audit import audit
from secretaris.accounts.sessions import recent_password_required
from secretaris.documents.html import render_html
from secretaris.forms import posted_int
from secretaris.profiles import steps
from secretaris.profiles.compare import compare_versions
from secretaris.profiles.drafting import apply_suggestions, draft_profile
from secretaris.profiles.forms import GrantForm, NewProfileForm, initial_for
from secretaris.profiles.models import Profile
from secretaris.profiles.presenter import profile_document

CONFLICT = (
    "Iemand anders heeft deze profielschets opgeslagen terwijl u bezig was. Uw wijzigingen "
    "zijn niet opgeslagen, maar staan hieronder nog. Hieronder ziet u ook wat de ander "
    "opsloeg. Neem over wat u wilt bewaren en sla opnieuw op."
)


@login_required
def index(request):
    profiles = (
        objects_for(request.user, Profile.objects.latest_versions())
        .select_related("gemeente", "updated_by")
        .order_by("-updated_at")
    )
    return render(request, "profiles/index.html", {"profiles": profiles})


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    form = NewProfileForm(request.POST or None, initial={"gemeente": request.GET.get("gemeente")})
    if request.method == "POST" and form.is_valid():
        profile = draft_profile(form.cleaned_data["gemeente"], request.user)
        grant(request.user, profile, "eigenaar", by=request.user)
        audit(request, "profile.create", profile)
        messages.success(
            request, "De profielschets is aangemaakt en vooringevuld uit het gemeentedossier."
        )
        return redirect("profiles:edit", profile.pk, steps.STEPS[0].slug)
    return render(request, "profiles/new.html", {"form": form})


@login_required
def detail(request, pk: int):
    readable = Profile.objects.select_related("gemeente", "updated_by").defer("snapshot")
    profile = get_object_for(request, readable, "lezer", pk=pk)
    return render(
        request,
        "profiles/detail.html",
        {
            "profile": profile,
            # Rendered only when the cached preview of this version is missing.
            "document": SimpleLazyObject(lambda: render_html(profile_document(profile))),
            "steps": steps.STEPS,
            "can_edit": _can(request, profile, "bewerker"),
            "is_owner": _can(request, profile, "eigenaar"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int, step: str):
    # The dossier snapshot is loaded only if a form needs it (on a cache miss).
    editable = Profile.objects.select_related("gemeente").defer("snapshot")
    profile = get_object_for(request, editable, "bewerker", pk=pk)
    spec = steps.BY_SLUG.get(step)
    if spec is None:
        raise Http404
    if profile.is_frozen:
        messages.warning(
            request,
            "Deze versie is definitief en kan niet meer veranderen. "
            "Maak een nieuwe versie om verder te werken.",
        )
        return redirect(profile)
    number, next_step = steps.position(step)
    conflict = None
    if request.method == "POST":
        form = spec.form(request.POST, profile=profile)
        if form.is_valid():
            if profile.save_changes(
                request.user, form.cleaned_data["lock_version"], **form.changes()
            ):
                audit(request, "profile.edit", profile, step=step)
                messages.success(request, f"Stap {number} ({spec.title}) is opgeslagen.")
                if "opslaan_en_verder" in request.POST and next_step:
                    return redirect("profiles:edit", profile.pk, next_step.slug)
                if "opslaan_en_verder" in request.POST:
                    return redirect(profile)
                return redirect("profiles:edit", profile.pk, step)
            profile.refresh_from_db()
            conflict = spec.form(initial=initial_for(spec.form, profile), profile=profile)
            form.add_error(None, CONFLICT)
    else:
        # Built only when the cached form of this version and step is missing.
        form = SimpleLazyObject(
            lambda: spec.form(initial=initial_for(spec.form, profile), profile=profile)
        )
    return render(
        request,
        "profiles/edit.html",
        {
            "profile": profile,
            "form": form,
            "step": spec,
            "number": number,
            "next_step": next_step,
            "steps": steps.STEPS,
            "conflict": conflict,
            "cacheable": request.method == "GET",
        },
    )


@login_required
@require_POST
def refresh(request, pk: int):
    """Recompute the suggestions from the (current) dossier; choices and notes stay."""
    profile = get_object_for(request, Profile, "bewerker", pk=pk)
    if profile.is_frozen:
        raise Http404
    apply_suggestions(profile)
    changed = profile.save_changes(
        request.user,
        _lock_version(request),
        situational=profile.situational,
        type_suggested=profile.type_suggested,
        type_reasons=profile.type_reasons,
    )
    if changed:
        messages.success(request, "De suggesties zijn opnieuw berekend.")
    else:
        messages.error(request, CONFLICT.split(". ")[0] + ". Probeer het opnieuw.")
    return redirect("profiles:edit", profile.pk, "competenties")


@login_required
@require_POST
def finalise(request, pk: int):
    profile = get_object_for(request, Profile, "bewerker", pk=pk)
    if profile.finalise(request.user, _lock_version(request)):
        audit(request, "profile.finalise", profile)
        messages.success(request, f"Versie {profile.number} is definitief.")
    else:
        messages.error(
            request,
            "Dat kon niet: de profielschets is intussen gewijzigd of al "
            "definitief. Bekijk de nieuwste stand en probeer het opnieuw.",
        )
    return redirect(profile)


@login_required
@require_POST
def new_version(request, pk: int):
    profile = get_object_for(request, Profile, "bewerker", pk=pk)
    latest = profile.versions().last()
    if latest.status == Profile.CONCEPT:
        messages.info(request, f"Er is al een conceptversie ({latest.number}); u werkt daarin.")
        return redirect(latest)
    copy = latest.new_version(request.user)
    for g in grants_for(latest):  # everyone keeps their access to the new version
        grant(g.user, copy, g.role, by=request.user)
    audit(request, "profile.new_version", copy, based_on=latest.number)
    messages.success(request, f"Versie {copy.number} is gemaakt als concept.")
    return redirect(copy)


@login_required
def versions(request, pk: int):
    profile = get_object_for(request, Profile, "lezer", pk=pk)
    history = list(profile.versions().select_related("updated_by", "finalised_by"))
    a = _version(history, request.GET.get("a"))
    b = _version(history, request.GET.get("b"))
    changes = compare_versions(a, b) if a and b and a != b else None
    return render(
        request,
        "profiles/versions.html",
        {
            "profile": profile,
            "history": history,
            "a": a,
            "b": b,
            "changes": changes,
        },
    )


def _version(history: list[Profile], number: str | None) -> Profile | None:
    return next((p for p in history if str(p.number) == number), None)


@login_required
def document(request, pk: int, kind: str):
    profile = get_object_for(request, Profile, "lezer", pk=pk)
    doc = profile_document(profile)
    name = f"profielschets-{profile.gemeente.slug}-v{profile.number}"
    if kind == "pdf":
        from secretaris.documents.pdf import render_pdf

        body, content_type = render_pdf(doc), "application/pdf"
    elif kind == "docx":
        from secretaris.documents.docx import render_docx

        body = render_docx(doc)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        raise Http404
    audit(request, f"profile.download_{kind}", profile)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


@login_required
@recent_password_required
@require_http_methods(["GET", "POST"])
def access(request, pk: int):
    profile = get_object_for(request, Profile, "eigenaar", pk=pk)
    form = GrantForm(request.POST or None)
    if request.method == "POST" and "revoke" in request.POST:
        revoke_pk = posted_int(request.POST, "revoke")
        user = get_user_model().objects.filter(pk=revoke_pk).first() if revoke_pk else None
        if user and user != request.user:
            with transaction.atomic():
                for version in profile.versions():
                    revoke(user, version, by=request.user)
                audit(request, "profile.revoke", profile, to=user.get_username())
            messages.success(request, f"{user.get_username()} heeft geen toegang meer.")
        return redirect("profiles:access", profile.pk)
    if request.method == "POST" and form.is_valid():
        user, role = form.cleaned_data["username"], form.cleaned_data["role"]
        with transaction.atomic():
            for version in profile.versions():
                grant(user, version, role, by=request.user)
            audit(request, "profile.grant", profile, to=user.get_username(), role=role)
        messages.success(request, f"{user.get_username()} heeft nu toegang.")
        return redirect("profiles:access", profile.pk)
    return render(
        request,
        "profiles/access.html",
        {
            "profile": profile,
            "form": form,
            "grants": grants_for(profile),
        },
    )


def _lock_version(request) -> int:
    """The lock version the page was loaded with; -1 (always a conflict) when malformed."""
    lock = posted_int(request.POST, "lock_version")
    return -1 if lock is None else lock


def _can(request, profile: Profile, role: str) -> bool:
    return has_access(request.user, profile, role)
