"""The footer names the data's sources, stored per public version."""

from __future__ import annotations

import pytest
from django.urls import reverse

from secretaris.dossier import public_cache
from secretaris.dossier.models import Source

pytestmark = pytest.mark.django_db


def test_the_footer_names_the_sources_and_follows_a_data_update(
    client, django_capture_on_commit_callbacks
):
    source = Source.objects.order_by("pk").first()
    assert source.title in client.get(reverse("login")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Source.objects.filter(pk=source.pk).update(title="Kerncijfers, nieuwe uitgave")
        public_cache.bump()  # what a data load or update does
    assert "Kerncijfers, nieuwe uitgave" in client.get(reverse("login")).content.decode()
