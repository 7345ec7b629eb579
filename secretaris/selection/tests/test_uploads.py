"""Uploading CVs and letters through the candidate page, and downloading them again."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from secretaris.accounts.models import AuditEvent
from secretaris.selection.models import CandidateFile
from secretaris.selection.tests import files
from secretaris.selection.tests.conftest import candidate, declare, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna_page(client, procedure):
    declare(procedure, "sanne", "Anna", conflict=False)
    client.force_login(member(procedure, "sanne").user)
    return reverse("selection:candidate", args=[procedure.pk, candidate(procedure, "Anna").pk])


def upload(client, url, content: bytes, name: str, kind: str = "cv"):
    return client.post(
        url, {"upload": "1", "kind": kind, "file": SimpleUploadedFile(name, content)}
    )


def test_a_pdf_cv_is_stored_outside_the_web_root(client, anna_page, private_dir, settings):
    response = upload(client, anna_page, files.pdf(), "cv anna.pdf")
    assert response.status_code == 302
    record = CandidateFile.objects.get()
    stored = private_dir / record.stored_name
    assert stored.read_bytes() == files.pdf() and record.extension == "pdf"
    assert str(settings.STATIC_ROOT) not in str(stored.resolve())
    assert "anna" not in record.stored_name  # a random name, not the applicant's


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "cv.pdf", "geen PDF of Word-document"),
        (b"MZ\x90\x00" + bytes(100), "cv.docx", "geen PDF of Word-document"),
        (files.pdf_with_javascript(), "cv.pdf", "JavaScript"),
        (files.pdf_with_javascript(hidden=True), "cv.pdf", "JavaScript"),
        (files.zip_bomb_as_docx(), "cv.docx", "veel te groot"),
        (files.docm_with_macros(), "cv.docx", "macro"),
        (b"%PDF-1.4\nthis is no pdf at all", "cv.pdf", "beschadigd"),
        (b"PK\x03\x04 broken zip", "brief.docx", "geen geldig Word-document"),
    ],
)
def test_dangerous_or_wrong_files_are_refused_with_a_dutch_message(
    client, anna_page, private_dir, content, name, message
):
    response = upload(client, anna_page, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CandidateFile.objects.exists()
    assert not private_dir.exists() or not any(private_dir.iterdir())


def test_a_50_mb_file_is_refused(client, anna_page):
    big = files.pdf() + b"%" + bytes(50 * 1024 * 1024)
    response = upload(client, anna_page, big, "cv.pdf")
    # Refused before the body is read (security_headers.RequestSizeLimit), in Dutch.
    assert response.status_code == 413
    assert "te groot" in response.content.decode()
    assert not CandidateFile.objects.exists()


def test_a_file_just_over_the_limit_gets_the_forms_message(client, anna_page, settings):
    settings.SELECTION_UPLOAD_MAX_BYTES = 1024 * 1024
    big = files.pdf() + b"%" + bytes(1024 * 1024)
    response = upload(client, anna_page, big, "cv.pdf")
    assert "Het bestand is te groot. Het mag hooguit 1 MB zijn." in response.content.decode()
    assert not CandidateFile.objects.exists()


def test_a_downloaded_pdf_carries_the_downloaders_name(client, procedure, anna_page):
    from pypdf import PdfReader

    upload(client, anna_page, files.pdf(), "cv.pdf")
    record = CandidateFile.objects.get()
    declare(procedure, "lars", "Anna", conflict=False)
    lars = member(procedure, "lars")
    client.force_login(lars.user)
    url = reverse("selection:download", args=[procedure.pk, record.candidate_id, record.pk])
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    reader = PdfReader(io.BytesIO(response.content))
    assert "Gedownload door Lars Lid" in reader.metadata["/Subject"]
    assert "Gedownload door Lars Lid" in reader.pages[0].extract_text()
    event = AuditEvent.objects.get(action="selection.file_downloaded")
    assert event.user == lars.user and event.detail["file"] == str(record.pk)


def test_a_downloaded_docx_carries_the_downloaders_name(client, procedure, anna_page):
    import docx

    upload(client, anna_page, files.docx("Motivatie van Anna"), "brief.docx", kind="brief")
    record = CandidateFile.objects.get()
    url = reverse("selection:download", args=[procedure.pk, record.candidate_id, record.pk])
    document = docx.Document(io.BytesIO(client.get(url).content))
    assert "Gedownload door Sanne Secretaris" in document.core_properties.comments
    assert document.paragraphs[0].text == "Motivatie van Anna"


def test_a_member_who_does_not_run_the_procedure_cannot_upload(client, procedure):
    declare(procedure, "lars", "Anna", conflict=False)
    client.force_login(member(procedure, "lars").user)
    url = reverse("selection:candidate", args=[procedure.pk, candidate(procedure, "Anna").pk])
    assert upload(client, url, files.pdf(), "cv.pdf").status_code == 404
    assert not CandidateFile.objects.exists()


def test_a_file_of_one_candidate_is_not_found_through_another(client, procedure, anna_page):
    upload(client, anna_page, files.pdf(), "cv.pdf")
    record = CandidateFile.objects.get()
    declare(procedure, "sanne", "Bram", conflict=False)
    bram = candidate(procedure, "Bram")
    url = reverse("selection:download", args=[procedure.pk, bram.pk, record.pk])
    assert client.get(url).status_code == 404
