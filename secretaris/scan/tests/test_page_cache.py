"""Questionnaire pages are rendered once per scan, page and kind of rater, then filled in
per rater; what a rater sees is exactly what a full render would show."""

from __future__ import annotations

import re
from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from secretaris.dossier import public_cache
from secretaris.dossier.context_processors import footer_key
from secretaris.dossier.models import Gemeente
from secretaris.scan.models import Rater
from secretaris.scan.tests.conftest import add_rater, open_with_link
from secretaris.scan.tokens import RATER_BY_HASH, UNSEEN_BY_RATERS, token_hash

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
TRICKY = 'Zegt "nee" <b>hard</b> & eerlijk; \'s avonds\nook.'


def _full_render(path: str) -> str:
    """The page rendered in full: a messages cookie keeps a request off the stored page."""
    client = Client()
    client.cookies["messages"] = "niets"
    return CSRF.sub("CSRF", client.get(path).content.decode())


def _link(scan, rater) -> str:
    return reverse("scan:answer", args=[open_with_link(scan, rater)])


def _start(link: str) -> Client:
    client = Client()
    assert client.post(link, {}).status_code == 302
    return client


def test_a_stored_page_filled_in_for_a_rater_equals_a_full_render(scan, wethouder):
    colleague = add_rater(scan, "medewerkers", "Mo Medewerker", "mo@gemeente.nl")
    link = _link(scan, wethouder)
    other_link = reverse("scan:answer", args=[open_with_link(scan, colleague)])
    competency = scan.competencies()[0]
    scores = ["1", "5", "nvt", "3", "2", "4", "nvt", "5", "1", "2"]
    answers = {i.code: scores[n % len(scores)] for n, i in enumerate(competency.indicators)}
    client = _start(link)
    client.post(f"{link}1/", {**answers, "feedback": TRICKY, "feedforward": ""})
    _start(other_link).get(f"{other_link}1/")  # another rater stores the blank page first
    served = client.get(f"{link}1/")
    page = served.content.decode()
    assert served.status_code == 200 and served["Cache-Control"].startswith("max-age=0")
    assert CSRF.sub("CSRF", page) == _full_render(f"{link}1/")
    assert "&lt;b&gt;hard&lt;/b&gt; &amp; eerlijk" in page
    for code, value in answers.items():
        assert re.findall(rf'name="{code}" value="([^"]+)"[^>]* checked', page) == [value]
    # The CSRF token on the stored page is this rater's own: the save goes through.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    saved = strict.post(f"{link}1/", {**answers, "csrfmiddlewaretoken": token})
    assert saved.status_code == 302


def test_a_stored_first_page_carries_each_raters_name_and_choice_as_a_full_render(scan):
    """The explanation for a one-person role: the name (escaped), the choice how to be
    shown and the button's words are this rater's own."""
    mayor = add_rater(scan, "burgemeester", "Bea <b>O'Brien</b> & co", "bea@gemeente.nl")
    clerk = add_rater(scan, "griffier", "Gijs Griffier", "gijs@gemeente.nl")
    mayor_link, clerk_link = _link(scan, mayor), _link(scan, clerk)
    assert Client().get(mayor_link).status_code == 200  # stores the page, "samen" chosen
    Rater.objects.filter(pk=mayor.pk).update(show_by_role=True)
    with patch("secretaris.scan.rater_pages.render", side_effect=AssertionError):
        served = Client().get(mayor_link).content.decode()  # the stored page
    assert CSRF.sub("CSRF", served) == _full_render(mayor_link)
    assert "Welkom, Bea &lt;b&gt;O&#x27;Brien&lt;/b&gt; &amp; co." in served
    assert re.findall(r'name="shown" value="([^"]+)"[^>]* checked', served) == ["rol"]
    clerk_page = Client().get(clerk_link).content.decode()
    assert CSRF.sub("CSRF", clerk_page) == _full_render(clerk_link)
    assert "Welkom, Gijs Griffier." in clerk_page and "Bea" not in clerk_page
    assert re.findall(r'name="shown" value="([^"]+)"[^>]* checked', clerk_page) == ["samen"]
    # Back to the explanation after starting: the button says to go on.
    client = _start(mayor_link)
    again = client.get(f"{mayor_link}?uitleg=1").content.decode()
    assert "Verder met de vragenlijst" in again and "Beginnen</button>" not in again
    assert CSRF.sub("CSRF", again) == _full_render(f"{mayor_link}?uitleg=1")


