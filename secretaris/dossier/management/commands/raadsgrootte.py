import json
import re

from django.core.management.base import BaseCommand, CommandError

from secretaris.law.raadsgrootte import council_size
from secretaris.law.wethouders import max_wethouders, max_wethouders_parttime


def _dutch_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class Command(BaseCommand):
    help = (
        "Toon het aantal raadsleden (Gemeentewet art. 8) en het maximumaantal wethouders "
        "(art. 36) bij een aantal inwoners op de peildatum. "
        "Voorbeeld: secretaris raadsgrootte 45001 --json"
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("inwoners", metavar="INWONERS", help="Aantal inwoners (geheel getal).")
        parser.add_argument("--json", action="store_true", help="Uitvoer als JSON.")

    def handle(self, *args, **options):
        text = options["inwoners"].strip()
        if not re.fullmatch(r"-?[0-9]+", text):
            raise CommandError(
                f"Het aantal inwoners moet een geheel getal zijn, zonder punten of komma's "
                f"(gekregen: {options['inwoners']!r}).",
                returncode=2,
            )
        if len(text.lstrip("-")) > 12:  # more people than on earth
            raise CommandError(
                "Dat aantal inwoners is te groot. Geef het aantal inwoners van één gemeente.",
                returncode=2,
            )
        try:
            inhabitants = int(text)
            seats = council_size(inhabitants)
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from None
        wethouders = max_wethouders(seats)
        parttime = max_wethouders_parttime(seats)
        if options["json"]:
            result = {
                "inhabitants": inhabitants,
                "council_size": seats,
                "max_wethouders": wethouders,
                "max_wethouders_parttime": parttime,
            }
            self.stdout.write(json.dumps(result))
            return
        self.stdout.write(
            f"Bij {_dutch_number(inhabitants)} inwoners telt de raad {seats} leden "
            "(Gemeentewet art. 8).\n"
            f"Er zijn ten hoogste {wethouders} wethouders (art. 36 lid 1), of {parttime} als "
            "de raad voor deeltijd kiest (art. 36 lid 3)."
        )
