"""The data migration that moves dossier bestuur notes into the profiles."""

import importlib

import pytest
from django.apps import apps

from secretaris.dossier.models import Bestuur, Gemeente
from secretaris.profiles.drafting import draft_profile

pytestmark = pytest.mark.django_db

migration = importlib.import_module("secretaris.profiles.migrations.0003_copy_dossier_bestuur")


def test_dossier_notes_are_copied_into_profiles_whose_notes_are_empty():
    gemeente = Gemeente.objects.get(code="GM1900")
    Bestuur.objects.create(
        gemeente=gemeente,
        coalition_parties="CDA\nFNP",
        merger_plans="geen",
        bestuursmodel="collegiaal",
        swot_strengths="Sterke dorpen",
    )
    empty = draft_profile(gemeente)
    own = draft_profile(gemeente)
    own.bestuur = {"bestuurscultuur": "Eigen tekst"}
    own.save()
    elsewhere = draft_profile(Gemeente.objects.get(name="Wijchen"))

    migration.copy_notes(apps, None)

    empty.refresh_from_db()
    own.refresh_from_db()
    elsewhere.refresh_from_db()
    assert empty.bestuur == {
        "coalition_parties": "CDA\nFNP",
        "merger_plans": "geen",
        "swot_strengths": "Sterke dorpen",
        "bestuursmodel": "collegiaal",
    }
    assert own.bestuur == {"bestuurscultuur": "Eigen tekst"}
    assert elsewhere.bestuur == {}
