"""The audit log holds who did what to which object, never the data itself."""

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser

from community_teams.audit import audit_details_clean, audit_household_view, audit_record
from community_teams.models import AuditEntry

NAME = "Nguyễn Thị Hường"


@pytest.fixture
def household(world, make_household):
    return make_household(world.member_a, head_name=NAME)


def test_record_names_the_object_by_type_and_id(world, household):
    entry = audit_record(
        actor=world.leader_a, action="change", obj=household, details={"fields": ["phone", "head_name"]}
    )
    entry.refresh_from_db()
    assert (entry.actor, entry.action, entry.object_type, entry.object_id) == (
        world.leader_a,
        "change",
        "household",
        str(household.pk),
    )
    assert entry.details == {"fields": ["phone", "head_name"]}


def test_record_by_type_and_id(world):
    entry = audit_record(
        actor=world.coordinator_a, action="export", object_type="household", object_id=7, details={"rows": 120}
    )
    assert (entry.object_id, entry.details) == ("7", {"rows": 120})


@pytest.mark.parametrize(
    "details",
    [
        {"head_name": NAME},  # a key outside the list
        {"fields": [NAME]},  # a value where field names belong
        {"fields": {"phone": "0912345678"}},
        {"reason": f"{NAME} asked"},  # free text where a code belongs
        {"format": "xlsx; 0912345678 "},
        {"ids": ["0912345678"]},  # a phone number is not an id
        {"ids": [NAME]},
        {"count": "12"},
        {"count": True},
    ],
)
def test_details_that_could_hold_personal_data_are_refused(world, household, details):
    with pytest.raises(ValueError) as refused:
        audit_record(actor=world.leader_a, action="change", obj=household, details=details)
    assert NAME not in str(refused.value)
    assert "0912345678" not in str(refused.value)
    assert not AuditEntry.objects.exists()


def test_allowed_details():
    some_uuid = uuid.uuid4()
    details = {
        "fields": ["phone"],
        "erasers": ["exports"],
        "count": 3,
        "rows": 0,
        "format": "xlsx",
        "reason": "requested",
        "surface": "api",
        "ids": [1, some_uuid, str(some_uuid)],
    }
    assert audit_details_clean(details) == {**details, "ids": [1, str(some_uuid), str(some_uuid)]}


def test_unknown_action_is_refused(world, household):
    with pytest.raises(ValueError):
        audit_record(actor=world.leader_a, action="peek", obj=household)


def test_household_views_are_one_insert(world, make_household, django_assert_num_queries):
    households = [make_household(world.member_a, head_name=f"Hộ {n}") for n in range(5)]
    with django_assert_num_queries(1):
        audit_household_view(world.member_a, households, surface="api")
    entries = AuditEntry.objects.filter(action="view")
    assert sorted(int(entry.object_id) for entry in entries) == sorted(h.pk for h in households)
    assert {entry.details["surface"] for entry in entries} == {"api"}


def test_rows_without_personal_data_are_not_recorded(world, make_household):
    declined = make_household(
        world.member_a, consent_status="declined", head_name="", phone="", address_note="", consent_by=""
    )
    assert audit_household_view(world.member_a, [declined]) == []
    assert not AuditEntry.objects.exists()


def test_household_views_by_id_and_without_actor(world, household):
    audit_household_view(AnonymousUser(), [household.pk])
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.object_id) == (None, str(household.pk))
