"""Limits on late and late-edited visits: a member who left, an erased household."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community_teams.erasure import household_erase
from community_teams.models import Membership, Visit
from community_teams.services import NotPermitted, member_deactivate, visit_edit

pytestmark = pytest.mark.django_db


def test_a_member_who_left_syncs_earlier_visits_for_30_days_only(world, make_household, make_visit):
    household = make_household(world.leader_a, world.village_a1)
    member_deactivate(actor=world.leader_a, membership=world.membership_member_a)
    before_leaving = (timezone.now() - timedelta(hours=2)).isoformat()
    visit = make_visit(world.member_a, household, visited_at=before_leaving)
    assert visit.author_was_inactive

    Membership.objects.filter(pk=world.membership_member_a.pk).update(
        deactivated_at=timezone.now() - timedelta(days=31)
    )
    with pytest.raises(NotPermitted):
        make_visit(world.member_a, household, visited_at=(timezone.now() - timedelta(days=32)).isoformat())
    assert Visit.objects.filter(author=world.member_a).count() == 1


def test_visits_of_an_erased_household_cannot_be_edited(world, make_household, make_visit):
    household = make_household(world.member_a, world.village_a1)
    visit = make_visit(world.member_a, household, notes="Gặp chủ hộ")
    household_erase(actor=world.leader_a, household=household, reason="requested")
    with pytest.raises(NotPermitted):
        visit_edit(actor=world.member_a, visit=visit, data={"notes": "Gặp chủ hộ Nguyễn Thị Hường"})
    visit.refresh_from_db()
    assert visit.notes == ""
