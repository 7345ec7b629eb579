from datetime import date

import pytest

from secretaris.accounts.access import grant
from secretaris.dossier.models import Gemeente
from secretaris.organisation import demo
from secretaris.organisation.models import Organisation
from secretaris.test import make_user

PEIL = date(2025, 12, 31)


@pytest.fixture(autouse=True)
def _own_upload_folder(settings, tmp_path):
    settings.HR_UPLOAD_DIR = str(tmp_path / "hr-uploads")


@pytest.fixture
def alice(db):
    """Alice is the HR adviser who imports the figures."""
    return make_user("alice")


@pytest.fixture
def mallory(db):
    """Mallory has an account but no access to Alice's organisatiebeeld."""
    return make_user("mallory")


@pytest.fixture
def organisation(alice):
    organisation = Organisation.objects.create(
        gemeente=Gemeente.objects.get(code="GM0344"), created_by=alice
    )
    grant(alice, organisation, "eigenaar", by=alice)
    return organisation


@pytest.fixture(scope="session")
def afas_csv() -> bytes:
    return demo.export(demo.generate(600, PEIL), "afas")
