import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from secretaris.competencies.model import get_model
from secretaris.dossier.lookup import NotFound, find_gemeente
from secretaris.profiles.drafting import draft_profile
from secretaris.profiles.presenter import profile_document


class Command(BaseCommand):
    help = (
        "Maak de standaard-profielschets van een gemeente (de voorgestelde competenties "
        "gekozen), zonder in te loggen en zonder iets op te slaan. "
        "Voorbeeld: secretaris profielschets Utrecht --pdf u.pdf --docx u.docx"
    )

    def add_arguments(self, parser):
        parser.add_argument("gemeente", metavar="NAAM-OF-CODE", help="Naam of CBS-code.")
        parser.add_argument("--pdf", metavar="BESTAND", help="Schrijf de PDF naar BESTAND.")
        parser.add_argument("--docx", metavar="BESTAND", help="Schrijf het Word-bestand.")
        parser.add_argument(
            "--json",
            action="store_true",
            help="Druk de gekozen competenties met redenen af als JSON.",
        )

    def handle(self, *args, **options):
        try:
            gemeente = find_gemeente(options["gemeente"])
        except NotFound as exc:
            raise CommandError(exc.message(), returncode=2) from None
        profile = draft_profile(gemeente, save=False)
        document = profile_document(profile)
        written = []
        if options["pdf"]:
            from secretaris.documents.pdf import render_pdf

            written.append(_write(options["pdf"], render_pdf(document)))
        if options["docx"]:
            from secretaris.documents.docx import render_docx

            written.append(_write(options["docx"], render_docx(document)))
        if options["json"]:
            self.stdout.write(json.dumps(summary(profile), ensure_ascii=False, indent=2))
            return
        model = get_model(profile.model_version)
        self.stdout.write(f"Profielschets {gemeente.name} ({gemeente.code})")
        self.stdout.write(f"Type: {profile.get_gemeente_type_display().lower()}")
        for item in profile.chosen_situational():
            self.stdout.write(f"- {model.get(item['key']).name}")
            for reason in item["reasons"]:
                self.stdout.write(f"    {reason}")
        for path in written:
            self.stdout.write(f"Geschreven: {path}")


def summary(profile) -> dict:
    model = get_model(profile.model_version)
    return {
        "municipality": profile.gemeente.code,
        "name": profile.gemeente.name,
        "model_version": profile.model_version,
        "situational": [
            {
                "competency": model.get(item["key"]).name,
                "key": item["key"],
                "reasons": item["reasons"],
            }
            for item in profile.chosen_situational()
        ],
        "type": profile.gemeente_type,
        "type_reasons": profile.type_reasons,
    }


def _write(path: str, content: bytes) -> Path:
    target = Path(path)
    try:
        target.write_bytes(content)
    except OSError as exc:
        raise CommandError(f"Kan {target} niet schrijven: {exc.strerror}.", returncode=2) from None
    return target
