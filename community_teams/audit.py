"""The audit log of household personal data: who viewed, changed, exported or erased it.

An entry names the object by type and id; ``details`` holds ids, field names, counts and short
codes only, never a value of a field. This module enforces that: a detail under an unknown key, or
a value of the wrong shape (free text where a code belongs), is a programming error and raises
``ValueError`` whose message names the key, never the value.
"""

import re
from collections.abc import Iterable
from uuid import UUID

from .models import AuditEntry, ConsentStatus

Action = AuditEntry.Action

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_CODE = re.compile(r"^[a-z][a-z0-9_.-]{0,39}$")
_MAX_IDS = 10_000


def _names(value) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and _NAME.match(v) for v in value):
        raise TypeError
    return list(value)


def _count(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError
    return value


def _code(value) -> str:
    if not isinstance(value, str) or not _CODE.match(value):
        raise TypeError
    return value


def _ids(value) -> list:
    if not isinstance(value, list | tuple | set | frozenset) or len(value) > _MAX_IDS:
        raise TypeError
    ids = []
    for v in value:
        if isinstance(v, bool):
            raise TypeError
        if isinstance(v, int):
            ids.append(v)
        elif isinstance(v, UUID):
            ids.append(str(v))
        elif isinstance(v, str) and _is_uuid(v):  # digit strings could be phone numbers
            ids.append(v)
        else:
            raise TypeError
    return ids


def _is_uuid(value: str) -> bool:
    try:
        UUID(value)
    except ValueError:
        return False
    return True


# Every key ``details`` may hold, with the shape of its value.
DETAIL_KEYS = {
    "fields": _names,  # names of the fields read or changed
    "erasers": _names,  # names of the erasers that ran
    "count": _count,
    "rows": _count,
    "format": _code,  # "xlsx", "csv"
    "reason": _code,  # a reason code, never free text
    "surface": _code,  # "field", "api", "admin"
    "ids": _ids,  # primary keys or UUIDs of related objects
}


def audit_details_clean(details: dict | None) -> dict:
    """``details`` checked against ``DETAIL_KEYS``; raises ``ValueError`` naming the bad key."""
    if not details:
        return {}
    if not isinstance(details, dict):
        raise ValueError("Audit details must be a dict.")
    cleaned = {}
    for key, value in details.items():
        check = DETAIL_KEYS.get(key)
        if check is None:
            raise ValueError(f"Audit details may not hold the key {key!r}.")
        try:
            cleaned[key] = check(value)
        except TypeError:
            raise ValueError(f"Audit detail {key!r} has a value of the wrong shape.") from None
    return cleaned


def _object_type(obj) -> str:
    return obj._meta.model_name


def audit_record(
    *,
    actor,
    action: str,
    obj=None,
    object_type: str | None = None,
    object_id=None,
    details: dict | None = None,
) -> AuditEntry:
    """Record one action on one object: ``obj``, or ``object_type`` and ``object_id``."""
    if action not in Action.values:
        raise ValueError(f"Unknown audit action {action!r}.")
    if obj is not None:
        object_type = object_type or _object_type(obj)
        object_id = obj.pk
    if not object_type or object_id is None or not _NAME.match(object_type):
        raise ValueError("An audit entry names its object by type and id.")
    return AuditEntry.objects.create(
        actor=_actor(actor),
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        details=audit_details_clean(details),
    )


def audit_household_view(actor, households: Iterable, *, surface: str | None = None) -> list[AuditEntry]:
    """Record that ``actor`` was shown these households' personal data, in one insert.

    ``households`` are ``Household`` objects (rows without personal data, declined or erased,
    are left out) or their primary keys. Call it with the rows actually shown (one page)."""
    details = audit_details_clean({"surface": surface} if surface else None)
    actor = _actor(actor)
    entries = []
    for household in households:
        if hasattr(household, "pk"):
            if getattr(household, "consent_status", None) in (ConsentStatus.DECLINED, ConsentStatus.ERASED):
                continue
            pk = household.pk
        else:
            pk = household
        entries.append(
            AuditEntry(actor=actor, action=Action.VIEW, object_type="household", object_id=str(pk), details=details)
        )
    if not entries:
        return []
    return AuditEntry.objects.bulk_create(entries)


def _actor(actor):
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    return actor
