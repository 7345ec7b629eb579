from django.urls import path

from secretaris.profiles import views

app_name = "profiles"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/<slug:step>/", views.edit, name="edit"),
    path("<int:pk>/suggesties/", views.refresh, name="refresh"),
    path("<int:pk>/definitief/", views.finalise, name="finalise"),
    path("<int:pk>/nieuwe-versie/", views.new_version, name="new_version"),
    path("<int:pk>/versies/", views.versions, name="versions"),
    path("<int:pk>/archief/", views.archive, name="archive"),
    path("<int:pk>/verwijderen/", views.delete, name="delete"),
    path("<int:pk>/toegang/", views.access, name="access"),
    path("<int:pk>/document.<str:kind>", views.document, name="document"),
]
