from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "secretaris.dossier"
    verbose_name = "Gemeentedossier"
