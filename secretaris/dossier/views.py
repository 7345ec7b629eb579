from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject

from secretaris.dossier import comparison, matching, public_cache
from secretaris.dossier.charts import dossier_charts
from secretaris.dossier.forms import SearchForm
from secretaris.dossier.lookup import NotFound, find_gemeente, locate
from secretaris.dossier.models import DataSet, Gemeente, Source
from secretaris.dossier.presenter import build_dossier


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def home(request):
    provinces: dict[str, list] = {}
    for g in Gemeente.objects.with_inhabitants().order_by("province", "name"):
        provinces.setdefault(g.province, []).append(g)
    return render(
        request,
        "dossier/home.html",
        {
            "form": SearchForm(),
            "provinces": sorted(provinces.items()),
            "count": sum(len(v) for v in provinces.values()),
            "names": [g.name for items in provinces.values() for g in items],
        },
    )


def search(request):
    form = SearchForm(request.GET or None)
    if form.is_valid():
        return _find_or_suggest(request, form.cleaned_data["q"], status=200)
    return render(request, "dossier/search.html", {"form": form})


def _find_or_suggest(request, query: str, status: int = 404):
    """Redirect to the one municipality the query means, or show the closest ones."""
    try:
        gemeente, note = locate(query)
    except NotFound as result:
        form = SearchForm({"q": query})
        form.is_valid()
        return render(
            request,
            "dossier/search.html",
            {
                "form": form,
                "result": result,
                "suggestions": Gemeente.objects.filter(
                    code__in=[code for code, _ in result.suggestions]
                ),
            },
            status=status,
        )
    if note:
        messages.info(request, note)
    return redirect(gemeente)


@public_cache.cached_public(lambda request, slug: f"page:{slug}", anonymous_only=True)
def detail(request, slug: str):
    """The dossier page. The open-data parts are cached per data version (see the
    template); the lazy objects below only do their queries when the cache misses."""
    gemeente = Gemeente.objects.filter(slug=slug).first()
    if gemeente is None:
        return _find_or_suggest(request, slug.replace("-", " "))
    dossier = SimpleLazyObject(lambda: build_dossier(gemeente))
    return render(
        request,
        "dossier/detail.html",
        {
            "d": dossier,
            "g": gemeente,
            "data_version": DataSet.version(),
            "charts": SimpleLazyObject(lambda: dossier_charts(dossier)),
            "similar": SimpleLazyObject(lambda: comparison.similar(dossier)),
        },
    )


def _api_key(request, code: str) -> str | None:
    normalised = matching.normalise_code(code)
    return f"api:{normalised}" if normalised else None


@public_cache.cached_public(_api_key, anonymous_only=False)
def api_detail(request, code: str):
    normalised = matching.normalise_code(code)
    gemeente = Gemeente.objects.filter(code=normalised).first() if normalised else None
    if gemeente is None:
        try:
            gemeente = find_gemeente(code)
        except NotFound as exc:
            return JsonResponse(
                {
                    "error": exc.message(),
                    "suggestions": [{"code": c, "name": n} for c, n in exc.suggestions],
                },
                status=404,
            )
    return JsonResponse(
        build_dossier(gemeente).as_json(), json_dumps_params={"ensure_ascii": False}
    )


def api_list(request):
    rows = [
        {
            "code": g.code,
            "name": g.name,
            "province": g.province,
            "inhabitants": int(g.inhabitants) if g.inhabitants is not None else None,
        }
        for g in Gemeente.objects.with_inhabitants().order_by("code")
    ]
    return JsonResponse(
        {"count": len(rows), "gemeenten": rows}, json_dumps_params={"ensure_ascii": False}
    )


def sources(request):
    return render(
        request,
        "dossier/sources.html",
        {
            "sources": Source.objects.all(),
            "dataset": DataSet.objects.first(),
        },
    )
