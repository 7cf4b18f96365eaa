"""Households and their members: created by client UUID, consent enforced, merged by leaders.

Consent: the head's name, phone and address note (and who gave consent) are kept only with
consent ``given`` (how and when recorded) or ``imported`` (from the commune's list). A
``declined`` household is a row without personal data, so repeat visits still count once;
sending personal data with it is refused and nothing is stored.
"""

import re
import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.text import fold
from lms.phone import phone_normalise

from ..audit import audit_record
from ..erasure import erasers_run, household_rows_clear
from ..models import (
    AgeGroup,
    Area,
    Assignment,
    AuditEntry,
    ConsentMethod,
    ConsentStatus,
    FollowUp,
    Household,
    HouseholdMember,
    Visit,
)
from ..scoping import households_visible_to, teams_managed_by, villages_visible_to
from .common import as_uuid, invalid, text
from .errors import HouseholdConflict, MemberConflict, NotAllowed, NotPermitted
from .targets import household_target_refresh

PERSONAL_FIELDS = ("head_name", "phone", "address_note", "consent_by")
CREATABLE_CONSENT = (ConsentStatus.GIVEN, ConsentStatus.DECLINED, ConsentStatus.IMPORTED)
MAX_PEOPLE = 99
_NOT_DIGITS = re.compile(r"\D")


def village_for(actor, code) -> Area:
    """The village with this code if ``actor`` works in it; unknown and foreign codes get the
    same answer (a 404), so codes outside one's area cannot be probed."""
    if not isinstance(code, str) or not code.strip() or len(code) > 20:
        raise invalid("village", _("Choose a village."), "required")
    village = villages_visible_to(actor).filter(code=code.strip()).first()
    if village is None:
        raise NotAllowed(_("There is no village with this code in your area."))
    return village


def phone_digits(phone: str) -> str:
    """Search form of an E.164 Vietnamese number: the local and the international digits."""
    if not phone:
        return ""
    digits = _NOT_DIGITS.sub("", phone)
    if digits.startswith("84"):
        return f"0{digits[2:]} {digits}"
    return digits


def search_text_for(head_name: str, phone: str) -> str:
    return " ".join(part for part in (fold(head_name), phone_digits(phone)) if part)[:400]


def _phone(data: dict) -> str:
    """``data["phone"]`` as E.164 (a Vietnamese mobile), or "" when empty."""
    raw_phone = text(data, "phone", 30)
    phone = ""
    if raw_phone:
        try:
            phone = phone_normalise(raw_phone)
        except ValidationError:
            phone = ""
        if not phone.startswith("+84"):
            raise invalid("phone", _("Enter a Vietnamese mobile number, for example 0912 345 678."), "invalid_phone")
    return phone


def _check_people_count(people) -> None:
    if people is not None and (
        isinstance(people, bool) or not isinstance(people, int) or not 1 <= people <= MAX_PEOPLE
    ):
        raise invalid(
            "people_count", _("The number of people must be a whole number from 1 to %(max)d.") % {"max": MAX_PEOPLE}
        )


def _household_fields(data: dict) -> dict:
    """Validated household fields from ``data``, without touching the database."""
    status = data.get("consent_status")
    if status not in CREATABLE_CONSENT:
        raise invalid("consent_status", _("Record whether the household agreed to its data being kept."), "required")
    fields = {
        "consent_status": status,
        "head_name": text(data, "head_name", 150),
        "address_note": text(data, "address_note", 300),
        "consent_by": text(data, "consent_by", 150),
        "consent_method": data.get("consent_method") or "",
        "consent_at": data.get("consent_at"),
        "list_code": text(data, "list_code", 40) or None,
        "people_count": data.get("people_count"),
    }
    fields["phone"] = _phone(data)
    _check_people_count(fields["people_count"])

    has_personal = any(fields[name] for name in PERSONAL_FIELDS)
    if status == ConsentStatus.DECLINED:
        if has_personal:
            raise ValidationError(
                _(
                    "The household did not agree to its data being kept: leave the name, phone, "
                    "address and consent fields empty, or record the consent."
                ),
                code="consent_required",
            )
        fields.update(consent_method="", consent_at=None)
    elif status == ConsentStatus.GIVEN:
        if fields["consent_method"] not in ConsentMethod.values:
            raise invalid("consent_method", _("Record how consent was given: spoken or signed."), "consent_required")
        if fields["consent_at"] is None:
            fields["consent_at"] = timezone.now()
    else:  # imported: personal data as the commune list gave it; consent is asked at the first visit
        fields.update(consent_by="", consent_method="", consent_at=None)
    if fields["consent_at"] is not None and timezone.is_naive(fields["consent_at"]):
        fields["consent_at"] = timezone.make_aware(fields["consent_at"])
    fields["search_text"] = search_text_for(fields["head_name"], fields["phone"])
    return fields