def test_a_rater_never_sees_the_name_of_whoever_stored_the_first_page(scan, wethouder):
    """Two raters of one group share the stored explanation page; each is welcomed by
    their own name only, and a name that looks like a marker stays plain text."""
    colleague = add_rater(scan, "wethouders", "xxRATERxLINKxMARKxx", "wim@gemeente.nl")
    first, second = _link(scan, wethouder), _link(scan, colleague)
    stored = Client().get(first).content.decode()
    with patch("secretaris.scan.rater_pages.render", side_effect=AssertionError):
        served = Client().get(second).content.decode()
    assert wethouder.name in stored and wethouder.name not in served
    assert "Welkom, xxRATERxLINKxMARKxx." in served
    assert CSRF.sub("CSRF", served) == _full_render(second)


def test_a_stored_thank_you_page_equals_a_full_render(scan, wethouder):
    colleague = add_rater(scan, "wethouders", "Wim Wethouder", "wim@gemeente.nl")
    links = [_link(scan, rater) for rater in (wethouder, colleague)]
    for link in links:
        client = _start(link)
        for step, competency in enumerate(scan.competencies(), 1):
            client.post(f"{link}{step}/", {i.code: "3" for i in competency.indicators})
        assert client.post(f"{link}afronden/").status_code == 302
    assert Client().get(links[0]).status_code == 200  # stores the page
    with patch("secretaris.scan.rater_pages.render", side_effect=AssertionError):
        served = Client().get(links[1])  # the stored page
    assert "Bedankt!" in served.content.decode() and "csrftoken" not in served.cookies
    assert served.content.decode() == _full_render(links[1])


def test_a_self_assessment_page_is_worded_for_the_secretary(scan, wethouder):
    me = scan.raters.get(group__is_self=True)
    link, my_link = _link(scan, wethouder), _link(scan, me)
    _start(link).get(f"{link}2/")
    mine = _start(my_link).get(f"{my_link}2/").content.decode()
    assert "Hoe vaak doet u dit?" in mine and "Alice Aerts dit doen" not in mine
    assert CSRF.sub("CSRF", mine) == _full_render(f"{my_link}2/")


def test_a_stored_page_is_served_with_three_queries_and_no_rendering(
    scan, wethouder, django_assert_num_queries
):
    link = _link(scan, wethouder)
    client = _start(link)
    client.get(f"{link}1/")
    with django_assert_num_queries(3):  # the rater, their answers, their comments
        client.get(f"{link}1/")


def test_a_rater_page_does_not_look_up_the_sources_of_a_footer_it_does_not_show(scan, wethouder):
    key = footer_key()
    cache.delete(key)
    intro = Client().get(_link(scan, wethouder))  # rendered in full, with base.html
    assert intro.status_code == 200 and "Bronnen" not in intro.content.decode()
    assert cache.get(key) is None


def test_a_renamed_secretary_is_shown_at_once(scan, wethouder, alice):
    link = _link(scan, wethouder)
    client = _start(link)
    assert "Alice Aerts dit doen" in client.get(f"{link}1/").content.decode()
    alice.first_name = "Alida"
    alice.save()
    assert "Alida Aerts dit doen" in client.get(f"{link}1/").content.decode()


