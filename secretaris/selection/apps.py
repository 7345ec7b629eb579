from django.apps import AppConfig


class SelectionConfig(AppConfig):
    name = "secretaris.selection"
    verbose_name = "Selectie"
