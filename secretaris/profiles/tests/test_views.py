import io

import pytest
from django.urls import reverse

from secretaris.profiles.models import Profile
from secretaris.test import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def read_urls(p):
    return [
        reverse("profiles:detail", args=[p.pk]),
        reverse("profiles:versions", args=[p.pk]),
        reverse("profiles:document", args=[p.pk, "pdf"]),
        reverse("profiles:document", args=[p.pk, "docx"]),
    ]


def edit_urls(p):
    return [
        reverse("profiles:edit", args=[p.pk, step])
        for step in ("algemeen", "competenties", "gemeente", "bestuur", "organisatie", "vacature")
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, profile):
    for url in [
        reverse("profiles:index"),
        reverse("profiles:new"),
        *read_urls(profile),
        *edit_urls(profile),
        reverse("profiles:access", args=[profile.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/account/inloggen/" in response.url, url


def test_an_outsider_cannot_even_see_that_the_profile_exists(client, profile, charlie):
    login(client, charlie)
    for url in [
        *read_urls(profile),
        *edit_urls(profile),
        reverse("profiles:access", args=[profile.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    for name in ("finalise", "new_version", "refresh", "archive", "delete"):
        assert client.post(reverse(f"profiles:{name}", args=[profile.pk])).status_code == 404
    for name in ("finalise", "delete"):
        assert client.get(reverse(f"profiles:{name}", args=[profile.pk])).status_code == 404
    assert "Súdwest" not in client.get(reverse("profiles:index")).content.decode()


def test_a_reader_reads_but_does_not_edit(client, profile, bob):
    login(client, bob)
    for url in read_urls(profile):
        assert client.get(url).status_code == 200, url
    for url in [*edit_urls(profile), reverse("profiles:access", args=[profile.pk])]:
        assert client.get(url).status_code == 404, url
    assert "Súdwest" in client.get(reverse("profiles:index")).content.decode()


def test_the_owner_reaches_every_page(client, profile, alice):
    login(client, alice)
    for url in [
        *read_urls(profile),
        *edit_urls(profile),
        reverse("profiles:access", args=[profile.pk]),
    ]:
        assert client.get(url).status_code == 200, url


def test_creating_a_profile_prefills_it_and_makes_the_creator_owner(client, alice):
    login(client, alice)
    response = client.post(reverse("profiles:new"), {"gemeente": "sudwest fryslan"})
    profile = Profile.objects.get()
    assert response.url == reverse("profiles:edit", args=[profile.pk, "algemeen"])
    assert client.get(reverse("profiles:access", args=[profile.pk])).status_code == 200


def test_an_unknown_municipality_gets_a_dutch_error(client, alice):
    login(client, alice)
    response = client.post(reverse("profiles:new"), {"gemeente": "Amstrdam"})
    assert "Bedoelt u Amsterdam" in response.content.decode()


def _post_step(client, profile, step, lock, **data):
    return client.post(
        reverse("profiles:edit", args=[profile.pk, step]), {"lock_version": lock, **data}
    )


def test_changing_a_suggested_competency_is_recorded(client, profile, alice):
    login(client, alice)
    chosen = {item["key"] for item in profile.chosen_situational()}
    extra = "samenwerken" if "samenwerken" not in chosen else "visie"
    data = {}
    for key in list(chosen)[:2] + [extra]:
        data[f"kies_{key}"] = "on"
    data[f"toelichting_{extra}"] = "De raad vraagt om samenwerking in de regio."
    data["gemeente_type"] = "regie"
    response = _post_step(client, profile, "competenties", profile.lock_version, **data)
    assert response.status_code == 302
    profile.refresh_from_db()
    now = {item["key"]: item for item in profile.situational}
    assert now[extra]["chosen"] and now[extra]["note"].startswith("De raad")
    assert profile.gemeente_type == "regie"


def test_choosing_no_competency_is_refused(client, profile, alice):
    login(client, alice)
    response = _post_step(
        client, profile, "competenties", profile.lock_version, gemeente_type="beheer"
    )
    assert "Kies ten minste één" in response.content.decode()


def test_a_second_save_of_the_same_version_is_refused_and_nothing_is_lost(client, profile, alice):
    login(client, alice)
    lock = profile.lock_version
    first = _post_step(client, profile, "gemeente", lock, gemeente="Tekst van de eerste.")
    assert first.status_code == 302
    second = _post_step(client, profile, "gemeente", lock, gemeente="Tekst van de tweede.")
    body = second.content.decode()
    assert second.status_code == 200
    assert "Iemand anders heeft deze profielschets opgeslagen" in body
    assert "Tekst van de tweede." in body  # the second user's text is still in the form
    assert "Tekst van de eerste." in body  # and what the first stored is shown
    profile.refresh_from_db()
    assert profile.texts["gemeente"] == "Tekst van de eerste."


def test_user_text_never_reaches_the_page_as_html(client, profile, alice):
    login(client, alice)
    _post_step(
        client,
        profile,
        "gemeente",
        profile.lock_version,
        gemeente="<script>alert(1)</script> **vet**",
    )
    body = client.get(reverse("profiles:detail", args=[profile.pk])).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body and "<strong>vet</strong>" in body


def test_organisation_figures_are_shown_against_the_benchmark(client, profile, alice):
    login(client, alice)
    response = _post_step(
        client,
        profile,
        "organisatie",
        profile.lock_version,
        sickness_absence_pct="7,9",
        fte="412,5",
        figures_year="2025",
        figures_source="Jaarverslag 2025",
    )
    assert response.status_code == 302
    body = client.get(reverse("profiles:detail", args=[profile.pk])).content.decode()
    assert "Ziekteverzuim" in body and "7,9" in body and "hoger" in body
    assert "Jaarverslag 2025" in body


def test_a_definitief_version_is_frozen_and_a_new_version_can_be_compared(client, profile, alice):
    login(client, alice)
    finalise = reverse("profiles:finalise", args=[profile.pk])
    client.post(finalise, {"lock_version": profile.lock_version})
    profile.refresh_from_db()
    assert profile.is_frozen
    response = _post_step(client, profile, "gemeente", profile.lock_version, gemeente="Nee")
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.texts["gemeente"] != "Nee"

    client.post(reverse("profiles:new_version", args=[profile.pk]))
    v2 = Profile.objects.get(lineage=profile.lineage, number=2)
    assert v2.status == Profile.CONCEPT and v2.texts == profile.texts
    _post_step(client, v2, "gemeente", v2.lock_version, gemeente="Een nieuwe tekst.")
    url = reverse("profiles:versions", args=[v2.pk]) + "?a=1&b=2"
    body = client.get(url).content.decode()
    assert "<ins>" in body and "nieuwe" in body and "<del>" in body


def test_the_pdf_and_docx_downloads_are_real_documents(client, profile, bob):
    from docx import Document as DocxDocument
    from pypdf import PdfReader

    login(client, bob)
    pdf = client.get(reverse("profiles:document", args=[profile.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Súdwest-Fryslân" in text and "Kerncompetenties" in text
    docx = client.get(reverse("profiles:document", args=[profile.pk, "docx"]))
    document = DocxDocument(io.BytesIO(docx.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Kerncompetenties" in headings and "De gemeente" in headings


def test_pages_show_the_new_text_after_a_save_although_they_are_cached(client, profile, alice):
    login(client, alice)
    step = reverse("profiles:edit", args=[profile.pk, "gemeente"])
    detail = reverse("profiles:detail", args=[profile.pk])
    client.get(step), client.get(detail)  # both now cached for this version
    _post_step(client, profile, "gemeente", profile.lock_version, gemeente="Heel nieuwe tekst.")
    assert "Heel nieuwe tekst." in client.get(step).content.decode()
    assert "Heel nieuwe tekst." in client.get(detail).content.decode()
