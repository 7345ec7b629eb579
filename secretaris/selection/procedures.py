"""Starting a procedure and inviting its committee.

    procedure = start_procedure(profile, user, title="Gemeentesecretaris Utrecht 2026",
                                role=Member.SECRETARIS)
    member, sent = invite_member(procedure, name="Bea de Boer", email="bea@...",
                                 role=Member.LID, by=user)

An invitation goes to an account: a person without one gets an account without a password,
and the email carries a link to choose one (Django's password reset token, valid for
PASSWORD_RESET_TIMEOUT). The email names the municipality and the vacancy, never a
candidate.
"""

from __future__ import annotations

import smtplib
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from secretaris.accounts.audit import audit
from secretaris.profiles.models import Profile
from secretaris.selection.models import Member, Procedure
from secretaris.selection.questions import create_questions

DEFAULT_REJECTION = {
    "werving": (
        "Beste {naam},\n\nDank voor uw sollicitatie naar de functie van {functie} bij de "
        "gemeente {gemeente}. De benoemingsadviescommissie heeft alle brieven zorgvuldig "
        "gelezen en vergeleken met de profielschets. Wij nodigen u niet uit voor een gesprek. "
        "Andere kandidaten sluiten beter aan bij het profiel.\n\nWilt u een toelichting? Bel "
        "of mail dan de secretaris van de commissie.\n\nWij bewaren uw gegevens tot vier weken "
        "na het einde van de procedure{bewaren}; daarna verwijderen wij ze.\n\nMet vriendelijke "
        "groet,\n\n{voorzitter}\nvoorzitter van de benoemingsadviescommissie"
    ),
    "eerste_ronde": (
        "Beste {naam},\n\nDank voor het gesprek met de benoemingsadviescommissie voor de "
        "functie van {functie} bij de gemeente {gemeente}. De commissie heeft de gesprekken "
        "vergeleken met de criteria uit de profielschets. Wij nodigen u niet uit voor de "
        "tweede ronde.\n\nDe voorzitter licht dit graag mondeling toe.\n\nWij bewaren uw "
        "gegevens tot vier weken na het einde van de procedure{bewaren}; daarna verwijderen "
        "wij ze.\n\nMet vriendelijke groet,\n\n{voorzitter}\nvoorzitter van de "
        "benoemingsadviescommissie"
    ),
    "tweede_ronde": (
        "Beste {naam},\n\nDank voor uw tijd en inzet in de tweede ronde voor de functie van "
        "{functie} bij de gemeente {gemeente}. Het was een sterke procedure met goede "
        "kandidaten. De commissie draagt een andere kandidaat voor aan het college.\n\nDe "
        "voorzitter belt u om dit toe te lichten.\n\nWij bewaren uw gegevens tot vier weken na "
        "het einde van de procedure{bewaren}; daarna verwijderen wij ze.\n\nMet vriendelijke "
        "groet,\n\n{voorzitter}\nvoorzitter van de benoemingsadviescommissie"
    ),
}


def criteria_from(profile: Profile) -> list[dict[str, Any]]:
    """The profile's core competencies and its chosen situational ones, weight 1 each."""
    from secretaris.competencies.model import get_model

    model = get_model(profile.model_version)
    chosen = {item["key"] for item in profile.chosen_situational()}
    keys = [c.key for c in model.core] + [c.key for c in model.situational if c.key in chosen]
    return [{"key": key, "weight": 1} for key in keys]


class NotDefinitief(Exception):
    """A procedure starts only from a definitief profielschets."""


def start_procedure(profile: Profile, user: Any, title: str, role: str) -> Procedure:
    if not profile.is_frozen:
        raise NotDefinitief
    with transaction.atomic():
        procedure = Procedure.objects.create(
            profile=profile,
            gemeente=profile.gemeente,
            title=title,
            model_version=profile.model_version,
            criteria=criteria_from(profile),
            rejection_templates=dict(DEFAULT_REJECTION),
            created_by=user,
        )
        Member.objects.create(procedure=procedure, user=user, role=role)
        create_questions(procedure)
    audit(None, "selection.procedure_started", procedure, user=user, profile=profile.pk)
    return procedure


class AlreadyMember(Exception):
    pass


def invite_member(
    procedure: Procedure, *, name: str, email: str, role: str, function: str = "", by: Any
) -> tuple[Member, bool]:
    """Add a member (making an account if needed) and email them; (member, email sent)."""
    users = get_user_model()
    user = users.objects.filter(email__iexact=email).order_by("pk").first()
    first, _, last = name.strip().partition(" ")
    if user is None:
        user = users.objects.create_user(
            username=_free_username(email), email=email, first_name=first, last_name=last
        )  # no password: chosen through the link in the email
    elif not user.get_full_name() and first:
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
    earlier = procedure.members.filter(user=user).first()
    if earlier is not None and earlier.removed_at is None:
        raise AlreadyMember
    if earlier is not None:  # taken off before, back now: their old cards count again
        earlier.role, earlier.function, earlier.removed_at = role, function, None
        earlier.save(update_fields=["role", "function", "removed_at"])
        member = earlier
    else:
        member = Member.objects.create(procedure=procedure, user=user, role=role, function=function)
    audit(None, "selection.member_added", procedure, user=by, member=user.get_username(), role=role)
    sent = send_invitation(member)
    return member, sent


def _free_username(email: str) -> str:
    users = get_user_model()
    base = email.split("@")[0][:140] or "lid"
    name, n = base, 2
    while users.objects.filter(username=name).exists():
        name, n = f"{base}{n}", n + 1
    return name


def send_invitation(member: Member) -> bool:
    user = member.user
    set_password = ""
    if not user.has_usable_password():
        path = reverse(
            "password_reset_confirm",
            args=[
                urlsafe_base64_encode(force_bytes(user.pk)),
                default_token_generator.make_token(user),
            ],
        )
        set_password = settings.SITE_URL.rstrip("/") + path
    context = {
        "member": member,
        "procedure": member.procedure,
        "link": settings.SITE_URL.rstrip("/") + member.procedure.get_absolute_url(),
        "set_password": set_password,
        "username": user.get_username(),
    }
    with translation.override("nl"):
        body = render_to_string("selection/email/invitation.txt", context)
    message = EmailMessage(
        subject=f"Uitnodiging: benoemingsadviescommissie gemeente {member.procedure.gemeente.name}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    try:
        delivered = message.send()
    except (smtplib.SMTPException, OSError):
        return False
    if delivered:
        Member.objects.filter(pk=member.pk).update(invited_at=timezone.now())
    return bool(delivered)


def rejection_letter(procedure: Procedure, candidate: Any, phase: str) -> str:
    template = procedure.rejection_templates.get(phase) or DEFAULT_REJECTION[phase]
    chair = (
        procedure.members.filter(role=Member.VOORZITTER, removed_at__isnull=True)
        .select_related("user")
        .first()
    )
    keep = " (of een jaar, als u daar toestemming voor gaf)" if candidate.consent_keep_year else ""
    values = {
        "naam": candidate.name,
        "functie": procedure.profile.title.lower(),
        "gemeente": procedure.gemeente.name,
        "voorzitter": chair.name if chair else "de voorzitter",
        "bewaren": keep,
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template  # a hand-edited template with a stray brace stays readable
