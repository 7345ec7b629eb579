"""`secretaris selectie demo`: a realistic procedure from profile to advice.

The demo goes through the same steps as a real committee: a definitief profielschets,
`start_procedure`, seven members, twelve applicants with a CV, conflict declarations
(one member knows one applicant and steps aside), a scorecard from every member for
every applicant in round 1, the best four (by the formula) in round 2, the committee's
own ranking after discussion (it swaps two places, so the calibration shows a
difference), the OR advice and the committee's advice. Only the scores are simulated:

    score = round(level of the applicant on the criterion + leniency of the member
                  + noise), 1..5

The members get no password and no two-factor authentication: to look around, give one a
password with `secretaris gebruiker demo-voorzitter`; at first login they set up
two-factor authentication and accept the confidentiality statement, as a real member would.
"""

from __future__ import annotations

import hashlib
import random
from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from secretaris.dossier.models import Gemeente
from secretaris.selection import scoring, uploads
from secretaris.selection.models import (
    PHASE_KEYS,
    Candidate,
    CandidateFile,
    Declaration,
    Member,
    Procedure,
    Scorecard,
)
from secretaris.selection.procedures import start_procedure

EMAIL_DOMAIN = "demo.invalid"  # never delivers mail (RFC 2606)

MEMBERS = [  # username, first name, last name, role, function, leniency
    ("demo-voorzitter", "Marleen", "Verhoeven", Member.VOORZITTER, "burgemeester", 0.0),
    (
        "demo-wethouder-po",
        "Jeroen",
        "Bakker",
        Member.LID,
        "wethouder personeel en organisatie",
        0.3,
    ),
    ("demo-wethouder-fin", "Fatima", "El Amrani", Member.LID, "wethouder financiën", -0.2),
    ("demo-or", "Peter", "de Groot", Member.OR_LID, "voorzitter van de ondernemingsraad", 0.1),
    (
        "demo-adviseur",
        "Ingrid",
        "Smit",
        Member.ADVISEUR,
        "extern adviseur werving en selectie",
        -0.4,
    ),
    ("demo-collega", "Hans", "Mulder", Member.LID, "gemeentesecretaris van een buurgemeente", 0.0),
    (
        "demo-hr",
        "Sanne",
        "Jansen",
        Member.SECRETARIS,
        "HR-adviseur, secretaris van de commissie",
        0.0,
    ),
]

APPLICANTS = [  # name, current position, overall level (1-5)
    ("Annelies van Dijk", "gemeentesecretaris van een gemeente met 45.000 inwoners", 4.1),
    ("Bart Hendriks", "concerndirecteur bij een grote gemeente", 3.7),
    ("Claudia Visser", "directeur bedrijfsvoering bij een provincie", 3.2),
    ("Dennis Kramer", "afdelingshoofd ruimte bij een middelgrote gemeente", 2.6),
    ("Esther de Boer", "adjunct-gemeentesecretaris", 3.9),
    ("Frank Peters", "directeur van een omgevingsdienst", 3.4),
    ("Gerda Willems", "interim-manager in het sociaal domein", 2.9),
    ("Hamid Yilmaz", "programmadirecteur bij een ministerie", 3.5),
    ("Iris van den Berg", "griffier van een grote gemeente", 3.0),
    ("Joost Vermeulen", "directeur van een woningcorporatie", 2.4),
    ("Karin Bos", "gemeentesecretaris van een gemeente met 25.000 inwoners", 3.8),
    ("Lucas Dekker", "teamleider financiën bij een waterschap", 2.2),
]
RECUSED = ("demo-collega", "Frank Peters")  # a former colleague: Hans steps aside
SECOND_ROUND = 4

