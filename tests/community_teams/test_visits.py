"""Visits: stored once per UUID, conflicts refused, device clocks, edits, follow-ups, skills seen."""

import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from community_teams import services
from community_teams.models import FollowUp, MemberSkill, Visit, VisitHelp, VisitRevision
from community_teams.referrals import referral_token_for
from community_teams.services.visits import payload_hash_of, visit_payload_canonical
from tests.community_teams.conftest import visit_payload


@pytest.fixture
def household(world, make_household):
    return make_household(world.member_a)


@pytest.fixture
def grandmother(world, household, make_member):
    return make_member(world.member_a, household, label="bà Hường", age_group="60_plus")


def _nothing_stored():
    counts = [model.objects.count() for model in (Visit, VisitHelp, FollowUp, MemberSkill)]
    assert counts == [0, 0, 0, 0]


def _fields(error: ValidationError) -> set:
    return set(error.message_dict)


def test_a_visit_stores_its_team_area_times_hash_and_token(world, household):
    data = visit_payload(household, team_members=[world.leader_a.pk])
    visit, status = services.visit_create(actor=world.member_a, data=data)
    assert status == "created"
    assert (visit.author, visit.team, visit.village, visit.commune_code, visit.province_code) == (
        world.member_a,
        world.team_a,
        world.village_a1,
        "01273",
        "04",
    )
    assert visit.received_at is not None and visit.visited_at < visit.received_at
    assert visit.payload_hash == payload_hash_of(visit_payload_canonical(data))
    assert visit.referral_token == referral_token_for(data["client_uuid"])
    assert list(visit.team_members.all()) == [world.leader_a]
    assert (visit.device_time_suspect, visit.author_was_inactive) == (False, False)


def test_the_same_visit_posted_twice_is_stored_once(world, household):
    data = visit_payload(household)
    first, first_status = services.visit_create(actor=world.member_a, data=data)
    again, again_status = services.visit_create(actor=world.member_a, data=dict(data))
    assert (first_status, again_status, again.pk) == ("created", "already_stored", first.pk)
    assert Visit.objects.count() == 1


def test_the_same_payload_written_differently_is_the_same_visit(world, household, grandmother):
    data = visit_payload(
        household,
        visited_at="2026-03-02T09:15:00+07:00",
        members_present=[str(grandmother.client_uuid)],
        help=[{"item": "quet-qr", "member": str(grandmother.client_uuid)}, {"item": "cai-vneid"}],
    )
    services.visit_create(actor=world.member_a, data=data)
    reordered = {
        **data,
        "visited_at": "2026-03-02T02:15:00Z",
        "members_present": [str(grandmother.client_uuid).upper()],
        "help": list(reversed(data["help"])),
        "client_uuid": data["client_uuid"].upper(),
    }
    assert services.visit_create(actor=world.member_a, data=reordered)[1] == "already_stored"


def test_the_original_resent_after_an_edit_is_already_stored(world, household):
    data = visit_payload(household, notes="Lần đầu")
    visit, _ = services.visit_create(actor=world.member_a, data=data)
    services.visit_edit(actor=world.member_a, visit=visit, data={"notes": "Đã sửa", "duration_minutes": 30})
    again, status = services.visit_create(actor=world.member_a, data=dict(data))
    assert (status, again.pk) == ("already_stored", visit.pk)
    visit.refresh_from_db()
    assert (visit.notes, visit.duration_minutes) == ("Đã sửa", 30)


def test_another_payload_with_the_same_uuid_is_a_conflict_and_changes_nothing(world, household):
    data = visit_payload(household, notes="Lần đầu")
    visit, _ = services.visit_create(actor=world.member_a, data=data)
    with pytest.raises(services.VisitConflict):
        services.visit_create(actor=world.member_a, data={**data, "notes": "Khác", "duration_minutes": 45})
    stored = Visit.objects.get()
    assert (stored.pk, stored.notes, stored.duration_minutes, stored.updated_at) == (
        visit.pk,
        "Lần đầu",
        20,
        visit.updated_at,
    )


def test_a_follow_up_before_the_visit_is_refused(world, household):
    visited = timezone.now() - timedelta(days=2)
    data = visit_payload(
        household,
        visited_at=visited.isoformat(),
        follow_up_on=str(timezone.localdate(visited) - timedelta(days=1)),
        help=[{"item": "cai-vneid"}],
    )
    with pytest.raises(ValidationError) as error:
        services.visit_create(actor=world.member_a, data=data)
    assert _fields(error.value) == {"follow_up_on"}
    assert error.value.error_dict["follow_up_on"][0].code == "before_visit"
    _nothing_stored()


