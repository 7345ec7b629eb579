"""`secretaris scan ACTIE`: the ontwikkelscan from the command line.

Each action is one entry in SUBCOMMANDS: a help line, a description with an example, a
function that adds its arguments and a function that runs it. Adding an action (demo,
rapport) means adding one entry; the Command class stays as it is.
"""

from __future__ import annotations

from argparse import ArgumentParser
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from secretaris.scan import demo, report_cli


@dataclass(frozen=True)
class SubCommand:
    help: str
    description: str  # ends with "Voorbeeld: secretaris scan ..."
    arguments: Callable[[ArgumentParser], None]
    run: Callable[[BaseCommand, dict[str, Any]], None]


def _no_arguments(parser: ArgumentParser) -> None:
    pass


def reminders(command: BaseCommand, options: dict[str, Any]) -> None:
    from secretaris.accounts.audit import audit
    from secretaris.scan.invitations import remind
    from secretaris.scan.models import close_overdue_scans

    closed = close_overdue_scans()
    for scan in closed:
        audit(None, "scan.close", scan, by="secretaris scan herinneringen", reason="einddatum")
    if closed:
        noun = "scan" if len(closed) == 1 else "scans"
        numbers = ", ".join(str(s.pk) for s in closed)
        command.stdout.write(f"{len(closed)} {noun} gesloten, einddatum voorbij: {numbers}.")
    outcome = remind()
    noun = "herinnering" if outcome.sent == 1 else "herinneringen"
    command.stdout.write(f"{outcome.sent} {noun} verstuurd.")
    if outcome.failed:
        raise CommandError(
            f"{len(outcome.failed)} niet verstuurd: de mailserver gaf een fout. "
            "De volgende keer proberen we het opnieuw.",
            returncode=1,
        )


def link_arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "rater",
        type=int,
        metavar="BEOORDELAAR-ID",
        help="Het nummer van de beoordelaar (kolom ID in /beheer/scan/rater/).",
    )


def link(command: BaseCommand, options: dict[str, Any]) -> None:
    from django.utils import timezone

    from secretaris.accounts.audit import audit
    from secretaris.scan.models import Rater
    from secretaris.scan.tokens import answer_url, issue

    rater = Rater.objects.select_related("scan").filter(pk=options["rater"]).first()
    if rater is None:
        raise CommandError(f"Beoordelaar {options['rater']} bestaat niet.", returncode=2)
    if not rater.approved or not rater.scan.accepts_answers():
        raise CommandError(
            "Deze beoordelaar kan nu niet antwoorden: de lijst is niet goedgekeurd, of de "
            "scan is niet open (meer).",
            returncode=2,
        )
    token = issue(rater)
    if rater.invited_at is None:
        Rater.objects.filter(pk=rater.pk).update(invited_at=timezone.now())
    audit(None, "scan.rater_link", rater.scan, rater=rater.pk, by="secretaris scan link")
    command.stdout.write(answer_url(token))


SUBCOMMANDS: dict[str, SubCommand] = {
    "herinneringen": SubCommand(
        help="Scans sluiten waarvan de einddatum voorbij is, en herinneringen sturen (voor cron).",
        description="Sluit eerst elke open scan waarvan de einddatum voorbij is; het rapport "
        "ligt dan vast. Stuurt daarna een herinnering met een nieuwe link aan elke beoordelaar "
        "van een open scan die nog niet klaar is en in 3 dagen geen e-mail van ons kreeg. "
        "Veilig om elke dag te draaien. Voorbeeld: secretaris scan herinneringen",
        arguments=_no_arguments,
        run=reminders,
    ),
    "link": SubCommand(
        help="Een nieuwe persoonlijke link voor één beoordelaar (hulpmiddel voor support).",
        description="Maakt een nieuwe link en drukt die af; de oude link werkt dan niet "
        "meer. Voor een beoordelaar die de e-mail kwijt is. Wordt vastgelegd in het "
        "auditlog. Voorbeeld: secretaris scan link 42",
        arguments=link_arguments,
        run=link,
    ),
    "demo": SubCommand(
        help="Een gesloten demoscan met gesimuleerde beoordelaars, om een rapport te bekijken.",
        description="Maakt een demoscan voor de gebruiker demo-secretaris (die wordt zo nodig "
        "aangemaakt) met 24 gesimuleerde beoordelaars, onder wie een burgemeester die apart "
        "getoond wil worden, een griffier die dat niet wil en groepen kleiner dan de drempel. "
        "Iedereen vult de vragenlijst in; daarna wordt de scan gesloten en ligt het rapport "
        "vast. Voorbeeld: secretaris scan demo --gemeente Utrecht --seed 1",
        arguments=demo.add_arguments,
        run=demo.run,
    ),
    "rapport": SubCommand(
        help="Het vastgelegde rapport van een gesloten scan (tekst, --json of --pdf).",
        description=report_cli.DESCRIPTION,
        arguments=report_cli.arguments,
        run=report_cli.run,
    ),
}


class Command(BaseCommand):
    help = (
        "De ontwikkelscan vanaf de opdrachtregel. Acties: "
        + ", ".join(SUBCOMMANDS)
        + ". Hulp bij één actie: secretaris scan ACTIE --help. "
        "Voorbeeld: secretaris scan herinneringen"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTIE")
        for name, spec in SUBCOMMANDS.items():
            spec.arguments(sub.add_parser(name, help=spec.help, description=spec.description))

    def handle(self, *args: Any, **options: Any) -> None:
        SUBCOMMANDS[options["action"]].run(self, options)
