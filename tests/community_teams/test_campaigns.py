"""Campaign progress against hand-counted figures, per area level, and on the team page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community_teams.campaigns import campaign_progress
from community_teams.models import Campaign, CampaignTarget

pytestmark = pytest.mark.django_db
Kind = CampaignTarget.Kind


@pytest.fixture
def visited(world, make_household, make_member, make_visit):
    """Commune a: h1 (village a1) visited twice, h2 (village a2) once, h3 (a2) only before the
    period; commune b: h4 once. Accounts activated: h1's m1, h2's m2, h4's m4. One online
    application (m1)."""
    items = world.help_items
    items["cai-vneid"].counts_as_account_activation = True
    items["cai-vneid"].save()
    items["nop-ho-so"].counts_as_online_application = True
    items["nop-ho-so"].save()
    h1 = make_household(world.member_a, world.village_a1)
    h2 = make_household(world.member_a, world.village_a2)
    h3 = make_household(world.member_a, world.village_a2)
    h4 = make_household(world.member_b, world.village_b1)
    m1, m2, m4 = (
        make_member(actor, h) for actor, h in ((world.member_a, h1), (world.member_a, h2), (world.member_b, h4))
    )
    activate = {"item": "cai-vneid"}
    make_visit(
        world.member_a,
        h1,
        help=[
            {**activate, "member": str(m1.client_uuid)},
            {"item": "nop-ho-so", "member": str(m1.client_uuid), "service_name": "Đăng ký khai sinh"},
        ],
    )
    make_visit(world.leader_a, h1)
    make_visit(world.member_a, h2, help=[{**activate, "member": str(m2.client_uuid)}])
    make_visit(world.member_a, h3, visited_at=(timezone.now() - timedelta(days=10)).isoformat())
    make_visit(world.member_b, h4, help=[{**activate, "member": str(m4.client_uuid)}])
    return world


def campaign(area, **targets):
    today = timezone.localdate()
    created = Campaign.objects.create(
        name=f"Chiến dịch {area.name}",
        area=area,
        starts_on=today - timedelta(days=3),
        ends_on=today + timedelta(days=7),
    )
    for kind, value in targets.items():
        created.targets.create(kind=kind, value=value)
    return created


def figures(of: Campaign) -> dict:
    return {row.kind: row.done for row in campaign_progress(of)}


ALL = {
    Kind.HOUSEHOLDS_VISITED: 10,
    Kind.ACCOUNTS_ACTIVATED: 10,
    Kind.ONLINE_APPLICATIONS: 10,
    Kind.HOUSEHOLDS_MEETING_TARGET: 10,
    Kind.COURSES_COMPLETED: 10,
}


def test_progress_by_area_level_matches_the_hand_count(visited):
    world = visited
    expected_zero = {Kind.HOUSEHOLDS_MEETING_TARGET: 0, Kind.COURSES_COMPLETED: 0}
    assert figures(campaign(world.village_a1, **ALL)) == {
        Kind.HOUSEHOLDS_VISITED: 1,
        Kind.ACCOUNTS_ACTIVATED: 1,
        Kind.ONLINE_APPLICATIONS: 1,
        **expected_zero,
    }
    assert figures(campaign(world.commune_a, **ALL)) == {
        Kind.HOUSEHOLDS_VISITED: 2,
        Kind.ACCOUNTS_ACTIVATED: 2,
        Kind.ONLINE_APPLICATIONS: 1,
        **expected_zero,
    }
    assert figures(campaign(world.province, **ALL)) == {
        Kind.HOUSEHOLDS_VISITED: 3,
        Kind.ACCOUNTS_ACTIVATED: 3,
        Kind.ONLINE_APPLICATIONS: 1,
        **expected_zero,
    }


def test_percent_is_capped_and_zero_targets_are_safe(visited):
    rows = campaign_progress(campaign(visited.commune_a, **{Kind.HOUSEHOLDS_VISITED: 1, Kind.ACCOUNTS_ACTIVATED: 4}))
    assert {row.kind: row.percent for row in rows} == {Kind.HOUSEHOLDS_VISITED: 100, Kind.ACCOUNTS_ACTIVATED: 50}


def test_the_team_page_shows_only_campaigns_in_scope(client, visited):
    world = visited
    mine = campaign(world.commune_a, **{Kind.HOUSEHOLDS_VISITED: 4})
    other = campaign(world.commune_b, **{Kind.HOUSEHOLDS_VISITED: 4})
    client.force_login(world.leader_a)
    html = client.get("/to-cong-nghe-so/doi/").content.decode()
    assert f'data-campaign="{mine.pk}"' in html and f'data-campaign="{other.pk}"' not in html
    assert 'data-target="households_visited" data-done="2"' in html
