from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "secretaris.profiles"
    verbose_name = "Profielschetsen"
