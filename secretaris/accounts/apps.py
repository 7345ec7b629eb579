from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "secretaris.accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from secretaris.accounts import sessions  # noqa: F401 (connects the login signal)
