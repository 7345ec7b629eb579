"""The rater's side: the personal link, one page per competency, save and resume, send."""

import re

import pytest
from django.urls import reverse

from secretaris.scan.models import Answer, Comment, Rater, minutes_for
from secretaris.scan.tests.conftest import add_rater, open_with_link

pytestmark = pytest.mark.django_db


def checked(page: str, name: str) -> list[str]:
    """The values of the radio buttons named `name` that are checked."""
    return re.findall(rf'<input type="radio" name="{name}" value="([^"]+)"[^>]* checked', page)


def page_data(competency, score="3", **extra) -> dict:
    return {**{i.code: score for i in competency.indicators}, **extra}


def step_url(link: str, step: int) -> str:
    return f"{link}{step}/"


def started(client, link):
    assert client.post(link).status_code == 302
    return client


def answer_all(client, link, scan):
    for step, competency in enumerate(scan.competencies(), start=1):
        client.post(step_url(link, step), page_data(competency))


def test_the_link_opens_the_explanation_without_an_account(client, link, scan):
    page = client.get(link).content.decode()
    assert "Feedback voor Alice Aerts" in page
    assert "ten minste 3 mensen" in page  # k
    assert "Wethouders" in page and "overige beoordelaars" in page
    assert page.count("<h1") == 1


def test_the_secretary_sees_a_self_assessment_intro(client, scan, alice):
    me = scan.raters.get(group__is_self=True)
    token = open_with_link(scan, me)
    page = client.get(reverse("scan:answer", args=[token])).content.decode()
    assert "Uw zelfbeoordeling" in page and "Hoe wilt u meedoen?" not in page


def test_a_one_person_role_is_told_and_merged_by_default(client, scan):
    mayor = add_rater(scan, "burgemeester", "Bea Burgemeester", "bea@gemeente.nl")
    link = reverse("scan:answer", args=[open_with_link(scan, mayor)])
    page = client.get(link).content.decode()
    assert "U bent de enige in de groep Burgemeester" in page
    assert checked(page, "shown") == ["samen"]
    client.post(link, {})
    mayor.refresh_from_db()
    assert mayor.started_at and mayor.show_by_role is False


def test_a_one_person_role_may_choose_to_be_shown_by_role(client, scan):
    mayor = add_rater(scan, "burgemeester", "Bea Burgemeester", "bea@gemeente.nl")
    link = reverse("scan:answer", args=[open_with_link(scan, mayor)])
    client.post(link, {"shown": "rol"})
    assert Rater.objects.get(pk=mayor.pk).show_by_role is True
    client.post(f"{link}?uitleg=1", {"shown": "samen"})  # changing one's mind is fine
    assert Rater.objects.get(pk=mayor.pk).show_by_role is False


def test_a_rater_in_a_group_cannot_ask_to_be_shown_by_role(client, link, wethouder):
    client.post(link, {"shown": "rol"})
    assert Rater.objects.get(pk=wethouder.pk).show_by_role is False


def test_each_page_says_which_page_it_is_and_offers_a_five_point_scale(client, link, scan):
    started(client, link)
    page = client.get(step_url(link, 1)).content.decode()
    n = len(scan.competencies())
    assert f"Pagina 1 van {n}" in page  # the same count as the explanation's "n pagina's"
    assert f"nog ongeveer {minutes_for(n)} minuten" in page
    assert page.count('<fieldset class="utrecht-form-fieldset sec-scale') == 6
    assert page.count("<legend") == 6
    for label in ("1 – nooit/zelden", "5 – (bijna) altijd", "Kan ik niet beoordelen"):
        assert page.count(label) == 6
    assert "Wat gaat goed?" in page and "Wat kan beter?" in page
    assert page.count("<h1") == 1


def test_a_saved_page_leads_to_the_next_and_the_link_resumes_at_the_first_open_page(
    client, link, scan
):
    started(client, link)
    first, second = scan.competencies()[:2]
    response = client.post(step_url(link, 1), page_data(first))
    assert response.url == step_url(link, 2)
    client.post(step_url(link, 2), page_data(second))
    assert client.get(link).url == step_url(link, 3)