EVIDENCE = {
    "high": "Gaf een concreet, recent voorbeeld: ‘{}’. Duidelijk wat de kandidaat zelf deed.",
    "mid": "Herkenbaar (‘{}’), maar het voorbeeld bleef algemeen; eigen rol niet helder.",
    "low": "Kon geen voorbeeld geven van: ‘{}’. Bleef in algemeenheden.",
}


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--gemeente", default="Utrecht", help="Naam van de gemeente.")
    parser.add_argument("--seed", type=int, default=1, help="Voor steeds dezelfde uitkomst.")


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    gemeente = Gemeente.objects.filter(name__iexact=options["gemeente"]).first()
    if gemeente is None:
        raise CommandError(
            f"De gemeente '{options['gemeente']}' kennen we niet. Laad eerst de gegevens "
            "(secretaris data load) of kies een andere naam.",
            returncode=2,
        )
    procedure = build_demo(gemeente, random.Random(options["seed"]))
    command.stdout.write(f"Demoprocedure aangemaakt: {procedure.title} ({gemeente.name}).")
    command.stdout.write(f"ID: {procedure.pk}")
    command.stdout.write(f"Adres: {procedure.get_absolute_url()}")
    command.stdout.write(
        "Leden: " + ", ".join(f"{m[0]} ({dict(Member.ROLES)[m[3]]})" for m in MEMBERS)
    )
    command.stdout.write(
        "Inloggen: geef een lid een wachtwoord met 'secretaris gebruiker demo-voorzitter'. "
        "Bij de eerste keer zet u tweestapsverificatie aan."
    )
    command.stdout.write(f"Advies: secretaris selectie advies {procedure.pk} --pdf advies.pdf")


def _user(username: str, first: str, last: str):
    users = get_user_model()
    user, created = users.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@{EMAIL_DOMAIN}"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def build_demo(gemeente: Gemeente, rng: random.Random) -> Procedure:
    from secretaris.profiles.drafting import draft_profile

    now = timezone.now()
    with transaction.atomic():
        users = {m[0]: _user(m[0], m[1], m[2]) for m in MEMBERS}
        chair = users["demo-voorzitter"]
        profile = draft_profile(gemeente, chair)
        profile.finalise(chair, profile.lock_version)
        year = timezone.localdate().year
        procedure = start_procedure(
            profile, chair, f"Gemeentesecretaris {gemeente.name} {year}", Member.VOORZITTER
        )
        start = timezone.localdate() - timedelta(days=63)
        procedure.phase_dates = {
            key: (start + timedelta(days=14 * i)).isoformat()
            for i, key in enumerate(PHASE_KEYS)
            if key != "assessment"  # this committee decided it needed none
        }
        procedure.save(update_fields=["phase_dates"])
        members = {}
        for username, _first, _last, role, function, _bias in MEMBERS:
            member, _ = Member.objects.update_or_create(
                procedure=procedure,
                user=users[username],
                defaults={
                    "role": role,
                    "function": function,
                    "invited_at": now,
                    "confidentiality_accepted_at": now,
                },
            )
            members[username] = member
        candidates = [
            _candidate(procedure, name, position, rng) for name, position, _ in APPLICANTS
        ]
        levels = {
            c.pk: {k: level + rng.uniform(-0.7, 0.7) for k in procedure.weights()}
            for c, (_, _, level) in zip(candidates, APPLICANTS, strict=True)
        }
        for c in candidates:
            for username, member in members.items():
                conflict = (username, c.name) == RECUSED
                Declaration.objects.create(member=member, candidate=c, conflict=conflict)
        first = _score_round(procedure, 1, candidates, members, levels, rng)
        best = sorted(candidates, key=lambda c: first[c.pk], reverse=True)[:SECOND_ROUND]
        for c in candidates:
            c.stage = "tweede_ronde" if c in best else "eerste_ronde"
            c.outcome = Candidate.ACTIEF if c in best else Candidate.AFGEWEZEN
            c.save(update_fields=["stage", "outcome"])
        second = _score_round(procedure, 2, best, members, levels, rng)
        ranked = sorted(best, key=lambda c: second[c.pk], reverse=True)
        ranked[1], ranked[2] = ranked[2], ranked[1]  # the discussion changed places 2 and 3
        for place, c in enumerate(ranked, start=1):
            c.committee_rank = place
            c.save(update_fields=["committee_rank"])
        _advise(procedure, ranked)
    return procedure