def test_a_renamed_municipality_is_shown_at_once(scan, wethouder):
    """A merger renames a municipality in the data; its scans go on under the new name."""
    link = _link(scan, wethouder)
    client = _start(link)
    old = scan.gemeente.name
    assert f"gemeente {old}" in client.get(f"{link}1/").content.decode()
    Gemeente.objects.filter(pk=scan.gemeente.pk).update(name="Nieuwe Gemeente")
    page = client.get(f"{link}1/").content.decode()
    assert "gemeente Nieuwe Gemeente" in page and f"gemeente {old}" not in page


def test_a_stored_page_is_found_without_reading_the_public_version(scan, wethouder):
    """Nothing on a questionnaire page comes from the public data set but the
    municipality's name, which is part of the key."""
    link = _link(scan, wethouder)
    client = _start(link)
    client.get(f"{link}1/")
    with patch.object(public_cache, "current_version", side_effect=AssertionError):
        assert client.get(f"{link}1/").status_code == 200


def test_a_logged_in_rater_gets_the_same_page_as_through_the_link_alone(scan, wethouder, charlie):
    from secretaris.test import PASSWORD

    link = _link(scan, wethouder)
    _start(link).get(f"{link}1/")  # fills the page cache
    client = _start(link)
    client.login(username="charlie", password=PASSWORD)
    logged_in = client.get(f"{link}1/")
    assert logged_in.status_code == 200
    anonymous = _start(link).get(f"{link}1/")
    # The rater layout names no account: both differ only in their CSRF token.
    assert "charlie" not in logged_in.content.decode()
    assert _without_csrf(logged_in) == _without_csrf(anonymous)


def _without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_the_compiled_rater_lookup_returns_what_the_orm_returns(scan, wethouder):
    token = open_with_link(scan, wethouder)
    prepared = RATER_BY_HASH.first(token_hash(token))
    related = Rater.objects.select_related("scan", "scan__gemeente", "scan__secretary", "group")
    orm = related.defer(*UNSEEN_BY_RATERS).get(pk=wethouder.pk)

    def fields(obj):
        return {k: v for k, v in vars(obj).items() if not k.startswith("_")}

    assert fields(prepared) == fields(orm)
    for path in ("scan", "group"):
        assert fields(getattr(prepared, path)) == fields(getattr(orm, path))
    assert fields(prepared.scan.secretary) == fields(orm.scan.secretary)
    assert prepared.scan.gemeente.name == orm.scan.gemeente.name
    full = related.get(pk=wethouder.pk)  # what was left out still loads when asked for
    assert (prepared.invited_at, prepared.scan.created_at) == (
        full.invited_at,
        full.scan.created_at,
    )
    assert RATER_BY_HASH.first(token_hash("onbekend")) is None


def test_the_pages_are_rendered_when_the_invitations_open_the_scan(scan, wethouder, smtp_server):
    from secretaris.scan import invitations
    from secretaris.scan.tokens import issue

    me = scan.raters.get(group__is_self=True)
    scan.approve_raters()
    invitations.invite(scan)  # opens the scan, renders its pages, then mails the raters
    steps = len(scan.competencies())
    for rater in (wethouder, me):
        link = reverse("scan:answer", args=[issue(rater)])
        client = _start(link)
        for step in (1, steps):
            served = client.get(f"{link}{step}/")
            assert served.status_code == 200 and served.templates == []  # nothing rendered
            assert CSRF.sub("CSRF", served.content.decode()) == _full_render(f"{link}{step}/")


def test_the_invitations_go_out_when_the_pages_cannot_be_stored_ahead(
    scan, wethouder, smtp_server, monkeypatch
):
    from secretaris.scan import invitations, rater_pages

    def broken(scan):
        raise OSError("cache full")

    monkeypatch.setattr(rater_pages, "warm", broken)
    scan.approve_raters()
    outcome = invitations.invite(scan)
    assert outcome.sent == 2 and not outcome.failed  # Willem and the secretary
    assert len(smtp_server.wait_for_messages(2)) == 2
