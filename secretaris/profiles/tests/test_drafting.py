import pytest

from secretaris.competencies.model import CURRENT_VERSION
from secretaris.dossier.models import Gemeente
from secretaris.profiles.drafting import apply_suggestions, draft_profile

pytestmark = pytest.mark.django_db


def test_a_new_profile_is_prefilled_from_the_dossier():
    profile = draft_profile(Gemeente.objects.get(code="GM1900"), save=False)
    assert profile.model_version == CURRENT_VERSION
    assert profile.snapshot["name"] == "Súdwest-Fryslân"
    assert "90.514 inwoners" in profile.texts["gemeente"]
    assert "89 woonplaatsen" in profile.texts["gemeente"]
    assert "37 zetels" in profile.texts["bestuur"]


def test_the_recommended_competencies_are_chosen_with_their_reasons():
    profile = draft_profile(Gemeente.objects.get(code="GM1900"), save=False)
    chosen = profile.chosen_situational()
    assert 1 <= len(chosen) <= 4
    assert all(item["reasons"] for item in chosen)
    assert profile.gemeente_type in {"regie", "ontwikkel", "beheer"}
    assert profile.type_reasons


def test_recomputing_suggestions_keeps_the_users_choice_and_note():
    profile = draft_profile(Gemeente.objects.get(code="GM1900"), save=False)
    first = profile.situational[0]
    first["chosen"] = not first["chosen"]
    first["note"] = "Eigen toelichting"
    apply_suggestions(profile)
    again = next(i for i in profile.situational if i["key"] == first["key"])
    assert again["chosen"] == first["chosen"] and again["note"] == "Eigen toelichting"


def test_benchmarks_are_copied_with_their_source():
    profile = draft_profile(Gemeente.objects.get(code="GM1900"), save=False)
    absence = profile.snapshot["benchmarks"]["sickness_absence_pct"]
    assert absence["source_url"].startswith("http") and absence["year"] >= 2022


def test_the_gemeente_text_tells_how_the_municipality_was_formed():
    text = draft_profile(Gemeente.objects.get(code="GM1900"), save=False).texts["gemeente"]
    assert "In 2011 is de gemeente ontstaan uit Bolsward, Nijefurd, Sneek" in text
    assert text.index("2011") < text.index("2018")
