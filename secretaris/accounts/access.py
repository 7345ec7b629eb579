"""Per-object access for any model: profiles, procedures, scans.

    grant(alice, profile, "bewerker", by=bob)
    has_access(alice, profile)                      # True: a bewerker may also read
    objects_for(alice, Profile.objects.all())       # only what alice may read, one query
    get_object_for(request, Profile, "bewerker", pk=12)   # the profile, or Http404

Roles go up: lezer < bewerker < eigenaar; each includes the ones before it.
Beheerders (is_staff or is_superuser) may do everything with every object.
Outsiders get 404, never 403, so they cannot find out which objects exist.

Primary keys may be integers, strings or UUIDs. Grants are not deleted with their object:
give the model a GenericRelation(Grant) to have them deleted with it.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.functions import Cast
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from secretaris.accounts.audit import audit
from secretaris.accounts.models import Grant

ROLES = ("lezer", "bewerker", "eigenaar")


def roles_from(role: str) -> list[str]:
    """The roles that include `role`: roles_from("bewerker") == ["bewerker", "eigenaar"]."""
    if role not in ROLES:
        raise ValueError(f"Onbekende rol {role!r}; kies uit {', '.join(ROLES)}.")
    return list(ROLES[ROLES.index(role) :])


def is_beheerder(user: Any) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_staff or user.is_superuser)
    )


def _object_id(obj: models.Model) -> str:
    pk = obj.pk
    return pk.hex if isinstance(pk, uuid.UUID) else str(pk)


def _grants_on(obj: models.Model):
    return Grant.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=_object_id(obj)
    )


def grant(user: Any, obj: models.Model, role: str, by: Any = None) -> Grant:
    """Give `user` the role `role` on `obj` (replacing an earlier role) and log it."""
    roles_from(role)  # refuses unknown roles
    with transaction.atomic():  # the grant and its audit event, or neither
        granted, _ = Grant.objects.update_or_create(
            user=user,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=_object_id(obj),
            defaults={"role": role, "granted_by": by},
        )
        audit(None, "access_granted", obj, user=by, to=user.get_username(), role=role)
    return granted


def revoke(user: Any, obj: models.Model, by: Any = None) -> bool:
    """Take away `user`'s role on `obj`; True if there was one."""
    with transaction.atomic():
        deleted, _ = _grants_on(obj).filter(user=user).delete()
        if deleted:
            audit(None, "access_revoked", obj, user=by, to=user.get_username())
    return bool(deleted)


def role_of(user: Any, obj: models.Model) -> str | None:
    """The user's role on `obj`: "eigenaar" for beheerders, None without access."""
    if is_beheerder(user):
        return "eigenaar"
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return _grants_on(obj).filter(user=user).values_list("role", flat=True).first()


def has_access(user: Any, obj: models.Model, role: str = "lezer") -> bool:
    """True if `user` has `role` (or a higher one) on `obj`."""
    allowed = roles_from(role)
    if is_beheerder(user):
        return True
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return _grants_on(obj).filter(user=user, role__in=allowed).exists()


def grants_for(obj: models.Model) -> models.QuerySet[Grant]:
    """Who has which role on `obj` (for a "shared with" list)."""
    return _grants_on(obj).select_related("user", "granted_by").order_by("user__username")


def _granted_pks(user: Any, model: type[models.Model], roles: list[str]) -> models.QuerySet:
    """A subquery of the primary keys of `model` that `user` holds one of `roles` on."""
    grants = Grant.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(model), role__in=roles
    )
    pk = model._meta.pk
    while pk.is_relation:  # multi-table inheritance: the parent's key
        pk = pk.target_field
    if isinstance(pk, models.IntegerField):  # AutoField and BigAutoField too
        return grants.values_list(Cast("object_id", models.BigIntegerField()), flat=True)
    if isinstance(pk, models.UUIDField):
        return grants.values_list(Cast("object_id", models.UUIDField()), flat=True)
    return grants.values_list("object_id", flat=True)


def objects_for(user: Any, queryset: models.QuerySet, role: str = "lezer") -> models.QuerySet:
    """`queryset` narrowed to the objects `user` has `role` on (one query with a subquery)."""
    allowed = roles_from(role)
    if is_beheerder(user):
        return queryset
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    return queryset.filter(pk__in=_granted_pks(user, queryset.model, allowed))


def get_object_for(
    request: HttpRequest,
    model: type[models.Model] | models.QuerySet,
    role: str = "lezer",
    **lookup: Any,
) -> models.Model:
    """The object matching `lookup` if the user has `role` on it; Http404 otherwise,
    whether the object is missing or forbidden."""
    queryset = model._default_manager.all() if isinstance(model, type) else model
    return get_object_or_404(objects_for(request.user, queryset, role), **lookup)


def with_role(queryset: models.QuerySet, user_pk: Any) -> models.QuerySet:
    """`queryset` with `access_role` on each object: the role that the user with
    `user_pk` holds on it, or None (a subquery; integer primary keys only)."""
    grants = Grant.objects.filter(
        user_id=user_pk,
        content_type=ContentType.objects.get_for_model(queryset.model),
        object_id=Cast(models.OuterRef("pk"), models.CharField(max_length=64)),
    )
    return queryset.annotate(access_role=models.Subquery(grants.values("role")[:1]))


def get_object_and_role(
    request: HttpRequest,
    model: type[models.Model] | models.QuerySet,
    role: str = "lezer",
    **lookup: Any,
) -> tuple[models.Model, str]:
    """`get_object_for` and the user's role on the object (for what a page offers), in one
    query instead of two. Integer primary keys only; Http404 as `get_object_for`."""
    queryset = model._default_manager.all() if isinstance(model, type) else model
    user = request.user
    if is_beheerder(user):
        return get_object_or_404(queryset, **lookup), "eigenaar"
    if user is None or not user.is_authenticated or not user.is_active:
        raise Http404
    obj = get_object_or_404(with_role(queryset, user.pk), **lookup)
    return checked_role(obj, role)


def checked_role(obj: models.Model | None, role: str = "lezer") -> tuple[models.Model, str]:
    """`obj` (read through `with_role`) and its `access_role` if that includes `role`;
    Http404 otherwise, as for a missing object."""
    held = getattr(obj, "access_role", None)
    if obj is None or held not in roles_from(role):
        raise Http404
    return obj, held
