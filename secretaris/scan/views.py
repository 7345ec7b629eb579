"""Pages of the ontwikkelscan.

Management pages (login, secretary = eigenaar, coordinator = bewerker, others 404) and the
questionnaire that raters open from their personal link, without an account. No page
shows an individual answer: the dashboard counts, the questionnaire shows a rater only
their own answers while they are still filling them in.
"""

from __future__ import annotations

from functools import partial, wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from secretaris.accounts.access import get_object_for, has_access, is_beheerder, objects_for
from secretaris.accounts.audit import audit
from secretaris.accounts.sessions import recent_password_required
from secretaris.competencies.model import CURRENT_VERSION, MODELS, get_model
from secretaris.jobs.models import Job
from secretaris.jobs.queue import enqueue, pending
from secretaris.scan import invitations, mail_jobs, page_cache, rater_pages
from secretaris.scan.forms import (
    CloseForm,
    CompetencyPageForm,
    GemeenteForm,
    GroupsForm,
    IntroForm,
    NewGroupForm,
    NewScanForm,
    NominationForm,
    PostedPage,
    ScanSettingsForm,
)
from secretaris.scan.models import (
    AlreadyFinished,
    NotReady,
    Rater,
    Scan,
    ScanClosed,
    minutes_for,
    newest_definitief_profile,
    start_scan,
)
from secretaris.scan.sybil import scan_flags
from secretaris.scan.tokens import rater_for

QUEUED = (
    "{what} nu op de achtergrond weg. Onder 'E-mail op de achtergrond' ziet u hoe het "
    "gaat; ververs de pagina om de nieuwste stand te zien."
)
CONFLICT = (
    "Iemand anders heeft de instellingen opgeslagen terwijl u bezig was. Er is niets "
    "opgeslagen. Hieronder staat de nieuwe stand; pas die opnieuw aan."
)


def _scan(request: HttpRequest, pk: int, role: str = "bewerker") -> Scan:
    return get_object_for(
        request, Scan.objects.select_related("gemeente", "secretary", "coordinator"), role, pk=pk
    )


ONLY_COORDINATOR = (
    "Dit doet alleen de coördinator. Zo kijkt er altijd iemand anders dan de secretaris mee "
    "naar wie er een uitnodiging krijgt."
)


def _visible_raters(request: HttpRequest, scan: Scan):
    """The coordinator (and a beheerder) see every rater; anyone else, the secretary
    included, only the proposals still waiting for approval: after approval, counts only."""
    raters = scan.raters.select_related("group", "scan").order_by("group__position", "name")
    if scan.is_coordinator(request.user) or is_beheerder(request.user):
        return raters
    return raters.filter(approved=False)


@login_required
def index(request):
    scans = (
        objects_for(request.user, Scan.objects.all(), "bewerker")
        .select_related("gemeente", "secretary")
        .order_by("-created_at")
    )
    return render(request, "scan/index.html", {"scans": scans})


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    """Step 1 picks the gemeente (GET); step 2 fills in the rest, pre-filled from the
    municipality's newest definitief profielschets."""
    if request.method == "GET" and "gemeente" not in request.GET:
        return render(request, "scan/new_gemeente.html", {"form": GemeenteForm()})
    if request.method == "GET":
        choose = GemeenteForm(request.GET)
        if not choose.is_valid():
            return render(request, "scan/new_gemeente.html", {"form": choose})
        gemeente = choose.cleaned_data["gemeente"]
        profile = newest_definitief_profile(gemeente, request.user)
        model = get_model(profile.model_version if profile else CURRENT_VERSION)
        form = NewScanForm(
            model=model,
            initial={
                "gemeente": gemeente.code,
                "secretary": request.user.get_username(),
                "situational": [i["key"] for i in profile.chosen_situational()] if profile else [],
            },
        )
    else:
        version = request.POST.get("model_version")
        model = get_model(version if version in MODELS else None)
        form = NewScanForm(request.POST, model=model)
        if form.is_valid():
            data = form.cleaned_data
            secretary = data["secretary"]
            if data["secretary_name"] and not secretary.get_full_name().strip():
                first, _, last = data["secretary_name"].partition(" ")
                secretary.first_name, secretary.last_name = first, last
                secretary.save(update_fields=["first_name", "last_name"])
                audit(request, "user_renamed", user=secretary, by=request.user.get_username())
            scan = start_scan(
                gemeente=data["gemeente"],
                secretary=data["secretary"],
                created_by=request.user,
                deadline=data["deadline"],
                situational=data["situational"],
                k=data["k"],
                title=data["title"],
                model_version=model.version,
            )
            audit(request, "scan.create", scan, secretary=scan.secretary.get_username())
            messages.success(request, "De scan is aangemaakt. Kies nu de groepen.")
            return redirect("scan:groups", scan.pk)
        gemeente = form.cleaned_data.get("gemeente")
        if gemeente is None:
            return redirect("scan:new")
        profile = newest_definitief_profile(gemeente, request.user)
    return render(
        request,
        "scan/new.html",
        {"form": form, "gemeente": gemeente, "profile": profile, "model": model},
    )


