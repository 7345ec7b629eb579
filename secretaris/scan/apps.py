from django.apps import AppConfig


class ScanConfig(AppConfig):
    name = "secretaris.scan"
    verbose_name = "Ontwikkelscans"
