"""An organisatiebeeld: a municipality's staff figures from an HR export, per import.

Privacy by design: an import keeps per employment only a pseudonymous person number
(1, 2, 3, ... within that import), birth year, gender, unit, job, fte, the dates of
employment and a manager flag, and absence only as periods. No names, BSN, employee
numbers or exact birth dates; the uploaded file itself is deleted after the import.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from secretaris.accounts.models import Grant
from secretaris.dossier.models import Gemeente


class Organisation(models.Model):
    """One organisatiebeeld of a municipality, visible to its importer and whom they grant."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    mapping = models.JSONField(default=dict)  # remembered: field key -> column header
    formatie_fte = models.DecimalField(
        "formatie (fte)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    formatie_source = models.CharField("bron formatie", max_length=200, blank=True)
    satisfaction = models.DecimalField(
        "medewerkertevredenheid", max_digits=4, decimal_places=1, null=True, blank=True
    )
    satisfaction_source = models.CharField("bron tevredenheid", max_length=200, blank=True)
    satisfaction_year = models.PositiveSmallIntegerField("jaar", null=True, blank=True)
    grants = GenericRelation(Grant, object_id_field="object_id")

    class Meta:
        ordering = ["gemeente__name", "-created_at"]

    def __str__(self) -> str:
        return f"Organisatiebeeld {self.gemeente.name}"

    def get_absolute_url(self) -> str:
        return reverse("organisation:detail", args=[self.pk])

    def latest_import(self) -> StaffImport | None:
        return self.imports.order_by("-imported_at", "-pk").first()


class StaffImport(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="imports")
    peildatum = models.DateField()
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file_kind = models.CharField(max_length=4)  # csv / xlsx
    rows = models.PositiveIntegerField()
    indicators = models.JSONField(default=dict)  # Indicators.as_json(), computed at import
    notes = models.JSONField(default=list)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"HR-export {self.organisation.gemeente.name} {self.peildatum}"


class Employment(models.Model):
    staff_import = models.ForeignKey(
        StaffImport, on_delete=models.CASCADE, related_name="employments"
    )
    person = models.PositiveIntegerField()  # pseudonymous, within this import only
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    fte = models.DecimalField(max_digits=6, decimal_places=4)
    gender = models.CharField(max_length=1, blank=True)  # M / V / X, "" = not in the file
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    unit = models.CharField(max_length=100, blank=True)
    job = models.CharField(max_length=100, blank=True)
    manager = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Medewerker {self.person} vanaf {self.start}"


class AbsencePeriod(models.Model):
    """A period of sickness absence; nothing medical (pregnancy leave is left out)."""

    staff_import = models.ForeignKey(StaffImport, on_delete=models.CASCADE, related_name="absences")
    person = models.PositiveIntegerField()
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Verzuim medewerker {self.person} vanaf {self.start}"
