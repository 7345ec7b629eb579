"""Who may open what in a selection procedure.

Only members of the committee see a procedure; everyone else (beheerders included, and
members taken off the committee: committee.py) gets 404, so nobody can find out which
procedures or candidates exist. Every member uses two-factor authentication and accepts
the confidentiality statement before seeing anything. A member who declared a conflict of
interest for a candidate gets 404 on every page of that candidate. Whether a member may
see other members' scores is decided in board.py.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from secretaris.accounts.login_flow import uses_two_factor
from secretaris.scan.prepared import NUMBER, Prepared
from secretaris.selection.models import Candidate, Declaration, Member

TWO_FACTOR_NEEDED = (
    "Voor een selectieprocedure is tweestapsverificatie verplicht. Zet die eerst aan; "
    "daarna kunt u verder."
)


# A user's memberships, with their procedures (the gemeente only where a page shows it):
# one query on every selection page, compiled once (scan/prepared.py). A user is in a
# handful of procedures at most; the one asked for is picked here.
MEMBERSHIPS = Prepared(
    lambda user_id: (
        Member.objects.select_related("procedure")
        .filter(user_id=user_id, removed_at__isnull=True)
        .order_by()
    ),
    NUMBER,
)


def membership(user: Any, procedure_id: Any) -> Member | None:
    if not user.is_authenticated or not user.is_active:
        return None
    try:
        wanted = procedure_id if isinstance(procedure_id, UUID) else UUID(str(procedure_id))
    except ValueError:
        return None
    for member in MEMBERSHIPS.all(user.pk):
        if member.procedure_id == wanted:
            member.user = user
            return member
    return None


def procedure_view(manage: bool = False, statement: bool = False) -> Callable:
    """Wrap a view `view(request, member, **kwargs)` taking the procedure id as `pk`.

    `manage`: only the chair and the committee's secretary. `statement`: the page of the
    confidentiality statement itself (reachable before it is accepted).
    """

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @never_cache
        @wraps(view)
        def wrapped(request: HttpRequest, pk: Any, **kwargs: Any) -> HttpResponse:
            member = membership(request.user, pk)
            if member is None:
                raise Http404
            if not uses_two_factor(request.user):
                messages.warning(request, TWO_FACTOR_NEEDED)
                return redirect("two_factor_setup")
            if not statement and member.confidentiality_accepted_at is None:
                return redirect("selection:statement", member.procedure_id)
            if manage and not member.manages:
                raise PermissionDenied
            return view(request, member, **kwargs)

        return wrapped

    return decorate


def _recused_from(member: Member):
    """The ids of the candidates this member declared a conflict for (one subquery; an
    exclude() over two conditions on declarations would match different rows)."""
    return Declaration.objects.filter(member=member, conflict=True).values("candidate_id")


def candidate_for(member: Member, candidate_id: Any) -> Candidate:
    """The candidate of this procedure, unless the member declared a conflict: then 404."""
    candidate = (
        Candidate.objects.filter(procedure=member.procedure_id, pk=candidate_id)
        .exclude(pk__in=_recused_from(member))
        .first()
    )
    if candidate is None:
        raise Http404
    return candidate


def visible_candidates(member: Member):
    return member.procedure.candidates.exclude(pk__in=_recused_from(member))
