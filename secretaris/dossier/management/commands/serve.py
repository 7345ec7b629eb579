import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Serveer Secretaris met gunicorn (WSGI) en WhiteNoise voor statische bestanden. "
        "Instellingen komen uit de omgeving (zie README). "
        "Voorbeeld: secretaris serve --bind 127.0.0.1:8000 --workers 3"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=os.environ.get("BIND", "127.0.0.1:8000"),
            help="Adres en poort (standaard 127.0.0.1:8000, of $BIND).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1))),
            help=("Aantal werkprocessen (standaard: twee per processorkern, of $WEB_CONCURRENCY)."),
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("THREADS", "1")),
            help=(
                "Threads per werkproces (standaard 1). Achter een proxy die verzoeken en "
                "antwoorden buffert (nginx, HAProxy) is 1 het snelst en het eerlijkst: alle "
                "werkprocessen nemen verzoeken uit één wachtrij. Zonder zo'n proxy: 4, zodat "
                "een trage verbinding geen werkproces bezet houdt."
            ),
        )
        parser.add_argument(
            "--no-migrate", action="store_true", help="Database niet eerst bijwerken."
        )

    def handle(self, *args, **options):
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Secretaris draait op http://{options['bind']}/ (Ctrl+C stopt)")
        self.stdout.flush()
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "secretaris.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--threads",
            str(options["threads"]),
            "--access-logfile",
            "-",
            "--logger-class",
            "secretaris.log_redaction.RedactingGunicornLogger",
            # The app is loaded once, before the workers are forked: they start together
            # (none takes every connection while the others still load) and share the
            # loaded code. New code needs a restart, not a HUP.
            "--preload",
            "--forwarded-allow-ips",
            os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        if settings.DEBUG:
            self.stderr.write("Let op: DEBUG staat aan.")
        os.execv(sys.executable, argv)
