from django.apps import AppConfig


class SelectionConfig(AppConfig):
    name = "secretaris.selection"
    verbose_name = "Selectie"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from secretaris.selection.models import (
            Candidate,
            Declaration,
            Member,
            Procedure,
            Scorecard,
        )

        # Everything the calibration shows (calibration_cache.py) changes with these.
        for model in (Procedure, Member, Candidate, Declaration, Scorecard):
            for signal in (post_save, post_delete):
                signal.connect(
                    _changed, sender=model, dispatch_uid=f"selection-state-{model.__name__}"
                )
        post_save.connect(
            _user_changed, sender=get_user_model(), dispatch_uid="selection-state-user"
        )


def _changed(sender, instance, **kwargs) -> None:
    from secretaris.selection.calibration_cache import bump
    from secretaris.selection.models import Candidate, Procedure

    if isinstance(instance, Procedure):
        bump(instance.pk)
    elif hasattr(instance, "procedure_id"):  # Member, Candidate
        bump(instance.procedure_id)
    else:  # Declaration, Scorecard: through their candidate
        cached = instance._state.fields_cache.get("candidate")
        procedure_id = (
            cached.procedure_id
            if cached is not None
            else Candidate.objects.filter(pk=instance.candidate_id)
            .values_list("procedure_id", flat=True)
            .first()
        )
        # None: the candidate is being deleted with it, and bumps the procedure itself.
        if procedure_id is not None:
            bump(procedure_id)


NAME_FIELDS = {"first_name", "last_name", "username"}


def _user_changed(sender, instance, update_fields=None, **kwargs) -> None:
    """The calibration names the members: a renamed member changes it. Logging in only
    writes last_login, which shows nowhere."""
    if update_fields is not None and not NAME_FIELDS & set(update_fields):
        return
    from secretaris.selection.calibration_cache import bump
    from secretaris.selection.models import Member

    for procedure_id in Member.objects.filter(user=instance).values_list("procedure_id", flat=True):
        bump(procedure_id)
