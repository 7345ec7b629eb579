"""The ontwikkelscan: a 360° feedback round on the competencies of one gemeentesecretaris.

A scan moves through four statuses:

    concept     groups and raters are chosen
    uitnodigen  the list of raters is approved; invitations can go out
    open        invitations are out; raters answer through their personal link
    gesloten    no more answers; the report is frozen (see hooks.py)

Individual answers (Answer, Comment) exist only to build the report. They are never shown
to anyone: not in the pages, not in the admin. That is why their __str__ says nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models, transaction
from django.db.models import Count, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone

from secretaris.competencies.model import CURRENT_VERSION, Competency, CompetencyModel, get_model
from secretaris.documents.dates import nl_date
from secretaris.dossier.models import Gemeente
from secretaris.scan import groups as presets
from secretaris.scan import page_save
from secretaris.scan.hooks import scan_closed
from secretaris.scan.prepared import NUMBER, Prepared, Sent, pipeline, upsert

SCALE: tuple[tuple[int, str], ...] = (
    (1, "1 – nooit/zelden"),
    (2, "2 – soms"),
    (3, "3 – regelmatig"),
    (4, "4 – vaak"),
    (5, "5 – (bijna) altijd"),
)
CANNOT_JUDGE = "kan ik niet beoordelen"
DEFAULT_K = 3
MIN_K = 3  # the floor; settings.SCAN_MIN_K may raise it, never lower it (see min_k)
REMINDER_INTERVAL = timedelta(days=3)
MINUTES_PER_PAGE = 1.5  # one competency page: 5-6 behaviours and two optional questions


def minutes_for(pages: int) -> int:
    """Estimated minutes for `pages` questionnaire pages, rounded up to a whole minute."""
    import math

    return max(1, math.ceil(pages * MINUTES_PER_PAGE)) if pages > 0 else 0


def min_k() -> int:
    """The smallest k a scan may open with: MIN_K, or higher when the settings say so."""
    return max(MIN_K, int(getattr(settings, "SCAN_MIN_K", MIN_K)))


class NotReady(Exception):
    """The rater list cannot be approved yet; `problems` says why, in Dutch."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


class ScanClosed(Exception):
    """The scan takes no more answers: it is closed or its deadline has passed."""


class AlreadyFinished(Exception):
    """The rater has sent in the questionnaire; the answers can no longer change."""


