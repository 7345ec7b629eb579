"""The editor as a consultant uses it, and as an outsider tries to abuse it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from secretaris.accounts.access import grant
from secretaris.accounts.models import AuditEvent, Grant
from secretaris.profiles.models import Profile
from secretaris.profiles.tests.images import png_bytes
from secretaris.test import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def post_step(client, profile, step, **data):
    profile.refresh_from_db()
    return client.post(
        reverse("profiles:edit", args=[profile.pk, step]),
        {"lock_version": profile.lock_version, **data},
    )


@pytest.fixture
def dave(profile, alice):
    """Dave may edit, but does not own the profile."""
    user = make_user("dave")
    user.first_name, user.last_name = "Dave", "de Bewerker"
    user.save()
    grant(user, profile, "bewerker", by=alice)
    return user


# --- Bestuur notes: owned by the profile -------------------------------------------------


def test_bestuur_notes_are_saved_in_the_profile_with_an_audit_event(client, profile, dave):
    login(client, dave)
    response = post_step(
        client,
        profile,
        "bestuur",
        bestuur="Tekst",
        coalition_parties="CDA\nFNP",
        coalition_since="1-6-2026",
        bestuursmodel="collegiaal",
        swot_strengths="Sterke kernen",
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.bestuur["coalition_parties"] == "CDA\nFNP"
    assert profile.bestuur["coalition_since"] == "2026-06-01"
    event = AuditEvent.objects.filter(action="profile.edit", object_id=str(profile.pk)).last()
    assert event.detail["step"] == "bestuur" and "bestuur" in event.detail["fields"]
    assert event.user == dave


def test_the_bestuur_step_names_the_author_in_full_only_for_people_with_access(
    client, profile, dave, charlie
):
    login(client, dave)
    post_step(client, profile, "bestuur", bestuur="", coalition_parties="CDA")
    url = reverse("profiles:edit", args=[profile.pk, "bestuur"])
    assert "Dave de Bewerker" in client.get(url).content.decode()
    client.logout()
    login(client, charlie)
    assert client.get(url).status_code == 404


def test_bestuur_notes_have_a_maximum_length(client, profile, dave):
    login(client, dave)
    response = post_step(client, profile, "bestuur", bestuur="", coalition_changes="x" * 2001)
    assert response.status_code == 200
    assert "hoogstens 2000" in response.content.decode() or "2000" in response.content.decode()
    profile.refresh_from_db()
    assert "coalition_changes" not in profile.bestuur


def test_bestuur_notes_go_into_a_new_version_and_show_in_the_comparison(client, profile, alice):
    login(client, alice)
    post_step(client, profile, "bestuur", bestuur="", bestuurscultuur="Open en direct.")
    profile.refresh_from_db()
    client.post(
        reverse("profiles:finalise", args=[profile.pk]), {"lock_version": profile.lock_version}
    )
    client.post(reverse("profiles:new_version", args=[profile.pk]))
    v2 = Profile.objects.get(lineage=profile.lineage, number=2)
    assert v2.bestuur["bestuurscultuur"] == "Open en direct."
    post_step(client, v2, "bestuur", bestuur="", bestuurscultuur="Formeel en afstandelijk.")
    body = client.get(reverse("profiles:versions", args=[v2.pk]) + "?a=1&b=2").content.decode()
    assert "Bestuur: Bestuurscultuur" in body and "Formeel" in body


def test_a_reader_cannot_change_bestuur_notes(client, profile, bob):
    login(client, bob)
    assert post_step(client, profile, "bestuur", coalition_parties="X").status_code == 404


# --- Vacancy: Dutch numbers, dates, logo ---------------------------------------------------


def test_dutch_numbers_are_accepted_and_shown_back_the_dutch_way(client, profile, alice):
    login(client, alice)
    response = post_step(client, profile, "vacature", schaal="17", salary_max="9.876,5", hours="36")
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.vacancy["salary_max"] == "9876.5"
    page = client.get(reverse("profiles:edit", args=[profile.pk, "vacature"])).content.decode()
    assert 'value="9.876,5"' in page


def test_organisation_figures_accept_thousands_and_show_sector_hints_in_dutch(
    client, profile, alice
):
    login(client, alice)
    assert post_step(client, profile, "organisatie", fte="1.234,5").status_code == 302
    profile.refresh_from_db()
    assert profile.organisation["fte"] == "1234.5"
    page = client.get(reverse("profiles:edit", args=[profile.pk, "organisatie"])).content.decode()
    assert 'value="1.234,5"' in page
    assert "47.2" not in page and "Sector:" in page


def test_a_wrong_number_gets_a_dutch_error_and_loses_nothing(client, profile, alice):
    login(client, alice)
    response = post_step(client, profile, "vacature", salary_max="veel", contacts="Anna, 06 1234")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Vul een getal in, bijvoorbeeld 1.234,5." in body
    assert "Anna, 06 1234" in body


def test_dates_out_of_order_are_refused(client, profile, alice):
    login(client, alice)
    response = post_step(
        client, profile, "vacature", closing_date="15-1-2027", first_round="10-1-2027"
    )
    assert "Deze datum ligt vóór de sluitingsdatum." in response.content.decode()


def test_a_valid_logo_is_stored_as_a_clean_png(client, profile, alice):
    login(client, alice)
    upload = SimpleUploadedFile("logo.jpg", png_bytes(400, 200, "JPEG"), "image/jpeg")
    assert post_step(client, profile, "vacature", logo=upload).status_code == 302
    profile.refresh_from_db()
    assert bytes(profile.logo).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<svg onload=alert(1)></svg>", "geen leesbare PNG- of JPEG-afbeelding"),
        (b"GIF89a" + b"\x00" * 50, "geen leesbare PNG- of JPEG-afbeelding"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "geen leesbare PNG- of JPEG-afbeelding"),
    ],
)
def test_a_file_that_is_no_logo_is_refused(client, profile, alice, content, message):
    login(client, alice)
    upload = SimpleUploadedFile("logo.png", content, "image/png")
    response = post_step(client, profile, "vacature", logo=upload)
    assert message in response.content.decode()
    profile.refresh_from_db()
    assert not profile.logo


def test_a_gif_with_a_real_picture_is_refused(client, profile, alice):
    login(client, alice)
    upload = SimpleUploadedFile("logo.gif", png_bytes(100, 50, "GIF"), "image/gif")
    assert "PNG- of JPEG" in post_step(client, profile, "vacature", logo=upload).content.decode()


# --- Definitief, archive, delete ------------------------------------------------------------


def test_definitief_asks_for_confirmation_first(client, profile, alice):
    login(client, alice)
    page = client.get(reverse("profiles:finalise", args=[profile.pk]))
    assert "definitief maken?" in page.content.decode()
    profile.refresh_from_db()
    assert not profile.is_frozen


def test_only_the_owner_archives_and_deletes(client, profile, dave):
    login(client, dave)
    assert (
        client.post(reverse("profiles:archive", args=[profile.pk]), {"archief": "1"}).status_code
        == 404
    )
    assert client.get(reverse("profiles:delete", args=[profile.pk])).status_code == 404
    assert client.post(reverse("profiles:delete", args=[profile.pk])).status_code == 404
    assert Profile.objects.filter(pk=profile.pk, archived_at__isnull=True).exists()


def test_the_owner_archives_and_brings_back_with_audit_events(client, profile, alice):
    login(client, alice)
    client.post(reverse("profiles:archive", args=[profile.pk]), {"archief": "1"})
    profile.refresh_from_db()
    assert profile.is_archived
    index = client.get(reverse("profiles:index")).content.decode()
    assert "Archief (1)" in index
    client.post(reverse("profiles:archive", args=[profile.pk]), {"archief": "0"})
    profile.refresh_from_db()
    assert not profile.is_archived
    actions = list(
        AuditEvent.objects.filter(object_id=str(profile.pk)).values_list("action", flat=True)
    )
    assert "profile.archive" in actions and "profile.unarchive" in actions


def test_the_owner_deletes_every_version_and_the_grants(client, profile, alice, bob):
    login(client, alice)
    client.post(
        reverse("profiles:finalise", args=[profile.pk]), {"lock_version": profile.lock_version}
    )
    client.post(reverse("profiles:new_version", args=[profile.pk]))
    assert Profile.objects.filter(lineage=profile.lineage).count() == 2
    response = client.post(reverse("profiles:delete", args=[profile.pk]))
    assert response.status_code == 302
    assert not Profile.objects.filter(lineage=profile.lineage).exists()
    assert not Grant.objects.filter(object_id=str(profile.pk)).exists()
    assert AuditEvent.objects.filter(action="profile.delete", object_id=str(profile.pk)).exists()
    client.logout()
    login(client, bob)
    assert client.get(reverse("profiles:detail", args=[profile.pk])).status_code == 404


def test_a_second_profile_for_the_same_municipality_is_not_made_silently(client, profile, alice):
    login(client, alice)
    response = client.post(reverse("profiles:new"), {"gemeente": "GM1900"})
    assert response.status_code == 200
    assert "U hebt al een profielschets voor Súdwest-Fryslân" in response.content.decode()
    assert Profile.objects.count() == 1
    response = client.post(reverse("profiles:new"), {"gemeente": "GM1900", "toch_nieuw": "1"})
    assert response.status_code == 302 and Profile.objects.count() == 2


# --- Recompute, steps ----------------------------------------------------------------------


def test_recompute_reads_the_current_dossier_and_says_what_changed(client, profile, alice):
    from secretaris.dossier.models import Fact

    login(client, alice)
    fact = Fact.objects.filter(gemeente=profile.gemeente, key="inwoners").order_by("-date").first()
    fact.value += 50_000
    fact.save()
    response = client.post(
        reverse("profiles:refresh", args=[profile.pk]),
        {"lock_version": profile.lock_version},
        follow=True,
    )
    body = response.content.decode()
    assert "Opnieuw berekend uit het dossier van vandaag" in body
    assert "Inwoners: 90.514" in body and "is nu 140.514" in body
    assert "Veranderd er iets" not in body
    profile.refresh_from_db()
    assert profile.snapshot["inhabitants"]["value"] == 140_514


def test_recompute_without_changes_says_so(client, profile, alice):
    login(client, alice)
    response = client.post(
        reverse("profiles:refresh", args=[profile.pk]),
        {"lock_version": profile.lock_version},
        follow=True,
    )
    assert "niets veranderd" in response.content.decode()


def test_the_step_counter_matches_the_steps(client, profile, alice):
    from secretaris.profiles.steps import STEPS

    login(client, alice)
    for number, step in enumerate(STEPS, start=1):
        body = client.get(reverse("profiles:edit", args=[profile.pk, step.slug])).content.decode()
        assert f"stap {number} van {len(STEPS)}" in body
        assert body.count('class="sec-steps__item"') == len(STEPS)


def test_the_editor_lists_what_is_missing_and_unknown_but_the_document_does_not(
    client, profile, alice
):
    login(client, alice)
    body = client.get(reverse("profiles:edit", args=[profile.pk, "vacature"])).content.decode()
    assert "Nog niet ingevuld: sluitingsdatum." in body
    body = client.get(reverse("profiles:edit", args=[profile.pk, "bestuur"])).content.decode()
    assert "Over fusieplannen is niets ingevuld." in body
    detail = client.get(reverse("profiles:detail", args=[profile.pk])).content.decode()
    document = detail.split('class="sec-document"')[1]
    assert "niets ingevuld" not in document and "Nog niet ingevuld" not in document


def test_generated_texts_follow_a_new_choice_unless_edited_by_hand(client, profile, alice):
    login(client, alice)
    data = {"kies_coaching-ontwikkelingsgerichtheid": "on", "gemeente_type": "beheer"}
    assert post_step(client, profile, "competenties", **data).status_code == 302
    profile.refresh_from_db()
    assert "Je ziet wat medewerkers nodig hebben om te groeien" in profile.texts["wie"]
    assert "coaching/ontwikkelingsgerichtheid" in profile.texts["waarom"]
    post_step(client, profile, "algemeen", title="Secretaris", waarom="Eigen tekst.", wie="Eigen.")
    data = {"kies_visie": "on", "gemeente_type": "beheer"}
    post_step(client, profile, "competenties", **data)
    profile.refresh_from_db()
    assert profile.texts["waarom"] == "Eigen tekst." and profile.texts["wie"] == "Eigen."


def test_the_admin_cannot_change_bestuur_notes_or_vacancy_facts(rf, profile):
    from django.contrib import admin

    from secretaris.test import make_user as make

    request = rf.get("/")
    request.user = make("beheerder", staff=True)
    form = admin.site._registry[Profile].get_form(request, profile)
    assert "bestuur" not in form.base_fields
    assert "vacancy" not in form.base_fields


def test_a_logo_can_be_replaced_and_removed(client, profile, alice):
    login(client, alice)
    upload = SimpleUploadedFile("logo.png", png_bytes(), "image/png")
    post_step(client, profile, "vacature", logo=upload)
    page = client.get(reverse("profiles:edit", args=[profile.pk, "vacature"])).content.decode()
    assert "Er staat al een logo op de titelpagina." in page and "Logo weghalen" in page
    post_step(client, profile, "vacature", remove_logo="on")
    profile.refresh_from_db()
    assert not profile.logo
