"""The selection procedure of the benoemingsadviescommissie.

A Procedure is started from a definitief profielschets: its core and chosen situational
competencies are the criteria, their behavioural indicators the anchors of the 1–5 scale.
Only the members of the committee see a procedure (see access.py); every id in a URL is a
UUID and is always checked against membership as well.

Phases follow one another, but the committee may go back. The procedure cannot enter
"advies" without the OR's advice on the proposed candidate, or a recorded reason why there
is none (art. 30 WOR: the secretary is the bestuurder of the ondernemingsraad).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from secretaris.competencies.model import Competency, get_model
from secretaris.dossier.models import Gemeente
from secretaris.profiles.models import Profile

PHASES = [
    ("voorbereiding", "Voorbereiding"),
    ("werving", "Werving"),
    ("eerste_ronde", "Eerste ronde"),
    ("tweede_ronde", "Tweede ronde"),
    ("assessment", "Assessment"),
    ("advies", "Advies aan het college"),
    ("besluit", "Besluit van het college"),
    ("afgerond", "Afgerond"),
]
PHASE_KEYS = [key for key, _ in PHASES]
ROUNDS = {1: "eerste_ronde", 2: "tweede_ronde"}
ROUND_NAMES = {1: "Eerste ronde", 2: "Tweede ronde"}

ADVICES = [
    ("sterk_ja", "Sterk ja"),
    ("ja", "Ja"),
    ("nee", "Nee"),
    ("sterk_nee", "Sterk nee"),
]
OR_ADVICES = [
    ("positief", "Positief"),
    ("positief_voorwaarden", "Positief, met kanttekeningen"),
    ("negatief", "Negatief"),
]


class PhaseRefused(Exception):
    """The procedure cannot move to that phase yet; the message says why (in Dutch)."""


class Procedure(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    profile = models.ForeignKey(Profile, on_delete=models.PROTECT, related_name="+")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    title = models.CharField("naam van de procedure", max_length=200)
    model_version = models.CharField(max_length=20)
    criteria = models.JSONField(default=list)  # [{"key": ..., "weight": 1}] in model order
    phase = models.CharField("fase", max_length=20, choices=PHASES, default="voorbereiding")
    phase_dates = models.JSONField(default=dict)  # phase -> ISO date (planned or actual)
    rejection_templates = models.JSONField(default=dict)  # phase -> letter text
    or_advice = models.CharField("advies van de OR", max_length=30, choices=OR_ADVICES, blank=True)
    or_advice_date = models.DateField("datum van het OR-advies", null=True, blank=True)
    or_advice_text = models.TextField("tekst van het OR-advies", blank=True)
    or_advice_missing_reason = models.TextField("reden zonder OR-advies", blank=True)
    proposed = models.ForeignKey(
        "Candidate", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    advice_reasons = models.TextField("onderbouwing van het advies", blank=True)
    show_individual_scores = models.BooleanField(
        "scores per commissielid in het advies opnemen", default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "selectieprocedure"
        verbose_name_plural = "selectieprocedures"

    def __str__(self) -> str:
        return f"{self.title} ({self.gemeente.name})"

    def get_absolute_url(self) -> str:
        return reverse("selection:detail", args=[self.pk])

    def competencies(self) -> list[Competency]:
        model = get_model(self.model_version)
        return [model.get(c["key"]) for c in self.criteria]

    def weights(self) -> dict[str, int]:
        return {c["key"]: int(c.get("weight", 1)) for c in self.criteria}

    @property
    def phase_label(self) -> str:
        return dict(PHASES)[self.phase]

    def phase_index(self) -> int:
        return PHASE_KEYS.index(self.phase)

    def has_or_advice(self) -> bool:
        return bool(self.or_advice and self.or_advice_date) or bool(
            self.or_advice_missing_reason.strip()
        )

    def move_to(self, phase: str) -> None:
        """Change the phase; raises PhaseRefused when the rules do not allow it."""
        if phase not in PHASE_KEYS:
            raise PhaseRefused("Die fase bestaat niet.")
        later = PHASE_KEYS.index(phase) >= PHASE_KEYS.index("advies")
        if later and not self.has_or_advice():
            raise PhaseRefused(
                "Eerst het advies van de ondernemingsraad vastleggen (of de reden waarom er "
                "geen advies is). Pas daarna kan het advies naar het college."
            )
        if later and self.proposed_id is None:
            raise PhaseRefused("Kies eerst de kandidaat die de commissie voordraagt.")
        self.phase = phase
        self.ended_at = timezone.now() if phase == "afgerond" else None
        self.save(update_fields=["phase", "ended_at"])

    def phase_date(self, phase: str) -> date | None:
        value = self.phase_dates.get(phase)
        return date.fromisoformat(value) if value else None

    def committee(self) -> list[Member]:
        """The members now (not those taken off the committee), chair first, in the order
        of Member.ROLES, then by name."""
        order = [key for key, _ in Member.ROLES]
        members = self.members.filter(removed_at__isnull=True).select_related("user")
        return sorted(members, key=lambda m: (order.index(m.role), m.name))


class Member(models.Model):
    VOORZITTER, LID, ADVISEUR, SECRETARIS, OR_LID = (
        "voorzitter",
        "lid",
        "adviseur",
        "secretaris",
        "or_lid",
    )
    ROLES = [
        (VOORZITTER, "Voorzitter"),
        (LID, "Lid"),
        (ADVISEUR, "Adviseur"),
        (SECRETARIS, "Secretaris van de commissie"),
        (OR_LID, "Lid namens de OR"),
    ]
    #: These members fill in scorecards; the secretary of the committee does not.
    SCORING_ROLES = (VOORZITTER, LID, ADVISEUR, OR_LID)
    #: These members run the procedure: members, candidates, phases, documents.
    MANAGING_ROLES = (VOORZITTER, SECRETARIS)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="selection_memberships"
    )
    role = models.CharField("rol", max_length=20, choices=ROLES)
    function = models.CharField("functie", max_length=200, blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    confidentiality_accepted_at = models.DateTimeField(null=True, blank=True)
    # Taken off the committee: no access from then on; the row and the scorecards stay
    # as a record (committee.py), but no longer count in the calibration.
    removed_at = models.DateTimeField("uit de commissie gehaald", null=True, blank=True)

    class Meta:
        ordering = ["procedure", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "user"], name="selection_member_unique")
        ]
        verbose_name = "commissielid"
        verbose_name_plural = "commissieleden"

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def role_label(self) -> str:
        """The role for inside a sentence: "voorzitter", "lid namens de OR"."""
        label = self.get_role_display()
        return label[:1].lower() + label[1:]

    @property
    def scores(self) -> bool:
        return self.role in self.SCORING_ROLES

    @property
    def manages(self) -> bool:
        return self.role in self.MANAGING_ROLES


class Candidate(models.Model):
    STAGES = [
        ("sollicitant", "Sollicitant"),
        ("eerste_ronde", "Eerste ronde"),
        ("tweede_ronde", "Tweede ronde"),
        ("assessment", "Assessment"),
        ("voorgedragen", "Voorgedragen"),
    ]
    STAGE_KEYS = [key for key, _ in STAGES]
    ACTIEF, AFGEWEZEN, TERUGGETROKKEN, BENOEMD = "actief", "afgewezen", "teruggetrokken", "benoemd"
    OUTCOMES = [
        (ACTIEF, "In procedure"),
        (AFGEWEZEN, "Afgewezen"),
        (TERUGGETROKKEN, "Teruggetrokken"),
        (BENOEMD, "Benoemd"),
    ]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField("naam", max_length=200)
    email = models.EmailField("e-mailadres", blank=True)
    phone = models.CharField("telefoon", max_length=40, blank=True)
    stage = models.CharField("bereikte fase", max_length=20, choices=STAGES, default="sollicitant")
    outcome = models.CharField("stand", max_length=20, choices=OUTCOMES, default=ACTIEF)
    consent_references = models.BooleanField("toestemming voor referenties", default=False)
    consent_internet = models.BooleanField("toestemming voor zoeken op internet", default=False)
    consent_keep_year = models.BooleanField("toestemming om een jaar te bewaren", default=False)
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    committee_rank = models.PositiveSmallIntegerField("plaats na bespreking", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "kandidaat"
        verbose_name_plural = "kandidaten"

    def __str__(self) -> str:
        return "Kandidaat"  # names stay out of logs and admin lists

    def in_round(self, number: int) -> bool:
        return self.STAGE_KEYS.index(self.stage) >= self.STAGE_KEYS.index(ROUNDS[number])

    @property
    def status_text(self) -> str:
        stage = self.get_stage_display().lower()
        if self.outcome == self.ACTIEF:
            return f"In procedure ({stage})"
        return f"{self.get_outcome_display()} ({stage})"


class Declaration(models.Model):
    """A member's conflict-of-interest declaration for one candidate; final once made."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="declarations")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="declarations")
    conflict = models.BooleanField()
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "candidate"], name="selection_declaration_unique"
            )
        ]

    def __str__(self) -> str:
        return "Melding van belangen"