class Scan(models.Model):
    CONCEPT = "concept"
    UITNODIGEN = "uitnodigen"
    OPEN = "open"
    GESLOTEN = "gesloten"
    STATUSES = [
        (CONCEPT, "Concept"),
        (UITNODIGEN, "Klaar om uit te nodigen"),
        (OPEN, "Open"),
        (GESLOTEN, "Gesloten"),
    ]

    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="scans",
        verbose_name="gemeentesecretaris",
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="scans")
    title = models.CharField("titel", max_length=200, default="Ontwikkelscan")
    model_version = models.CharField("versie competentiemodel", max_length=20)
    competency_keys = models.JSONField(default=list)  # core + chosen situational, model order
    k = models.PositiveSmallIntegerField(
        "drempel k",
        default=DEFAULT_K,
        validators=[MinValueValidator(MIN_K), MaxValueValidator(20)],
        help_text="Een groep met minder dan k ingevulde vragenlijsten staat nooit apart.",
    )
    # The secretary agreed to a scan about them (set at once when they start it themself).
    secretary_accepted_at = models.DateTimeField("akkoord secretaris", null=True, blank=True)
    status = models.CharField(max_length=12, choices=STATUSES, default=CONCEPT)
    deadline = models.DateTimeField("einddatum")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_scans",
        verbose_name="coördinator",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    lock_version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(k__gte=MIN_K), name="scan_k_at_least_3"),
        ]

    def __str__(self) -> str:
        return f"{self.title}: {self.secretary_name} ({self.gemeente.name})"

    def get_absolute_url(self) -> str:
        return reverse("scan:dashboard", args=[self.pk])

    @property
    def secretary_name(self) -> str:
        return self.secretary.get_full_name() or self.secretary.get_username()

    def competency_model(self) -> CompetencyModel:
        return get_model(self.model_version)

    def competencies(self) -> list[Competency]:
        model = self.competency_model()
        return [model.get(key) for key in self.competency_keys]

    def indicator_codes(self) -> list[str]:
        return [i.code for c in self.competencies() for i in c.indicators]

    def accepts_answers(self, now: datetime | None = None) -> bool:
        return self.answers_accepted(self.status, self.deadline, now)

    @classmethod
    def answers_accepted(cls, status: str, deadline: datetime, now: datetime | None) -> bool:
        """Open and before the deadline (page_save.py makes the same check in SQL)."""
        return status == cls.OPEN and (now or timezone.now()) < deadline

    @property
    def deadline_text(self) -> str:
        """'12 juni 2026 om 23.59 uur', in Dutch time."""
        local = timezone.localtime(self.deadline)
        return f"{nl_date(local.date())} om {local:%H.%M} uur"

    @property
    def is_closed(self) -> bool:
        return self.status == self.GESLOTEN

    def enabled_groups(self) -> models.QuerySet[RaterGroup]:
        return self.groups.filter(enabled=True)

    def add_group(self, name: str, single_person: bool = False) -> RaterGroup:
        """A group of this scan's own, after the preset ones."""
        from django.utils.text import slugify

        groups = list(self.groups.all())
        base = slugify(name)[:50] or "groep"
        keys = {g.key for g in groups}
        key, n = base, 2
        while key in keys:
            key, n = f"{base}-{n}", n + 1
        position = max((g.position for g in groups), default=0) + 10
        return RaterGroup.objects.create(
            scan=self, key=key, name=name, single_person=single_person, position=position
        )

    def update_groups(self, changes: list[tuple[RaterGroup, str, bool]]) -> None:
        """New names and on/off per group, all or none (IntegrityError on a name clash)."""
        with transaction.atomic():
            for group, name, enabled in changes:
                RaterGroup.objects.filter(pk=group.pk, scan=self).update(name=name, enabled=enabled)

    def add_raters(self, nominations: list[Any]) -> int:
        """Put parsed nominations (nominations.Nomination) on the list, all or none.
        They still need approval before anyone is invited."""
        groups = {g.key: g for g in self.groups.all()}
        with transaction.atomic():
            created = Rater.objects.bulk_create(
                Rater(scan=self, group=groups[n.group_key], name=n.name, email=n.email)
                for n in nominations
            )
        return len(created)

    def hand_over_coordination(self, old: Any, new: Any, by: Any) -> None:
        """Move the coordinator's access (bewerker) from `old` to `new` (either may be None)."""
        from secretaris.accounts.access import grant, revoke

        if old == new:
            return
        if old is not None:
            revoke(old, self, by=by)
        if new is not None:
            grant(new, self, "bewerker", by=by)

    @property
    def has_independent_coordinator(self) -> bool:
        return self.coordinator_id is not None and self.coordinator_id != self.secretary_id

    def is_coordinator(self, user: Any) -> bool:
        """Only an independent coordinator approves the list and sends the emails: the
        secretary must not be able to put addresses of their own on it (docs/anonymity.md)."""
        return self.has_independent_coordinator and user.pk == self.coordinator_id

    may_approve = is_coordinator

    def approval_problems(self) -> list[str]:
        """Why the rater list cannot be approved now (empty: it can)."""
        from secretaris.scan.sybil import unconfirmed_flags

        problems = []
        if not self.has_independent_coordinator:
            problems.append(
                "Deze scan heeft nog geen coördinator. Dat is iemand anders dan de secretaris; "
                "de secretaris kiest die bij Instellingen."
            )
        if self.secretary_accepted_at is None:
            problems.append(
                f"{self.secretary_name} heeft nog niet laten weten dat de scan door mag gaan."
            )
        flagged = unconfirmed_flags(self)
        if flagged:
            problems.append(
                f"{len(flagged)} {'adres valt' if len(flagged) == 1 else 'adressen vallen'} op "
                "(zie Beoordelaars). Bevestig elk ervan apart, of haal het weg."
            )
        return problems

    def accept(self) -> bool:
        """The secretary agrees to the scan about them; True the first time."""
        updated = Scan.objects.filter(pk=self.pk, secretary_accepted_at__isnull=True).update(
            secretary_accepted_at=timezone.now()
        )
        self.refresh_from_db()
        return bool(updated)

    def save_changes(self, expected_lock: int, **fields: Any) -> bool:
        """Store `fields` only if nobody saved since `expected_lock`; False on a conflict."""
        updated = Scan.objects.filter(pk=self.pk, lock_version=expected_lock).update(
            **fields, lock_version=F("lock_version") + 1, updated_at=timezone.now()
        )
        if updated:
            self.refresh_from_db()
        return bool(updated)

    def _move(self, from_statuses: list[str], to: str, **fields: Any) -> bool:
        updated = Scan.objects.filter(pk=self.pk, status__in=from_statuses).update(
            status=to, lock_version=F("lock_version") + 1, updated_at=timezone.now(), **fields
        )
        self.refresh_from_db()
        return bool(updated)

    def approve_raters(self) -> int:
        """Approve every nominated rater; a concept scan becomes ready for invitations and
        its k is fixed (raised to the floor of the settings if need be). Raises NotReady
        without an independent coordinator, the secretary's consent, or with flagged
        addresses nobody confirmed."""
        if self.is_closed:
            return 0
        problems = self.approval_problems()
        if problems:
            raise NotReady(problems)
        with transaction.atomic():
            approved = self.raters.filter(approved=False).update(approved=True)
            if self.status == self.CONCEPT and self.raters.exists():
                self._move([self.CONCEPT], self.UITNODIGEN, k=max(self.k, min_k()))
        return approved

    def mark_open(self) -> bool:
        """Invitations went out: raters may answer from now on."""
        return self._move([self.UITNODIGEN], self.OPEN)

    def close(self) -> bool:
        """Open -> gesloten, once; the report is frozen in the same transaction. A second
        call changes nothing and returns False."""
        with transaction.atomic():
            # Locks out raters saving at this very moment (they lock the same row).
            scan = Scan.objects.select_for_update().get(pk=self.pk)
            if scan.status != self.OPEN:
                self.refresh_from_db()
                return False
            self._move([self.OPEN], self.GESLOTEN, closed_at=timezone.now())
            scan_closed.send(sender=Scan, scan=self)
        return True

    def progress(self) -> list[GroupProgress]:
        """Per enabled group: how many raters were nominated, invited, started, finished."""
        counts = {
            row["group"]: row
            for row in self.raters.values("group").annotate(
                nominated=Count("pk"),
                invited=Count("pk", filter=Q(invited_at__isnull=False)),
                started=Count("pk", filter=Q(started_at__isnull=False)),
                finished=Count("pk", filter=Q(finished_at__isnull=False)),
            )
        }
        result = []
        for group in self.groups.all():
            row = counts.get(group.pk, {})
            if group.enabled or row:
                result.append(
                    GroupProgress(
                        group=group,
                        nominated=row.get("nominated", 0),
                        invited=row.get("invited", 0),
                        started=row.get("started", 0),
                        finished=row.get("finished", 0),
                    )
                )
        return result


