import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.http import Http404
from django.test import RequestFactory

from secretaris.accounts.access import (
    get_object_for,
    grant,
    grants_for,
    has_access,
    objects_for,
    revoke,
    role_of,
)
from secretaris.accounts.models import AuditEvent, Grant
from secretaris.dossier.models import Gemeente
from secretaris.profiles.drafting import draft_profile
from secretaris.profiles.models import Profile
from secretaris.test import make_user


@pytest.fixture
def raad(db):
    return Group.objects.create(name="Raad")


@pytest.fixture
def college(db):
    return Group.objects.create(name="College")


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_without_a_grant_there_is_no_access(alice, raad):
    assert not has_access(alice, raad)
    assert role_of(alice, raad) is None


def test_roles_include_the_lower_ones(alice, raad):
    grant(alice, raad, "bewerker")
    assert has_access(alice, raad, "lezer")
    assert has_access(alice, raad, "bewerker")
    assert not has_access(alice, raad, "eigenaar")


def test_a_new_grant_replaces_the_old_role(alice, bob, raad):
    grant(alice, raad, "eigenaar", by=bob)
    grant(alice, raad, "lezer", by=bob)
    assert Grant.objects.get().role == "lezer"
    assert role_of(alice, raad) == "lezer"


def test_grants_and_revokes_are_logged(alice, bob, raad):
    grant(alice, raad, "lezer", bob)
    revoke(alice, raad, by=bob)
    events = AuditEvent.objects.order_by("pk")
    assert [e.action for e in events] == ["access_granted", "access_revoked"]
    assert events[0].user == bob and events[0].detail == {"to": "alice", "role": "lezer"}
    assert events[0].object_type == "auth.group"


def test_revoke_takes_access_away(alice, raad):
    grant(alice, raad, "eigenaar")
    assert revoke(alice, raad)
    assert not has_access(alice, raad)
    assert not revoke(alice, raad)


def test_a_grant_is_for_one_object_of_one_model(alice, raad, college):
    grant(alice, raad, "lezer")
    assert not has_access(alice, college)
    same_pk_other_model = draft_profile(Gemeente.objects.first(), save=False)
    same_pk_other_model.pk = raad.pk
    same_pk_other_model.save()
    assert not has_access(alice, same_pk_other_model)
    assert not objects_for(alice, Profile.objects.all()).exists()


def test_beheerders_have_access_to_everything(bob, raad):
    assert has_access(bob, raad, "eigenaar")
    assert role_of(bob, raad) == "eigenaar"
    assert objects_for(bob, Group.objects.all()).count() == Group.objects.count()


def test_anonymous_and_inactive_users_have_no_access(alice, raad):
    grant(alice, raad, "eigenaar")
    assert not has_access(AnonymousUser(), raad)
    assert not objects_for(AnonymousUser(), Group.objects.all()).exists()
    alice.is_active = False
    alice.save()
    assert not has_access(alice, raad)
    assert not objects_for(alice, Group.objects.all()).exists()


def test_unknown_roles_are_refused(alice, raad):
    with pytest.raises(ValueError, match="Onbekende rol"):
        grant(alice, raad, "koning")
    with pytest.raises(ValueError):
        has_access(alice, raad, "koning")


def test_objects_for_filters_a_queryset_in_one_query(
    alice, raad, college, django_assert_num_queries
):
    Group.objects.bulk_create(Group(name=f"Commissie {n}") for n in range(20))
    grant(alice, raad, "lezer")
    grant(alice, college, "eigenaar")
    with django_assert_num_queries(1):
        assert [g.name for g in objects_for(alice, Group.objects.order_by("name"))] == [
            "College",
            "Raad",
        ]
    with django_assert_num_queries(1):
        assert list(objects_for(alice, Group.objects.all(), "bewerker")) == [college]


def test_objects_for_works_with_big_integer_and_string_keys(alice):
    gemeenten = list(Gemeente.objects.order_by("pk")[:3])
    profiles = [draft_profile(g) for g in gemeenten]
    grant(alice, gemeenten[1], "lezer")
    grant(alice, profiles[2], "lezer")
    assert list(objects_for(alice, Gemeente.objects.all())) == [gemeenten[1]]
    assert list(objects_for(alice, Profile.objects.all())) == [profiles[2]]


def test_grants_for_lists_who_has_access(alice, bob, raad):
    carol = make_user("carol")
    grant(carol, raad, "eigenaar", by=bob)
    grant(alice, raad, "lezer", by=carol)
    assert [(g.user.username, g.role) for g in grants_for(raad)] == [
        ("alice", "lezer"),
        ("carol", "eigenaar"),
    ]


def test_get_object_for_returns_the_object_with_access(alice, raad):
    grant(alice, raad, "bewerker")
    assert get_object_for(request_for(alice), Group, "bewerker", pk=raad.pk) == raad
    assert get_object_for(request_for(alice), Group.objects.all(), name="Raad") == raad


def test_get_object_for_gives_an_outsider_404_not_403(alice, raad):
    with pytest.raises(Http404):
        get_object_for(request_for(alice), Group, "lezer", pk=raad.pk)


def test_get_object_for_gives_404_for_a_too_low_role(alice, raad):
    grant(alice, raad, "lezer")
    with pytest.raises(Http404):
        get_object_for(request_for(alice), Group, "bewerker", pk=raad.pk)


def test_get_object_for_gives_404_for_a_missing_object(bob):
    with pytest.raises(Http404):
        get_object_for(request_for(bob), Group, pk=999999)


def test_grants_are_deleted_with_the_user(alice, raad):
    grant(alice, raad, "lezer")
    alice.delete()
    assert not Grant.objects.exists()
