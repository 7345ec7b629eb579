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
        "algemeen",
        "Algemeen",
        forms.GeneralForm,
        "De titel van de functie, waarom deze vacature en wie u zoekt. De teksten zijn "
        "vooringevuld; pas ze aan waar nodig.",
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
        "Een beschrijving van de gemeente, de opgaven en de financiën. De cijfers uit het "
        "dossier komen er vanzelf bij.",
    ),
    Step(
        "bestuur",
        "Het bestuur",
        forms.BestuurForm,
        "Raad, college, coalitie, bestuurscultuur en samenwerking. De zetelverdeling komt er "
        "vanzelf bij. Alleen wie toegang heeft tot deze profielschets ziet wat u hier invult.",
    ),
    Step(
        "organisatie",
        "De organisatie",
        forms.OrganisationForm,
        "Missie, sturing, veranderopgave en personeelscijfers. De cijfers zetten we naast "
        "die van de sector.",
    ),
    Step(
        "vacature",
        "Aanbod en procedure",
        forms.VacancyForm,
        "Salaris, data, de benoemingsadviescommissie en de contactpersonen. Wat u niet "
        "invult, komt niet in het document.",
    ),
)

BY_SLUG = {s.slug: s for s in STEPS}


def position(slug: str) -> tuple[int, Step | None]:
    """(1-based number of the step, the next step or None)."""
    index = [s.slug for s in STEPS].index(slug)
    return index + 1, STEPS[index + 1] if index + 1 < len(STEPS) else None
