"""Mounted at the site root: management under /ontwikkelscan/, the questionnaire under
/scan/antwoord/<token>/ (no login: the personal link is the key)."""

from django.urls import path

from secretaris.scan import plan_views, report_views, views

app_name = "scan"

urlpatterns = [
    # The questionnaire first: its requests are by far the most frequent here, and Django
    # tries the patterns in order.
    path("scan/antwoord/<str:token>/<int:step>/", views.answer_step, name="answer_step"),
    path("scan/antwoord/<str:token>/", views.answer, name="answer"),
    path("scan/antwoord/<str:token>/afronden/", views.answer_finish, name="answer_finish"),
    path("scan/antwoord/<str:token>/later/", views.answer_later, name="answer_later"),
    path("ontwikkelscan/", views.index, name="index"),
    path("ontwikkelscan/nieuw/", views.new, name="new"),
    path("ontwikkelscan/<int:pk>/", views.dashboard, name="dashboard"),
    path("ontwikkelscan/<int:pk>/instellingen/", views.edit_settings, name="settings"),
    path("ontwikkelscan/<int:pk>/groepen/", views.groups, name="groups"),
    path("ontwikkelscan/<int:pk>/beoordelaars/", views.raters, name="raters"),
    path(
        "ontwikkelscan/<int:pk>/beoordelaars/<int:rater_pk>/verwijderen/",
        views.remove_rater,
        name="remove_rater",
    ),
    path(
        "ontwikkelscan/<int:pk>/beoordelaars/<int:rater_pk>/opnieuw-uitnodigen/",
        views.reinvite,
        name="reinvite",
    ),
    path(
        "ontwikkelscan/<int:pk>/beoordelaars/<int:rater_pk>/bevestigen/",
        views.confirm_rater,
        name="confirm_rater",
    ),
    path("ontwikkelscan/<int:pk>/akkoord/", views.accept, name="accept"),
    path("ontwikkelscan/<int:pk>/goedkeuren/", views.approve, name="approve"),
    path("ontwikkelscan/<int:pk>/uitnodigen/", views.invite, name="invite"),
    path("ontwikkelscan/<int:pk>/herinneren/", views.remind, name="remind"),
    path("ontwikkelscan/<int:pk>/sluiten/", views.close, name="close"),
    path("ontwikkelscan/<int:pk>/rapport/", report_views.report, name="report"),
    path("ontwikkelscan/<int:pk>/rapport.pdf", report_views.report_pdf, name="report_pdf"),
    path("ontwikkelscan/<int:pk>/rapport/coach/", report_views.coaches, name="report_coaches"),
    path("ontwikkelscan/<int:pk>/ontwikkelplan/", plan_views.plan, name="plan"),
    path("ontwikkelscan/<int:pk>/ontwikkelplan.pdf", plan_views.plan_pdf, name="plan_pdf"),
    path(
        "ontwikkelscan/<int:pk>/ontwikkelplan/acties/",
        plan_views.plan_action_add,
        name="plan_action_add",
    ),
    path(
        "ontwikkelscan/<int:pk>/ontwikkelplan/acties/<int:action_pk>/stand/",
        plan_views.plan_action_status,
        name="plan_action_status",
    ),
    path(
        "ontwikkelscan/<int:pk>/ontwikkelplan/acties/<int:action_pk>/verwijderen/",
        plan_views.plan_action_remove,
        name="plan_action_remove",
    ),
    path(
        "ontwikkelscan/<int:pk>/ontwikkelplan/opmerkingen-bewaren/",
        plan_views.plan_keep_comments,
        name="plan_keep_comments",
    ),
]
