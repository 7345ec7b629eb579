"""`secretaris scan demo`: a closed demo scan with simulated raters, to look at a report.

The demo goes through the same steps as a real scan: `start_scan`, `add_raters`, approval,
opening, and per rater `start`, `save_page` for every competency and `finish`; then
`close()`, whose hook freezes the report. Only the answers are simulated:

    score = round(true level of the competency + tendency of the rater + noise), 1..5

The secretary rates themself with an own bias per competency, so the report has blind
spots and hidden strengths. Each other rater skips 5–10 % of the indicators ("kan ik niet
beoordelen") and now and then writes a comment, drawn from that competency's own list in
demo_comments.py, never the same sentence twice for one competency.

The report links the scan to the municipality's profielschets. When the gemeente has no
definitief profielschets yet, the demo makes one (the default draft, finalised by the demo
secretary), so that the demo report shows that link as a real one would.

The groups show the anonymity rules at work: the burgemeester agrees to be shown by role,
the griffier does not; the raad (2) and the externe partners (2) stay below k = 3, so
they are merged with the griffier into "Overige beoordelaars".
"""

from __future__ import annotations

import random
import secrets
from argparse import ArgumentParser
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from secretaris.dossier.models import Gemeente
from secretaris.scan.demo_comments import FEEDBACK, FEEDFORWARD
from secretaris.scan.models import Scan, start_scan
from secretaris.scan.nominations import Nomination

DEMO_USERNAME = "demo-secretaris"
DEMO_EMAIL_DOMAIN = "demo.invalid"  # .invalid never delivers mail (RFC 2606)

# (group key, number of raters); "zelf" is the secretary, added by start_scan.
GROUP_SIZES: tuple[tuple[str, int], ...] = (
    ("burgemeester", 1),
    ("griffier", 1),
    ("wethouders", 4),
    ("raad", 2),
    ("directie", 5),
    ("medewerkers", 6),
    ("ondernemingsraad", 3),
    ("extern", 2),
)
SHOWN_BY_ROLE = {"burgemeester"}  # one-person roles that agree to be shown by role

FIRST_NAMES = (
    "Anne",
    "Bart",
    "Carla",
    "Daan",
    "Eva",
    "Fatima",
    "Gerard",
    "Hanneke",
    "Ilse",
    "Jeroen",
    "Karin",
    "Lars",
    "Mirjam",
    "Noah",
    "Olga",
    "Pieter",
    "Rachid",
    "Sanne",
    "Tom",
    "Ursula",
    "Vincent",
    "Wendy",
    "Youssef",
    "Zoë",
    "Bram",
    "Esther",
    "Hugo",
    "Lotte",
    "Mehmet",
    "Nina",
)
LAST_NAMES = (
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Yilmaz",
    "El Amrani",
)


@dataclass(frozen=True)
class DemoResult:
    scan: Scan
    username: str
    user_created: bool
    raters: int

    @property
    def report_path(self) -> str:
        return reverse("scan:report", args=[self.scan.pk])


def demo_secretary() -> tuple[Any, bool]:
    """The user "demo-secretaris", made with a random password if missing."""
    User = get_user_model()
    user = User.objects.filter(username=DEMO_USERNAME).first()
    if user is not None:
        return user, False
    user = User.objects.create_user(
        username=DEMO_USERNAME,
        email=f"{DEMO_USERNAME}@{DEMO_EMAIL_DOMAIN}",
        password=secrets.token_urlsafe(24),
        first_name="Demi",
        last_name="de Secretaris",
    )
    return user, True


def demo_coordinator() -> Any:
    """The user "demo-coordinator", who approves the demo's rater list; cannot log in."""
    user, _ = get_user_model().objects.get_or_create(
        username=f"{DEMO_USERNAME}-coordinator",
        defaults={"first_name": "Demo", "last_name": "Coördinator", "is_active": False},
    )
    return user


def demo_profile(gemeente: Gemeente, secretary: Any):
    """The newest definitief profielschets of `gemeente`; the default one, finalised, when
    there is none yet."""
    from secretaris.profiles.drafting import draft_profile
    from secretaris.profiles.models import Profile

    existing = (
        Profile.objects.filter(gemeente=gemeente, status=Profile.DEFINITIEF)
        .order_by("-finalised_at", "-number")
        .first()
    )
    if existing is not None:
        return existing
    profile = draft_profile(gemeente, secretary)
    if not profile.finalise(secretary, profile.lock_version):
        raise RuntimeError("De demoprofielschets kon niet worden vastgesteld.")
    return profile


def demo_situational(gemeente: Gemeente, secretary: Any) -> list[str]:
    """The situational competencies the municipality's profielschets chose."""
    return [item["key"] for item in demo_profile(gemeente, secretary).chosen_situational()]


