"""Filling in, submitting and amending one's own scorecard.

A draft may be saved incomplete. Submitting needs a score for every criterion and an
overall advice; from then on the card is locked: a change needs a reason, and the old and
new values are kept (Amendment) and logged.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from secretaris.accounts.audit import audit
from secretaris.selection.models import Candidate, Member, Scorecard

OTHER_WINDOW = (
    "U heeft deze scorekaart net in een ander venster opgeslagen. Laad de pagina opnieuw; "
    "uw invoer hieronder is niet opgeslagen."
)


def own_scorecard(member: Member, candidate: Candidate, round: int) -> Scorecard:
    """The member's card for this candidate and round; a new, unsaved one if none yet."""
    card = Scorecard.objects.filter(member=member, candidate=candidate, round=round).first()
    return card or Scorecard(member=member, candidate=candidate, round=round)


def save_scorecard(request: HttpRequest, card: Scorecard, form, submit: bool) -> str | None:
    """Store the form's values; a Dutch message on success, None when the form got errors."""
    values = form.values()
    procedure = card.member.procedure
    detail = {"candidate": str(card.candidate_id), "round": card.round}
    if card.is_submitted:
        if not form.check_complete():
            return None
        amendment = card.amend(request.user, form.cleaned_data["reason"].strip(), **values)
        audit(request, "selection.scorecard_amended", procedure, amendment=amendment.pk, **detail)
        return "Uw scorekaart is aangepast. De reden is vastgelegd."
    card.scores, card.evidence, card.advice = values["scores"], values["evidence"], values["advice"]
    if submit and not form.check_complete():
        return None
    try:
        with transaction.atomic():
            card.submit() if submit else card.save()
    except IntegrityError:  # the same card was first saved in another window just now
        form.add_error(None, OTHER_WINDOW)
        return None
    if submit:
        audit(request, "selection.scorecard_submitted", procedure, **detail)
        return "Uw scorekaart is ingestuurd. U ziet nu ook de scores van de anderen."
    return "Uw concept is opgeslagen. Het telt pas mee als u het instuurt."
