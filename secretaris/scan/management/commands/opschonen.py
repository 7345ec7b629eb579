"""`secretaris opschonen`: delete the personal data of old scans (see scan/retention.py)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from secretaris.accounts.audit import purge_old_events
from secretaris.documents.dates import nl_date
from secretaris.jobs.retention import prune_finished
from secretaris.scan.retention import PurgeResult, purge_personal_data, retention_days

MAX_DAYS = 36_500  # a hundred years; more would run past the calendar


class Command(BaseCommand):
    help = (
        "Verwijdert de persoonsgegevens van ontwikkelscans die langer dan een bewaartermijn "
        "gesloten zijn, of (nooit gesloten) langer dan die termijn over hun einddatum, wat "
        "hun status ook is: de beoordelaars (namen, e-mailadressen, links) met hun antwoorden en "
        "opmerkingen, en de opmerkingen in het rapport als de secretaris die niet wilde "
        "bewaren, en kopieën van het rapport in de cache. De cijfers in het rapport "
        "blijven. Elke verwijdering komt in het auditlog. "
        "Ook: de gegevens van sollicitanten die niet benoemd zijn, vier weken na het einde "
        "van de selectieprocedure (een jaar met hun toestemming; NVP Sollicitatiecode). "
        "Daarna gaan afgeronde achtergrondtaken weg die ouder zijn dan JOB_RETENTION_DAYS, "
        "en logregels die ouder zijn dan AUDIT_RETENTION_DAYS. "
        "Veilig om elke dag te draaien (cron). "
        "Voorbeeld: secretaris opschonen --dagen 365 --droog"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--dagen",
            type=int,
            default=None,
            metavar="N",
            help="Bewaartermijn in dagen na het sluiten (of de einddatum) van de scan. "
            "Standaard de "
            f"instelling SCAN_RETENTION_DAYS (nu {retention_days()}).",
        )
        parser.add_argument(
            "--droog",
            action="store_true",
            help="Alleen laten zien wat er verwijderd zou worden; niets verwijderen.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = retention_days() if options["dagen"] is None else options["dagen"]
        if not 0 <= days <= MAX_DAYS:
            raise CommandError(f"Kies 0 tot en met {MAX_DAYS} dagen.", returncode=2)
        results = purge_personal_data(days=days, dry_run=options["droog"])
        for result in results:
            self.stdout.write(describe(result))
        if not results:
            self.stdout.write(
                f"Niets op te schonen: geen scan die langer dan {days} dagen gesloten (of "
                "over zijn einddatum) is, heeft nog persoonsgegevens."
            )
        elif options["droog"]:
            self.stdout.write(f"Proefdraai: {len(results)} scan(s); er is niets verwijderd.")
        else:
            self.stdout.write(f"Klaar: {len(results)} scan(s) opgeschoond.")
        if not options["droog"]:  # Organisatiebeeld: uploads abandoned over an hour ago
            from secretaris.organisation.uploads import sweep

            if gone := sweep():
                self.stdout.write(f"{gone} onafgemaakte HR-upload(s) verwijderd.")
        self.purge_selection(options["droog"])
        jobs = prune_finished(dry_run=options["droog"])
        self.stdout.write(
            f"Achtergrondtaken: {jobs} afgeronde taak/taken ouder dan "
            f"{settings.JOB_RETENTION_DAYS} dagen "
            + ("zou(den) worden verwijderd." if options["droog"] else "verwijderd.")
        )
        events = purge_old_events(dry_run=options["droog"])
        self.stdout.write(
            f"Logboek: {events} logregel(s) ouder dan {settings.AUDIT_RETENTION_DAYS} dagen "
            + ("zou(den) worden verwijderd." if options["droog"] else "verwijderd.")
        )

    def purge_selection(self, dry_run: bool) -> None:
        from secretaris.selection.retention import describe as describe_selection
        from secretaris.selection.retention import purge_candidates

        selection = purge_candidates(dry_run=dry_run)
        for result in selection:
            self.stdout.write(describe_selection(result))
        if not selection:
            self.stdout.write("Selectie: geen sollicitanten van wie de bewaartermijn voorbij is.")


def describe(result: PurgeResult) -> str:
    """One line per scan, e.g. 'Scan 12 (...): 17 beoordelaars met ... verwijderd; ...'."""
    people = (
        f"{result.raters} beoordelaars met {result.answers} antwoorden en "
        f"{result.comments} opmerkingen"
    )
    if result.dry_run:
        done = f"zou {people} verwijderen"
        report = f"zou {result.report_comments} opmerkingen uit het rapport halen"
    else:
        done = f"{people} verwijderd"
        report = f"{result.report_comments} opmerkingen uit het rapport gehaald"
    if result.comments_kept:
        report = "de opmerkingen in het rapport blijven, op verzoek van de secretaris"
    return (
        f"Scan {result.scan_id} ({result.scan}, {result.status.lower()}, "
        f"{'gesloten' if result.status == 'Gesloten' else 'einddatum'} "
        f"{nl_date(result.closed_on)}): "
        f"{done}; {report}."
    )
