from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Voer achtergrondtaken uit (uitnodigingen, herinneringen, e-mail) uit de wachtrij "
        "in de database. Start er één of meer naast `secretaris serve`, op elke server "
        "die dezelfde database gebruikt. Voorbeeld: secretaris worker --interval 2"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconden wachten als de wachtrij leeg is (standaard 1).",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Alles wat nu klaarstaat uitvoeren en dan stoppen (voor cron of tests).",
        )
        parser.add_argument(
            "--max-taken",
            type=int,
            default=None,
            help="Stoppen na dit aantal taken (een beheerder kan zo de worker verversen).",
        )

    def handle(self, *args, **options):
        arguments = ["--queue-name", "*", "--interval", str(options["interval"]), "--no-reload"]
        if options["batch"]:
            arguments += ["--batch", "--no-startup-delay"]
        if options["max_taken"]:
            arguments += ["--max-tasks", str(options["max_taken"])]
        call_command("db_worker", *arguments, verbosity=options["verbosity"])