def close_overdue_scans(now: datetime | None = None) -> list[Scan]:
    """Close every open scan whose deadline has passed (its report is frozen then).

    Run daily from cron by `secretaris scan herinneringen`; a scan closed by someone else
    in the meantime is skipped, so running it twice is harmless.
    """
    now = now or timezone.now()
    closed = []
    for scan in Scan.objects.filter(status=Scan.OPEN, deadline__lte=now).order_by("pk"):
        if scan.close():
            closed.append(scan)
    return closed


@dataclass(frozen=True)
class GroupProgress:
    group: RaterGroup
    nominated: int
    invited: int
    started: int
    finished: int


def newest_definitief_profile(gemeente: Gemeente, user: Any):
    """The municipality's newest definitief profielschets that `user` may read, or None."""
    from secretaris.accounts.access import objects_for
    from secretaris.profiles.models import Profile

    profiles = Profile.objects.filter(gemeente=gemeente, status=Profile.DEFINITIEF)
    return objects_for(user, profiles).order_by("-finalised_at", "-number").first()


def competency_keys(model: CompetencyModel, situational: list[str]) -> list[str]:
    """Every core competency plus the chosen situational ones, in the model's order."""
    chosen = set(situational)
    return [c.key for c in model.core] + [c.key for c in model.situational if c.key in chosen]


