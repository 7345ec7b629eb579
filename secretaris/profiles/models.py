"""A profielschets: the general profile coloured in for one municipality.

Versions of one profile share a `lineage`; each version is its own row, numbered from 1.
A definitief version is frozen: it is never edited again, only copied into a new concept.
The dossier facts are copied into `snapshot` so a document stays reproducible when the
open data changes later.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Max
from django.utils import timezone

from secretaris.dossier.models import Gemeente

DEFAULT_TITLE = "Gemeentesecretaris / algemeen directeur"


class ProfileQuerySet(models.QuerySet):
    def latest_versions(self):
        """Only the newest version of each profile."""
        newest = (
            Profile.objects.filter(lineage=models.OuterRef("lineage"))
            .order_by("-number")
            .values("pk")[:1]
        )
        return self.filter(pk=models.Subquery(newest))


class Profile(models.Model):
    CONCEPT = "concept"
    DEFINITIEF = "definitief"
    STATUSES = [(CONCEPT, "Concept"), (DEFINITIEF, "Definitief")]
    TYPES = [
        ("regie", "Regiegemeente"),
        ("ontwikkel", "Ontwikkelgemeente"),
        ("beheer", "Beheergemeente"),
    ]

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="profiles")
    lineage = models.UUIDField(default=uuid.uuid4, db_index=True)
    number = models.PositiveSmallIntegerField("versie", default=1)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=12, choices=STATUSES, default=CONCEPT)
    title = models.CharField("functietitel", max_length=200, default=DEFAULT_TITLE)
    model_version = models.CharField("versie competentiemodel", max_length=20)
    texts = models.JSONField(default=dict)  # section key -> text with simple markup
    situational = models.JSONField(default=list)  # [{key, chosen, suggested, reasons, note}]
    gemeente_type = models.CharField("type gemeente", max_length=12, choices=TYPES, blank=True)
    type_reasons = models.JSONField(default=list)
    type_suggested = models.CharField(max_length=12, blank=True)
    organisation = models.JSONField(default=dict)  # figures and texts, see forms
    # What users know about the bestuur (coalition, college, culture, cooperation, SWOT):
    # keys and maximum lengths in bestuur.py; edited in the bestuur step.
    bestuur = models.JSONField(default=dict)
    # The vacancy: reason, salary scale, dates, committee, contact persons (see vacancy.py).
    vacancy = models.JSONField(default=dict)
    # An optional logo for the title page: a PNG re-encoded from the upload (see logo.py).
    logo = models.BinaryField(null=True, blank=True, editable=False)
    archived_at = models.DateTimeField("gearchiveerd op", null=True, blank=True)
    snapshot = models.JSONField(default=dict)  # the dossier as JSON when copied
    snapshot_at = models.DateTimeField(null=True, blank=True)
    lock_version = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    finalised_at = models.DateTimeField(null=True, blank=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lineage", "number"], name="profile_version_unique")
        ]
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"Profielschets {self.gemeente.name} (versie {self.number})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("profiles:detail", args=[self.pk])

    @property
    def is_frozen(self) -> bool:
        return self.status == self.DEFINITIEF

    def chosen_situational(self) -> list[dict]:
        return [item for item in self.situational if item.get("chosen")]

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def versions(self):
        return Profile.objects.filter(lineage=self.lineage).order_by("number")

    def save_changes(self, user, expected_lock: int, **fields) -> bool:
        """Store `fields` only if nobody saved since `expected_lock`; False on a conflict."""
        if self.is_frozen:
            raise FrozenProfile
        updated = Profile.objects.filter(
            pk=self.pk, lock_version=expected_lock, status=self.CONCEPT
        ).update(
            **fields,
            lock_version=F("lock_version") + 1,
            updated_by=user,
            updated_at=timezone.now(),
        )
        if updated:
            self.refresh_from_db()
        return bool(updated)

    def finalise(self, user, expected_lock: int) -> bool:
        """Concept -> definitief (frozen). False when someone saved in between."""
        updated = Profile.objects.filter(
            pk=self.pk, lock_version=expected_lock, status=self.CONCEPT
        ).update(
            status=self.DEFINITIEF,
            finalised_by=user,
            finalised_at=timezone.now(),
            lock_version=F("lock_version") + 1,
        )
        if updated:
            self.refresh_from_db()
        return bool(updated)

    def new_version(self, user) -> Profile:
        """A new concept copied from this version (the newest number + 1)."""
        with transaction.atomic():
            # Lock the lineage's rows so two people cannot create the same number.
            list(Profile.objects.select_for_update().filter(lineage=self.lineage))
            number = Profile.objects.filter(lineage=self.lineage).aggregate(n=Max("number"))["n"]
            return Profile.objects.create(
                gemeente=self.gemeente,
                lineage=self.lineage,
                number=number + 1,
                based_on=self,
                title=self.title,
                model_version=self.model_version,
                texts=dict(self.texts),
                situational=list(self.situational),
                gemeente_type=self.gemeente_type,
                type_reasons=list(self.type_reasons),
                type_suggested=self.type_suggested,
                organisation=dict(self.organisation),
                bestuur=dict(self.bestuur),
                vacancy=dict(self.vacancy),
                logo=self.logo,
                snapshot=self.snapshot,
                snapshot_at=self.snapshot_at,
                created_by=user,
                updated_by=user,
            )


class FrozenProfile(Exception):
    """A definitief profile cannot be changed; make a new version instead."""