def test_a_follow_up_on_the_visit_day_is_assigned_to_the_author(world, household):
    today = timezone.localdate()
    visit, _ = services.visit_create(actor=world.member_a, data=visit_payload(household, follow_up_on=str(today)))
    follow_up = FollowUp.objects.get()
    assert (follow_up.visit, follow_up.household, follow_up.assigned_to, follow_up.due_on) == (
        visit,
        household,
        world.member_a,
        today,
    )


def test_the_next_visit_that_helps_closes_earlier_follow_ups(world, household, make_visit):
    first = make_visit(world.member_a, household, follow_up_on=str(timezone.localdate()))
    second = make_visit(world.member_a, household, visited_at=timezone.now().isoformat())
    follow_up = FollowUp.objects.get(visit=first)
    assert follow_up.done_visit == second and follow_up.done_at is not None


@pytest.mark.parametrize(("hours", "suspect"), [(11, False), (13, True), (23, True)])
def test_device_time_ahead_is_accepted_and_flagged_beyond_twelve_hours(world, household, hours, suspect):
    data = visit_payload(household, visited_at=(timezone.now() + timedelta(hours=hours)).isoformat())
    visit, _ = services.visit_create(actor=world.member_a, data=data)
    assert visit.device_time_suspect is suspect


def test_device_time_two_days_ahead_is_refused(world, household):
    data = visit_payload(household, visited_at=(timezone.now() + timedelta(days=2)).isoformat())
    with pytest.raises(ValidationError) as error:
        services.visit_create(actor=world.member_a, data=data)
    assert error.value.error_dict["visited_at"][0].code == "device_time_ahead"
    _nothing_stored()


@pytest.mark.parametrize("minutes", [0, 24 * 60, -5, 601, "20", None, True])
def test_a_duration_outside_one_to_six_hundred_minutes_is_refused(world, household, minutes):
    with pytest.raises(ValidationError) as error:
        services.visit_create(actor=world.member_a, data=visit_payload(household, duration_minutes=minutes))
    assert _fields(error.value) == {"duration_minutes"}
    _nothing_stored()


def test_oversized_notes_are_refused(world, household):
    with pytest.raises(ValidationError) as error:
        services.visit_create(actor=world.member_a, data=visit_payload(household, notes="x" * 2001))
    assert error.value.error_dict["notes"][0].code == "too_long"
    _nothing_stored()


def test_a_visit_to_a_foreign_or_unknown_household_is_not_found(world, make_household):
    foreign = make_household(world.member_b, world.village_b1)
    with pytest.raises(services.NotAllowed):
        services.visit_create(actor=world.member_a, data=visit_payload(foreign))
    unknown = {**visit_payload(foreign), "household": str(uuid.uuid4())}
    with pytest.raises(services.NotAllowed):
        services.visit_create(actor=world.member_a, data=unknown)
    _nothing_stored()


def test_a_coordinator_outside_any_team_cannot_log_visits(world, household):
    with pytest.raises(services.NotPermitted):
        services.visit_create(actor=world.coordinator_a, data=visit_payload(household))
    _nothing_stored()


def test_bad_references_store_nothing(world, household, grandmother, make_household, make_member):
    other = make_member(world.member_a, make_household(world.member_a))
    helped = [{"item": "quet-qr", "member": str(grandmother.client_uuid)}]
    cases = [
        ({"team_members": [world.member_b.pk]}, "team_members"),
        ({"members_present": [str(other.client_uuid)]}, "members_present"),
        ({"help": [{"item": "khong-co"}]}, "help"),
        ({"help": [{"item": "quet-qr", "member": str(other.client_uuid)}]}, "help"),
        ({"help": helped + helped}, "help"),
    ]
    for fields, field in cases:
        with pytest.raises(ValidationError) as error:
            services.visit_create(actor=world.member_a, data=visit_payload(household, **fields))
        assert _fields(error.value) == {field}
    _nothing_stored()


def test_visits_made_before_a_member_was_deactivated_are_accepted_and_flagged(world, household):
    made_at = timezone.now() - timedelta(hours=3)
    services.member_deactivate(actor=world.leader_a, membership=world.membership_member_a)
    world.member_a = type(world.member_a).objects.get(pk=world.member_a.pk)  # a new request
    visit, status = services.visit_create(
        actor=world.member_a, data=visit_payload(household, visited_at=made_at.isoformat())
    )
    assert (status, visit.team, visit.author_was_inactive) == ("created", world.team_a, True)
    with pytest.raises(services.NotPermitted):  # made after leaving (more than a fast clock's 12 hours)
        services.visit_create(
            actor=world.member_a,
            data=visit_payload(household, visited_at=(timezone.now() + timedelta(hours=13)).isoformat()),
        )


