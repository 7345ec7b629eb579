"""The report as a coach reads it: the demo's PDF read back page by page, and its figures
against the frozen JSON and the `secretaris scan rapport --json` output."""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.management import call_command
from django.db import transaction

from secretaris.documents.pdf import render_pdf
from secretaris.dossier.models import Gemeente
from secretaris.scan import development
from secretaris.scan.demo import create_demo
from secretaris.scan.models import FrozenReport
from secretaris.scan.report_document import largest_gaps, report_document
from secretaris.scan.report_views import plan_summary
from secretaris.scan.tests.helpers import pdf_pages

pytestmark = pytest.mark.django_db

FOOTER = re.compile(
    r"^(Pagina \d+ van \d+|Ontwikkelscan .*, vertrouwelijk|Ontwikkelscan|Secretaris)$"
)


def one(value: float | None) -> str:
    """A JSON figure as the report must print it: one decimal, half away from zero."""
    if value is None:
        return "–"
    return str(Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP)).replace(".", ",")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        result = create_demo(Gemeente.objects.get(name="Utrecht"), seed=3)
        report = FrozenReport.objects.select_related("scan__gemeente").get(scan=result.scan)
        plan = development.plan_for(report)
        development.save_focus(plan, plan.lock_version, report.scan.competency_keys[:2], "")
        action = development.take_suggestion(plan, plan.focus[0], 0)
        development.set_status(plan, action.pk, "bezig")
        pdf = render_pdf(report_document(report, None, plan_summary(report)))
        yield report, pdf_pages(pdf)
        transaction.set_rollback(True)


def test_the_summary_is_on_page_two_with_the_response_per_group(demo):
    report, pages = demo
    summary = flat(pages[1])
    assert "Samenvatting" in summary and "Respons per groep" in summary
    for row in report.data["response"]:
        if row["group"] == "Wethouders":
            assert f"Wethouders {row['invited']} {row['finished']} apart" in summary
    assert "Griffier 1 1 in 'Overige beoordelaars'" in summary
    for gap in largest_gaps(report.data):
        assert gap["competency"] in summary
        assert f"anderen gemiddeld {one(gap['others']['mean'])}" in summary
    assert "Hoe leest u dit rapport?" in flat(pages[2])  # the next page, on its own


def test_no_page_ends_with_a_heading(demo):
    report, pages = demo
    headings = {
        "Samenvatting",
        "Hoe leest u dit rapport?",
        "Overzicht",
        "Per competentie",
        "Wat gaat goed",
        "Wat kan beter",
        "Blinde vlekken en verborgen sterktes",
        "Vragen om over na te denken",
        "Ontwikkelplan",
        "Zo is dit rapport gemaakt",
        "Bronnen",
        "Respons per groep",
        "Scores per gedrag",
        *(c["name"] for c in report.data["competencies"]),
    }
    for number, page in enumerate(pages[1:], 2):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if not FOOTER.match(line)]
        assert body, f"page {number} is empty"
        assert body[-1] not in headings, f"page {number} ends with the heading {body[-1]!r}"


def test_every_competency_page_prints_the_figures_of_the_json(demo):
    report, pages = demo
    for c in report.data["competencies"]:
        expected = f"Anderen geven gemiddeld {one(c['others']['mean'])}, u zelf {one(c['self'])}"
        # Two competencies may share their figures: the page is the one that names it.
        found = [flat(p) for p in pages if expected in flat(p) and c["name"] in flat(p)]
        assert found, c["name"]
        labels = [f"{group['label']} ({group['n']})" for group in c["groups"]]
        # the dot plot names every shown group with its number
        assert any(all(label in page for label in labels) for page in found), c["name"]


def test_the_plan_with_its_status_and_room_for_notes_closes_the_report(demo):
    _report, pages = demo
    text = flat("\n".join(pages[-3:]))
    assert "Ontwikkelplan" in text and "Aantekeningen" in text
    assert "Bezig sinds" in text


def test_the_rapport_json_holds_the_figures_of_the_frozen_report(demo, capsys):
    report, _pages = demo
    call_command("scan", "rapport", str(report.scan_id), "--json")
    out = json.loads(capsys.readouterr().out)
    frozen = {c["key"]: c for c in report.data["competencies"]}
    for c in out["competencies"]:
        assert c["others"]["mean"] == frozen[c["key"]]["others"]["mean"]
        assert c["self"] == frozen[c["key"]]["self"]
        assert c["gap"] == frozen[c["key"]]["gap"]
    assert out["response"] == report.data["response"]


def test_a_repeat_scan_says_how_the_previous_focus_competencies_moved(demo):
    from secretaris.scan import reporting

    first, _pages = demo
    second = create_demo(Gemeente.objects.get(name="Utrecht"), seed=4)
    report = FrozenReport.objects.select_related("scan__gemeente").get(scan=second.scan)
    rows = reporting.comparison(report)
    focus = reporting.previous_focus(report)
    assert focus == first.scan.competency_keys[:2]  # the plan made after the first scan
    text = flat("\n".join(pdf_pages(render_pdf(report_document(report, rows, None, focus)))))
    assert "In uw vorige ontwikkelplan werkte u aan deze competenties" in text
    for row in rows:
        if row["key"] in focus and row["change"] is None:  # hidden in one of the two
            assert f"{row['name']}: niet te vergelijken" in text
        elif row["key"] in focus:
            change = Decimal(str(row["change"])).quantize(Decimal("0.1"), ROUND_HALF_UP)
            word = "gestegen" if change > 0 else "gedaald" if change < 0 else "gelijk gebleven"
            assert f"{row['name']}: {word}" in text
