"""Households and members: created once by client UUID, consent enforced, merged, assigned."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from community_teams import services
from community_teams.models import (
    Assignment,
    ConsentStatus,
    FollowUp,
    Household,
    HouseholdMember,
    Membership,
    Visit,
)
from lms.services import merge_allowed_into
from tests.community_teams.conftest import household_payload


def _data(village, **fields) -> dict:
    data = household_payload(village, **fields)
    data["village_code"] = data.pop("village")
    return data


def _codes(error: ValidationError) -> set:
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def test_household_with_consent_is_stored_with_its_area_and_search_text(world):
    household, created = services.household_create(actor=world.member_a, data=_data(world.village_a1))
    assert created
    assert (household.village, household.commune_code, household.province_code) == (world.village_a1, "01273", "04")
    assert household.phone == "+84912345678"
    assert household.search_text == "nguyen thi huong 0912345678 84912345678"
    assert (household.consent_status, household.consent_method, household.created_by) == (
        "given",
        "spoken",
        world.member_a,
    )
    assert household.consent_at is not None


def test_same_uuid_and_same_data_returns_the_stored_household(world):
    data = _data(world.village_a1)
    first, created = services.household_create(actor=world.member_a, data=data)
    again, created_again = services.household_create(actor=world.leader_a, data=dict(data))
    assert (created, created_again, again.pk) == (True, False, first.pk)
    assert Household.objects.count() == 1


def test_same_uuid_with_other_data_is_a_conflict_and_changes_nothing(world):
    data = _data(world.village_a1)
    services.household_create(actor=world.member_a, data=data)
    with pytest.raises(services.HouseholdConflict):
        services.household_create(actor=world.member_a, data={**data, "head_name": "Người khác"})
    assert Household.objects.get().head_name == "Nguyễn Thị Hường"


def test_personal_data_without_consent_is_refused_and_nothing_stored(world):
    data = _data(world.village_a1, consent_status="declined", consent_method="", consent_by="")
    with pytest.raises(ValidationError) as error:
        services.household_create(actor=world.member_a, data=data)
    assert _codes(error.value) == {"consent_required"}
    assert Household.objects.count() == 0


def test_a_declined_household_is_a_row_without_personal_data(world):
    data = {"client_uuid": uuid.uuid4(), "village_code": "01273-001", "consent_status": "declined", "people_count": 3}
    household, _created = services.household_create(actor=world.member_a, data=data)
    assert (household.head_name, household.phone, household.address_note, household.search_text) == ("", "", "", "")
    assert household.people_count == 3


def test_consent_given_needs_how_it_was_given(world):
    with pytest.raises(ValidationError) as error:
        services.household_create(actor=world.member_a, data=_data(world.village_a1, consent_method=""))
    assert set(error.value.message_dict) == {"consent_method"}
    assert Household.objects.count() == 0


@pytest.mark.parametrize("phone", ["+44 20 7946 0958", "024 3825 1234", "12345", "+1 202 555 0100"])
def test_a_phone_that_is_not_a_vietnamese_mobile_is_refused(world, phone):
    with pytest.raises(ValidationError) as error:
        services.household_create(actor=world.member_a, data=_data(world.village_a1, phone=phone))
    assert set(error.value.message_dict) == {"phone"}
    assert Household.objects.count() == 0


@pytest.mark.parametrize("phone", ["0912345678", "+84 912 345 678", "84912345678", "091.234.5678"])
def test_local_formats_of_a_vietnamese_mobile_are_stored_in_e164(world, phone):
    household, _created = services.household_create(actor=world.member_a, data=_data(world.village_a1, phone=phone))
    assert household.phone == "+84912345678"


@pytest.mark.parametrize("code", ["01279-001", "99999-001", "01273"])
def test_a_village_outside_the_area_or_unknown_is_not_found(world, code):
    with pytest.raises(services.NotAllowed):
        services.household_create(actor=world.member_a, data={**_data(world.village_a1), "village_code": code})
    assert Household.objects.count() == 0


def test_an_oversized_name_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services.household_create(actor=world.member_a, data=_data(world.village_a1, head_name="A" * 151))
    assert _codes(error.value) == {"too_long"}


def test_a_coordinator_can_add_households_in_their_commune_only(world):
    household, _created = services.household_create(actor=world.coordinator_a, data=_data(world.village_a2))
    assert household.village == world.village_a2
    with pytest.raises(services.NotAllowed):
        services.household_create(actor=world.coordinator_a, data=_data(world.village_b1))


# Members.


def test_member_created_once_by_uuid_and_conflict_on_other_data(world, make_household):
    household = make_household(world.member_a)
    data = {
        "client_uuid": uuid.uuid4(),
        "household": household.client_uuid,
        "label": "bà Hường",
        "age_group": "60_plus",
    }
    member, created = services.household_member_create(actor=world.member_a, data=data)
    again, created_again = services.household_member_create(actor=world.member_a, data=dict(data))
    assert (created, created_again, again.pk) == (True, False, member.pk)
    with pytest.raises(services.MemberConflict):
        services.household_member_create(actor=world.member_a, data={**data, "age_group": "18_59"})
    assert HouseholdMember.objects.get().age_group == "60_plus"


def test_a_member_label_needs_the_households_consent(world):
    declined, _ = services.household_create(
        actor=world.member_a,
        data={"client_uuid": uuid.uuid4(), "village_code": "01273-001", "consent_status": "declined"},
    )
    data = {"client_uuid": uuid.uuid4(), "household": declined.client_uuid, "label": "bà Hường"}
    with pytest.raises(ValidationError) as error:
        services.household_member_create(actor=world.member_a, data=data)
    assert _codes(error.value) == {"consent_required"}
    member, _ = services.household_member_create(
        actor=world.member_a, data={**data, "label": "", "age_group": "60_plus"}
    )
    assert member.label == ""


def test_members_of_a_foreign_household_cannot_be_added(world, make_household):
    household = make_household(world.member_b, world.village_b1)
    with pytest.raises(services.NotAllowed):
        services.household_member_create(
            actor=world.member_a, data={"client_uuid": uuid.uuid4(), "household": household.client_uuid}
        )


# Merging.


def test_a_leader_merges_a_duplicate(world, make_household, make_member, make_visit):
    keep = make_household(world.member_a)
    duplicate = make_household(world.member_a, head_name="Nguyen Thi Huong", phone="0987654321")
    member = make_member(world.member_a, duplicate)
    visit = make_visit(world.member_a, duplicate, follow_up_on=str(timezone.localdate() + timedelta(days=3)))

    services.household_merge(actor=world.leader_a, keep=keep, duplicate=duplicate)

    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    assert (duplicate.head_name, duplicate.phone, duplicate.address_note, duplicate.search_text) == ("", "", "", "")
    assert HouseholdMember.objects.get(pk=member.pk).household == keep
    assert Visit.objects.get(pk=visit.pk).household == keep
    assert FollowUp.objects.get(visit=visit).household == keep


def test_a_member_may_not_merge(world, make_household):
    keep, duplicate = make_household(world.member_a), make_household(world.member_a)
    with pytest.raises(services.NotPermitted):
        services.household_merge(actor=world.member_a, keep=keep, duplicate=duplicate)
    assert Household.objects.filter(merged_into__isnull=False).count() == 0


def test_a_visit_sent_for_a_merged_duplicate_lands_on_the_kept_household(world, make_household, make_visit):
    keep, duplicate = make_household(world.member_a), make_household(world.member_a)
    services.household_merge(actor=world.leader_a, keep=keep, duplicate=duplicate)
    assert make_visit(world.member_a, duplicate).household == keep


# Assignments and people.


def test_a_leader_assigns_a_household_and_its_open_follow_ups_follow(world, make_household, make_visit):
    household = make_household(world.member_a)
    services.assignment_set(actor=world.leader_a, household=household, member=world.member_a)
    visit = make_visit(world.leader_a, household, follow_up_on=str(timezone.localdate()))
    assert FollowUp.objects.get(visit=visit).assigned_to == world.member_a  # the assignee, not the author

    services.assignment_set(actor=world.leader_a, household=household, member=world.leader_a)
    assert Assignment.objects.get(household=household).member == world.leader_a
    assert FollowUp.objects.get(visit=visit).assigned_to == world.leader_a


def test_only_leaders_assign_and_only_to_people_of_the_village(world, make_household):
    household = make_household(world.member_a)
    with pytest.raises(services.NotPermitted):
        services.assignment_set(actor=world.member_a, household=household, member=world.member_a)
    with pytest.raises(ValidationError):
        services.assignment_set(actor=world.leader_a, household=household, member=world.member_b)
    with pytest.raises(services.NotAllowed):
        services.assignment_set(actor=world.leader_b, household=household, member=world.member_b)
    assert Assignment.objects.count() == 0


def test_deactivating_a_member_hands_over_their_households_and_follow_ups(world, make_household, make_visit):
    household = make_household(world.member_a)
    services.assignment_set(actor=world.leader_a, household=household, member=world.member_a)
    visit = make_visit(world.member_a, household, follow_up_on=str(timezone.localdate()))

    moved = services.member_deactivate(
        actor=world.leader_a, membership=world.membership_member_a, reassign_to=world.leader_a
    )
    assert moved == {"assignments": 1, "follow_ups": 1}
    membership = Membership.objects.get(pk=world.membership_member_a.pk)
    assert (membership.is_active, membership.deactivated_at is not None) == (False, True)
    assert Assignment.objects.get().member == world.leader_a
    assert FollowUp.objects.get(visit=visit).assigned_to == world.leader_a


def test_team_people_are_in_the_community_group_and_never_take_anonymous_progress(world):
    assert world.member_a.groups.filter(name=services.COMMUNITY_TEAM_GROUP).exists()
    assert merge_allowed_into(world.member_a) is False
    assert merge_allowed_into(world.outsider) is True


def test_a_leader_adds_members_but_not_leaders(world):
    membership = services.membership_add(actor=world.leader_a, team=world.team_a, user=world.outsider, role="member")
    assert membership.is_active and membership.role == "member"
    with pytest.raises(services.NotPermitted):
        services.membership_add(actor=world.leader_a, team=world.team_a, user=world.outsider, role="leader")
    with pytest.raises(services.NotAllowed):
        services.membership_add(actor=world.leader_a, team=world.team_b, user=world.outsider, role="member")


def test_imported_households_keep_personal_data_without_consent_fields(world):
    household, _ = services.household_create(
        actor=world.coordinator_a, data=_data(world.village_a1, consent_status=ConsentStatus.IMPORTED, list_code="A-1")
    )
    assert (household.consent_status, household.head_name, household.consent_method, household.list_code) == (
        "imported",
        "Nguyễn Thị Hường",
        "",
        "A-1",
    )
    with pytest.raises(ValidationError):
        services.household_create(
            actor=world.coordinator_a,
            data=_data(world.village_a1, consent_status=ConsentStatus.IMPORTED, list_code="A-1"),
        )
    assert Household.objects.count() == 1