# What a resend must repeat to count as the same household.
_COMPARED = ("consent_status", "head_name", "phone", "address_note", "consent_by", "consent_method", "people_count")


def _household_resend(actor, existing: Household, fields: dict, village_code) -> tuple[Household, bool]:
    if existing.created_by_id != actor.pk and not households_visible_to(actor).filter(pk=existing.pk).exists():
        raise NotAllowed(_("This household does not exist or is outside your area."))
    if existing.merged_into_id or existing.consent_status == ConsentStatus.ERASED:
        return existing, False  # its data has gone since: the original is what was stored
    same = existing.village.code == (village_code or "").strip() and all(
        getattr(existing, name) == fields[name] for name in _COMPARED
    )
    if not same:
        raise HouseholdConflict(_("Another household was already saved with this id. Nothing was changed."))
    return existing, False


@transaction.atomic
def household_create(*, actor, data: dict) -> tuple[Household, bool]:
    """Create the household ``data["client_uuid"]`` once. -> (household, created)

    ``data``: client_uuid, village_code, consent_status (given, declined, imported),
    consent_by, consent_method, consent_at (given; default now), head_name, phone (Vietnamese
    mobile, any local format), address_note, people_count, list_code (imports).
    The same UUID with the same data returns the stored row (created False); with other data
    raises ``HouseholdConflict``. A village outside the actor's area raises ``NotAllowed``.
    """
    client_uuid = as_uuid(data.get("client_uuid"), "client_uuid")
    fields = _household_fields(data)
    existing = Household.objects.filter(client_uuid=client_uuid).select_related("village").first()
    if existing is not None:
        return _household_resend(actor, existing, fields, data.get("village_code"))
    village = village_for(actor, data.get("village_code"))
    try:
        with transaction.atomic():
            household = Household.objects.create(
                client_uuid=client_uuid,
                village=village,
                commune_code=village.commune_code,
                province_code=village.province_code,
                created_by=actor,
                **fields,
            )
    except IntegrityError:
        existing = Household.objects.filter(client_uuid=client_uuid).select_related("village").first()
        if existing is not None:
            return _household_resend(actor, existing, fields, data.get("village_code"))
        raise invalid(
            "list_code", _("This village already has a household with this code from the commune list.")
        ) from None
    return household, True


def _visible_household(actor, client_uuid: uuid.UUID, *, for_update=False) -> Household:
    households = households_visible_to(actor)
    if for_update:
        households = households.select_for_update()
    household = households.filter(client_uuid=client_uuid).first()
    if household is None:
        raise NotAllowed(_("This household does not exist or is outside your area."))
    return household


@transaction.atomic
def household_member_create(*, actor, data: dict) -> tuple[HouseholdMember, bool]:
    """Add a person to a household once per ``client_uuid``. -> (member, created)

    ``data``: client_uuid, household (the household's client UUID), label ("bà Hường": kept
    only with consent, it names a person), age_group. A member sent for a household merged
    since joins the household it was merged into.
    """
    client_uuid = as_uuid(data.get("client_uuid"), "client_uuid")
    household_uuid = as_uuid(data.get("household"), "household")
    label = text(data, "label", 80)
    age_group = data.get("age_group") or ""
    if age_group not in ("", *AgeGroup.values):
        raise invalid("age_group", _("Choose an age group from the list."))
    existing = HouseholdMember.objects.filter(client_uuid=client_uuid).select_related("household").first()
    if existing is not None:
        return _member_resend(actor, existing, household_uuid, label, age_group)
    household = _visible_household(actor, household_uuid)
    if household.merged_into_id:
        household = household.merged_into
    if label and household.consent_status not in (ConsentStatus.GIVEN, ConsentStatus.IMPORTED):
        raise ValidationError(
            _("This household did not agree to its data being kept: describe the person by age group only."),
            code="consent_required",
        )
    try:
        with transaction.atomic():
            member = HouseholdMember.objects.create(
                client_uuid=client_uuid, household=household, label=label, age_group=age_group
            )
    except IntegrityError:
        existing = HouseholdMember.objects.select_related("household").get(client_uuid=client_uuid)
        return _member_resend(actor, existing, household_uuid, label, age_group)
    return member, True


