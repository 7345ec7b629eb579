from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
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
from secretaris.profiles.drafting import (
    apply_suggestions,
    current_snapshot,
    draft_profile,
    use_imported_figures,
)
from secretaris.profiles.forms import GrantForm, NewProfileForm, initial_for
from secretaris.profiles.lifecycle import delete_profile, set_archived
from secretaris.profiles.logo import MAX_BYTES as LOGO_MAX_BYTES
from secretaris.profiles.models import Profile
from secretaris.profiles.notes import editor_notes
from secretaris.profiles.presenter import profile_document
from secretaris.profiles.refresh import snapshot_changes, suggestion_changes
from secretaris.security_headers import accepts_uploads

CONFLICT = (
    "Iemand anders heeft deze profielschets opgeslagen terwijl u bezig was. Uw wijzigingen "
    "zijn niet opgeslagen, maar staan hieronder nog. Hieronder ziet u ook wat de ander "
    "opsloeg. Neem over wat u wilt bewaren en sla opnieuw op."
)


@login_required
def index(request):
    profiles = list(
        objects_for(request.user, Profile.objects.latest_versions())
        .select_related("gemeente", "updated_by")
        .order_by("-updated_at")
    )
    return render(
        request,
        "profiles/index.html",
        {
            "profiles": [p for p in profiles if not p.is_archived],
            "archived": [p for p in profiles if p.is_archived],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    form = NewProfileForm(request.POST or None, initial={"gemeente": request.GET.get("gemeente")})
    if request.method == "POST" and form.is_valid():
        existing = objects_for(request.user, Profile.objects.latest_versions()).filter(
            gemeente=form.cleaned_data["gemeente"], archived_at__isnull=True
        )
        if existing.exists() and "toch_nieuw" not in request.POST:
            return render(
                request, "profiles/new.html", {"form": form, "existing": existing.first()}
            )
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
            "notes": SimpleLazyObject(lambda: editor_notes(profile)),
        },
    )


@accepts_uploads(lambda: LOGO_MAX_BYTES + 1024 * 1024)  # a logo on the first step
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
        form = spec.form(request.POST, request.FILES, profile=profile, user=request.user)
        if form.is_valid():
            changes = form.changes()
            if profile.save_changes(request.user, form.cleaned_data["lock_version"], **changes):
                audit(request, "profile.edit", profile, step=step, fields=sorted(changes))
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
            "notes": _notes_for(profile, step),
            "bestuur_author": _bestuur_author(profile) if step == "bestuur" else None,
        },
    )


#: Which editor notes each step shows (notes.py): the ones the step can resolve.
NOTES_ON_STEP = {
    "competenties": ("onbekend", "gegevens"),
    "bestuur": ("onbekend", "gegevens"),
    "vacature": ("vacature",),
}


def _notes_for(profile: Profile, step: str) -> dict[str, list[str]]:
    keys = NOTES_ON_STEP.get(step, ())
    if not keys:
        return {}
    notes = editor_notes(profile)
    return {key: notes[key] for key in keys}


def _bestuur_author(profile: Profile) -> str:
    """Who last saved the bestuur notes: shown only in the editor, to people with access."""
    from django.contrib.auth import get_user_model

    author_id = (profile.bestuur or {}).get("author_id")
    user = get_user_model().objects.filter(pk=author_id).first() if author_id else None
    return (user.get_full_name() or user.get_username()) if user else ""


@login_required
@require_POST
def refresh(request, pk: int):
    """Recompute the suggestions from the (current) dossier; choices and notes stay."""
    profile = get_object_for(request, Profile, "bewerker", pk=pk)
    if profile.is_frozen:
        raise Http404
    before = Profile(situational=profile.situational, type_suggested=profile.type_suggested)
    since = profile.snapshot_at
    snapshot = current_snapshot(profile.gemeente)
    dossier = snapshot_changes(profile.snapshot, snapshot)
    profile.snapshot = snapshot
    use_imported_figures(profile, request.user)  # Organisatiebeeld hook (#13)
    apply_suggestions(profile)
    suggestions = suggestion_changes(before, profile)
    saved = profile.save_changes(
        request.user,
        _lock_version(request),
        snapshot=snapshot,
        snapshot_at=timezone.now(),
        organisation=profile.organisation,
        situational=profile.situational,
        type_suggested=profile.type_suggested,
        type_reasons=profile.type_reasons,
    )
    if not saved:
        messages.error(request, CONFLICT.split(". ")[0] + ". Probeer het opnieuw.")
        return redirect("profiles:edit", profile.pk, "competenties")
    audit(request, "profile.refresh", profile, dossier=dossier, suggestions=suggestions)
    when = timezone.localtime(since).strftime("%d-%m-%Y") if since else "het begin"
    if dossier or suggestions:
        messages.success(
            request,
            f"Opnieuw berekend uit het dossier van vandaag. Veranderd sinds {when}: "
            + " ".join(dossier + suggestions),
        )
    else:
        messages.success(
            request,
            f"Opnieuw berekend uit het dossier van vandaag. Sinds {when} is er niets "
            "veranderd dat de suggesties raakt.",
        )
    return redirect("profiles:edit", profile.pk, "competenties")


@login_required
@require_http_methods(["GET", "POST"])
def finalise(request, pk: int):
    """GET asks for confirmation; POST makes the version definitief."""
    profile = get_object_for(request, Profile, "bewerker", pk=pk)
    if request.method == "GET":
        if profile.is_frozen:
            return redirect(profile)
        return render(
            request,
            "profiles/confirm.html",
            {
                "profile": profile,
                "action": "finalise",
                "question": f"Versie {profile.number} definitief maken?",
                "explanation": "Een definitieve versie ligt vast. Wijzigen kan daarna alleen "
                "in een nieuwe versie. Controleer eerst het document.",
                "notes": editor_notes(profile),
                "button": "Ja, definitief maken",
            },
        )
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
@require_POST
def archive(request, pk: int):
    """Archive or bring back the whole profile (every version); eigenaar only, logged."""
    profile = get_object_for(request, Profile, "eigenaar", pk=pk)
    archived = request.POST.get("archief") == "1"
    set_archived(profile, archived)
    audit(request, "profile.archive" if archived else "profile.unarchive", profile)
    messages.success(
        request,
        "De profielschets staat in het archief." if archived else "De profielschets is terug.",
    )
    return redirect("profiles:index")


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, pk: int):
    """Delete the whole profile after confirmation; eigenaar only, logged."""
    profile = get_object_for(request, Profile, "eigenaar", pk=pk)
    if request.method == "GET":
        return render(
            request,
            "profiles/confirm.html",
            {
                "profile": profile,
                "action": "delete",
                "question": f"Profielschets {profile.gemeente.name} verwijderen?",
                "explanation": "Alle versies worden verwijderd, ook de definitieve. Dit kan "
                "niet ongedaan worden gemaakt. Wilt u hem alleen opzijzetten? Kies dan "
                "archiveren.",
                "button": "Ja, alle versies verwijderen",
            },
        )
    audit(
        request,
        "profile.delete",
        profile,
        gemeente=profile.gemeente.code,
        versions=profile.versions().count(),
    )
    count = delete_profile(profile)
    messages.success(request, f"De profielschets is verwijderd ({count} versies).")
    return redirect("profiles:index")


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