def create_demo(
    gemeente: Gemeente, seed: int | None = None, now: datetime | None = None
) -> DemoResult:
    """A closed scan with a frozen report, for `gemeente`; the same `seed` gives the same
    answers (and names)."""
    rng = random.Random(seed)
    now = now or timezone.now()
    secretary, created = demo_secretary()
    with transaction.atomic():
        scan = start_scan(
            gemeente=gemeente,
            secretary=secretary,
            created_by=secretary,
            deadline=now + timedelta(days=14),
            situational=demo_situational(gemeente, secretary),
            title="Ontwikkelscan (demo)",
            coordinator=demo_coordinator(),
        )
        nominations = _nominations(rng)
        if not scan.raters.filter(group__is_self=True).exists():  # a secretary without email
            email = f"{DEMO_USERNAME}.{scan.pk}@{DEMO_EMAIL_DOMAIN}"
            nominations.append(Nomination(0, scan.secretary_name, email, "zelf"))
        scan.add_raters(nominations)
        scan.approve_raters()
        scan.mark_open()
        scan.raters.update(invited_at=now)  # as if the invitations went out
        _answer_all(scan, rng, now)
        if not scan.close():
            raise RuntimeError("De demoscan kon niet worden gesloten.")
    return DemoResult(scan, secretary.get_username(), created, scan.raters.count())


def _nominations(rng: random.Random) -> list[Nomination]:
    everyone = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    names = rng.sample(everyone, sum(size for _, size in GROUP_SIZES))
    result: list[Nomination] = []
    for key, size in GROUP_SIZES:
        for _ in range(size):
            name = names.pop()
            local = name.lower().replace(" ", ".").replace("ë", "e")
            result.append(Nomination(len(result) + 1, name, f"{local}@{DEMO_EMAIL_DOMAIN}", key))
    return result


def _answer_all(scan: Scan, rng: random.Random, now: datetime) -> None:
    competencies = scan.competencies()
    level = {c.key: rng.uniform(2.7, 4.3) for c in competencies}
    self_bias = {c.key: rng.choice((-1.0, -0.3, 0.2, 0.5, 0.8, 1.3, 1.6)) for c in competencies}
    unused = {
        c.key: (
            rng.sample(FEEDBACK.get(c.key, ()), len(FEEDBACK.get(c.key, ()))),
            rng.sample(FEEDFORWARD.get(c.key, ()), len(FEEDFORWARD.get(c.key, ()))),
        )
        for c in competencies
    }
    for rater in scan.raters.select_related("group").order_by("pk"):
        is_self = rater.group.is_self
        tendency = 0.0 if is_self else rng.gauss(0, 0.35)
        skip = 0.0 if is_self else rng.uniform(0.05, 0.10)
        rater.start(show_by_role=rater.group.key in SHOWN_BY_ROLE, now=now)
        for competency in competencies:
            centre = level[competency.key] + (self_bias[competency.key] if is_self else tendency)
            scores: dict[str, int | None] = {
                i.code: None if rng.random() < skip else _score(centre, rng)
                for i in competency.indicators
            }
            good, better = unused[competency.key]
            feedback = good.pop() if good and not is_self and rng.random() < 0.25 else ""
            feedforward = better.pop() if better and not is_self and rng.random() < 0.2 else ""
            rater.save_page(competency, scores, feedback, feedforward, now=now)
        rater.finish(now=now)


def _score(centre: float, rng: random.Random) -> int:
    return max(1, min(5, round(centre + rng.gauss(0, 0.6))))


# --- The command: secretaris scan demo -------------------------------------------------------


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--gemeente",
        default="Utrecht",
        help="Naam of CBS-code van de gemeente (standaard: Utrecht).",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="Startgetal voor het toeval: hetzelfde getal geeft dezelfde antwoorden.",
    )


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    from secretaris.dossier.lookup import NotFound, find_gemeente

    try:
        gemeente = find_gemeente(options["gemeente"])
    except NotFound as exc:
        raise CommandError(exc.message(), returncode=2) from None
    result = create_demo(gemeente, seed=options["seed"])
    scan = result.scan
    command.stdout.write(
        f"Demoscan {scan.pk} gemaakt voor {scan.secretary_name} ({gemeente.name}): "
        f"de secretaris en {result.raters - 1} anderen vulden de vragenlijst in. De scan is "
        "gesloten en het rapport ligt vast."
    )
    command.stdout.write(f"Scan-ID: {scan.pk}")
    command.stdout.write(f"Rapport: {result.report_path}")
    if result.user_created:
        command.stdout.write(
            f"De gebruiker {result.username} is nieuw en heeft een willekeurig wachtwoord. "
            f"Kies een eigen wachtwoord met: secretaris gebruiker {result.username}. "
            "Log daarna in als die gebruiker om het rapport te lezen."
        )
    else:
        command.stdout.write(
            f"Log in als {result.username} om het rapport te lezen. Wachtwoord vergeten? "
            f"Kies een nieuw met: secretaris gebruiker {result.username}"
        )
