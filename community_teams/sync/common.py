"""What the phases share: the answers, the batch's clock, inserting through the constraints."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..services.errors import Conflict, NotAllowed, NotPermitted

MAX_SYNC_ITEMS = 500

# Statuses of an item, as the single-item endpoints would answer it.
CREATED = 201
ALREADY_STORED = 200
INVALID = 400
NOT_PERMITTED = 403
NOT_FOUND = 404
CONFLICT = 409
GONE = 410
RETRY = 503
STATUSES = (CREATED, ALREADY_STORED, INVALID, NOT_PERMITTED, NOT_FOUND, CONFLICT, GONE, RETRY)


@dataclass
class ItemResult:
    uuid: str | None
    status: int
    errors: dict | None = None
    detail: str | None = None
    retry: bool = False
    referral_token: str | None = None

    def as_dict(self) -> dict:
        body = {"uuid": self.uuid, "status": self.status}
        for name in ("errors", "detail", "referral_token"):
            value = getattr(self, name)
            if value is not None:
                body[name] = value
        if self.retry:
            body["retry"] = True
        return body


@dataclass
class SyncResult:
    households: list[ItemResult] = field(default_factory=list)
    members: list[ItemResult] = field(default_factory=list)
    visits: list[ItemResult] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {name: [row.as_dict() for row in getattr(self, name)] for name in ("households", "members", "visits")}


def _key(value) -> str | None:
    return value if isinstance(value, str) else (str(value) if value is not None else None)


def _invalid(key, error: ValidationError) -> ItemResult:
    if hasattr(error, "error_dict"):
        errors = {
            ("non_field_errors" if name == NON_FIELD_ERRORS else name): list(messages)
            for name, messages in error.message_dict.items()
        }
    else:
        errors = {"non_field_errors": list(error.messages)}
    return ItemResult(_key(key), INVALID, errors=errors)


def _retry(key) -> ItemResult:
    return ItemResult(_key(key), RETRY, detail=_("Not processed in time: send it again."), retry=True)


def _gone(key) -> ItemResult:
    return ItemResult(_key(key), GONE, detail=_("This household's data was erased: remove it from the phone."))


def _not_found(key) -> ItemResult:
    return ItemResult(_key(key), NOT_FOUND, detail=_("This household does not exist or is outside your area."))


def _attempt(key, call: Callable[[], ItemResult]) -> ItemResult:
    """One item through a single-item service, in its own savepoint; errors become statuses."""
    try:
        with transaction.atomic():
            return call()
    except ValidationError as error:
        return _invalid(key, error)
    except NotAllowed as error:
        return ItemResult(_key(key), NOT_FOUND, detail=str(error))
    except NotPermitted as error:
        return ItemResult(_key(key), NOT_PERMITTED, detail=str(error))
    except Conflict as error:
        return ItemResult(_key(key), CONFLICT, detail=str(error))


class _Batch:
    def __init__(self, actor, time_budget: float):
        self.actor = actor
        self.deadline = time.monotonic() + time_budget
        self.now = timezone.now()

    def out_of_time(self) -> bool:
        return time.monotonic() >= self.deadline

    def bound_lock_waits(self) -> None:
        if connection.vendor == "postgresql":
            remaining = max(int((self.deadline - time.monotonic()) * 1000), 1)
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{remaining}ms"])


def _first_seen(prepared: list) -> list:
    """Keep the first item of each UUID in ``prepared``; -> the later ones, each with its first
    (``_settle_repeats`` answers them once the first is answered)."""
    first, later = {}, []
    kept = []
    for row in prepared:
        if row["key"] in first:
            later.append((row, first[row["key"]]))
        else:
            first[row["key"]] = row
            kept.append(row)
    prepared[:] = kept
    return later


def _settle_repeats(later: list, results: list, same: Callable, message: str) -> None:
    """The same UUID twice in a batch: the same data repeats the first answer (201 becomes 200);
    other data is a conflict once the first was stored."""
    for row, first in later:
        answer = results[first["index"]]
        if answer.status in (CREATED, ALREADY_STORED) and not same(first, row):
            results[row["index"]] = ItemResult(row["key"], CONFLICT, detail=message)
        else:
            status = ALREADY_STORED if answer.status == CREATED else answer.status
            results[row["index"]] = ItemResult(
                row["key"], status, answer.errors, answer.detail, answer.retry, answer.referral_token
            )


def _bulk_insert(model, rows: list, results: list, batch: _Batch, one_by_one: Callable) -> list:
    """Insert ``rows`` (each with ``key``, ``index``, ``obj``) in UUID order through the unique
    constraints. -> the rows inserted; on a conflict none are, and each goes one by one."""
    if not rows:
        return []
    rows.sort(key=lambda row: row["key"])
    try:
        with transaction.atomic():
            model.objects.bulk_create([row["obj"] for row in rows])
        return rows
    except IntegrityError:
        for row in rows:
            row["obj"].pk = None
            results[row["index"]] = _retry(row["key"]) if batch.out_of_time() else one_by_one(row)
        return []