def test_help_for_a_person_marks_the_target_skill_observed(world, household, grandmother):
    data = visit_payload(
        household,
        help=[
            {"item": "quet-qr", "member": str(grandmother.client_uuid)},
            {"item": "nop-ho-so", "service_name": "Đăng ký khai sinh"},
            {"item": "khac", "member": str(grandmother.client_uuid)},
        ],
    )
    visit, _ = services.visit_create(actor=world.member_a, data=data)
    skill = MemberSkill.objects.get()
    assert (skill.member, skill.skill, skill.observed_visit, skill.observed_at, skill.learned_at) == (
        grandmother,
        world.skill["thanh-toan"],
        visit,
        visit.visited_at,
        None,
    )
    assert VisitHelp.objects.get(item__code="nop-ho-so").service_name == "Đăng ký khai sinh"


# Edits.


def test_the_author_edits_within_seven_days_and_a_revision_keeps_the_old_values(world, household):
    visit, _ = services.visit_create(actor=world.member_a, data=visit_payload(household, notes="Cũ"))
    hash_before = visit.payload_hash
    services.visit_edit(actor=world.member_a, visit=visit, data={"notes": "Mới", "outcome": "partly"})
    visit.refresh_from_db()
    assert (visit.notes, visit.outcome, visit.payload_hash) == ("Mới", "partly", hash_before)
    revision = VisitRevision.objects.get()
    assert (revision.edited_by, revision.previous) == (world.member_a, {"notes": "Cũ", "outcome": "helped"})


def test_after_seven_days_only_the_leader_edits(world, household):
    visit, _ = services.visit_create(actor=world.member_a, data=visit_payload(household))
    Visit.objects.filter(pk=visit.pk).update(received_at=timezone.now() - timedelta(days=8))
    with pytest.raises(services.NotPermitted):
        services.visit_edit(actor=world.member_a, visit=visit, data={"notes": "Muộn"})
    services.visit_edit(actor=world.leader_a, visit=visit, data={"notes": "Tổ trưởng sửa"})
    assert Visit.objects.get().notes == "Tổ trưởng sửa"
    with pytest.raises(services.NotAllowed):
        services.visit_edit(actor=world.leader_b, visit=visit, data={"notes": "Tổ khác"})


def test_an_invalid_edit_changes_nothing(world, household):
    visit, _ = services.visit_create(actor=world.member_a, data=visit_payload(household, notes="Cũ"))
    with pytest.raises(ValidationError):
        services.visit_edit(actor=world.member_a, visit=visit, data={"notes": "Mới", "duration_minutes": 0})
    assert (Visit.objects.get().notes, VisitRevision.objects.count()) == ("Cũ", 0)


def test_removing_help_in_an_edit_withdraws_the_skill_seen_only_on_that_visit(world, household, grandmother):
    help_row = {"item": "quet-qr", "member": str(grandmother.client_uuid)}
    visit, _ = services.visit_create(actor=world.member_a, data=visit_payload(household, help=[help_row]))
    assert MemberSkill.objects.count() == 1
    services.visit_edit(actor=world.member_a, visit=visit, data={"help": []})
    assert MemberSkill.objects.count() == 0


def test_moving_the_follow_up_in_an_edit_moves_it(world, household):
    today = timezone.localdate()
    visit, _ = services.visit_create(actor=world.member_a, data=visit_payload(household, follow_up_on=str(today)))
    services.visit_edit(actor=world.member_a, visit=visit, data={"follow_up_on": str(today + timedelta(days=5))})
    assert FollowUp.objects.get().due_on == today + timedelta(days=5)
    services.visit_edit(actor=world.member_a, visit=visit, data={"follow_up_on": None})
    assert FollowUp.objects.count() == 0


def test_a_follow_up_is_done_once(world, household):
    services.visit_create(actor=world.member_a, data=visit_payload(household, follow_up_on=str(timezone.localdate())))
    follow_up = FollowUp.objects.get()
    done = services.follow_up_done(actor=world.member_a, follow_up=follow_up)
    first_done_at = done.done_at
    assert services.follow_up_done(actor=world.member_a, follow_up=follow_up).done_at == first_done_at
    with pytest.raises(services.NotAllowed):
        services.follow_up_done(actor=world.member_b, follow_up=follow_up)


def test_visit_time_in_the_sites_zone_decides_the_visit_day(world, household):
    late_evening = timezone.now().astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).replace(hour=23, minute=30)
    late_evening -= timedelta(days=1)
    visit, _ = services.visit_create(
        actor=world.member_a,
        data=visit_payload(household, visited_at=late_evening.isoformat(), follow_up_on=str(late_evening.date())),
    )
    assert visit.follow_up_on == late_evening.date()