@login_required
def dashboard(request, pk: int):
    scan = _scan(request, pk)
    raters = _visible_raters(request, scan)
    is_coordinator = scan.is_coordinator(request.user)
    return render(
        request,
        "scan/dashboard.html",
        {
            "scan": scan,
            "progress": scan.progress(),
            "raters": raters,
            "to_approve": scan.raters.filter(approved=False).count(),
            "to_invite": scan.raters.filter(approved=True, invited_at__isnull=True).count()
            if is_coordinator
            else 0,
            "may_approve": is_coordinator,
            "is_coordinator": is_coordinator,
            "may_accept": scan.secretary_accepted_at is None
            and request.user.pk == scan.secretary_id,
            "problems": scan.approval_problems() if scan.status == Scan.CONCEPT else [],
            "close_form": CloseForm(),
            "now": timezone.now(),
            "jobs": Job.objects.filter(subject=f"scan:{scan.pk}")[:5],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_settings(request, pk: int):
    scan = _scan(request, pk)
    is_owner = has_access(request.user, scan, "eigenaar")
    if scan.is_closed:
        messages.info(request, "Deze scan is gesloten; de instellingen liggen vast.")
        return redirect(scan)
    form = ScanSettingsForm(
        request.POST or None,
        scan=scan,
        is_owner=is_owner,
        initial=ScanSettingsForm.initial_for(scan),
    )
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        old_coordinator = scan.coordinator
        if scan.save_changes(form.cleaned_data["lock_version"], **changes):
            if "coordinator" in changes:
                scan.hand_over_coordination(old_coordinator, changes["coordinator"], request.user)
            audit(request, "scan.settings", scan, fields=sorted(changes))
            messages.success(request, "De instellingen zijn opgeslagen.")
            return redirect(scan)
        form = ScanSettingsForm(
            scan=scan, is_owner=is_owner, initial=ScanSettingsForm.initial_for(scan)
        )
        messages.error(request, CONFLICT)
    return render(request, "scan/settings.html", {"scan": scan, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def groups(request, pk: int):
    scan = _scan(request, pk)
    all_groups = list(scan.groups.all())
    in_use = set(scan.raters.values_list("group_id", flat=True))
    form = GroupsForm(groups=all_groups, in_use=in_use)
    new_form = NewGroupForm(scan=scan)
    if request.method == "POST" and not scan.is_closed:
        if "add" in request.POST:
            new_form = NewGroupForm(request.POST, scan=scan)
            if new_form.is_valid():
                group = scan.add_group(**new_form.cleaned_data)
                audit(request, "scan.group_add", scan, group=group.name)
                messages.success(request, f"De groep {group.name} is toegevoegd.")
                return redirect("scan:groups", scan.pk)
        else:
            form = GroupsForm(request.POST, groups=all_groups, in_use=in_use)
            if form.is_valid():
                try:
                    scan.update_groups(form.changes())
                except IntegrityError:  # two names swapped in one go
                    messages.error(request, "Twee groepen kregen dezelfde naam. Kies andere.")
                else:
                    audit(request, "scan.groups", scan)
                    messages.success(request, "De groepen zijn opgeslagen.")
                    return redirect("scan:groups", scan.pk)
    return render(request, "scan/groups.html", {"scan": scan, "form": form, "new_form": new_form})


@login_required
@require_http_methods(["GET", "POST"])
def raters(request, pk: int):
    scan = _scan(request, pk)
    form = NominationForm(scan=scan)
    if request.method == "POST" and not scan.is_closed:
        form = NominationForm(request.POST, request.FILES, scan=scan)
        if form.is_valid():
            try:
                added = scan.add_raters(form.result.nominations)
            except IntegrityError:
                messages.error(
                    request,
                    "Iemand anders voegde tegelijk dezelfde mensen toe. Er is niets "
                    "opgeslagen; bekijk de lijst en probeer het opnieuw.",
                )
                return redirect("scan:raters", scan.pk)
            audit(request, "scan.nominate", scan, count=added)
            messages.success(
                request,
                f"{added} {'beoordelaar is' if added == 1 else 'beoordelaars zijn'} toegevoegd. "
                "Ze krijgen pas een uitnodiging als de lijst is goedgekeurd.",
            )
            return redirect("scan:raters", scan.pk)
    listed = list(_visible_raters(request, scan))
    is_coordinator = scan.is_coordinator(request.user)
    flagged = scan_flags(scan) if is_coordinator else {}
    for rater in listed:
        rater.flags = flagged.get(rater.pk, [])
    return render(
        request,
        "scan/raters.html",
        {
            "scan": scan,
            "form": form,
            "raters": listed,
            "groups": scan.enabled_groups(),
            "may_approve": is_coordinator,
            "to_approve": scan.raters.filter(approved=False).count(),
        },
    )


@login_required
@require_POST
def confirm_rater(request, pk: int, rater_pk: int):
    """The coordinator looked at one flagged address and lets it stand."""
    scan = _scan(request, pk)
    if not scan.is_coordinator(request.user):
        messages.error(request, ONLY_COORDINATOR)
        return redirect("scan:raters", scan.pk)
    rater = get_object_or_404(scan.raters, pk=rater_pk, approved=False)
    Rater.objects.filter(pk=rater.pk).update(flag_confirmed_at=timezone.now())
    audit(request, "scan.rater_flag_confirmed", scan, rater=rater.pk)
    messages.success(request, f"U hebt het adres van {rater.name} bevestigd.")
    return redirect("scan:raters", scan.pk)


@login_required
@require_POST
def accept(request, pk: int):
    """The secretary agrees to the scan someone else started about them."""
    scan = _scan(request, pk, "eigenaar")
    if request.user.pk != scan.secretary_id:
        raise Http404
    if scan.accept():
        audit(request, "scan.accepted", scan)
        messages.success(request, "U doet mee. De coördinator kan nu de lijst goedkeuren.")
    return redirect(scan)


@login_required
@require_POST
def remove_rater(request, pk: int, rater_pk: int):
    scan = _scan(request, pk)
    rater = get_object_or_404(_visible_raters(request, scan), pk=rater_pk)
    if not rater.is_removable:
        messages.error(request, f"{rater.name} is al begonnen en kan niet meer weg.")
    else:
        rater.delete()
        audit(request, "scan.rater_remove", scan, rater=rater_pk)
        messages.success(request, f"{rater.name} staat niet meer op de lijst.")
    return redirect("scan:raters", scan.pk)


@login_required
@require_POST
def approve(request, pk: int):
    scan = _scan(request, pk)
    if not scan.is_coordinator(request.user):
        messages.error(request, ONLY_COORDINATOR)
        return redirect(scan)
    try:
        approved = scan.approve_raters()
    except NotReady as exc:
        for problem in exc.problems:
            messages.error(request, problem)
        return redirect(scan)
    audit(request, "scan.approve", scan, count=approved)
    if approved:
        messages.success(
            request, f"De lijst is goedgekeurd ({approved} nieuw). U kunt nu uitnodigen."
        )
    else:
        messages.info(request, "Er stond niemand meer klaar om goed te keuren.")
    return redirect(scan)


@login_required
@require_POST
def invite(request, pk: int):
    scan = _scan(request, pk)
    if not scan.is_coordinator(request.user):
        messages.error(request, ONLY_COORDINATOR)
        return redirect(scan)
    if not invitations.may_invite(scan):
        messages.error(
            request,
            "Uitnodigen kan nog niet: keur eerst de lijst goed, of kies een einddatum in de "
            "toekomst.",
        )
        return redirect(scan)
    _start_mail_job(request, scan, mail_jobs.send_invitations, "scan.invite", "uitnodigingen")
    return redirect(scan)


@login_required
@require_POST
def reinvite(request, pk: int, rater_pk: int):
    scan = _scan(request, pk)
    if not scan.is_coordinator(request.user):
        messages.error(request, ONLY_COORDINATOR)
        return redirect(scan)
    rater = get_object_or_404(scan.raters, pk=rater_pk, approved=True)
    try:
        outcome = invitations.invite(scan, scan.raters.filter(pk=rater.pk))
    except invitations.NotOpen:
        messages.error(request, "Uitnodigen kan niet meer: de scan is gesloten of verlopen.")
        return redirect(scan)
    audit(request, "scan.reinvite", scan, rater=rater.pk, sent=outcome.sent)
    if outcome.sent:
        messages.success(
            request, f"{rater.name} krijgt een nieuwe link. De oude link werkt niet meer."
        )
    else:
        _report(request, outcome, "uitnodiging", "uitnodigingen")
    return redirect(scan)


@login_required
@require_POST
def remind(request, pk: int):
    scan = _scan(request, pk)
    if not scan.is_coordinator(request.user):
        messages.error(request, ONLY_COORDINATOR)
        return redirect(scan)
    if not invitations.due_for_reminder().filter(scan=scan).exists():
        messages.info(
            request,
            "Er is nu niemand te herinneren. Iedereen krijgt hooguit eens per 3 dagen een "
            "e-mail van ons, en wie klaar is, krijgt geen herinnering.",
        )
        return redirect(scan)
    _start_mail_job(request, scan, mail_jobs.send_reminders, "scan.remind", "herinneringen")
    return redirect(scan)


def _start_mail_job(request, scan: Scan, function, action: str, what: str) -> None:
    """Queue the mail job once: a second click while it runs starts no second one (two
    workers sending the same invitations at once would mail people twice)."""
    subject = f"scan:{scan.pk}"
    with transaction.atomic():
        Scan.objects.select_for_update().filter(pk=scan.pk).first()  # one click at a time
        if pending(function, subject):
            messages.info(request, f"De {what} worden al verstuurd. Zie hieronder hoe het gaat.")
            return
        job = enqueue(function, scan_pk=scan.pk, started_by=request.user, subject=subject)
    audit(request, action, scan, job=job.pk)
    messages.success(request, QUEUED.format(what=f"De {what} gaan"))


def _report(request, outcome: invitations.Outcome, one: str, many: str) -> None:
    if outcome.sent:
        messages.success(request, f"{outcome.sent} {one if outcome.sent == 1 else many} verstuurd.")
    if outcome.failed:
        messages.error(
            request,
            f"Niet gelukt voor {', '.join(outcome.failed)}: de mailserver gaf een fout. "
            "Probeer het later opnieuw.",
        )
    if not outcome.sent and not outcome.failed:
        messages.info(request, f"Er waren geen {many} te versturen.")


@login_required
@require_POST
@recent_password_required(back=lambda request, pk: reverse("scan:dashboard", args=[pk]))
def close(request, pk: int):
    scan = _scan(request, pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["confirm"][0])
    elif scan.close():
        audit(request, "scan.close", scan)
        messages.success(request, "De scan is gesloten. Niemand kan nu nog antwoorden.")
    else:
        messages.info(request, "Deze scan was al gesloten, of nog niet open.")
    return redirect(scan)


# --- The questionnaire (no login: the personal link is the key) ----------------------------


def rater_link(view=None, *, answers_for: tuple[str, ...] = ()):
    """Resolve the token to its rater; an unknown, replaced or expired link gets one and
    the same page, so nobody can tell whether a token ever existed. A view that shows or
    counts the rater's earlier answers for the methods in `answers_for` gets them read
    together with the rater (see tokens.rater_for)."""
    if view is None:
        return partial(rater_link, answers_for=answers_for)

    @wraps(view)
    @never_cache
    def wrapper(request: HttpRequest, token: str, *args, **kwargs) -> HttpResponse:
        rater = rater_for(token, with_answers=request.method in answers_for)
        if rater is None:
            return link_not_valid(request)
        response = view(request, rater, token, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def link_not_valid(request: HttpRequest) -> HttpResponse:
    return render(request, "scan/rater/not_valid.html", status=404)


@rater_link(answers_for=("POST",))  # after the explanation: on to the first open page
@require_http_methods(["GET", "POST"])
def answer(request, rater: Rater, token: str):
    """The link itself: the thank-you page once finished, else the explanation first and
    after that straight back to the first page still to answer."""
    if rater.finished_at:
        if page_cache.usable(request):
            return rater_pages.serve_thanks(request, rater, token)
        return render(request, "scan/rater/thanks.html", rater_pages.context(rater, token))
    if request.method == "GET" and rater.started_at and "uitleg" not in request.GET:
        return _resume(rater, token)
    if page_cache.usable(request):
        return rater_pages.serve_intro(request, rater, token)
    form = IntroForm(request.POST if request.method == "POST" else None, rater=rater)
    if request.method == "POST" and form.is_valid():
        try:
            rater.start(show_by_role=form.show_by_role())
        except ScanClosed:
            return link_not_valid(request)
        except AlreadyFinished:
            return redirect("scan:answer", token)
        return _resume(rater, token)
    return render(request, "scan/rater/intro.html", rater_pages.context(rater, token, form=form))


def _resume(rater: Rater, token: str) -> HttpResponse:
    step = rater.first_open_step()
    if step is None:
        return redirect("scan:answer_finish", token)
    return redirect("scan:answer_step", token, step)


@rater_link(answers_for=("GET",))
@require_http_methods(["GET", "POST"])
def answer_step(request, rater: Rater, token: str, step: int):
    if rater.finished_at or not rater.started_at:
        return redirect("scan:answer", token)
    competencies = rater.scan.competencies()
    if not 1 <= step <= len(competencies):
        raise Http404
    competency = competencies[step - 1]
    if request.method == "POST":
        posted = PostedPage(request.POST, competency)
        if posted.is_valid():
            try:
                rater.save_page(
                    competency,
                    posted.scores(),
                    feedback=posted.cleaned_data["feedback"],
                    feedforward=posted.cleaned_data["feedforward"],
                )
            except ScanClosed:
                return link_not_valid(request)
            except AlreadyFinished:
                return redirect("scan:answer", token)
            if "later" in request.POST:
                return redirect("scan:answer_later", token)
            if step < len(competencies):
                return redirect("scan:answer_step", token, step + 1)
            return redirect("scan:answer_finish", token)
        form = CompetencyPageForm(request.POST, competency=competency)
        form.is_valid()  # the errors, on fields of its own to show them
    else:
        initial = CompetencyPageForm.initial_for(rater, competency)
        if page_cache.usable(request):
            key = rater_pages.step_key(rater.scan, step, rater.group.is_self)

            def blank(marked_request, marked_token):
                return rater_pages.blank_step(marked_request, rater, marked_token, competency, step)

            return page_cache.serve(request, token, key, blank, initial)
        form = CompetencyPageForm(competency=competency, initial=initial)
    return render(
        request,
        "scan/rater/step.html",
        rater_pages.context(rater, token, form=form, competency=competency, step=step),
    )


@rater_link(answers_for=("GET",))
@require_http_methods(["GET"])
def answer_later(request, rater: Rater, token: str):
    """After "Opslaan en later verder": what is saved, and until when the link works."""
    if rater.finished_at or not rater.started_at:
        return redirect("scan:answer", token)
    done = rater.completed_steps()
    left = len(done) - sum(done)
    return render(
        request,
        "scan/rater/later.html",
        rater_pages.context(
            rater, token, pages_done=sum(done), pages_left=left, minutes=minutes_for(left)
        ),
    )


@rater_link(answers_for=("GET", "POST"))
@require_http_methods(["GET", "POST"])
def answer_finish(request, rater: Rater, token: str):
    if rater.finished_at:
        return redirect("scan:answer", token)  # a second "afronden" is a no-op
    if not rater.started_at:
        return redirect("scan:answer", token)
    done = rater.completed_steps()
    error = None
    if request.method == "POST":
        try:
            rater.finish()
        except ScanClosed:
            return link_not_valid(request)
        except ValueError:
            error = "U hebt nog niet alle pagina's ingevuld. Hieronder staat welke."
        else:
            return redirect("scan:answer", token)
    competencies = rater.scan.competencies()
    return render(
        request,
        "scan/rater/finish.html",
        rater_pages.context(
            rater,
            token,
            steps=list(zip(range(1, len(competencies) + 1), competencies, done, strict=True)),
            all_done=all(done),
            error=error,
        ),
    )
