"""The editor's steps, in order: one task per page, with 'stap X van N'."""

from __future__ import annotations

from dataclasses import dataclass

from secretaris.profiles import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form: type[forms.StepForm]
    intro: str


STEPS: tuple[Step, ...] = (
    Step(
        "algemeen", "Algemeen", forms.GeneralForm, "De titel van de functie en een korte inleiding."
    ),
    Step(
        "competenties",
        "Competenties",
        forms.CompetenciesForm,
        "Welke situatiegebonden competenties vraagt deze gemeente? De suggesties komen uit "
        "het gemeentedossier; de redenen staan erbij. U beslist.",
    ),
    Step(
        "gemeente",
        "De gemeente",
        forms.GemeenteForm,
        "Een beschrijving van de gemeente. De cijfers uit het dossier komen er vanzelf bij.",
    ),
    Step(
        "bestuur",
        "Het bestuur",
        forms.BestuurForm,
        "Raad, college en bestuurscultuur. De zetelverdeling komt er vanzelf bij.",
    ),
    Step(
        "organisatie",
        "De organisatie",
        forms.OrganisationForm,
        "Missie, sturing, veranderopgave en personeelscijfers. De cijfers zetten we naast "
        "die van de sector.",
    ),
    Step(
        "procedure", "De procedure", forms.ProcedureForm, "Planning, commissie en contactpersoon."
    ),
)

BY_SLUG = {s.slug: s for s in STEPS}


def position(slug: str) -> tuple[int, Step | None]:
    """(1-based number of the step, the next step or None)."""
    index = [s.slug for s in STEPS].index(slug)
    return index + 1, STEPS[index + 1] if index + 1 < len(STEPS) else None
