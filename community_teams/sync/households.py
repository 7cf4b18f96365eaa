"""The households and people of a batch (rules: ``community_teams.sync``)."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from ..models import AgeGroup, ConsentStatus, Household, HouseholdMember
from ..scoping import households_visible_to, villages_visible_to
from ..services import households as household_services
from ..services.common import as_uuid, invalid, text
from .common import (
    ALREADY_STORED,
    CONFLICT,
    CREATED,
    NOT_FOUND,
    ItemResult,
    _attempt,
    _Batch,
    _bulk_insert,
    _first_seen,
    _gone,
    _invalid,
    _not_found,
    _settle_repeats,
)

CONSENT_KEEPS_LABELS = (ConsentStatus.GIVEN, ConsentStatus.IMPORTED)


def _households(batch: _Batch, items: list[dict]) -> list[ItemResult]:
    actor = batch.actor
    results: list[ItemResult | None] = [None] * len(items)
    prepared = []
    for index, data in enumerate(items):
        try:
            key = str(as_uuid(data.get("client_uuid"), "client_uuid"))
            fields = household_services._household_fields(data)
        except ValidationError as error:
            results[index] = _invalid(data.get("client_uuid"), error)
            continue
        code = (data.get("village_code") or "").strip() if isinstance(data.get("village_code"), str) else ""
        prepared.append({"index": index, "key": key, "data": data, "fields": fields, "code": code})

    def same(first, row) -> bool:
        return first["code"] == row["code"] and all(
            first["fields"][name] == row["fields"][name] for name in household_services._COMPARED
        )

    later = _first_seen(prepared)
    existing = {
        str(row.client_uuid): row
        for row in Household.objects.filter(client_uuid__in=[row["key"] for row in prepared]).select_related("village")
    }
    others = [row.pk for row in existing.values() if row.created_by_id != actor.pk]
    visible = set(households_visible_to(actor).filter(pk__in=others).values_list("pk", flat=True)) if others else set()
    codes = {row["code"] for row in prepared if row["key"] not in existing and row["code"]}
    villages = {village.code: village for village in villages_visible_to(actor).filter(code__in=codes)} if codes else {}

    new = []
    for row in prepared:
        index, key, fields = row["index"], row["key"], row["fields"]
        stored = existing.get(key)
        if stored is not None:
            if stored.created_by_id != actor.pk and stored.pk not in visible:
                results[index] = _not_found(key)
            elif stored.consent_status == ConsentStatus.ERASED:
                results[index] = _gone(key)
            elif stored.merged_into_id or same({"code": stored.village.code, "fields": vars(stored)}, row):
                results[index] = ItemResult(key, ALREADY_STORED)
            else:
                results[index] = ItemResult(
                    key, CONFLICT, detail=_("Another household was already saved with this id. Nothing was changed.")
                )
            continue
        if not row["code"] or len(row["code"]) > 20:
            results[index] = _invalid(key, invalid("village", _("Choose a village."), "required"))
            continue
        village = villages.get(row["code"])
        if village is None:
            results[index] = ItemResult(key, NOT_FOUND, detail=_("There is no village with this code in your area."))
            continue
        row["obj"] = Household(
            client_uuid=key,
            village=village,
            commune_code=village.commune_code,
            province_code=village.province_code,
            created_by=actor,
            **fields,
        )
        new.append(row)

    def one_by_one(row) -> ItemResult:
        def call():
            household, created = household_services.household_create(actor=actor, data=row["data"])
            if household.consent_status == ConsentStatus.ERASED:
                return _gone(row["key"])
            return ItemResult(row["key"], CREATED if created else ALREADY_STORED)

        return _attempt(row["key"], call)

    for row in _bulk_insert(Household, new, results, batch, one_by_one):
        results[row["index"]] = ItemResult(row["key"], CREATED)
    _settle_repeats(later, results, same, _("Another household was already saved with this id. Nothing was changed."))
    return results


# People.


def _members(batch: _Batch, items: list[dict]) -> list[ItemResult]:
    actor = batch.actor
    results: list[ItemResult | None] = [None] * len(items)
    prepared = []
    for index, data in enumerate(items):
        try:
            key = str(as_uuid(data.get("client_uuid"), "client_uuid"))
            household_key = str(as_uuid(data.get("household"), "household"))
            label = text(data, "label", 80)
            age_group = data.get("age_group") or ""
            if age_group not in ("", *AgeGroup.values):
                raise invalid("age_group", _("Choose an age group from the list."))
        except ValidationError as error:
            results[index] = _invalid(data.get("client_uuid"), error)
            continue
        prepared.append(
            {"index": index, "key": key, "data": data, "household": household_key, "label": label, "age": age_group}
        )

    def same(first, row) -> bool:
        return (first["household"], first["label"], first["age"]) == (row["household"], row["label"], row["age"])

    later = _first_seen(prepared)
    existing = {
        str(member.client_uuid): member
        for member in HouseholdMember.objects.filter(client_uuid__in=[row["key"] for row in prepared]).select_related(
            "household"
        )
    }
    named = {row["household"] for row in prepared}
    stored_in = [member.household_id for member in existing.values()]
    households = (
        {
            household.pk: household
            for household in households_visible_to(actor)
            .filter(Q(client_uuid__in=named) | Q(pk__in=stored_in))
            .select_related("merged_into")
        }
        if prepared
        else {}
    )
    by_uuid = {str(household.client_uuid): household for household in households.values()}

    new = []
    conflict = _("Another person was already saved with this id. Nothing was changed.")
    for row in prepared:
        index, key = row["index"], row["key"]
        stored = existing.get(key)
        if stored is not None:
            household = households.get(stored.household_id)
            if household is None:
                results[index] = _not_found(key)
            elif household.consent_status == ConsentStatus.ERASED:
                results[index] = _gone(key)
            else:
                named_row = by_uuid.get(row["household"])
                same_household = str(household.client_uuid) == row["household"] or (
                    named_row is not None and named_row.merged_into_id == household.pk
                )
                if not same_household or (stored.age_group, stored.label) != (row["age"], row["label"]):
                    results[index] = ItemResult(key, CONFLICT, detail=conflict)
                else:
                    results[index] = ItemResult(key, ALREADY_STORED)
            continue
        household = by_uuid.get(row["household"])
        if household is None:
            results[index] = _not_found(key)
            continue
        household = household.merged_into or household
        erased = household.consent_status == ConsentStatus.ERASED
        if row["label"] and not erased and household.consent_status not in CONSENT_KEEPS_LABELS:
            refused = ValidationError(
                _("This household did not agree to its data being kept: describe the person by age group only."),
                code="consent_required",
            )
            results[index] = _invalid(key, refused)
            continue
        row["erased"] = erased
        row["obj"] = HouseholdMember(
            client_uuid=key, household=household, label="" if erased else row["label"], age_group=row["age"]
        )
        new.append(row)

    def one_by_one(row) -> ItemResult:
        def call():
            data = {**row["data"], "label": "" if row["erased"] else row["label"]}
            member, created = household_services.household_member_create(actor=actor, data=data)
            if member.household.consent_status == ConsentStatus.ERASED:
                return _gone(row["key"])
            return ItemResult(row["key"], CREATED if created else ALREADY_STORED)

        return _attempt(row["key"], call)

    for row in _bulk_insert(HouseholdMember, new, results, batch, one_by_one):
        results[row["index"]] = _gone(row["key"]) if row["erased"] else ItemResult(row["key"], CREATED)
    _settle_repeats(later, results, same, conflict)
    return results