def start_scan(
    *,
    gemeente: Gemeente,
    secretary: Any,
    created_by: Any,
    deadline: datetime,
    situational: list[str],
    k: int = DEFAULT_K,
    title: str = "Ontwikkelscan",
    model_version: str = CURRENT_VERSION,
    coordinator: Any = None,
) -> Scan:
    """A new concept scan with the preset groups. The secretary owns it; someone who makes
    it for them becomes its coordinator, and the secretary must then accept the scan before
    anything is sent. A secretary with an email address is put in the group 'zelf' straight
    away. `coordinator` names one when the secretary starts the scan themself."""
    from secretaris.accounts.access import grant

    model = get_model(model_version)
    own = created_by is not None and created_by == secretary
    if not own and created_by is not None:
        coordinator = created_by
    if coordinator == secretary:
        coordinator = None
    with transaction.atomic():
        scan = Scan.objects.create(
            gemeente=gemeente,
            secretary=secretary,
            secretary_accepted_at=timezone.now() if own else None,
            created_by=created_by,
            coordinator=coordinator,
            deadline=deadline,
            k=k,
            title=title,
            model_version=model.version,
            competency_keys=competency_keys(model, situational),
        )
        RaterGroup.objects.bulk_create(
            RaterGroup(
                scan=scan,
                key=p.key,
                name=p.name,
                single_person=p.single_person,
                is_self=p.is_self,
                position=n * 10,
            )
            for n, p in enumerate(presets.PRESETS)
        )
        if secretary.email:
            Rater.objects.create(
                scan=scan,
                group=scan.groups.get(is_self=True),
                name=scan.secretary_name,
                email=secretary.email.strip().lower(),
            )
        grant(secretary, scan, "eigenaar", by=created_by)
        if coordinator:
            grant(coordinator, scan, "bewerker", by=created_by)
    return scan