def test_the_questionnaire_has_no_site_navigation_or_footer_and_names_the_secretary(
    client, link, scan, alice
):
    intro = client.get(link).content.decode()
    assert f"{len(scan.competencies())} pagina's" in intro
    assert f"ongeveer {minutes_for(len(scan.competencies()))} minuten" in intro
    started(client, link)
    page = client.get(step_url(link, 1)).content.decode()
    assert "Hoofdmenu" not in page and "Inloggen" not in page and "Bronnen" not in page
    assert f"Hoe vaak ziet u {alice.get_full_name()} dit doen?" in page
    assert alice.get_username() not in page.replace(alice.get_full_name(), "")
    assert scan.deadline_text in page


def test_opslaan_en_later_verder_keeps_the_page_and_says_until_when_the_link_works(
    client, link, scan, wethouder
):
    started(client, link)
    first = scan.competencies()[0]
    response = client.post(step_url(link, 1), {**page_data(first), "later": "1"})
    assert response.url == reverse("scan:answer_later", args=[link.rstrip("/").split("/")[-1]])
    page = client.get(response.url).content.decode()
    assert "Uw antwoorden zijn bewaard" in page and scan.deadline_text in page
    assert f"1 van de {len(scan.competencies())} pagina" in page
    assert Answer.objects.filter(rater=wethouder).count() == len(first.indicators)
    assert client.get(link).url == step_url(link, 2)  # the link resumes where they were


def test_opslaan_en_later_verder_with_an_open_statement_saves_nothing_and_says_so(
    client, link, scan, wethouder
):
    started(client, link)
    first = scan.competencies()[0]
    data = page_data(first)
    del data[first.indicators[0].code]
    response = client.post(step_url(link, 1), {**data, "later": "1"})
    assert response.status_code == 200
    assert "Nog niet alles is ingevuld" in response.content.decode()
    assert not Answer.objects.filter(rater=wethouder).exists()


def test_a_saved_page_shows_the_answers_again(client, link, scan, wethouder):
    started(client, link)
    first = scan.competencies()[0]
    client.post(step_url(link, 1), page_data(first, "4", feedback="Helder in het MT"))
    page = client.get(step_url(link, 1)).content.decode()
    assert [checked(page, i.code) for i in first.indicators] == [["4"]] * 6
    assert "Helder in het MT" in page


def test_the_same_page_sent_twice_leaves_the_same_rows(client, link, scan, wethouder):
    started(client, link)
    first = scan.competencies()[0]
    data = page_data(first, "2", feedback="Goed", feedforward="Beter")
    client.post(step_url(link, 1), data)
    client.post(step_url(link, 1), data)  # a double click, or a retry after a lost answer
    assert Answer.objects.filter(rater=wethouder).count() == len(first.indicators)
    assert Comment.objects.filter(rater=wethouder).count() == 2
    assert set(Answer.objects.values_list("score", flat=True)) == {2}


def test_sending_a_page_again_with_other_answers_updates_them(client, link, scan, wethouder):
    started(client, link)
    first = scan.competencies()[0]
    client.post(step_url(link, 1), page_data(first, "2", feedback="Goed"))
    client.post(step_url(link, 1), page_data(first, "5", feedback=""))
    assert set(Answer.objects.values_list("score", flat=True)) == {5}
    assert not Comment.objects.exists()  # an emptied text is removed


def test_kan_ik_niet_beoordelen_is_stored_as_no_score(client, link, scan):
    started(client, link)
    first = scan.competencies()[0]
    client.post(step_url(link, 1), page_data(first, "nvt"))
    assert set(Answer.objects.values_list("score", flat=True)) == {None}


