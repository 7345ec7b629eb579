"""The `secretaris` command: a thin front for the project's management commands.

`secretaris COMMAND --help` shows the help of one command. Django's own commands
(migrate, createsuperuser, ...) are reachable through the same entry point.
"""

from __future__ import annotations

import os
import sys

COMMANDS: dict[str, str] = {
    "dossier": "Het gemeentedossier van één gemeente (tekst of --json).",
    "profielschets": "De standaard-profielschets van een gemeente (PDF, Word of --json).",
    "scan": "De ontwikkelscan: herinneringen, link, demo, rapport.",
    "organisatie": "Organisatiebeeld: HR-export inlezen of een demo-export maken.",
    "selectie": "De selectieprocedure: demo, advies aan het college (tekst, JSON, PDF, Word).",
    "opschonen": "Persoonsgegevens van oude scans en van sollicitanten verwijderen.",
    "raadsgrootte": "Raadsgrootte en maximum aantal wethouders bij een aantal inwoners.",
    "zetelverdeling": "Zetelverdeling volgens de Kieswet (JSON op stdin).",
    "data": "Open data: build (uit ruwe bestanden), load (in de database), update (online).",
    "gebruiker": "Een gebruiker aanmaken of wijzigen.",
    "sleutelwissel": "Na een nieuwe SECRET_KEY: geheimen voor tweestapsverificatie omzetten.",
    "serve": "De webapplicatie serveren met een productiewaardige WSGI-server.",
    "worker": "Achtergrondtaken uitvoeren (uitnodigingen, herinneringen, e-mail).",
    "migrate": "De database bijwerken naar het nieuwste schema (Django).",
}


def usage() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = [
        "Gebruik: secretaris COMMANDO [opties]",
        "",
        "Secretaris: gemeentedossier, zetelverdeling en meer rond de gemeentesecretaris.",
        "",
        "Commando's:",
    ]
    lines += [f"  {name.ljust(width)}  {text}" for name, text in COMMANDS.items()]
    lines += ["", "Hulp bij één commando: secretaris COMMANDO --help"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) < 2 or argv[1] in {"-h", "--help", "help"}:
        print(usage())
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretaris.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 (loads the settings: a missing SECRET_KEY stops here)
    except ImproperlyConfigured as exc:
        print(f"secretaris: {exc}", file=sys.stderr)
        sys.exit(2)

    from django.db import DatabaseError

    try:
        execute_from_command_line(["secretaris", *argv[1:]])
    except DatabaseError as exc:  # not bad input, but no traceback either
        print(
            f"secretaris: de database is niet bereikbaar of niet bijgewerkt ({exc}). "
            "Controleer DATABASE_URL en draai 'secretaris migrate'.",
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
