"""`secretaris scan rapport ID [--json] [--pdf FILE]`: the frozen report from the shell.

The JSON holds only what the report may show: the groups with their name and number of
finished raters, and the scores per competency.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

DESCRIPTION = (
    "Toont het vastgelegde rapport van een gesloten scan: groepen met het aantal "
    "beoordelaars en de scores per competentie, of schrijft de PDF. Alleen wat het rapport "
    "mag tonen; nooit individuele antwoorden. Voorbeeld: secretaris scan rapport 7 --json"
)


def arguments(parser: ArgumentParser) -> None:
    parser.add_argument("scan", type=int, metavar="SCAN-ID", help="Het nummer van de scan.")
    parser.add_argument("--json", action="store_true", help="Uitvoer als JSON.")
    parser.add_argument("--pdf", metavar="BESTAND", help="Schrijf het rapport als PDF.")


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    from secretaris.accounts.audit import audit
    from secretaris.scan.models import FrozenReport

    report = (
        FrozenReport.objects.select_related("scan__gemeente", "scan__secretary")
        .filter(scan_id=options["scan"])
        .first()
    )
    if report is None:
        raise CommandError(
            f"Scan {options['scan']} heeft geen rapport: de scan bestaat niet of is nog "
            "niet gesloten.",
            returncode=2,
        )
    audit(None, "scan.report_exported", report.scan, by="secretaris scan rapport")
    if options["pdf"]:
        from secretaris.documents.pdf import render_pdf
        from secretaris.scan.report_views import full_document

        document = full_document(report)
        try:
            Path(options["pdf"]).write_bytes(render_pdf(document))
        except OSError as exc:
            raise CommandError(
                f"Kan {options['pdf']} niet schrijven: {exc.strerror}.", returncode=2
            ) from None
        if not options["json"]:
            command.stdout.write(f"Geschreven: {options['pdf']}")
    if options["json"]:
        command.stdout.write(json.dumps(summary(report), ensure_ascii=False, indent=2))
    elif not options["pdf"]:
        for line in text(report):
            command.stdout.write(line)


def summary(report: Any) -> dict[str, Any]:
    data = report.data
    return {
        "scan": report.scan_id,
        "gemeente": report.scan.gemeente.code,
        "k": data["k"],
        "groups": [{"name": g["name"], "n": g["n"]} for g in data["groups"]],
        "competencies": [
            {
                "key": c["key"],
                "name": c["name"],
                "self": c["self"],
                "others": {"mean": c["others"]["mean"], "n": c["others"]["n"]},
                "groups": [
                    {"name": f["label"], "mean": f["mean"], "n": f["n"]} for f in c["groups"]
                ],
                "gap": c["gap"],
            }
            for c in data["competencies"]
        ],
        "blind_spots": data["blind_spots"],
        "hidden_strengths": data["hidden_strengths"],
        "response": data.get("response"),
    }


def text(report: Any) -> list[str]:
    from secretaris.scan.report_document import score

    data = report.data
    lines = [
        f"Ontwikkelscan {report.scan.secretary_name}, {report.scan.gemeente.name}",
        "Groepen: " + ", ".join(f"{g['name']} ({g['n']})" for g in data["groups"]),
        "",
    ]
    for c in data["competencies"]:
        lines.append(f"{c['name']}: zelf {score(c['self'])}, anderen {score(c['others']['mean'])}")
    return lines
