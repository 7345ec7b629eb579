"""The dossier JSON and the anonymous dossier page are served from the cache, exactly
renewed by anything that changes what they show."""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client

from secretaris.dossier.dataset import DATASET_PATH
from secretaris.dossier.models import Fact
from secretaris.test import PASSWORD, make_user

pytestmark = pytest.mark.django_db

PAGE = "/gemeenten/utrecht/"
API = "/api/gemeenten/GM0344"


def test_a_repeated_api_request_is_served_without_a_database_query(
    client, django_assert_num_queries
):
    first = client.get(API)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    with django_assert_num_queries(0):
        second = client.get(API)
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert second.json()["name"] == "Utrecht"
    # Other spellings of the same code share the stored response.
    with django_assert_num_queries(0):
        assert client.get("/api/gemeenten/gm344").content == first.content


def test_a_conditional_request_gets_304_without_a_body(client):
    first = client.get(API)
    again = client.get(API, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    since = client.get(API, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    other = client.get(API, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content


def test_the_anonymous_page_touches_no_session_and_is_served_from_the_cache(
    client, django_assert_num_queries
):
    first = client.get(PAGE)
    assert first.status_code == 200 and "Utrecht" in first.content.decode()
    assert not first.cookies, "no session or CSRF cookie for an anonymous reader"
    assert "Cookie" in first["Vary"]
    with django_assert_num_queries(0):
        second = client.get(PAGE)
    assert second.content == first.content
    assert client.get(PAGE, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert Session.objects.count() == 0


def test_a_logged_in_reader_gets_their_own_page_not_the_cached_one(client):
    anonymous = Client().get(PAGE).content.decode()
    make_user("alice")
    client.login(username="alice", password=PASSWORD)
    own = client.get(PAGE).content.decode()
    assert "alice" in own
    assert "alice" not in Client().get(PAGE).content.decode()
    assert "Inloggen" in anonymous and "Uitloggen" in own


def test_a_request_with_a_query_string_is_rendered_not_served_from_the_cache(
    client, django_assert_max_num_queries
):
    client.get(PAGE)
    response = client.get(PAGE + "?uitleg=1")
    assert response.status_code == 200
    assert "ETag" not in response


def test_an_unknown_code_is_never_stored(client):
    assert client.get("/api/gemeenten/GM9999").status_code == 404
    assert client.get("/api/gemeenten/GM9999").status_code == 404
    assert client.get("/gemeenten/bestaat-niet/").status_code == 404


def test_a_data_load_that_changes_data_renews_the_page_and_the_json(
    client, tmp_path, django_capture_on_commit_callbacks
):
    shipped = client.get(API).json()["inhabitants"]
    page = client.get(PAGE)
    # A change that bypasses the loader is not seen: the stored response is served.
    newest = Fact.objects.filter(gemeente_id="GM0344", key="inwoners").order_by("-date")[0]
    Fact.objects.filter(pk=newest.pk).update(value=1)
    assert client.get(API).json()["inhabitants"] == shipped
    # A data set with another figure, loaded as `secretaris data load --bestand` does.
    data = json.loads(DATASET_PATH.read_text())
    utrecht = next(g for g in data["gemeenten"] if g["code"] == "GM0344")
    for fact in utrecht["facts"]:
        if fact["key"] == "inwoners" and fact["date"] == shipped["date"]:
            fact["value"] = "400001"
    changed = tmp_path / "dataset.json"
    changed.write_text(json.dumps(data))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("data", "load", "--bestand", str(changed), stdout=io.StringIO())
    assert client.get(API).json()["inhabitants"]["value"] == 400001
    fresh = client.get(PAGE, headers={"If-None-Match": page["ETag"]})
    assert fresh.status_code == 200 and "400.001" in fresh.content.decode()


def test_a_data_load_that_changes_nothing_keeps_the_stored_responses(
    client, django_capture_on_commit_callbacks
):
    first = client.get(API)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("data", "load", stdout=io.StringIO())
    assert client.get(API, headers={"If-None-Match": first["ETag"]}).status_code == 304
