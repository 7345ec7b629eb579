from django.urls import path

from secretaris.dossier import views

app_name = "dossier"

urlpatterns = [
    path("gemeenten/zoeken/", views.search, name="search"),
    path("gemeenten/<slug:slug>/", views.detail, name="detail"),
    path("api/gemeenten/<str:code>", views.api_detail, name="api_detail"),
    path("api/gemeenten/", views.api_list, name="api_list"),
    path("over-de-gegevens/", views.sources, name="sources"),
]
