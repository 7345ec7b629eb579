from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "secretaris.jobs"
    verbose_name = "Achtergrondtaken"
