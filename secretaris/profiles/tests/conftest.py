import pytest

from secretaris.accounts.access import grant
from secretaris.dossier.models import Gemeente
from secretaris.profiles.drafting import draft_profile
from secretaris.test import make_user


@pytest.fixture
def alice(db):
    """Alice owns the profile."""
    return make_user("alice")


@pytest.fixture
def bob(db):
    """Bob may read the profile."""
    return make_user("bob")


@pytest.fixture
def charlie(db):
    """Charlie has no access at all."""
    return make_user("charlie")


@pytest.fixture
def profile(alice, bob):
    profile = draft_profile(Gemeente.objects.get(code="GM1900"), alice)
    grant(alice, profile, "eigenaar", by=alice)
    grant(bob, profile, "lezer", by=alice)
    return profile