class RaterGroup(models.Model):
    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="groups")
    key = models.SlugField(max_length=60)
    name = models.CharField("naam", max_length=100)
    single_person = models.BooleanField("één persoon", default=False)
    is_self = models.BooleanField("zelfbeoordeling", default=False)
    position = models.PositiveSmallIntegerField(default=0)
    enabled = models.BooleanField("doet mee", default=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["scan", "key"], name="ratergroup_key_unique"),
            models.UniqueConstraint(fields=["scan", "name"], name="ratergroup_name_unique"),
            models.UniqueConstraint(
                fields=["scan"], condition=Q(is_self=True), name="ratergroup_one_self_group"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """The report's own labels ("Zelf", "Alle anderen", ...) are not group names, also
        not in look-alike letters; renaming a group to one would mix up the report."""
        from django.core.exceptions import ValidationError

        if not self.is_self and presets.is_reserved(self.name):
            raise ValidationError(
                {"name": "Deze naam gebruikt het rapport al voor iets anders. Kies een andere."}
            )

    @property
    def is_single_role(self) -> bool:
        """One person who is not the secretary: identifiable by role alone."""
        return self.single_person and not self.is_self

    def choice(self) -> presets.GroupChoice:
        return presets.choice_for(self.key, self.name)


class Rater(models.Model):
    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="raters")
    group = models.ForeignKey(
        RaterGroup, on_delete=models.PROTECT, related_name="raters", verbose_name="groep"
    )
    name = models.CharField("naam", max_length=200)
    email = models.EmailField("e-mailadres")
    # SHA-256 (hex) of the personal link's token; the token itself is only in the email.
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    approved = models.BooleanField("goedgekeurd", default=False)
    show_by_role = models.BooleanField("apart tonen als rol", default=False)
    # The coordinator looked at a flagged address (see sybil.py) and let it stand.
    flag_confirmed_at = models.DateTimeField("opvallend adres bevestigd", null=True, blank=True)
    invited_at = models.DateTimeField("uitgenodigd", null=True, blank=True)
    reminded_at = models.DateTimeField("herinnerd", null=True, blank=True)
    started_at = models.DateTimeField("begonnen", null=True, blank=True)
    finished_at = models.DateTimeField("klaar", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group__position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["scan", "email"], name="rater_email_unique_per_scan"),
        ]
        verbose_name = "beoordelaar"
        verbose_name_plural = "beoordelaars"

    def __str__(self) -> str:
        return f"{self.name} ({self.group.name})"

    @property
    def state(self) -> str:
        """Where this rater is, in words; never anything about their answers."""
        if self.finished_at:
            return "Klaar"
        if self.started_at:
            return "Bezig"
        if self.invited_at:
            return "Uitgenodigd"
        return "Goedgekeurd" if self.approved else "Nog goed te keuren"

    @property
    def is_removable(self) -> bool:
        return self.started_at is None and not self.scan.is_closed

    # This rater's answers and texts when they were sent along with the lookup of the link
    # (tokens.rater_for), so that they arrive in its round trip; read once.
    sent_answers: tuple[Sent, Sent] | None = None

    def own_answers(self) -> tuple[list[tuple], list[tuple]]:
        """What this rater saved, to show it back to them only: (indicator, score) per
        answer and (competency, kind, text) per text."""
        sent, self.sent_answers = self.sent_answers, None
        if sent is None:
            with pipeline():  # both in one round trip on PostgreSQL
                sent = RATER_ANSWERS.send(self.pk), RATER_COMMENTS.send(self.pk)
        return sent[0].values(), sent[1].values()

    def answered_codes(self) -> set[str]:
        if self.sent_answers is not None:
            return {code for code, _ in self.own_answers()[0]}
        return {code for code, _ in RATER_ANSWERS.values(self.pk)}

    def completed_steps(self) -> list[bool]:
        """Per competency of the scan (in order): are all its indicators answered?"""
        codes = self.answered_codes()
        return [
            all(i.code in codes for i in competency.indicators)
            for competency in self.scan.competencies()
        ]

    def first_open_step(self) -> int | None:
        """The 1-based number of the first competency page not yet answered; None if done."""
        return next((n for n, done in enumerate(self.completed_steps(), 1) if not done), None)

    def start(self, show_by_role: bool = False, now: datetime | None = None) -> None:
        """The rater read the explanation (and, for a one-person role, chose how to be
        shown). Repeating it only updates that choice."""
        with transaction.atomic():
            rater = self._locked(now)
            rater.show_by_role = show_by_role and rater.group.is_single_role
            rater.started_at = rater.started_at or (now or timezone.now())
            rater.save(update_fields=["show_by_role", "started_at"])
        self.show_by_role, self.started_at = rater.show_by_role, rater.started_at

    def save_page(
        self,
        competency: Competency,
        scores: dict[str, int | None],
        feedback: str = "",
        feedforward: str = "",
        now: datetime | None = None,
    ) -> None:
        """Store one competency page. Idempotent: the same page sent twice (a double click,
        a retry after a network error) leaves exactly the same rows."""
        codes = {i.code for i in competency.indicators}
        if competency.key not in self.scan.competency_keys or set(scores) != codes:
            raise ValueError("Deze antwoorden horen niet bij deze pagina.")
        stamp = timezone.now()
        texts = {Comment.FEEDBACK: feedback.strip(), Comment.FEEDFORWARD: feedforward.strip()}
        written = [(kind, text) for kind, text in texts.items() if text]
        empty = [kind for kind, text in texts.items() if not text]
        if page_save.usable():  # PostgreSQL: one round trip, the checks in SQL
            now = now or stamp
            scan_row, rater_row = page_save.save(
                self, competency.key, list(scores.items()), written, empty, stamp, now
            )
            # Nothing was written in the cases that raise (the same checks, made in SQL).
            if scan_row is None:
                raise Scan.DoesNotExist
            if not Scan.answers_accepted(scan_row[0], scan_row[1], now):
                raise ScanClosed
            if rater_row is None:
                raise Rater.DoesNotExist
            if rater_row[0]:
                raise AlreadyFinished
            return
        with transaction.atomic():
            # On PostgreSQL the transaction's start, both locks and both writes go in one
            # round trip. The writes may go before the checks: a closed scan or a finished
            # rater raises below, which rolls them back.
            with pipeline():
                locked = self._lock(SCAN_LOCKED_FOR_A_SAVE)
                # One upsert per table (INSERT ... ON CONFLICT DO UPDATE on both databases).
                upsert(
                    Answer,
                    [(self.pk, code, score, stamp) for code, score in scores.items()],
                    unique=("rater", "indicator"),
                    update=("score", "updated_at"),
                )
                upsert(
                    Comment,
                    [(self.pk, competency.key, kind, text, stamp) for kind, text in written],
                    unique=("rater", "competency", "kind"),
                    update=("text", "updated_at"),
                )
            rater = self._checked(*locked, now)
            if empty:
                Comment.objects.filter(
                    rater=rater, competency=competency.key, kind__in=empty
                ).delete()
            if rater.started_at is None:
                rater.started_at = now or timezone.now()
                rater.save(update_fields=["started_at"])

    def finish(self, now: datetime | None = None) -> bool:
        """Send in the questionnaire. True the first time; a second call changes nothing
        and returns False. Raises ValueError while a page is still unanswered."""
        with transaction.atomic():
            try:
                rater = self._locked(now)
            except AlreadyFinished:
                return False
            if not all(rater.completed_steps()):
                raise ValueError("Nog niet alle pagina's zijn ingevuld.")
            rater.finished_at = now or timezone.now()
            rater.save(update_fields=["finished_at"])
        self.finished_at = rater.finished_at
        return True

    def _locked(self, now: datetime | None) -> Rater:
        """This rater, re-read under a lock on the scan row, if it may still answer.

        Closing the scan takes its row exclusively, so it waits for the saves under way
        and no answer slips in after the close.
        """
        with pipeline():
            locked = self._lock(SCAN_LOCKED)
        return self._checked(*locked, now)

    def _lock(self, scan_query: Prepared) -> tuple[Sent, Sent]:
        """Lock the scan row (shared), then this rater's row: always in this order."""
        return scan_query.send(self.scan_id), RATER_WITH_GROUP.send(self.pk)

    def _checked(self, scan_row: Sent, rater_row: Sent, now: datetime | None) -> Rater:
        scan = scan_row.first()
        if scan is None:
            raise Scan.DoesNotExist
        if not scan.accepts_answers(now):
            raise ScanClosed
        rater = rater_row.first()
        if rater is None:
            raise Rater.DoesNotExist
        if rater.finished_at:
            raise AlreadyFinished
        rater.scan = scan
        return rater

    def comments_for(self, competency_key: str) -> dict[str, str]:
        """This rater's own texts for one page, to show them back to the rater only."""
        rows = self.comments.filter(competency=competency_key).values_list("kind", "text")
        return dict(rows)


