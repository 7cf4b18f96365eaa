"""Erasing a household's personal data, and the registry that later features extend.

``household_erase`` turns a household into a tombstone: its name, phone, address, consent giver,
member labels, learner links, visit notes, the service names of help given and the personal
fields of visit revisions go; the rows stay, so every count (households reached, visits, skills,
follow-ups) stays right. ``household_rows_clear`` clears everything but the household row itself;
withdrawing consent (``services.households.household_consent_record``) uses it too, so the two
never drift apart.

Each visit's ``payload_hash`` (a hash of the payload first received, which held the notes and
service names) is replaced by ``ERASED_PAYLOAD_HASH``, never a SHA-256. A resend of any payload
under such a visit's client UUID is answered "already stored" with nothing changed, as it was
before the erasure: the phone's queue drains and no personal data comes back. A new visit to an
erased household is stored the same way, without its free text.

Personal data kept elsewhere (exports, caches) is removed by the erasers registered here::

    @eraser("exports")
    def exports_erase(household) -> None: ...

Erasers run inside the erasing transaction, after the household's own rows are cleared; one that
raises rolls the whole erasure back. An eraser touching storage outside the database defers that
work with ``transaction.on_commit``. Erasers must be idempotent: erasing twice is harmless.
"""

import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.text import fold

from .audit import audit_record
from .models import AuditEntry, ConsentStatus, Household, HouseholdMember, Visit, VisitHelp, VisitRevision
from .scoping import can_erase_household

logger = logging.getLogger(__name__)

Eraser = Callable[[Household], None]
_ERASERS: dict[str, Eraser] = {}

# The household's own personal fields.
ERASED_FIELDS = ("head_name", "address_note", "phone", "search_text", "consent_by")
# Keys of stored payloads (visit revisions) whose values are personal data.
PERSONAL_KEYS = frozenset(
    {"head_name", "address_note", "phone", "search_text", "consent_by", "label", "notes", "service_name"}
)
# ``Visit.payload_hash`` of a visit whose free text was cleared (not hex, so never a SHA-256).
ERASED_PAYLOAD_HASH = "erased"


class ErasureReason(models.TextChoices):
    REQUESTED = "requested", gettext_lazy("The household asked")
    CONSENT_WITHDRAWN = "consent_withdrawn", gettext_lazy("Consent withdrawn")
    ENTERED_IN_ERROR = "entered_in_error", gettext_lazy("Entered in error")


def eraser(name: str) -> Callable[[Eraser], Eraser]:
    """Register ``fn(household) -> None`` under ``name`` (unique)."""

    def register(fn: Eraser) -> Eraser:
        existing = _ERASERS.get(name)
        if existing is not None and existing.__qualname__ != fn.__qualname__:
            raise ValueError(f"An eraser named {name!r} is already registered.")
        _ERASERS[name] = fn
        return fn

    return register


def erasers() -> dict[str, Eraser]:
    """The registered erasers by name, in registration order."""
    return dict(_ERASERS)


def erasers_run(household: Household) -> list[str]:
    """Run every registered eraser for ``household`` (inside the caller's transaction): on
    erasure, and when a household withdraws its consent. -> the names run."""
    ran = []
    for name, fn in _ERASERS.items():
        fn(household)
        ran.append(name)
    return ran


def _scrub(value, needles: list[str]):
    """``value`` with personal keys blanked and any string holding a known personal value
    emptied, recursively."""
    if isinstance(value, dict):
        return {key: _blank(item) if key in PERSONAL_KEYS else _scrub(item, needles) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, needles) for item in value]
    if isinstance(value, str) and needles:
        folded = fold(value)
        if any(needle in folded for needle in needles):
            return ""
    return value


def _blank(value):
    return "" if isinstance(value, str) else None


def _needles(households: list[Household], labels: list[str]) -> list[str]:
    """Folded personal values to hunt for in free text (at least 3 characters, so that a short
    label such as "bà" does not empty every note)."""
    values = []
    for household in households:
        values += [household.head_name, household.address_note, household.consent_by]
        if household.phone:
            digits = "".join(c for c in household.phone if c.isdigit())
            values += [household.phone, digits[-9:]]
    values += labels
    return sorted({fold(v.strip()) for v in values if v and len(v.strip()) >= 3})


def _with_merged(household: Household) -> list[Household]:
    """The household and every row merged into it (duplicates of the same people)."""
    rows = [household]
    frontier = [household.pk]
    seen = {household.pk}
    while frontier:
        merged = list(Household.objects.select_for_update().filter(merged_into_id__in=frontier).exclude(pk__in=seen))
        rows += merged
        frontier = [row.pk for row in merged]
        seen.update(frontier)
    return rows


def household_rows_clear(households: list[Household]) -> dict[str, int]:
    """Clear the personal data that rows pointing at ``households`` hold: member labels and
    learner links, visit notes, help service names, personal values in visit revisions; visits
    get ``ERASED_PAYLOAD_HASH``. Call it before the households' own fields are cleared (their
    values are hunted for in revisions). Idempotent. -> {"count": members, "rows": visits}"""
    ids = [row.pk for row in households]
    members = HouseholdMember.objects.filter(household_id__in=ids)
    needles = _needles(households, [label for label in members.values_list("label", flat=True) if label])
    now = timezone.now()
    member_count = members.update(label="", learner=None)
    visits = Visit.objects.filter(household_id__in=ids)
    visit_count = visits.exclude(notes="", payload_hash=ERASED_PAYLOAD_HASH).update(
        notes="", payload_hash=ERASED_PAYLOAD_HASH, updated_at=now
    )
    VisitHelp.objects.filter(visit__household_id__in=ids).exclude(service_name="").update(service_name="")
    revisions = list(VisitRevision.objects.filter(visit__household_id__in=ids))
    for revision in revisions:
        revision.previous = _scrub(revision.previous, needles)
    VisitRevision.objects.bulk_update(revisions, ["previous"])
    return {"count": member_count, "rows": visit_count}


@transaction.atomic
def household_erase(*, actor, household: Household, reason: str) -> Household:
    """Erase ``household``'s personal data (see the module docstring) and record who did it.

    Allowed to leaders of a team covering the village, coordinators of its area and site
    administrators; views first fetch the household through ``households_visible_to`` so a
    foreign one is a 404. ``reason`` is an ``ErasureReason`` code, never free text."""
    if reason not in ErasureReason.values:
        raise ValidationError(_("Choose why the household's data is erased."), code="reason")
    household = Household.objects.select_for_update().get(pk=household.pk)
    if not can_erase_household(actor, household):
        raise PermissionDenied(_("You may not erase this household."))

    households = _with_merged(household)
    ids = [row.pk for row in households]
    cleared = household_rows_clear(households)
    now = timezone.now()
    for row in households:
        for name in ERASED_FIELDS:
            setattr(row, name, "")
        row.updated_at = now  # bulk_update skips auto_now
        if row.consent_status != ConsentStatus.ERASED:
            row.consent_status = ConsentStatus.ERASED
            row.erased_at = now
    Household.objects.bulk_update(households, [*ERASED_FIELDS, "consent_status", "erased_at", "updated_at"])

    ran = erasers_run(household)

    audit_record(
        actor=actor,
        action=AuditEntry.Action.ERASE,
        obj=household,
        details={
            "reason": reason,
            "erasers": ran,
            "ids": [pk for pk in ids if pk != household.pk],
            "count": cleared["count"],
            "rows": cleared["rows"],
        },
    )
    logger.info("Household %s erased (%d merged rows, %d erasers).", household.pk, len(ids) - 1, len(ran))
    return household
