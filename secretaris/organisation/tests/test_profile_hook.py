"""The profielschets uses the imported figures (with their source) when its author may."""

import io
from datetime import date

from pypdf import PdfReader

from secretaris.organisation.importing import run_import
from secretaris.organisation.mapping import guess_mapping
from secretaris.organisation.models import StaffImport
from secretaris.organisation.reading import read_table
from secretaris.organisation.summary import figures_for_profile
from secretaris.organisation.tests.conftest import PEIL
from secretaris.profiles.drafting import draft_profile
from secretaris.profiles.presenter import profile_document


def imported(organisation, afas_csv, **overrides) -> StaffImport:
    table = read_table(afas_csv, "afas.csv")
    outcome = run_import(organisation, table, guess_mapping(table.headers), PEIL)
    staff_import = outcome.staff_import
    staff_import.indicators.update(overrides)
    staff_import.save()
    return staff_import


def test_figures_only_for_users_who_may_read_them(organisation, alice, mallory, afas_csv):
    assert figures_for_profile(organisation.gemeente, alice) is None  # nothing imported yet
    imported(organisation, afas_csv)
    figures = figures_for_profile(organisation.gemeente, alice)
    assert figures.peildatum == date(2025, 12, 31)
    assert figures.source == "bron: HR-export, peildatum 31 december 2025"
    assert figures_for_profile(organisation.gemeente, mallory) is None
    assert figures_for_profile(organisation.gemeente, None) is None


def test_a_new_profile_takes_the_figures_and_the_couleur_rules_use_them(
    organisation, alice, afas_csv
):
    imported(organisation, afas_csv, sickness_absence_pct=8.4, outflow_pct=13.0, average_age=51.2)
    profile = draft_profile(organisation.gemeente, alice)
    org = profile.organisation
    assert (org["sickness_absence_pct"], org["turnover_pct"], org["average_age"]) == (
        "8.4",
        "13",
        "51.2",
    )
    assert org["figures_source"] == "HR-export, peildatum 31 december 2025"
    reasons = " ".join(r for item in profile.situational for r in item["reasons"])
    assert "8,4" in reasons and "51,2" in reasons

    # The organisation step of the profile accepts the taken-over figures as they are.
    from secretaris.profiles.forms import OrganisationForm, initial_for

    data = {k: v for k, v in initial_for(OrganisationForm, profile).items() if v is not None}
    data = {k: str(v) for k, v in data.items() if not isinstance(v, dict)}
    form = OrganisationForm(data, profile=profile)
    assert form.is_valid(), form.errors
    assert "hr_import" in form.changes()["organisation"]  # the charts stay

    document = profile_document(profile)
    section = next(s for s in document.sections if s.anchor == "organisatie")
    captions = [getattr(b, "caption", "") for b in section.blocks]
    assert "Leeftijdsopbouw van het personeel" in captions
    assert any(
        "HR-export, peildatum 31 december 2025" in getattr(b, "source", "") for b in section.blocks
    )

    from secretaris.documents.pdf import render_pdf

    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(document))).pages
    )
    assert "Leeftijdsopbouw van het personeel" in text and "HR-export, peildatum" in text


def test_recomputing_the_suggestions_takes_a_later_import(client, organisation, alice, afas_csv):
    from django.urls import reverse

    from secretaris.accounts.access import grant

    profile = draft_profile(organisation.gemeente, alice)
    grant(alice, profile, "eigenaar", by=alice)
    assert "figures_source" not in profile.organisation
    imported(organisation, afas_csv, sickness_absence_pct=9.1)
    client.force_login(alice)
    client.post(
        reverse("profiles:refresh", args=[profile.pk]), {"lock_version": profile.lock_version}
    )
    profile.refresh_from_db()
    assert profile.organisation["sickness_absence_pct"] == "9.1"
    assert profile.organisation["figures_source"].startswith("HR-export, peildatum")
    assert any("9,1" in r for item in profile.situational for r in item["reasons"])


def test_the_word_document_carries_the_three_organisation_charts(organisation, alice, afas_csv):
    import zipfile

    from secretaris.documents.docx import render_docx

    imported(organisation, afas_csv)
    document = profile_document(draft_profile(organisation.gemeente, alice))
    archive = zipfile.ZipFile(io.BytesIO(render_docx(document)))
    body = archive.read("word/document.xml").decode()
    start = body.index("Leeftijdsopbouw van het personeel")
    charts = body[start:]
    for caption in (
        "Leeftijdsopbouw van het personeel",
        "In-, door- en uitstroom in de twaalf maanden tot de peildatum",
        "Ziekteverzuim per maand",
    ):
        assert caption in charts
    assert charts.count("r:embed=") >= 3  # each chart as a picture after its caption
