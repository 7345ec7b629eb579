from django.utils.functional import SimpleLazyObject

from secretaris import versioned_cache
from secretaris.dossier import public_cache
from secretaris.dossier.models import Source

# The footer's sources change only on a data load, which renews the public version.
_recent: versioned_cache.Recent[list[Source]] = versioned_cache.Recent(2)


def footer_key() -> str:
    return f"footer-sources:{public_cache.current_version()}"


def footer_sources() -> list[Source]:
    """The sources named in the footer of every page, stored per public version."""
    return versioned_cache.fetch(
        footer_key(),
        lambda: list(Source.objects.only("title", "publisher", "url", "licence")),
        _recent,
        86400,
    )


def data_sources(request):
    """The footer's sources, looked up only when the page shows the footer (the rater
    pages have a footer of their own)."""
    return {"data_sources": SimpleLazyObject(footer_sources)}
