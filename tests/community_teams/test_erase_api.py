"""Erasing a household over the API: who may, what remains, bad input."""

import pytest

from community_teams.models import Household, Visit

pytestmark = pytest.mark.django_db


def erase_url(household) -> str:
    return f"/api/v1/households/{household.client_uuid}/erase/"


def test_a_leader_erases_a_household_and_the_counts_stay(world, make_household, make_visit, api_for):
    household = make_household(world.member_a, world.village_a1)
    make_visit(world.member_a, household, notes="Gặp chủ hộ Nguyễn Thị Hường")
    response = api_for(world.leader_a).post_json(erase_url(household), {"reason": "requested"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nguyễn Thị Hường" not in body and "912345678" not in body
    household.refresh_from_db()
    assert (household.consent_status, household.head_name, household.phone) == ("erased", "", "")
    assert Visit.objects.filter(household=household).count() == 1
    assert Visit.objects.get(household=household).notes == ""


def test_a_member_may_not_erase_and_a_foreign_household_is_404(world, make_household, api_for):
    mine = make_household(world.member_a, world.village_a1)
    theirs = make_household(world.member_b, world.village_b1)
    assert api_for(world.member_a).post_json(erase_url(mine), {"reason": "requested"}).status_code == 403
    assert api_for(world.leader_a).post_json(erase_url(theirs), {"reason": "requested"}).status_code == 404
    assert api_for(world.leader_a).post_json(erase_url(mine), {"reason": "because"}).status_code == 400
    assert set(Household.objects.values_list("consent_status", flat=True)) == {"given"}
