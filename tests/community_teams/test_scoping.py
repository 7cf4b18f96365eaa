"""Edges of the scoping rules that the permission matrix does not reach: people and teams
switched off, teams sharing a commune, coordinators of other areas, inconsistent rows."""

import datetime

import pytest
from django.utils import timezone

from community_teams import scoping, services
from community_teams.models import Area, AreaKind, CoordinatorScope, Role, Team, Visit


def pks(queryset) -> set:
    return set(queryset.values_list("pk", flat=True))


@pytest.fixture
def homes(world, make_household, make_visit):
    """One household with a visit in each village (by the team's member)."""
    rows = {}
    for name, author in (("a1", world.member_a), ("a2", world.member_a), ("b1", world.member_b)):
        household = make_household(author, getattr(world, f"village_{name}"), head_name=f"Hộ {name}")
        rows[name] = household
        rows[f"visit_{name}"] = make_visit(author, household)
    return rows


def test_deactivated_member_sees_nothing(world, homes):
    services.member_deactivate(actor=world.leader_a, membership=world.membership_member_a)
    scoping.scope_forget(world.member_a)
    assert scoping.scope_of(world.member_a).is_empty
    assert not scoping.households_visible_to(world.member_a).exists()
    assert not scoping.visits_visible_to(world.member_a).exists()
    assert not scoping.can_edit_visit(world.member_a, homes["visit_a1"])


def test_deactivated_account_sees_nothing(world, homes):
    for user in (world.member_a, world.coordinator_a, world.superuser):
        user.is_active = False
        scoping.scope_forget(user)
        assert not scoping.households_visible_to(user).exists()
        assert not scoping.teams_visible_to(user).exists()


def test_inactive_team_hides_its_work_from_members_not_from_coordinators(world, homes):
    world.team_a.is_active = False
    world.team_a.save(update_fields=["is_active"])
    for user in (world.member_a, world.leader_a):
        scoping.scope_forget(user)
        assert not scoping.households_visible_to(user).exists()
        assert not scoping.can_manage_team(user, world.team_a)
    assert pks(scoping.households_visible_to(world.coordinator_a)) == {homes["a1"].pk, homes["a2"].pk}
    assert pks(scoping.teams_visible_to(world.coordinator_a)) == {world.team_a.pk}


def test_leader_of_another_team_in_the_same_commune_sees_only_its_villages(world, homes, django_user_model):
    team_a2 = Team.objects.create(name="Tổ thứ hai", commune=world.commune_a)
    team_a2.villages.set([world.village_a2])
    leader = django_user_model.objects.create_user(username="leader-a2")
    services.membership_add(actor=world.superuser, team=team_a2, user=leader, role=Role.LEADER)
    assert pks(scoping.households_visible_to(leader)) == {homes["a2"].pk}
    assert not scoping.visits_visible_to(leader).exists()  # visits stay with the team that made them
    assert pks(scoping.teams_visible_to(leader)) == {team_a2.pk}
    assert pks(scoping.teams_managed_by(leader)) == {team_a2.pk}
    assert not scoping.can_manage_team(leader, world.team_a)
    assert not scoping.can_erase_household(leader, homes["a1"])
    assert scoping.can_erase_household(leader, homes["a2"])
    assert not scoping.can_edit_visit(leader, homes["visit_a2"])
    # and team a's leader does not manage the new team
    scoping.scope_forget(world.leader_a)
    assert pks(scoping.teams_managed_by(world.leader_a)) == {world.team_a.pk}


def test_team_never_reaches_a_village_of_another_commune(world, homes):
    world.team_a.villages.add(world.village_b1)  # an inconsistent row
    scoping.scope_forget(world.member_a)
    assert pks(scoping.households_visible_to(world.member_a)) == {homes["a1"].pk, homes["a2"].pk}
    assert world.village_b1.pk not in pks(scoping.villages_visible_to(world.member_a))
    assert not scoping.can_erase_household(world.leader_a, homes["b1"])


