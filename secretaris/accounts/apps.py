from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "secretaris.accounts"
    verbose_name = "Accounts"
