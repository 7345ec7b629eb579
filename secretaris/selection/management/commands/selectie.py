"""`secretaris selectie ACTIE`: the selection procedure from the command line."""

from __future__ import annotations

import json
import uuid
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from secretaris.selection import demo

ADVICE_DESCRIPTION = (
    "Het advies aan het college van één procedure: een samenvatting als tekst, met --json "
    "als gegevens, met --pdf en --docx als document. Het ID staat in het adres van de "
    "procedure. Voorbeeld: secretaris selectie advies 3f2a...-... --pdf advies.pdf"
)


def advice_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("procedure", metavar="ID", help="Het ID van de procedure (een UUID).")
    parser.add_argument("--json", action="store_true", help="Als JSON op stdout.")
    parser.add_argument("--pdf", metavar="BESTAND", type=Path, help="Schrijf het advies als PDF.")
    parser.add_argument("--docx", metavar="BESTAND", type=Path, help="Schrijf het advies als Word.")


def advice(command: BaseCommand, options: dict[str, Any]) -> None:
    from secretaris.accounts.audit import audit
    from secretaris.selection.documents import advice_document, advice_json
    from secretaris.selection.models import Procedure

    try:
        procedure = Procedure.objects.filter(pk=uuid.UUID(options["procedure"])).first()
    except ValueError:
        procedure = None
    if procedure is None:
        raise CommandError(f"Er is geen procedure met ID {options['procedure']}.", returncode=2)
    data = advice_json(procedure)
    written = []
    for kind in ("pdf", "docx"):
        if options[kind]:
            if kind == "pdf":
                from secretaris.documents.pdf import render_pdf as render
            else:
                from secretaris.documents.docx import render_docx as render
            try:
                options[kind].write_bytes(render(advice_document(procedure)))
            except OSError as error:
                raise CommandError(
                    f"Kan {options[kind]} niet schrijven: {error}", returncode=1
                ) from None
            written.append(str(options[kind]))
    audit(None, "selection.advice_cli", procedure, files=written, json=options["json"])
    if options["json"]:
        command.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for path in written:
        command.stdout.write(f"Geschreven: {path}")
    if not written:
        command.stdout.write(summary(data))


def summary(data: dict[str, Any]) -> str:
    lines = [
        f"{data['title']} (gemeente {data['gemeente']}), fase: {data['phase']}",
        f"Voorgedragen: {data['proposed'] or 'nog niet gekozen'}",
        f"Kandidaten in ronde {data['round']} (formule, plaats formule, plaats commissie):",
    ]
    for c in data["candidates"]:
        formula = f"{c['formula']:.2f}".replace(".", ",") if c["formula"] is not None else "–"
        lines.append(
            f"  {c['name']}: {formula}, {c['formula_place'] or '–'}, {c['committee_place'] or '–'}"
        )
    or_advice = data["or_advice"]
    if or_advice["advice"]:
        lines.append(f"Advies OR: {or_advice['advice']} ({or_advice['date']})")
    elif or_advice["missing_reason"]:
        lines.append(f"Geen advies van de OR: {or_advice['missing_reason']}")
    else:
        lines.append("Advies OR: nog niet vastgelegd")
    return "\n".join(lines)


SUBCOMMANDS = {
    "demo": (
        "Een realistische demoprocedure: 7 leden, 12 sollicitanten, twee rondes.",
        "Maakt een definitieve profielschets en een selectieprocedure met 7 commissieleden "
        "(burgemeester als voorzitter, twee wethouders, een OR-lid, een extern adviseur, een "
        "collega-secretaris en een HR-adviseur als secretaris), 12 sollicitanten met cv, "
        "scorekaarten voor twee rondes, het OR-advies en het advies. Voorbeeld: "
        "secretaris selectie demo --gemeente Utrecht --seed 1",
        demo.add_arguments,
        demo.run,
    ),
    "advies": (
        "Het advies aan het college (tekst, --json, --pdf, --docx).",
        ADVICE_DESCRIPTION,
        advice_arguments,
        advice,
    ),
}


class Command(BaseCommand):
    help = (
        "De selectieprocedure vanaf de opdrachtregel. Acties: "
        + ", ".join(SUBCOMMANDS)
        + ". Hulp bij één actie: secretaris selectie ACTIE --help. "
        "Voorbeeld: secretaris selectie demo"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTIE")
        for name, (short, description, arguments, _) in SUBCOMMANDS.items():
            arguments(sub.add_parser(name, help=short, description=description))

    def handle(self, *args: Any, **options: Any) -> None:
        SUBCOMMANDS[options["action"]][3](self, options)