def test_coordinator_of_another_province_sees_nothing_here(world, homes, django_user_model):
    other = Area.objects.create(code="06", name="Bắc Kạn", kind=AreaKind.PROVINCE, province_code="06")
    coordinator = django_user_model.objects.create_user(username="dieu-phoi-06")
    CoordinatorScope.objects.create(user=coordinator, area=other, role=Role.PROVINCE_COORDINATOR)
    assert not scoping.households_visible_to(coordinator).exists()
    assert not scoping.teams_visible_to(coordinator).exists()
    assert pks(scoping.areas_visible_to(coordinator)) == {other.pk}
    assert not scoping.can_erase_household(coordinator, homes["a1"])


def test_commune_coordinator_does_not_see_the_neighbouring_commune(world, homes):
    assert pks(scoping.households_visible_to(world.coordinator_a)) == {homes["a1"].pk, homes["a2"].pk}
    assert not scoping.can_erase_household(world.coordinator_a, homes["b1"])
    assert not scoping.can_manage_team(world.coordinator_a, world.team_b)


@pytest.mark.parametrize(
    ("role", "area"), [(Role.COMMUNE_COORDINATOR, "province"), (Role.PROVINCE_COORDINATOR, "commune_a")]
)
def test_coordinator_scope_on_an_area_of_the_wrong_kind_grants_nothing(world, homes, django_user_model, role, area):
    user = django_user_model.objects.create_user(username="sai-cap")
    CoordinatorScope.objects.create(user=user, area=getattr(world, area), role=role)
    assert scoping.scope_of(user).is_empty
    assert not scoping.households_visible_to(user).exists()


def test_staff_without_a_community_role_sees_nothing(world, homes, django_user_model):
    editor = django_user_model.objects.create_user(username="bien-tap", is_staff=True)
    assert not scoping.households_visible_to(editor).exists()
    assert not scoping.is_field_user(editor)


def test_follow_up_left_in_a_former_team_goes_with_that_team(world, homes, make_visit):
    """member_a helps team b for a while, then leaves it: their open follow-up there stays with
    team b's leader and is no longer shown to them."""
    services.membership_add(actor=world.superuser, team=world.team_b, user=world.member_a)
    due = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    visit = make_visit(world.member_a, homes["b1"], follow_up_on=due)
    follow_up = visit.follow_up
    assert follow_up.assigned_to == world.member_a
    assert follow_up.pk in pks(scoping.follow_ups_visible_to(world.member_a))

    membership = world.team_b.memberships.get(user=world.member_a)
    services.member_deactivate(actor=world.leader_b, membership=membership)
    scoping.scope_forget(world.member_a)
    assert follow_up.pk not in pks(scoping.follow_ups_visible_to(world.member_a))
    assert visit.pk not in pks(scoping.visits_visible_to(world.member_a))
    assert follow_up.pk in pks(scoping.follow_ups_visible_to(world.leader_b))
    # still a member of team a: their own work there is untouched
    assert homes["a1"].pk in pks(scoping.households_visible_to(world.member_a))


def test_author_edits_for_seven_days_the_leader_always(world, homes):
    visit = homes["visit_a1"]
    Visit.objects.filter(pk=visit.pk).update(received_at=timezone.now() - datetime.timedelta(days=8))
    visit.refresh_from_db()
    assert not scoping.can_edit_visit(world.member_a, visit)
    assert scoping.can_edit_visit(world.leader_a, visit)
    assert not scoping.can_edit_visit(world.coordinator_a, visit)


def test_personal_data_of_erased_and_declined_households_is_nobodys(world, make_household):
    declined = make_household(
        world.member_a, consent_status="declined", head_name="", phone="", address_note="", consent_by=""
    )
    assert declined.pk in pks(scoping.households_visible_to(world.member_a))
    assert not scoping.can_view_personal_data(world.member_a, declined)
    assert not scoping.can_view_personal_data(world.superuser, declined)


def test_scope_is_three_queries_and_cached(world, django_assert_num_queries):
    with django_assert_num_queries(3):
        scoping.scope_of(world.leader_a)
    with django_assert_num_queries(0):
        scoping.scope_of(world.leader_a)
