"""Slow work done outside the request, with a state that people can see.

A Job is what a person started (invitations to 300 raters, a mail, a batch of PDFs): who,
about what, how far it got, how many attempts, the last error. The queue itself is Django's
tasks framework with the database backend (see queue.py and docs/architecture.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Job(models.Model):
    WAITING = "wachtrij"
    RUNNING = "bezig"
    RETRY = "opnieuw"
    DONE = "klaar"
    FAILED = "mislukt"
    STATUSES = [
        (WAITING, "In de wachtrij"),
        (RUNNING, "Bezig"),
        (RETRY, "Wacht op een nieuwe poging"),
        (DONE, "Klaar"),
        (FAILED, "Mislukt"),
    ]

    function = models.CharField(max_length=200)  # dotted path of a @background function
    kwargs = models.JSONField(default=dict)
    label = models.CharField("omschrijving", max_length=200)
    subject = models.CharField("over", max_length=100, blank=True, db_index=True)  # "scan:12"
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gestart door",
    )
    status = models.CharField(max_length=10, choices=STATUSES, default=WAITING)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    max_attempts = models.PositiveSmallIntegerField("hoogstens pogingen", default=3)
    last_error = models.TextField("laatste fout", blank=True)
    result = models.JSONField("uitkomst", default=dict, blank=True)
    created_at = models.DateTimeField("gestart", auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField("afgerond", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "achtergrondtaak"
        verbose_name_plural = "achtergrondtaken"

    def __str__(self) -> str:
        return f"{self.label} ({self.get_status_display().lower()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.DONE, self.FAILED)
