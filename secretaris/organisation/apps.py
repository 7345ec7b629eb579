from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "secretaris.organisation"
    verbose_name = "Organisatiebeeld"
