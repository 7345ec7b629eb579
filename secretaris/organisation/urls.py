from django.urls import path

from secretaris.organisation import views

app_name = "organisation"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/inlezen/", views.upload, name="upload"),
    path("<int:pk>/inlezen/kolommen/", views.mapping, name="mapping"),
    path("<int:pk>/inlezen/afbreken/", views.cancel, name="cancel"),
    path("<int:pk>/inlezen/<int:job_pk>/", views.progress, name="progress"),
    path("<int:pk>/handmatig/", views.hand, name="hand"),
    path("<int:pk>/toegang/", views.access, name="access"),
]
