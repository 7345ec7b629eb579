"""The couleur rules over all 342 municipalities (bounds justified in docs/couleur.md)."""

from collections import Counter

import pytest

from secretaris.competencies.couleur import suggest
from secretaris.dossier.models import Gemeente
from secretaris.dossier.presenter import build_dossier
from secretaris.profiles.couleur_input import couleur_from_snapshot

pytestmark = pytest.mark.django_db

#: Share of the municipalities per type: (lowest, highest), see docs/couleur.md.
TYPE_BOUNDS = {"beheer": (0.40, 0.65), "ontwikkel": (0.25, 0.45), "regie": (0.08, 0.20)}


@pytest.fixture(scope="module")
def results(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return {
            g.name: suggest(couleur_from_snapshot(build_dossier(g).as_json()))
            for g in Gemeente.objects.all()
        }


def test_all_342_municipalities_are_judged(results):
    assert len(results) == 342


def test_every_municipality_gets_at_least_one_recommended_situational_competency(results):
    without = [name for name, r in results.items() if not any(s.recommended for s in r.situational)]
    assert without == []


def test_every_reason_says_why_it_matters(results):
    for name, result in results.items():
        for s in result.situational:
            for reason in s.reasons:
                assert reason.count(".") >= 2, (name, reason)  # the fact, then why


def test_the_type_distribution_stays_within_the_documented_bounds(results):
    counts = Counter(r.type for r in results.values())
    for kind, (low, high) in TYPE_BOUNDS.items():
        assert low * 342 <= counts[kind] <= high * 342, (kind, counts)


def test_coaching_is_suggested_somewhere(results):
    assert any(
        s.competency == "coaching-ontwikkelingsgerichtheid" and s.recommended
        for r in results.values()
        for s in r.situational
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Rotterdam", "ontwikkel"), ("Amsterdam", "ontwikkel"), ("Wijchen", "regie")],
)
def test_known_municipalities_get_a_type_a_professional_would_sign(results, name, kind):
    assert results[name].type == kind


def test_unknown_is_never_stated_as_absent(results):
    for result in results.values():
        assert not any("bekend" in r and r.startswith("Geen") for r in result.type_reasons)
