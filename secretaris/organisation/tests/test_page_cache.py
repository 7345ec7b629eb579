"""The organisation page's figures come from the cache, and every edit shows at once."""

from unittest import mock

import pytest
from django.urls import reverse

from secretaris.accounts.access import grant, revoke
from secretaris.dossier import public_cache
from secretaris.organisation import demo, presenter
from secretaris.organisation.importing import run_import
from secretaris.organisation.mapping import guess_mapping
from secretaris.organisation.reading import read_table
from secretaris.organisation.tests.conftest import PEIL
from secretaris.test import make_user


def _import(organisation, user, rows: int) -> None:
    table = read_table(demo.export(demo.generate(rows, PEIL), "afas"), "afas.csv")
    outcome = run_import(organisation, table, guess_mapping(table.headers), PEIL, user=user)
    assert outcome.staff_import is not None


@pytest.fixture
def bob(organisation, alice):
    """Bob may read Alice's organisatiebeeld."""
    user = make_user("bob")
    grant(user, organisation, "lezer", by=alice)
    return user


@pytest.fixture
def imported(organisation, alice):
    _import(organisation, alice, 300)
    return organisation


def _page(client, user, organisation):
    client.force_login(user)
    return client.get(organisation.get_absolute_url())


def _builds():
    return mock.patch.object(presenter, "build", wraps=presenter.build)


def test_the_figures_are_built_once_for_all_readers(client, alice, bob, imported):
    with _builds() as build:
        first = _page(client, alice, imported)
        second = _page(client, bob, imported)
    assert build.call_count == 1
    assert first.status_code == second.status_code == 200
    figures = first.content.decode().split('id="opvallend-titel"')[1].split("</main>")[0]
    assert figures in second.content.decode()
    # What differs per user stays outside the stored piece: Bob cannot edit.
    assert "Nieuwe export inlezen" in first.content.decode()
    assert "Nieuwe export inlezen" not in second.content.decode()
    assert "no-store" in second["Cache-Control"]


def test_a_new_import_shows_at_once(client, alice, bob, imported):
    before = _page(client, bob, imported).content.decode()
    assert "300 regels" in before
    _import(imported, alice, 450)
    after = _page(client, bob, imported).content.decode()
    assert "450 regels" in after and "300 regels" not in after


def test_hand_entered_satisfaction_shows_at_once(client, alice, bob, imported):
    assert "MTO Utrecht" not in _page(client, bob, imported).content.decode()
    client.force_login(alice)
    response = client.post(
        reverse("organisation:hand", args=[imported.pk]),
        {"satisfaction": "6,9", "satisfaction_source": "MTO Utrecht", "satisfaction_year": 2025},
    )
    assert response.status_code == 302
    html = _page(client, bob, imported).content.decode()
    assert "6,9 rapportcijfer" in html and "MTO Utrecht (2025)" in html


def test_revoked_access_gets_nothing_even_from_a_warm_cache(client, alice, bob, imported):
    assert _page(client, bob, imported).status_code == 200
    revoke(bob, imported, by=alice)
    with _builds() as build:
        response = _page(client, bob, imported)
    assert response.status_code == 404 and build.call_count == 0
    assert "Bezetting (personen)" not in response.content.decode()


def test_an_outsider_never_gets_the_stored_figures(client, mallory, alice, imported):
    assert _page(client, alice, imported).status_code == 200
    response = _page(client, mallory, imported)
    assert response.status_code == 404
    assert "Bezetting (personen)" not in response.content.decode()


def test_a_new_data_set_renders_the_figures_again(
    client, bob, imported, django_capture_on_commit_callbacks
):
    _page(client, bob, imported)
    with django_capture_on_commit_callbacks(execute=True):
        public_cache.bump()  # what a `data load` that changed the data set does
    with _builds() as build:
        _page(client, bob, imported)
    assert build.call_count == 1


def test_the_page_asks_three_queries_or_fewer_when_warm(
    client, bob, imported, django_assert_max_num_queries
):
    _page(client, bob, imported)
    with django_assert_max_num_queries(3):  # session user, organisation with access and import
        client.get(imported.get_absolute_url())


def test_the_stored_page_gets_each_users_name_and_token_and_equals_a_full_render(
    client, alice, bob, imported
):
    from secretaris.organisation import page_cache

    _page(client, alice, imported)  # stored for owners
    page_cache._pages.clear()
    carol = make_user("carol")
    grant(carol, imported, "lezer", by=alice)
    first = _page(client, carol, imported).content.decode()  # rendered with markers
    second = _page(client, bob, imported)  # served from the stored page
    html = second.content.decode()
    assert "Ingelogd als </span>bob" in html and "carol" not in html
    assert "xxUSERxNAMExMARKxx" not in html and "xxCSRFxTOKENxMARKxx" not in html
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert len(token) == 64
    # Byte for byte what a full render gives, but for the name and the token.
    full = _page(client, carol, imported)
    assert (
        full.content.decode().split("csrfmiddlewaretoken")[0]
        == first.split("csrfmiddlewaretoken")[0]
    )
    assert (
        html.replace("bob", "carol").split("csrfmiddlewaretoken")[0]
        == first.split("csrfmiddlewaretoken")[0]
    )


def test_a_waiting_message_is_shown_once_through_a_full_render(client, alice, imported):
    _page(client, alice, imported)
    response = client.post(
        reverse("organisation:hand", args=[imported.pk]),
        {"formatie_fte": "120", "formatie_source": "Begroting 2026"},
    )
    assert response.status_code == 302
    page = client.get(imported.get_absolute_url()).content.decode()
    assert "De cijfers zijn opgeslagen." in page
    assert (
        "De cijfers zijn opgeslagen."
        not in client.get(imported.get_absolute_url()).content.decode()
    )


def test_a_beheerder_sees_the_page_as_an_owner(client, imported):
    beheerder = make_user("dora", staff=True)
    html = _page(client, beheerder, imported).content.decode()
    assert "Bezetting (personen)" in html and "Toegang" in html