def _candidate(procedure: Procedure, name: str, position: str, rng: random.Random) -> Candidate:
    from secretaris.documents.model import Document, KeyValues, Paragraph, Section
    from secretaris.documents.pdf import render_pdf

    first = name.split()[0].lower()
    candidate = Candidate.objects.create(
        procedure=procedure,
        name=name,
        email=f"{first}@{EMAIL_DOMAIN}",
        phone=f"06-{rng.randint(10000000, 99999999)}",
        stage="eerste_ronde",
        consent_references=rng.random() < 0.8,
        consent_internet=rng.random() < 0.5,
        consent_keep_year=rng.random() < 0.4,
        consent_recorded_at=timezone.now(),
    )
    cv = render_pdf(
        Document(
            title=f"Curriculum vitae {name}",
            meta=(("Huidige functie", position),),
            sections=(
                Section(
                    "Loopbaan",
                    (
                        Paragraph(f"Nu: {position}."),
                        KeyValues((("Opleiding", "Bestuurskunde (master)"),)),
                    ),
                ),
            ),
            table_of_contents=False,
        )
    )
    record = CandidateFile.objects.create(
        candidate=candidate,
        kind="cv",
        original_name="cv.pdf",
        extension="pdf",
        size=len(cv),
        sha256=hashlib.sha256(cv).hexdigest(),
    )
    uploads.store(record.stored_name, cv)
    return candidate


def _score_round(procedure, number, candidates, members, levels, rng) -> dict:
    """Every scoring member fills in and submits a card; returns the formula per candidate."""
    weights = procedure.weights()
    biases = {m[0]: m[5] for m in MEMBERS}
    competencies = {c.key: c for c in procedure.competencies()}
    formula = {}
    for c in candidates:
        cards = []
        for username, member in members.items():
            if not member.scores or (username, c.name) == RECUSED:
                continue
            scores = {
                key: max(
                    1, min(5, round(levels[c.pk][key] + biases[username] + rng.gauss(0, 0.45)))
                )
                for key in weights
            }
            evidence = {}
            for key, score in scores.items():
                if rng.random() < 0.6:
                    indicator = rng.choice(competencies[key].indicators).text.rstrip(".")
                    level = "high" if score >= 4 else "mid" if score == 3 else "low"
                    evidence[key] = EVIDENCE[level].format(indicator[:1].lower() + indicator[1:])
            mean = scoring.weighted_mean(scores, weights)
            advice = (
                "sterk_ja"
                if mean >= 4
                else "ja"
                if mean >= 3.3
                else "nee"
                if mean >= 2.5
                else "sterk_nee"
            )
            Scorecard.objects.create(
                member=member,
                candidate=c,
                round=number,
                scores=scores,
                evidence=evidence,
                advice=advice,
                submitted_at=timezone.now(),
            )
            cards.append(scores)
        formula[c.pk] = scoring.formula_score(cards, weights)
    return formula


def _advise(procedure: Procedure, ranked: list[Candidate]) -> None:
    first, second = ranked[0], ranked[1]
    procedure.proposed = first
    procedure.advice_reasons = (
        f"{first.name} scoorde in beide rondes het hoogst op de kerncompetenties, vooral op "
        "bestuurlijke sensitiviteit en persoonlijk optreden. De commissie was eensgezind over "
        "de stevigheid richting het college en de ervaring met de ondernemingsraad.\n\n"
        f"Na bespreking plaatste de commissie {second.name} op de tweede plaats, hoger dan de "
        "formule: de commissie woog de ervaring met een fusietraject in de regio zwaarder dan "
        "het verschil in scores. De commissie vindt ook deze kandidaat benoembaar.\n\n"
        "Een assessment vond de commissie niet nodig: de scores van de leden lagen bij de "
        "voorgedragen kandidaat dicht bij elkaar."
    )
    procedure.or_advice = "positief"
    procedure.or_advice_date = timezone.localdate() - timedelta(days=2)
    procedure.or_advice_text = (
        f"De ondernemingsraad adviseert positief over de voorgenomen benoeming van {first.name}. "
        "De OR waardeert de open houding in het gesprek en vraagt de nieuwe secretaris om in "
        "het eerste halfjaar een werkafspraak te maken over het overleg met de OR."
    )
    procedure.save(
        update_fields=[
            "proposed",
            "advice_reasons",
            "or_advice",
            "or_advice_date",
            "or_advice_text",
        ]
    )
    first.stage = "voorgedragen"
    first.save(update_fields=["stage"])
    procedure.move_to("advies")
