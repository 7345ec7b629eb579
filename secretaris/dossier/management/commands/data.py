"""`secretaris data build|load|update`: the open data set from raw files to the database."""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from secretaris.dossier.dataset import DATASET_PATH

REPO_ROOT = Path(settings.BASE_DIR).parent
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "data" / "raw"


class Command(BaseCommand):
    help = (
        "Open data. 'build' leidt het meegeleverde gegevensbestand af uit de ruwe "
        "bronbestanden, 'load' laadt het in de database, 'update' haalt nieuwere cijfers "
        "online op. Voorbeeld: secretaris data build --raw ../shared/data/raw"
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTIE")
        build = sub.add_parser(
            "build",
            help="Gegevensbestand opbouwen uit de ruwe bestanden.",
            description="Leest de ruwe open data en schrijft het gegevensbestand "
            "(docs/data.md). Voorbeeld: secretaris data build --raw "
            "../shared/data/raw --out /tmp/dataset.json",
        )
        build.add_argument(
            "--raw",
            type=Path,
            default=DEFAULT_RAW,
            metavar="MAP",
            help=f"Map met de ruwe bestanden (standaard {DEFAULT_RAW}).",
        )
        build.add_argument(
            "--out",
            type=Path,
            default=DATASET_PATH,
            metavar="BESTAND",
            help=f"Uitvoerbestand (standaard {DATASET_PATH}).",
        )
        build.add_argument(
            "--built-at",
            default=None,
            metavar="DATUM",
            help="Datum in 'built_at' (standaard de verzameldatum uit "
            "SOURCES.md naast de ruwe map).",
        )
        load = sub.add_parser(
            "load",
            help="Het gegevensbestand in de database laden.",
            description="Voorbeeld: secretaris data load",
        )
        load.add_argument(
            "--bestand",
            type=Path,
            default=DATASET_PATH,
            metavar="BESTAND",
            help=f"Te laden gegevensbestand (standaard {DATASET_PATH}).",
        )
        update = sub.add_parser(
            "update",
            help="Nieuwere cijfers online ophalen (CBS, Kiesraad).",
            description="Voorbeeld: secretaris data update --kiesraad-csv GR2026.csv",
        )
        update.add_argument(
            "--cbs-url",
            default=None,
            metavar="URL",
            help="CBS OData-basis-URL; leeg slaat het CBS over.",
        )
        update.add_argument(
            "--kiesraad-csv",
            default=None,
            metavar="URL-OF-PAD",
            help="Kiesraad-uitslag (CSV GR<jaar>, EML-bestand of map).",
        )
        update.add_argument(
            "--kwb-tabel",
            default=None,
            metavar="ID",
            help="Tabel 'Kerncijfers wijken en buurten', bijv. 85984NED.",
        )
        update.add_argument(
            "--roo-gemeenten",
            default=None,
            metavar="URL-OF-PAD",
            help="ROO-export 'Gemeenten' (CSV); samen met --roo-functies.",
        )
        update.add_argument(
            "--roo-functies",
            default=None,
            metavar="URL-OF-PAD",
            help="ROO-export 'medewerkers Gemeenten' (CSV); samen met --roo-gemeenten.",
        )
        update.add_argument(
            "--iv3-url",
            default=None,
            metavar="URL",
            help="CBS-dataderden OData-basis voor Iv3, bijv. https://dataderden.cbs.nl/ODataApi/odata.",
        )
        update.add_argument(
            "--timeout", type=float, default=None, metavar="SECONDEN", help="Time-out per verzoek."
        )
        update.add_argument(
            "--uitvoer",
            type=Path,
            default=None,
            metavar="BESTAND",
            help="Gegevensbestand dat wordt gelezen en herschreven.",
        )

    def handle(self, *args, **options):
        action = options["action"]
        if action == "build":
            return self._build(options["raw"], options["out"], options["built_at"])
        if action == "load":
            return self._load(options["bestand"])
        return self._update(options)

    def _build(self, raw: Path, out: Path, built_at: str | None) -> None:
        from secretaris.dossier.sources.build import build_dataset, write_dataset
        from secretaris.dossier.sources.files import SourceError

        if not raw.is_dir():
            raise CommandError(
                f"Map met ruwe gegevens niet gevonden: {raw}. Geef de map op met --raw.",
                returncode=2,
            )
        try:
            data = build_dataset(raw, built_at=built_at)
        except SourceError as exc:
            raise CommandError(f"Opbouwen mislukt: {exc}", returncode=2) from None
        try:
            size = write_dataset(data, out)
        except OSError as exc:
            raise CommandError(f"Kan {out} niet schrijven: {exc}", returncode=2) from None
        self.stdout.write("Bouwverslag:")
        for note in data["notes"]:
            self.stdout.write(f"- {note}")
        counts = _counts(data)
        self.stdout.write(
            f"{len(data['gemeenten'])} gemeenten, {counts['facts']} cijfers, "
            f"{counts['elections']} verkiezingsuitslagen, {counts['mergers']} herindelingen, "
            f"{counts['woonplaatsen']} woonplaatsen, {len(data['benchmarks'])} benchmarks."
        )
        self.stdout.write(f"Geschreven: {out} ({size / 1_000_000:.2f} MB).")

    def _load(self, path: Path) -> None:
        from secretaris.dossier.dataset import DataSetError
        from secretaris.dossier.loading import load_dataset

        def progress(step: int, total: int, label: str) -> None:
            self.stdout.write(f"[{step}/{total}] {label}…")
            self.stdout.flush()

        started = time.monotonic()
        try:
            report = load_dataset(path, progress=progress)
        except DataSetError as exc:
            raise CommandError(f"{exc} Er is niets gewijzigd.", returncode=2) from None
        for line in report.lines():
            self.stdout.write(f"  {line}")
        seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
        if report.changed:
            self.stdout.write(f"Klaar in {seconds} s: {report.gemeenten} gemeenten geladen.")
        else:
            self.stdout.write(f"Klaar in {seconds} s: niets gewijzigd, de database was al bij.")

    def _update(self, options: dict) -> None:
        from secretaris.dossier.sources import online

        cbs_url = options["cbs_url"]
        roo_files = (options["roo_gemeenten"], options["roo_functies"])
        if any(roo_files) and not all(roo_files):
            raise CommandError(
                "Geef --roo-gemeenten en --roo-functies samen op. Er is niets gewijzigd.",
                returncode=2,
            )
        try:
            report = online.run_update(
                dataset_path=options["uitvoer"] or online.default_dataset_path(),
                cbs_url=online.default_cbs_url() if cbs_url is None else cbs_url,
                kiesraad_csv=options["kiesraad_csv"],
                kwb_table=(
                    online.DEFAULT_KWB_TABLE
                    if options["kwb_tabel"] is None
                    else options["kwb_tabel"]
                ),
                timeout=options["timeout"] or online.DEFAULT_TIMEOUT,
                stdout=self.stdout,
                roo=roo_files if all(roo_files) else None,
                iv3_url=options["iv3_url"] or None,
            )
        except online.DataUpdateError as exc:
            raise CommandError(str(exc), returncode=2) from None
        for line in report:
            self.stdout.write(line)


def _counts(data: dict) -> dict[str, int]:
    gemeenten = data["gemeenten"]
    return {
        "facts": sum(len(g["facts"]) for g in gemeenten),
        "elections": sum(len(g["elections"]) for g in gemeenten),
        "mergers": sum(len(g["mergers"]) for g in gemeenten),
        "woonplaatsen": sum(len(g["woonplaatsen"]) for g in gemeenten),
    }
