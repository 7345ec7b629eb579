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
            default=int(os.environ.get("WEB_CONCURRENCY", max(2, os.cpu_count() or 2))),
            help="Aantal werkprocessen (standaard: aantal processorkernen, of $WEB_CONCURRENCY).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("THREADS", "4")),
            help=(
                "Threads per werkproces (standaard 4): een trage verbinding of een "
                "verbinding die openblijft (keep-alive) houdt zo geen werkproces bezet."
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
            "--forwarded-allow-ips",
            os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        if settings.DEBUG:
            self.stderr.write("Let op: DEBUG staat aan.")
        os.execv(sys.executable, argv)
