from django.core.cache import cache

from secretaris.dossier.models import Source


def data_sources(request):
    """The sources named in the footer of every page (cached; they change on data load)."""
    sources = cache.get("footer-sources")
    if sources is None:
        sources = list(Source.objects.only("title", "publisher", "url", "licence"))
        cache.set("footer-sources", sources, 300)
    return {"data_sources": sources}
