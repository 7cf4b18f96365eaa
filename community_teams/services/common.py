"""Small helpers shared by the services: field errors, UUIDs, insert-through-constraint."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _


def invalid(field: str, message: str, code: str = "invalid") -> ValidationError:
    """A ``ValidationError`` for one field (the API returns ``{field: [message]}``)."""
    return ValidationError({field: ValidationError(message, code=code)})


def as_uuid(value, field: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise invalid(field, _("This must be an id made by the app (a UUID)."), "invalid_uuid") from None


def text(data: dict, field: str, max_length: int) -> str:
    """A stripped string from ``data`` (missing or None: ""), at most ``max_length`` long."""
    value = data.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise invalid(field, _("This must be text."))
    value = value.strip()
    if len(value) > max_length:
        raise invalid(
            field,
            _("This can be at most %(max)d characters long (it has %(length)d).")
            % {"max": max_length, "length": len(value)},
            "too_long",
        )
    return value


def create_or_get(model, lookup: dict, defaults: dict):
    """Insert through the unique constraint; on a conflict return the row that won. -> (row, created)"""
    try:
        with transaction.atomic():
            return model.objects.create(**lookup, **defaults), True
    except IntegrityError:
        return model.objects.get(**lookup), False