def test_a_score_outside_the_scale_is_refused_and_nothing_is_saved(client, link, scan):
    started(client, link)
    first = scan.competencies()[0]
    response = client.post(step_url(link, 1), page_data(first, "7"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kies een van de antwoorden 1 tot en met 5" in page
    assert "Er is niets opgeslagen van deze pagina" in page
    assert not Answer.objects.exists()


def test_every_statement_needs_an_answer(client, link, scan):
    started(client, link)
    first = scan.competencies()[0]
    data = page_data(first)
    del data[first.indicators[2].code]
    page = client.post(step_url(link, 1), data).content.decode()
    assert "Weet u het niet? Kies dan" in page
    assert f'href="#vraag-{first.indicators[2].code}"' in page  # the summary links to it
    assert not Answer.objects.exists()


def test_a_refused_page_keeps_what_was_filled_in_and_marks_only_its_own_form(client, link, scan):
    """A sent page is checked on fields shared by every save; the page shown with the
    errors has fields of its own, so the next rater's blank page carries no error mark."""
    from django.core.cache import cache

    started(client, link)
    first = scan.competencies()[0]
    data = page_data(first, "4", feedback="Luistert goed.")
    missing = first.indicators[1].code
    del data[missing]
    page = client.post(step_url(link, 1), data).content.decode()
    assert checked(page, first.indicators[0].code) == ["4"]
    assert "Luistert goed." in page
    assert re.search(rf'name="{missing}"[^>]*aria-invalid="true"', page)
    cache.clear()  # the next page is rendered afresh, from the same competency
    fresh = client.get(step_url(link, 1)).content.decode()
    assert 'aria-invalid="true"' not in fresh
    assert client.post(step_url(link, 1), page_data(first)).status_code == 302
    assert Answer.objects.count() == len(first.indicators)


def test_a_comment_over_2000_characters_is_refused(client, link, scan):
    started(client, link)
    first = scan.competencies()[0]
    client.post(step_url(link, 1), page_data(first, feedback="x" * 2001))
    assert not Answer.objects.exists()


def test_sending_is_refused_while_a_page_is_open(client, link, scan):
    started(client, link)
    client.post(step_url(link, 1), page_data(scan.competencies()[0]))
    page = client.post(f"{link}afronden/").content.decode()
    assert "nog niet alle pagina" in page
    assert not Rater.objects.filter(finished_at__isnull=False).exists()


def test_sending_twice_is_harmless_and_shows_the_thank_you_page(client, link, scan, wethouder):
    started(client, link)
    answer_all(client, link, scan)
    first = client.post(f"{link}afronden/")
    finished_at = Rater.objects.get(pk=wethouder.pk).finished_at
    second = client.post(f"{link}afronden/")
    assert first.url == second.url == link
    assert finished_at and Rater.objects.get(pk=wethouder.pk).finished_at == finished_at
    assert "Bedankt!" in client.get(link).content.decode()


def test_after_sending_the_answers_cannot_change(client, link, scan, wethouder):
    started(client, link)
    answer_all(client, link, scan)
    client.post(f"{link}afronden/")
    before = list(Answer.objects.order_by("pk").values_list("score", flat=True))
    response = client.post(step_url(link, 1), page_data(scan.competencies()[0], "1"))
    assert response.url == link
    assert list(Answer.objects.order_by("pk").values_list("score", flat=True)) == before
    assert client.get(step_url(link, 1)).url == link


def test_the_pages_need_the_explanation_first(client, link):
    assert client.get(step_url(link, 1)).url == link


def test_a_step_that_does_not_exist_is_not_found(client, link, scan):
    started(client, link)
    assert client.get(step_url(link, len(scan.competencies()) + 1)).status_code == 404


def test_the_finish_page_lists_every_page_with_its_state(client, link, scan):
    started(client, link)
    client.post(step_url(link, 1), page_data(scan.competencies()[0]))
    page = client.get(f"{link}afronden/").content.decode()
    assert page.count("nog niet ingevuld") == len(scan.competencies()) - 1
    assert "Versturen</button>" not in page


def test_answers_after_the_scan_closed_are_refused(client, link, scan):
    started(client, link)
    scan.close()
    response = client.post(step_url(link, 1), page_data(scan.competencies()[0]))
    assert response.status_code == 404
    assert not Answer.objects.exists()


def test_rater_pages_are_not_cached_or_indexed(client, link):
    response = client.get(link)
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
