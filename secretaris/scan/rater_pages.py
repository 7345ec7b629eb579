"""What a rater's pages show, and the questionnaire pages rendered once per scan.

`context()` is what every rater page gets. A competency page is rendered blank once per
scan, page and kind of rater (self or other) and kept in the cache (see page_cache.py);
`warm()` does that for every page as soon as the scan opens, in the worker that sends the
invitations, so that the raters who open their link first do not wait for it.
"""

from __future__ import annotations

import copy

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from secretaris.competencies.model import Competency
from secretaris.scan import page_cache
from secretaris.scan.forms import CompetencyPageForm, IntroForm
from secretaris.scan.models import Rater, Scan, minutes_for


def context(rater: Rater, token: str, **extra) -> dict:
    competencies = rater.scan.competencies()
    step = extra.get("step")
    return {
        "rater": rater,
        "scan": rater.scan,
        "token": token,
        "competencies": competencies,
        "total_steps": len(competencies),
        "minutes_total": minutes_for(len(competencies)),
        "minutes_left": minutes_for(len(competencies) - step + 1) if step else None,
        **extra,
    }


def _scan_parts(scan: Scan) -> tuple:
    """What every stored rater page shows of its scan: its version and the two names."""
    return scan.pk, scan.lock_version, scan.updated_at, scan.secretary_name, scan.gemeente.name


def step_key(scan: Scan, step: int, is_self: bool) -> str:
    """Everything a blank competency page shows besides the rater's link, token and
    answers (see page_cache.py)."""
    return page_cache.page_key(*_scan_parts(scan), step, is_self)


def blank_step(
    request: HttpRequest, rater: Rater, token: str, competency: Competency, step: int
) -> HttpResponse:
    """A competency page without answers, with the CSRF marker for page_cache.serve."""
    page = context(
        rater,
        token,
        form=CompetencyPageForm(competency=competency),
        competency=competency,
        step=step,
        csrf_token=page_cache.CSRF_MARK,
    )
    return render(request, "scan/rater/step.html", page)


def serve_intro(request: HttpRequest, rater: Rater, token: str) -> HttpResponse:
    """The explanation page from the cache: per scan, group and whether the rater started
    (the button's words); the rater's name, link, CSRF token and choice filled in."""
    group = rater.group
    key = page_cache.page_key(
        "intro",
        *_scan_parts(rater.scan),
        group.name,
        group.is_self,
        group.is_single_role,
        rater.started_at is not None,
    )

    def blank(marked_request: HttpRequest, marked_token: str) -> HttpResponse:
        stand_in = copy.copy(rater)
        stand_in.name = page_cache.NAME_MARK
        form = IntroForm(rater=stand_in)
        for field in form.fields.values():
            field.initial = None  # marked per rater (IntroForm.chosen)
        page = context(stand_in, marked_token, form=form, csrf_token=page_cache.CSRF_MARK)
        return render(marked_request, "scan/rater/intro.html", page)

    marks = {page_cache.NAME_MARK: rater.name}
    return page_cache.serve(request, token, key, blank, IntroForm.chosen(rater), marks)


def serve_thanks(request: HttpRequest, rater: Rater, token: str) -> HttpResponse:
    """The thank-you page from the cache: per scan, kind of rater and day of sending."""
    key = page_cache.page_key(
        "thanks",
        *_scan_parts(rater.scan),
        rater.group.is_self,
        timezone.localdate(rater.finished_at),
    )

    def blank(marked_request: HttpRequest, marked_token: str) -> HttpResponse:
        return render(marked_request, "scan/rater/thanks.html", context(rater, marked_token))

    return page_cache.serve(request, token, key, blank, {})


def warm(scan: Scan) -> None:
    """Render every competency page of an open scan into the cache, for raters who assess
    themselves and for the others (one rater of each kind stands in). Pages already stored
    are left alone."""
    for is_self in (True, False):
        rater = (
            Rater.objects.select_related("scan__gemeente", "scan__secretary", "group")
            .filter(scan=scan, approved=True, group__is_self=is_self)
            .first()
        )
        if rater is None:
            continue
        for step, competency in enumerate(scan.competencies(), 1):
            request = HttpRequest()
            request.method = "GET"
            request.path = request.path_info = reverse(
                "scan:answer_step", args=[page_cache.TOKEN_MARK, step]
            )
            request.user = AnonymousUser()
            page_cache.store_blank(
                step_key(rater.scan, step, is_self),
                lambda r=rater, c=competency, s=step, q=request: blank_step(
                    q, r, page_cache.TOKEN_MARK, c, s
                ),
            )
