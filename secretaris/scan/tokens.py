"""Personal links for raters: an unguessable token in the email, only its hash stored.

    token = issue(rater)          # a fresh token; the rater's previous link stops working
    answer_url(token)             # https://…/scan/antwoord/<token>/
    rater_for(token)              # the rater, or None when unknown, replaced or expired

A link works while its scan is open and before the scan's deadline. An unknown token and
an expired one look the same from outside, so nobody learns whether a token ever existed.
"""

from __future__ import annotations

import hashlib
import secrets
from contextlib import nullcontext
from datetime import datetime

from django.conf import settings
from django.urls import reverse

from secretaris.scan.models import Answer, Comment, Rater
from secretaris.scan.prepared import Prepared, pipeline

TOKEN_BYTES = 32  # 256 bits: 43 characters in the URL
MAX_TOKEN_LENGTH = 64
# Every questionnaire request starts here: compiled once (see prepared.py).
# Left out: what no rater page shows. The municipality's dossier blobs (register, Iv3
# figures, partnerships) took more time to decode than the rest of the lookup, and each
# date-time column costs a parse on PostgreSQL; the secretary is shown by name only.
UNSEEN_BY_RATERS = (
    "created_at",
    "invited_at",
    "reminded_at",
    "flag_confirmed_at",
    "scan__created_at",
    "scan__secretary_accepted_at",
    "scan__closed_at",
    "scan__gemeente__register",
    "scan__gemeente__financien",
    "scan__gemeente__samenwerking",
    "scan__secretary__password",
    "scan__secretary__last_login",
    "scan__secretary__date_joined",
    "scan__secretary__email",
)
RATER_BY_HASH = Prepared(
    lambda value: (
        Rater.objects.select_related("scan", "scan__gemeente", "scan__secretary", "group")
        .defer(*UNSEEN_BY_RATERS)
        .filter(token_hash=value, approved=True)[:1]
    )
)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """SHA-256 in hex. Plain SHA-256 suffices: the token has 256 bits of randomness, so
    there is nothing to guess that a slow hash would protect."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(rater: Rater) -> str:
    """A new token for `rater`; only its hash is stored, any earlier token stops working."""
    token = new_token()
    rater.token_hash = token_hash(token)
    Rater.objects.filter(pk=rater.pk).update(token_hash=rater.token_hash)
    return token


def answer_url(token: str) -> str:
    """The absolute link for the email (SITE_URL + path)."""
    return settings.SITE_URL.rstrip("/") + reverse("scan:answer", args=[token])


# A rater's earlier answers and texts by the link (see rater_for's `with_answers`).
ANSWERS_BY_HASH = Prepared(
    lambda value: Answer.objects.filter(rater__token_hash=value, rater__approved=True).values_list(
        "indicator", "score"
    )
)
COMMENTS_BY_HASH = Prepared(
    lambda value: Comment.objects.filter(rater__token_hash=value, rater__approved=True).values_list(
        "competency", "kind", "text"
    )
)


def rater_for(token: str, now: datetime | None = None, with_answers: bool = False) -> Rater | None:
    """The rater whose link this is, while the link works; None otherwise. With
    `with_answers`, for a page that shows what the rater saved before, their answers and
    texts are asked for in the same round trip (Rater.own_answers reads them)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    hashed = token_hash(token)
    with pipeline() if with_answers else nullcontext():
        found = RATER_BY_HASH.send(hashed)
        if with_answers:
            answers = ANSWERS_BY_HASH.send(hashed), COMMENTS_BY_HASH.send(hashed)
    rater = found.first()
    if rater is None or not rater.scan.accepts_answers(now):
        return None
    if with_answers:
        rater.sent_answers = answers
    return rater
