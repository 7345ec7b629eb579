from django.contrib.auth import views as auth_views
from django.urls import path

from secretaris.accounts import views

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", views.login_code, name="login_code"),
    path("inloggen/herstelcode/", views.login_recovery, name="login_recovery"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beveiliging/", views.security, name="security"),
    path("bevestigen/", views.reauthenticate, name="reauthenticate"),
    path("beveiliging/tweestapsverificatie/", views.two_factor_setup, name="two_factor_setup"),
    path(
        "beveiliging/tweestapsverificatie/uitzetten/",
        views.two_factor_disable,
        name="two_factor_disable",
    ),
    path(
        "beveiliging/herstelcodes/",
        views.two_factor_recovery_codes,
        name="two_factor_recovery_codes",
    ),
    path(
        "beveiliging/herstelcodes/nieuw/",
        views.two_factor_new_codes,
        name="two_factor_new_codes",
    ),
    path("wachtwoord/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-vergeten/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
]
