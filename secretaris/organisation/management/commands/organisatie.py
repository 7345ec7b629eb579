import json
import sys
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from secretaris.accounts.access import grant
from secretaris.dossier.lookup import NotFound, find_gemeente
from secretaris.dossier.models import Benchmark
from secretaris.organisation import demo
from secretaris.organisation.benchmarks import compare
from secretaris.organisation.importing import run_import
from secretaris.organisation.mapping import guess_mapping
from secretaris.organisation.models import Organisation
from secretaris.organisation.reading import MAX_BYTES, ReadError, read_table

JSON_KEYS = (
    "headcount",
    "fte",
    "women_pct",
    "average_age",
    "inflow_pct",
    "outflow_pct",
    "sickness_absence_pct",
)


class Command(BaseCommand):
    help = (
        "Organisatiebeeld: een HR-export inlezen (dezelfde kolomherkenning, controle en "
        "kengetallen als op de website), of een fictieve demo-export maken. "
        "Voorbeelden: secretaris organisatie demo --rijen 3000 --formaat afas -o afas.csv ; "
        "secretaris organisatie importeer Utrecht afas.csv --peildatum 2025-12-31 --json"
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        make = sub.add_parser("demo", help="Een fictieve HR-export maken.")
        make.add_argument(
            "--rijen",
            type=int,
            default=4000,
            help="Aantal regels: een per dienstverband plus een per ziekmelding "
            "(standaard 4000, ongeveer 1.500 medewerkers).",
        )
        make.add_argument("--formaat", choices=demo.FORMATS, default="afas")
        make.add_argument("--xlsx", action="store_true", help="Excel in plaats van CSV.")
        make.add_argument(
            "--peildatum", type=date.fromisoformat, default=None, metavar="JJJJ-MM-DD"
        )
        make.add_argument("--seed", type=int, default=1)
        make.add_argument("-o", "--uit", required=True, metavar="BESTAND")
        load = sub.add_parser("importeer", help="Een HR-export inlezen voor een gemeente.")
        load.add_argument("gemeente", metavar="NAAM-OF-CODE")
        load.add_argument("bestand", metavar="BESTAND")
        load.add_argument(
            "--peildatum",
            type=date.fromisoformat,
            default=None,
            metavar="JJJJ-MM-DD",
            help="Standaard vandaag.",
        )
        load.add_argument(
            "--gebruiker",
            metavar="NAAM",
            help="Eigenaar van het organisatiebeeld (anders alleen voor beheerders zichtbaar).",
        )
        load.add_argument("--json", action="store_true", help="Kengetallen als JSON.")

    def handle(self, *args, **options):
        if options["action"] == "demo":
            return self.make_demo(options)
        return self.import_file(options)

    def make_demo(self, options):
        if options["rijen"] < 1 or options["rijen"] > 1_000_000:
            raise CommandError("Kies tussen 1 en 1.000.000 rijen.", returncode=2)
        rows = demo.generate(
            options["rijen"], options["peildatum"] or date.today(), options["seed"]
        )
        data = demo.export(rows, options["formaat"], xlsx=options["xlsx"])
        Path(options["uit"]).write_bytes(data)
        self.stdout.write(
            f"Geschreven: {options['uit']} ({len(rows)} regels, {options['formaat']})"
        )

    def import_file(self, options):
        try:
            gemeente = find_gemeente(options["gemeente"])
        except NotFound as exc:
            raise CommandError(exc.message(), returncode=2) from None
        path = Path(options["bestand"])
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}", returncode=2)
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(
                f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB.", returncode=2
            )
        user = None
        if options["gebruiker"]:
            user = get_user_model().objects.filter(username=options["gebruiker"]).first()
            if user is None:
                raise CommandError(f"Gebruiker {options['gebruiker']} bestaat niet.", returncode=2)
        try:
            table = read_table(path.read_bytes(), path.name)
        except ReadError as exc:
            raise CommandError(str(exc), returncode=2) from None
        organisation = self._organisation(gemeente, user)
        mapping = guess_mapping(table.headers, organisation.mapping if organisation.pk else {})
        progress = (lambda text, *_: print(text, file=sys.stderr)) if not options["json"] else None
        peildatum = options["peildatum"] or date.today()
        if not organisation.pk:
            organisation.save()
            if user is not None:
                grant(user, organisation, "eigenaar", by=user)
        outcome = run_import(organisation, table, mapping, peildatum, user=user, progress=progress)
        if outcome.staff_import is None:
            if not organisation.imports.exists() and not organisation.mapping:
                organisation.delete()  # nothing stored for a first, failed import
            for problem in outcome.checked.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{outcome.checked.problem_count} fout(en); er is niets ingelezen.", returncode=2
            )
        figures = outcome.staff_import.indicators
        if options["json"]:
            self.stdout.write(json.dumps(_json(figures, gemeente), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Organisatiebeeld {gemeente.name}, peildatum {peildatum:%d-%m-%Y}")
        for key in JSON_KEYS:
            self.stdout.write(f"  {key}: {figures.get(key)}")
        self.stdout.write(f"Bekijk: {organisation.get_absolute_url()}")

    def _organisation(self, gemeente, user) -> Organisation:
        existing = Organisation.objects.filter(gemeente=gemeente)
        if user is not None:
            from secretaris.accounts.access import objects_for

            existing = objects_for(user, existing, "bewerker")
        return existing.order_by("-created_at").first() or Organisation(
            gemeente=gemeente, created_by=user
        )


def _json(figures: dict, gemeente) -> dict:
    comparisons = compare(
        figures,
        list(Benchmark.objects.all()),
        gemeente.code,
        gemeente.province,
        figures.get("inhabitants"),
    )
    return {
        "gemeente": gemeente.code,
        "source": f"HR-export, peildatum {figures['peildatum']}",
        **{key: figures.get(key) for key in JSON_KEYS},
        "indicators": figures,
        "benchmarks": [
            {
                "indicator": c.key,
                "value": None if c.value is None else float(c.value),
                "comparison": c.words,
                "far_from_sector": c.far,
                "sector": [
                    {
                        "scope": s.scope,
                        "year": s.year,
                        "value": float(s.value),
                        "unit": s.unit,
                        "source_url": s.source_url,
                    }
                    for s in c.sector
                ],
            }
            for c in comparisons
            if c.sector
        ],
    }
