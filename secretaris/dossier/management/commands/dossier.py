import json

from django.core.management.base import BaseCommand, CommandError

from secretaris.dossier.lookup import NotFound, find_gemeente
from secretaris.dossier.presenter import build_dossier
from secretaris.dossier.text import dossier_text


class Command(BaseCommand):
    help = (
        "Toon het gemeentedossier van één gemeente, als tekst of als JSON. De naam mag "
        "vergevingsgezind: 'Den Bosch', 'sudwest fryslan' of een CBS-code als GM0344. "
        "Voorbeeld: secretaris dossier Utrecht --json"
    )

    def add_arguments(self, parser):
        parser.add_argument("gemeente", metavar="NAAM-OF-CODE", help="Naam of CBS-code.")
        parser.add_argument("--json", action="store_true", help="Uitvoer als JSON.")

    def handle(self, *args, **options):
        try:
            gemeente = find_gemeente(options["gemeente"])
        except NotFound as exc:
            raise CommandError(exc.message(), returncode=2) from None
        dossier = build_dossier(gemeente)
        if options["json"]:
            self.stdout.write(json.dumps(dossier.as_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(dossier_text(dossier))