def _without_waiting_for_the_disk(queryset: QuerySet) -> QuerySet:
    """A page save on PostgreSQL commits without waiting for its flush to disk, as every
    commit on SQLite does here (WAL with synchronous=NORMAL). The flush takes longer than
    the rest of the save; a crash of the database server can lose the saves of the last
    fraction of a second, never corrupt them. Finishing waits for the flush, and that
    flush takes every earlier save of the rater with it. The setting (SET LOCAL, through
    set_config) rides along with the save's first query instead of costing a round trip."""
    if connections[queryset.db].vendor != "postgresql":
        return queryset
    return queryset.annotate(
        commit_without_flush=RawSQL("set_config('synchronous_commit', 'off', true)", ())
    )


# The save path's two reads, compiled once (see prepared.py): each page save runs them.
# The scan row is held shared: raters of one scan save side by side, while closing the scan
# (select_for_update) waits for the saves under way and every later save sees it closed.
SCAN_LOCKED = Prepared(
    lambda pk: Scan.objects.select_for_update().filter(pk=pk), NUMBER, shared_lock=True
)
SCAN_LOCKED_FOR_A_SAVE = Prepared(
    lambda pk: _without_waiting_for_the_disk(Scan.objects.select_for_update().filter(pk=pk)),
    NUMBER,
    shared_lock=True,
)
# The rater row itself is locked: two requests of one rater (a page and "afronden" in two
# tabs) take turns, so no answer changes after the questionnaire was sent in. Always in
# this order, scan before rater.
RATER_WITH_GROUP = Prepared(
    lambda pk: Rater.objects.select_related("group").select_for_update(of=("self",)).filter(pk=pk),
    NUMBER,
)

# A rater's earlier answers and texts: every questionnaire page shows them, and the finish
# page, the resume after the intro and the send-in count the answered indicators.
RATER_ANSWERS = Prepared(
    lambda pk: Answer.objects.filter(rater_id=pk).values_list("indicator", "score"), NUMBER
)
RATER_COMMENTS = Prepared(
    lambda pk: Comment.objects.filter(rater_id=pk).values_list("competency", "kind", "text"),
    NUMBER,
)