class CandidateFile(models.Model):
    """An uploaded CV or letter; the bytes live under SELECTION_PRIVATE_DIR (uploads.py)."""

    KINDS = [("cv", "Cv"), ("brief", "Motivatiebrief")]
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField("soort", max_length=10, choices=KINDS)
    original_name = models.CharField(max_length=255)
    extension = models.CharField(max_length=5)  # "pdf" or "docx"
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "-uploaded_at"]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def stored_name(self) -> str:
        return f"{self.id.hex}.{self.extension}"


class InterviewQuestion(models.Model):
    """One question of the interview kit: the same for every candidate in that round."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="questions")
    round = models.PositiveSmallIntegerField()
    criterion = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["round", "position"]

    def __str__(self) -> str:
        return f"Vraag {self.position} (ronde {self.round})"


class Scorecard(models.Model):
    """One member's scores for one candidate in one round. Locked once submitted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="scorecards")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="scorecards")
    round = models.PositiveSmallIntegerField()
    scores = models.JSONField(default=dict)  # criterion key -> 1..5
    evidence = models.JSONField(default=dict)  # criterion key -> what the candidate said/did
    advice = models.CharField("eindoordeel", max_length=10, choices=ADVICES, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "candidate", "round"], name="selection_scorecard_unique"
            )
        ]

    def __str__(self) -> str:
        return "Scorekaart"  # contents stay out of logs and admin lists

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def submit(self) -> None:
        self.submitted_at = timezone.now()
        self.save(update_fields=["scores", "evidence", "advice", "submitted_at", "updated_at"])

    def amend(self, by: Any, reason: str, **changes: Any) -> Amendment:
        """Change a submitted scorecard; the old and new values and the reason are kept."""
        with transaction.atomic():
            before = {"scores": self.scores, "evidence": self.evidence, "advice": self.advice}
            for name, value in changes.items():
                setattr(self, name, value)
            self.save(update_fields=["scores", "evidence", "advice", "updated_at"])
            after = {"scores": self.scores, "evidence": self.evidence, "advice": self.advice}
            return Amendment.objects.create(
                scorecard=self, by=by, reason=reason, before=before, after=after
            )


class RejectionMail(models.Model):
    """A rejection letter emailed to a candidate by `secretaris worker` (mail_jobs.py).

    The text is kept as it was sent; it is personal data of the candidate and is deleted
    with them (retention.py)."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="rejection_mails"
    )
    phase = models.CharField(max_length=20)
    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    reply_to = models.EmailField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return "Afwijzingsbrief"  # names stay out of logs and admin lists

    @property
    def state(self) -> str:
        """In Dutch, for the page: where the letter is now."""
        if self.sent_at:
            return "Verstuurd"
        if self.job is None:
            return "Niet verstuurd"
        if self.job.status == self.job.FAILED:
            return "Mislukt: de mailserver nam de brief niet aan"
        if self.job.status == self.job.RETRY:
            return "Nog niet gelukt; er volgt een nieuwe poging"
        return "Wordt verstuurd"

    @property
    def failed(self) -> bool:
        return self.sent_at is None and self.job is not None and self.job.status == self.job.FAILED


class Amendment(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="amendments")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField()
    before = models.JSONField()
    after = models.JSONField()

    class Meta:
        ordering = ["at"]

    def __str__(self) -> str:
        return "Aanpassing van een scorekaart"
