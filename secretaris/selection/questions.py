"""The interview kit: per round and per criterion two behavioural (STAR) questions.

A behavioural question asks for a real past situation, and the follow-up questions walk
through Situatie, Taak, Actie and Resultaat. The questions start from the competency's
behavioural indicators, so what the committee asks is what it scores. Round 1 uses the
first two indicators of each competency, round 2 the next two: a candidate in the second
round tells new stories. The committee may edit every question; all candidates in a round
get the same questions.
"""

from __future__ import annotations

from secretaris.competencies.model import Competency

QUESTIONS_PER_CRITERION = 2
STAR_PROBES = (
    "Situatie: wat speelde er, wanneer, en wie waren erbij betrokken?",
    "Taak: wat was uw rol, en wat werd er van u verwacht?",
    "Actie: wat deed u zelf, stap voor stap? Wat zei u tegen wie?",
    "Resultaat: wat was het effect, hoe weet u dat, en wat zou u nu anders doen?",
)


def questions_for(competency: Competency, round: int) -> list[str]:
    """Two STAR questions for `competency` in round 1 or 2, built on its indicators."""
    start = (round - 1) * QUESTIONS_PER_CRITERION
    indicators = competency.indicators[start : start + QUESTIONS_PER_CRITERION]
    if len(indicators) < QUESTIONS_PER_CRITERION:  # a short list: start again from the top
        indicators = competency.indicators[:QUESTIONS_PER_CRITERION]
    return [
        f"Vertel over een keer dat dit gedrag van u nodig was: ‘{indicator.text}’ Wat speelde "
        "er, en wat deed u zelf?"
        for indicator in indicators
    ]


def create_questions(procedure) -> None:
    """The default kit for rounds 1 and 2 of a new procedure."""
    from secretaris.selection.models import ROUNDS, InterviewQuestion

    rows = []
    for round in ROUNDS:
        position = 0
        for competency in procedure.competencies():
            for text in questions_for(competency, round):
                position += 1
                rows.append(
                    InterviewQuestion(
                        procedure=procedure,
                        round=round,
                        criterion=competency.key,
                        position=position,
                        text=text,
                    )
                )
    InterviewQuestion.objects.bulk_create(rows)