def _member_resend(actor, existing: HouseholdMember, household_uuid, label, age_group):
    if not households_visible_to(actor).filter(pk=existing.household_id).exists():
        raise NotAllowed(_("This household does not exist or is outside your area."))
    household = existing.household
    erased = household.consent_status == ConsentStatus.ERASED
    same_household = (
        household.client_uuid == household_uuid
        or Household.objects.filter(client_uuid=household_uuid, merged_into=household).exists()
    )
    if not same_household or existing.age_group != age_group or (existing.label != label and not erased):
        raise MemberConflict(_("Another person was already saved with this id. Nothing was changed."))
    return existing, False


@transaction.atomic
def household_merge(*, actor, keep: Household, duplicate: Household) -> Household:
    """Merge ``duplicate`` into ``keep`` (the same people, entered twice): members, visits and
    follow-ups move to ``keep``; ``duplicate.merged_into`` records where they went and its
    personal data is cleared (the row stays so old client UUIDs still resolve). Leaders of a team
    covering both villages, coordinators of their area and site administrators only."""
    if keep.pk == duplicate.pk:
        raise ValidationError(_("Choose two different households to merge."), code="same_household")
    visible = households_visible_to(actor).select_for_update()
    rows = {row.pk: row for row in visible.filter(pk__in=[keep.pk, duplicate.pk])}
    if len(rows) != 2:
        raise NotAllowed(_("This household does not exist or is outside your area."))
    keep, duplicate = rows[keep.pk], rows[duplicate.pk]
    if keep.merged_into_id or duplicate.merged_into_id:
        raise ValidationError(_("One of these households was already merged into another."), code="merged")
    if keep.commune_code != duplicate.commune_code:
        raise ValidationError(_("Only households of the same commune can be merged."), code="other_commune")
    managed = teams_managed_by(actor).filter(is_active=True)
    for row in (keep, duplicate):
        if not managed.filter(villages=row.village_id).exists():
            raise NotPermitted(_("Only the team leader or a coordinator can merge households."))

    HouseholdMember.objects.filter(household=duplicate).update(household=keep)
    Visit.objects.filter(household=duplicate).update(household=keep)
    FollowUp.objects.filter(household=duplicate).update(household=keep)
    if Assignment.objects.filter(household=keep).exists():
        Assignment.objects.filter(household=duplicate).delete()
    else:
        Assignment.objects.filter(household=duplicate).update(household=keep)
    if duplicate.list_code and not keep.list_code:
        keep.list_code, duplicate.list_code = duplicate.list_code, None
        Household.objects.filter(pk=duplicate.pk).update(list_code=None)
    if keep.people_count is None and duplicate.people_count is not None:
        keep.people_count = duplicate.people_count
    keep.save(update_fields=["list_code", "people_count", "updated_at"])

    for name in ("head_name", "phone", "address_note", "search_text", "consent_by"):
        setattr(duplicate, name, "")
    duplicate.merged_into = keep
    duplicate.meets_target = False
    duplicate.save(
        update_fields=[
            "head_name",
            "phone",
            "address_note",
            "search_text",
            "consent_by",
            "merged_into",
            "meets_target",
            "list_code",
            "updated_at",
        ]
    )
    household_target_refresh(keep)
    return keep


# Consent recorded at a visit: an imported household agrees or declines; a given one withdraws.
CONSENT_CHANGES = {
    ConsentStatus.IMPORTED: (ConsentStatus.GIVEN, ConsentStatus.DECLINED),
    ConsentStatus.GIVEN: (ConsentStatus.DECLINED,),
}
# Phone clocks run fast: a consent time this far ahead of the server is still accepted.
CONSENT_CLOCK_AHEAD = timedelta(hours=12)
# Cleared when a household declines, as the ``ct_household_no_personal_data_without_consent``
# constraint requires (plus who answered); its members lose their labels and learner links.
DECLINED_CLEARED = {
    "head_name": "",
    "address_note": "",
    "phone": "",
    "search_text": "",
    "consent_by": "",
    "consent_method": "",
    "consent_at": None,
}
EDITABLE_FIELDS = ("head_name", "phone", "address_note", "people_count")


def _household_for_change(actor, household: Household) -> Household:
    household = _visible_household(actor, household.client_uuid, for_update=True)
    if household.merged_into_id:
        raise ValidationError(_("This household was merged into another one: make the change there."), code="merged")
    return household


