from django.core.cache import cache

from secretaris.dossier import public_cache
from secretaris.dossier.models import Source


def data_sources(request):
    """The sources named in the footer of every page (cached per public version: they
    change on data load)."""
    key = f"footer-sources:{public_cache.current_version()}"
    sources = cache.get(key)
    if sources is None:
        sources = list(Source.objects.only("title", "publisher", "url", "licence"))
        cache.set(key, sources, 86400)
    return {"data_sources": sources}
