"""Batch sync: the households, people and visits a phone queued offline, stored in one request.

``visits_sync`` takes the items the single-item services take (``household_create``,
``household_member_create``, ``visit_create``) and answers each one with an HTTP-like status,
in the order received:

- 201 created; 200 already stored (same UUID, same data; a visit edited since still counts);
- 409 the UUID is stored with other data (nothing changed);
- 404 the household (or village) is unknown or outside the actor's area;
- 410 the household was erased: the phone drops its copy of it and of everything naming it. A
  person or visit sent for an erased household is still stored for the counts, without its
  personal data (label, notes, service names), as ``visit_create`` does; resends answer 410 too;
- 403 the actor may not log visits there (not in a team of the village, or left the team);
- 400 invalid, with field errors (nothing stored for that item);
- 503 with ``retry``: not processed within ``TIME_BUDGET_SECONDS``; send it again.

Households go first, then people, then visits, so an item may name a household or person sent in
the same batch wherever it stands in the request. One bad item never blocks the others. At most
``MAX_SYNC_ITEMS`` items per batch (the API refuses more).

Queries per batch, not per item: each phase reads what it needs for all its items at once
(existing rows by UUID with their hashes, the households and people named, the actor's teams,
help items), checks in Python, then inserts with ``bulk_create`` in UUID order. The unique
constraints still decide: when a bulk insert hits one (another request stored the same UUID
meanwhile, or a referral token collided), it is rolled back to its savepoint and those items go
one by one through the single-item service, which answers 200 or 409 for rows another request
won. Items needing the former-member rule also go through the single-item check.

Locks (PostgreSQL): new rows are inserted in UUID order, phase after phase, and the visit phase
first locks the households it writes to (``FOR NO KEY UPDATE``, in primary key order), so
overlapping batches wait for each other instead of deadlocking. A lock wait is bounded by the
time budget; a lock timeout or deadlock ends that phase: its items and the later ones get 503
with ``retry``, nothing of them stored.

Bounded time: the budget is checked between phases and between items of the one-by-one path;
what is left when it runs out is answered 503 with ``retry``.

Layout: ``common`` (answers, the batch's clock, inserting through the constraints),
``households`` (households and people), ``visits`` (visits and what storing one does).
"""

from django.db import OperationalError, transaction

from .common import (
    ALREADY_STORED,
    CONFLICT,
    CREATED,
    GONE,
    INVALID,
    MAX_SYNC_ITEMS,
    NOT_FOUND,
    NOT_PERMITTED,
    RETRY,
    STATUSES,
    ItemResult,
    SyncResult,
    _Batch,
    _retry,
)
from .households import _households, _members
from .visits import _visits

# Seconds a batch may take; read at each call (tests change it).
TIME_BUDGET_SECONDS = 10.0

__all__ = [
    "ALREADY_STORED",
    "CONFLICT",
    "CREATED",
    "GONE",
    "INVALID",
    "MAX_SYNC_ITEMS",
    "NOT_FOUND",
    "NOT_PERMITTED",
    "RETRY",
    "STATUSES",
    "TIME_BUDGET_SECONDS",
    "ItemResult",
    "SyncResult",
    "visits_sync",
]


PHASES = (("households", _households), ("members", _members), ("visits", _visits))


def visits_sync(
    *, actor, households: list[dict], members: list[dict], visits: list[dict], time_budget: float | None = None
) -> SyncResult:
    """Store a phone's queued households, people and visits (in that order). -> one
    ``ItemResult`` per item, in the order received (see the module docstring).

    Items are what the single-item services take: households with ``village_code``; people and
    visits as sent. Callers check the envelope and ``MAX_SYNC_ITEMS``; the items' own shapes
    are checked here, each on its own."""
    batch = _Batch(actor, TIME_BUDGET_SECONDS if time_budget is None else time_budget)
    given = {"households": households, "members": members, "visits": visits}
    result = SyncResult()
    with transaction.atomic():
        batch.bound_lock_waits()
        for name, phase in PHASES:
            items = given[name]
            answers = [] if not items else None
            if answers is None and not batch.out_of_time():
                try:
                    with transaction.atomic():
                        answers = phase(batch, items)
                except OperationalError:  # a lock wait ran out, or a deadlock: send again
                    answers = None
                    batch.deadline = 0
            if answers is None:
                answers = [_retry(item.get("client_uuid") if isinstance(item, dict) else None) for item in items]
            setattr(result, name, answers)
    return result
