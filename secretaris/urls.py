from django.contrib import admin
from django.urls import include, path

from secretaris.dossier import views as dossier_views

urlpatterns = [
    path("", dossier_views.home, name="home"),
    path("healthz", dossier_views.healthz, name="healthz"),
    path("", include("secretaris.dossier.urls")),
    path("profielschetsen/", include("secretaris.profiles.urls")),
    path("", include("secretaris.scan.urls")),  # /ontwikkelscan/ and /scan/antwoord/
    path("organisatiebeeld/", include("secretaris.organisation.urls")),
    path("selectie/", include("secretaris.selection.urls")),
    path("account/", include("secretaris.accounts.urls")),
    path("beheer/", admin.site.urls),
]
