import pytest

from secretaris.test import make_user


@pytest.fixture
def alice(db):
    """An ordinary user."""
    return make_user("alice")


@pytest.fixture
def bob(db):
    """A beheerder."""
    return make_user("bob", staff=True, two_factor=False)
