"""Content-Security-Policy, Permissions-Policy and no-store on personal pages and downloads."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from secretaris.test import make_user

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.django_db
def test_every_page_carries_a_csp_without_inline_script_and_a_permissions_policy(client):
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "style-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]


def test_no_template_has_inline_script_style_or_event_handlers():
    inline = re.compile(
        r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.I
    )
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in (ROOT / "secretaris").rglob("templates/**/*.html")
        for match in inline.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
def test_public_open_data_stays_cacheable_for_visitors(client):
    response = client.get(reverse("home"))
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [reverse("security"), reverse("password_change"), reverse("home"), "/profielschetsen/"],
)
def test_pages_for_a_logged_in_user_are_never_stored(client, url):
    client.force_login(make_user("alice"))
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_profile_pages_and_downloads_are_never_stored(client):
    from secretaris.accounts.access import grant
    from secretaris.dossier.models import Gemeente
    from secretaris.profiles.drafting import draft_profile

    alice = make_user("alice")
    profile = draft_profile(Gemeente.objects.get(code="GM1900"), alice)
    grant(alice, profile, "eigenaar", by=alice)
    client.force_login(alice)
    for url in [
        reverse("profiles:detail", args=[profile.pk]),
        reverse("profiles:versions", args=[profile.pk]),
        reverse("profiles:document", args=[profile.pk, "pdf"]),
        reverse("profiles:document", args=[profile.pk, "docx"]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


@pytest.mark.django_db
def test_the_scan_report_its_pdf_and_the_questionnaire_are_never_stored(client):
    from django.core.management import call_command

    from secretaris.scan.models import Rater, Scan
    from secretaris.scan.tokens import issue

    call_command("scan", "demo", "--seed", "3")
    scan = Scan.objects.get()
    client.force_login(scan.secretary)
    for url in [reverse("scan:report", args=[scan.pk]), reverse("scan:report_pdf", args=[scan.pk])]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    client.logout()
    rater = Rater.objects.filter(scan=scan).first()
    response = client.get(reverse("scan:answer", args=[issue(rater)]))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_huge_upload_is_refused_before_it_is_read(client):
    client.force_login(make_user("alice"))
    response = client.generic(
        "POST",
        "/ontwikkelscan/1/beoordelaars/",
        b"x" * 100,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "te groot" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "allowed_mb"),
    [
        ("/organisatiebeeld/999999/inlezen/", 60),  # an HR export
        ("/profielschetsen/999999/bewerken/algemeen/", 2),  # a logo
    ],
)
def test_upload_views_take_their_own_larger_limit(client, url, allowed_mb):
    client.force_login(make_user("alice"))

    def post(megabytes: int):
        return client.generic(
            "POST",
            url,
            b"x" * 100,
            content_type="multipart/form-data; boundary=x",
            CONTENT_LENGTH=str(megabytes * 1024 * 1024),
        )

    # Within the view's own limit the view answers (here: 404, the object does not exist).
    assert post(allowed_mb).status_code == 404
    assert post(allowed_mb + 2).status_code == 413