class Answer(models.Model):
    """One score by one rater on one indicator; score None = kan ik niet beoordelen."""

    rater = models.ForeignKey(Rater, on_delete=models.CASCADE, related_name="answers")
    indicator = models.CharField(max_length=20)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rater", "indicator"], name="answer_unique"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=5),
                name="answer_score_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return "Antwoord (niet in te zien)"


class Comment(models.Model):
    """An open answer: what goes well (feedback) or what could be better (feedforward)."""

    FEEDBACK = "feedback"
    FEEDFORWARD = "feedforward"
    KINDS = [(FEEDBACK, "Wat gaat goed"), (FEEDFORWARD, "Wat kan beter")]
    MAX_LENGTH = 2000

    rater = models.ForeignKey(Rater, on_delete=models.CASCADE, related_name="comments")
    competency = models.CharField(max_length=60)
    kind = models.CharField(max_length=12, choices=KINDS)
    text = models.TextField(max_length=MAX_LENGTH)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rater", "competency", "kind"], name="comment_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=["feedback", "feedforward"]), name="comment_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return "Opmerking (niet in te zien)"


class FrozenReport(models.Model):
    """The report of a closed scan, computed once and never again (see reporting.py).

    `data` holds only what may be shown (groups with their counts, aggregated figures,
    comments without who wrote them). The secretary decides whether the comments are
    kept when the scan's personal data is deleted (`keep_comments`).
    """

    scan = models.OneToOneField(Scan, on_delete=models.CASCADE, related_name="report")
    data = models.JSONField()
    model_version = models.CharField(max_length=20)
    finished_raters = models.PositiveIntegerField(default=0)
    keep_comments = models.BooleanField("opmerkingen bewaren na het opschonen", default=False)
    personal_data_deleted_at = models.DateTimeField(null=True, blank=True)
    # Who stood behind which figure, by a keyed hash of their mailbox only (see
    # reporting.audience): a later report of the same secretary is frozen so that the two
    # read together single out nobody. Never shown; kept after the purge for that reason.
    audience = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    # A beheerder cannot give anyone access in the admin: only the secretary lets a coach
    # in (report_views.coaches). See accounts/admin.py.
    admin_may_grant = False

    def __str__(self) -> str:
        return f"Rapport {self.scan}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("scan:report", args=[self.scan_id])


class DevelopmentPlan(models.Model):
    """The secretary's development plan: 2–3 focus competencies with actions."""

    report = models.OneToOneField(FrozenReport, on_delete=models.CASCADE, related_name="plan")
    focus = models.JSONField(default=list)  # competency keys, 2 or 3
    note = models.TextField("toelichting", blank=True, max_length=4000)
    lock_version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Ontwikkelplan {self.report.scan}"


class DevelopmentAction(models.Model):
    KINDS = [
        ("coaching", "Coaching"),
        ("intervisie", "Intervisie"),
        ("training", "Training of opleiding"),
        ("sparring", "Sparringpartner"),
        ("feedback", "Feedback van een collega"),
        ("anders", "Anders"),
    ]

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="actions")
    competency = models.CharField(max_length=60)
    kind = models.CharField("soort activiteit", max_length=12, choices=KINDS)
    description = models.CharField("wat ga ik doen", max_length=500)
    with_whom = models.CharField("met wie", max_length=200, blank=True)
    GEPLAND = "gepland"
    BEZIG = "bezig"
    KLAAR = "klaar"
    STATUSES = [(GEPLAND, "Gepland"), (BEZIG, "Bezig"), (KLAAR, "Klaar")]

    target_date = models.DateField("streefdatum", null=True, blank=True)
    status = models.CharField("stand", max_length=8, choices=STATUSES, default=GEPLAND)
    status_date = models.DateField("stand sinds", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["target_date", "pk"]

    def __str__(self) -> str:
        return self.description

    @property
    def status_text(self) -> str:
        """'Gepland', 'Bezig sinds 3 maart 2027', 'Klaar op 1 juni 2027'."""
        label = self.get_status_display()
        if self.status == self.GEPLAND or self.status_date is None:
            return label
        word = "sinds" if self.status == self.BEZIG else "op"
        return f"{label} {word} {nl_date(self.status_date)}"
