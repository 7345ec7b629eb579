"""Archive and delete a whole profile (all its versions); the views log both."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from secretaris.accounts.models import Grant
from secretaris.profiles.models import Profile


def set_archived(profile: Profile, archived: bool) -> None:
    """Archive (or bring back) every version of the profile."""
    Profile.objects.filter(lineage=profile.lineage).update(
        archived_at=timezone.now() if archived else None
    )


def delete_profile(profile: Profile) -> int:
    """Delete every version and every grant on them; the number of versions deleted."""
    with transaction.atomic():
        versions = list(
            Profile.objects.filter(lineage=profile.lineage).values_list("pk", flat=True)
        )
        Grant.objects.filter(
            content_type=ContentType.objects.get_for_model(Profile),
            object_id__in=[str(pk) for pk in versions],
        ).delete()
        Profile.objects.filter(lineage=profile.lineage).update(based_on=None)
        Profile.objects.filter(pk__in=versions).delete()
    return len(versions)
