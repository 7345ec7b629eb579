"""The data migration that moves dossier bestuur notes into the profiles."""

import importlib
from types import SimpleNamespace

import pytest

from secretaris.dossier.models import Gemeente
from secretaris.profiles.drafting import draft_profile
from secretaris.profiles.models import Profile

pytestmark = pytest.mark.django_db

migration = importlib.import_module("secretaris.profiles.migrations.0003_copy_dossier_bestuur")


def test_dossier_notes_are_copied_into_profiles_whose_notes_are_empty():
    gemeente = Gemeente.objects.get(code="GM1900")
    row = SimpleNamespace(
        gemeente_id=gemeente.code,
        coalition_parties="CDA\nFNP",
        coalition_since=None,
        merger_plans="geen",
        bestuursmodel="collegiaal",
        swot_strengths="Sterke dorpen",
    )
    empty = draft_profile(gemeente)
    own = draft_profile(gemeente)
    own.bestuur = {"bestuurscultuur": "Eigen tekst"}
    own.save()
    elsewhere = draft_profile(Gemeente.objects.get(name="Wijchen"))

    migration.copy_notes(_Apps([row]), None)

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


class _Apps:
    """The migration's view of the models: the dossier's (since deleted) Bestuur rows."""

    def __init__(self, rows):
        self.rows = rows

    def get_model(self, app: str, name: str):
        if (app, name) == ("dossier", "Bestuur"):
            return SimpleNamespace(objects=SimpleNamespace(all=lambda: self.rows))
        assert (app, name) == ("profiles", "Profile")
        return Profile
