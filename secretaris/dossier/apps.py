from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "secretaris.dossier"
    verbose_name = "Gemeentedossier"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from secretaris.dossier.models import DataSet

        # What the public reads show changes with this (also through the admin): they
        # show open data only, which changes only with a load.
        for model in (DataSet,):
            for signal in (post_save, post_delete):
                signal.connect(_changed, sender=model, dispatch_uid=f"public-{model.__name__}")


def _changed(sender, **kwargs) -> None:
    from secretaris.dossier import public_cache

    public_cache.bump()