def _consent_change_refused(current: str, status: str) -> ValidationError:
    if current == ConsentStatus.ERASED:
        message = _("This household's data was erased: its consent can no longer be changed.")
    elif current == ConsentStatus.DECLINED:
        message = _("This household declined to have its data kept: there is no consent to change.")
    else:
        message = _("Consent was already given: it can only be withdrawn.")
    return ValidationError(message, code="consent_change")


@transaction.atomic
def household_consent_record(
    *, actor, household: Household, status: str, method: str = "", by: str = "", at=None
) -> Household:
    """Record the household's answer at a visit, by anyone who can see it.

    ``imported`` → ``given`` keeps the list's data and records who answered (``by``), how
    (``method``: spoken or signed) and when (``at``, default now); ``imported`` or ``given`` →
    ``declined`` (refusal or withdrawal) clears every piece of personal data: the head's name,
    address, phone, search text, who answered, and what erasure clears in the rows pointing at
    the household (``erasure.household_rows_clear``: members' labels and learner links, visit
    notes, service names, revision payloads) and what the registered erasers hold elsewhere
    (``erasure.erasers_run``: exports). Other changes are refused. The audit log gets the names
    of the fields changed."""
    household = _household_for_change(actor, household)
    if status not in (ConsentStatus.GIVEN, ConsentStatus.DECLINED):
        raise invalid("status", _("Record whether the household agreed to its data being kept."), "required")
    if status not in CONSENT_CHANGES.get(household.consent_status, ()):
        raise _consent_change_refused(household.consent_status, status)
    by = text({"by": by}, "by", 150)
    if status == ConsentStatus.GIVEN:
        if method not in ConsentMethod.values:
            raise invalid("method", _("Record how consent was given: spoken or signed."), "consent_required")
        at = at or timezone.now()
        if timezone.is_naive(at):
            at = timezone.make_aware(at)
        if at > timezone.now() + CONSENT_CLOCK_AHEAD:
            raise invalid("at", _("The time of consent cannot be in the future."), "future")
        new = {"consent_by": by, "consent_method": method, "consent_at": at}
    else:
        if by:
            raise invalid("by", _("The household declined: leave who answered empty."), "consent_required")
        new = dict(DECLINED_CLEARED)
    new["consent_status"] = status
    changed = sorted(name for name, value in new.items() if getattr(household, name) != value)
    if status == ConsentStatus.DECLINED:
        members = HouseholdMember.objects.filter(household=household)
        changed += [
            name
            for name, held in (
                ("label", members.exclude(label="").exists()),
                ("learner", members.filter(learner__isnull=False).exists()),
            )
            if held
        ]
        household_rows_clear([household])  # before the household's own values go: they are hunted for
    for name in new:
        setattr(household, name, new[name])
    household.save(update_fields=[*(name for name in changed if name in new), "updated_at"])
    if status == ConsentStatus.DECLINED:
        erasers_run(household)  # copies elsewhere (exports) go as well
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, obj=household, details={"fields": changed})
    return household


@transaction.atomic
def household_update(*, actor, household: Household, data: dict) -> Household:
    """Change any of ``EDITABLE_FIELDS`` (keys left out stay as they are) of a household that
    gave consent, by anyone who can see it. The phone is a Vietnamese mobile in any local
    format, stored as E.164; the search text follows the name and phone. The audit log gets
    the names of the fields changed (no entry when nothing changed)."""
    household = _household_for_change(actor, household)
    unknown = sorted(set(data) - set(EDITABLE_FIELDS))
    if unknown:
        raise invalid(unknown[0], _("This cannot be changed here."), "not_editable")
    if household.consent_status != ConsentStatus.GIVEN:
        raise ValidationError(
            _("Only a household that agreed to its data being kept can have it changed: record its consent first."),
            code="consent_required",
        )
    new = {}
    if "head_name" in data:
        new["head_name"] = text(data, "head_name", 150)
    if "address_note" in data:
        new["address_note"] = text(data, "address_note", 300)
    if "phone" in data:
        new["phone"] = _phone(data)
    if "people_count" in data:
        _check_people_count(data["people_count"])
        new["people_count"] = data["people_count"]
    new["search_text"] = search_text_for(new.get("head_name", household.head_name), new.get("phone", household.phone))
    changed = sorted(name for name, value in new.items() if getattr(household, name) != value)
    if not changed:
        return household
    for name in changed:
        setattr(household, name, new[name])
    household.save(update_fields=[*changed, "updated_at"])
    audit_record(actor=actor, action=AuditEntry.Action.CHANGE, obj=household, details={"fields": changed})
    return household
