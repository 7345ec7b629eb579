from django.urls import path

from secretaris.selection import document_views, views

app_name = "selection"

C = "<uuid:pk>/kandidaten/<uuid:candidate_id>"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.new, name="new"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/geheimhouding/", views.statement, name="statement"),
    path("<uuid:pk>/commissie/", views.committee, name="committee"),
    path("<uuid:pk>/commissie/<uuid:member_id>/", views.committee_member, name="member"),
    path("<uuid:pk>/commissie/<uuid:member_id>/uitnodigen/", views.reinvite, name="reinvite"),
    path("<uuid:pk>/instellingen/", views.settings_page, name="settings"),
    path("<uuid:pk>/kandidaten/nieuw/", views.candidate_new, name="candidate_new"),
    path(f"{C}/", views.candidate, name="candidate"),
    path(f"{C}/belangen/", views.declare, name="declare"),
    path(f"{C}/bestanden/<uuid:file_id>/", document_views.download, name="download"),
    path(f"{C}/ronde-<int:round>/scorekaart/", views.scorecard, name="scorecard"),
    path(f"{C}/ronde-<int:round>/scorekaarten/", views.scorecards, name="scorecards"),
    path(f"{C}/afwijzing/", document_views.rejection, name="rejection"),
    path("<uuid:pk>/ronde-<int:round>/kalibratie/", views.calibration, name="calibration"),
    path("<uuid:pk>/ronde-<int:round>/gespreksvragen/", document_views.interview_kit, name="kit"),
    path(
        "<uuid:pk>/ronde-<int:round>/gespreksvragen.pdf",
        document_views.interview_kit_pdf,
        name="kit_pdf",
    ),
    path("<uuid:pk>/or-advies/", views.or_advice, name="or_advice"),
    path("<uuid:pk>/advies/", document_views.advice, name="advice"),
    path("<uuid:pk>/advies.<str:kind>", document_views.advice_file, name="advice_file"),
]
