"""Starting a procedure, its phases, the OR advice and inviting the committee."""

import pytest
from django.urls import reverse

from secretaris.competencies.model import get_model
from secretaris.dossier.models import Gemeente
from secretaris.profiles.drafting import draft_profile
from secretaris.selection.models import Member, PhaseRefused
from secretaris.selection.procedures import NotDefinitief, start_procedure
from secretaris.selection.tests.conftest import candidate, member, person

pytestmark = pytest.mark.django_db


def test_the_criteria_are_the_core_and_the_chosen_situational_competencies(procedure):
    model = get_model(procedure.model_version)
    chosen = [s["key"] for s in procedure.profile.chosen_situational()]
    keys = [c["key"] for c in procedure.criteria]
    assert keys[: len(model.core)] == [c.key for c in model.core]
    assert set(keys[len(model.core) :]) == set(chosen) and chosen
    assert set(procedure.weights().values()) == {1}


def test_the_kit_has_two_star_questions_per_criterion_per_round(procedure):
    for round in (1, 2):
        questions = procedure.questions.filter(round=round)
        assert questions.count() == 2 * len(procedure.criteria)
    first = procedure.questions.filter(round=1).first().text
    second = procedure.questions.filter(round=2).first().text
    assert first.startswith("Vertel over een keer") and first != second


def test_a_concept_profile_cannot_start_a_procedure(db):
    concept = draft_profile(Gemeente.objects.get(code="GM1900"))
    with pytest.raises(NotDefinitief):
        start_procedure(concept, person("vera", "Vera", "V"), "X", Member.VOORZITTER)


def test_a_procedure_starts_from_the_page_and_asks_for_the_statement(client, profile):
    from secretaris.accounts.access import grant

    vera = person("vera", "Vera", "Voorzitter")
    grant(vera, profile, "lezer")
    client.force_login(vera)
    response = client.post(
        reverse("selection:new"),
        {"profile": profile.pk, "title": "Secretaris 2026", "role": "voorzitter"},
    )
    procedure = vera.selection_memberships.get().procedure
    assert response.url == reverse("selection:statement", args=[procedure.pk])
    assert procedure.title == "Secretaris 2026"


def test_someone_elses_profile_cannot_be_used(client, profile):
    vera = person("vera", "Vera", "Voorzitter")
    client.force_login(vera)
    response = client.post(
        reverse("selection:new"), {"profile": profile.pk, "title": "X", "role": "voorzitter"}
    )
    assert "Kies een profielschets uit de lijst." in response.content.decode()


def test_the_advice_phase_needs_the_or_advice_or_a_reason(procedure):
    procedure.proposed = candidate(procedure, "Anna")
    procedure.save()
    with pytest.raises(PhaseRefused, match="ondernemingsraad"):
        procedure.move_to("advies")
    procedure.or_advice_missing_reason = "De OR zag af van advies (brief van 3 maart)."
    procedure.move_to("advies")
    assert procedure.phase == "advies"


def test_the_phase_page_explains_why_advice_cannot_be_given_yet(client, procedure):
    client.force_login(member(procedure, "vera").user)
    response = client.post(reverse("selection:settings", args=[procedure.pk]), {"phase": "advies"})
    assert "Eerst het advies van de ondernemingsraad vastleggen" in response.content.decode()
    procedure.refresh_from_db()
    assert procedure.phase == "voorbereiding"


def test_the_or_advice_form_asks_for_an_advice_or_a_reason(client, procedure):
    client.force_login(member(procedure, "sanne").user)
    url = reverse("selection:or_advice", args=[procedure.pk])
    response = client.post(url, {"or_advice": "", "or_advice_missing_reason": " "})
    assert "schrijf op waarom er geen advies is" in response.content.decode()
    client.post(
        url,
        {
            "or_advice": "positief",
            "or_advice_date": "2026-11-02",
            "or_advice_text": "Steunt de keuze.",
        },
    )
    procedure.refresh_from_db()
    assert procedure.or_advice == "positief" and procedure.has_or_advice()


def test_an_invited_member_gets_an_account_and_an_email_without_candidate_names(
    client, procedure, smtp_server
):
    client.force_login(member(procedure, "sanne").user)
    client.post(
        reverse("selection:committee", args=[procedure.pk]),
        {
            "name": "Willem de Wit",
            "email": "willem@gemeente.nl",
            "role": "lid",
            "function": "wethouder",
        },
    )
    message = smtp_server.wait_for_messages(1)[0]
    body = message.get_payload(decode=True).decode()
    assert message["To"] == "willem@gemeente.nl"
    assert "/account/wachtwoord-vergeten/" in body and str(procedure.pk) in body
    assert "Anna" not in body and "Bram" not in body
    added = procedure.members.get(user__email="willem@gemeente.nl")
    assert added.role == "lid" and added.invited_at and not added.user.has_usable_password()
    response = client.post(
        reverse("selection:committee", args=[procedure.pk]),
        {"name": "Willem de Wit", "email": "WILLEM@gemeente.nl", "role": "lid"},
    )
    assert "zit al in de commissie" in response.content.decode()


def test_a_failing_mail_server_keeps_the_member_and_says_so(client, procedure, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1
    client.force_login(member(procedure, "sanne").user)
    response = client.post(
        reverse("selection:committee", args=[procedure.pk]),
        {"name": "Willem de Wit", "email": "willem@gemeente.nl", "role": "lid"},
        follow=True,
    )
    assert "kon niet worden verstuurd" in response.content.decode()
    assert procedure.members.get(user__email="willem@gemeente.nl").invited_at is None


def test_an_edited_rejection_letter_is_used_for_the_candidate(client, procedure):
    client.force_login(member(procedure, "vera").user)
    url = reverse("selection:settings", args=[procedure.pk])
    data = {
        "letters": "1",
        "werving": "Beste {naam}, helaas. {voorzitter}",
        "eerste_ronde": "Beste {naam}, na het gesprek helaas.",
        "tweede_ronde": "Beste {naam}, {onbekend veld",
    }
    client.post(url, data)
    anna = candidate(procedure, "Anna")
    anna.outcome = "afgewezen"
    anna.save()
    from secretaris.selection.tests.conftest import declare

    declare(procedure, "vera", "Anna", conflict=False)
    letter = client.get(reverse("selection:rejection", args=[procedure.pk, anna.pk]))
    assert "Beste Anna Albers, na het gesprek helaas." in letter.content.decode()
    anna.stage = "tweede_ronde"
    anna.save()
    letter = client.get(reverse("selection:rejection", args=[procedure.pk, anna.pk]))
    assert "{onbekend veld" in letter.content.decode()  # shown as written, no error
