"""Campaign progress against hand-counted figures, per area level, on the team page and in the
Wagtail admin (listing, inspect, edit), and the listing's fixed number of queries."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from community_teams.campaigns import campaign_progress, campaigns_progress
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


# The Wagtail admin: a progress column in the listing (the page computed at once), the figures
# on the inspect page and under each target of the edit form.

TARGET_CELL = re.compile(
    r'data-target="(?P<kind>\w+)" data-done="(?P<done>\d+)" '
    r'data-value="(?P<target>\d+)" data-percent="(?P<percent>\d+)"'
)


def admin_figures(html: str) -> dict[int, dict[str, tuple[int, int, int]]]:
    """``{campaign pk: {kind: (done, target, percent)}}`` read from the listing's cells."""
    figures = {}
    for pk, cell in re.findall(r'<td data-campaign="(\d+)"[^>]*>(.*?)</td>', html, re.S):
        figures[int(pk)] = {
            m["kind"]: (int(m["done"]), int(m["target"]), int(m["percent"])) for m in TARGET_CELL.finditer(cell)
        }
    return figures


@pytest.fixture
def three_campaigns(visited):
    world = visited
    return {
        "village": campaign(world.village_a1, **{Kind.HOUSEHOLDS_VISITED: 2}),
        "commune": campaign(
            world.commune_a,
            **{Kind.HOUSEHOLDS_VISITED: 4, Kind.ACCOUNTS_ACTIVATED: 3, Kind.ONLINE_APPLICATIONS: 1},
        ),
        "province": campaign(
            world.province,
            **{Kind.HOUSEHOLDS_VISITED: 6, Kind.ACCOUNTS_ACTIVATED: 10, Kind.COURSES_COMPLETED: 5},
        ),
        "empty": campaign(world.commune_b),
    }


def test_admin_listing_shows_each_targets_done_target_and_percent(client, three_campaigns, visited):
    client.force_login(visited.superuser)
    response = client.get(reverse("community-campaigns:index"))
    assert response.status_code == 200
    c = three_campaigns
    assert admin_figures(response.content.decode()) == {
        c["village"].pk: {Kind.HOUSEHOLDS_VISITED: (1, 2, 50)},
        c["commune"].pk: {
            Kind.HOUSEHOLDS_VISITED: (2, 4, 50),
            Kind.ACCOUNTS_ACTIVATED: (2, 3, 67),
            Kind.ONLINE_APPLICATIONS: (1, 1, 100),
        },
        c["province"].pk: {
            Kind.HOUSEHOLDS_VISITED: (3, 6, 50),
            Kind.ACCOUNTS_ACTIVATED: (3, 10, 30),
            Kind.COURSES_COMPLETED: (0, 5, 0),
        },
        c["empty"].pk: {},
    }


def test_admin_inspect_page_shows_the_progress(client, three_campaigns, visited):
    client.force_login(visited.superuser)
    html = client.get(reverse("community-campaigns:inspect", args=[three_campaigns["commune"].pk])).content.decode()
    assert {m["kind"]: (int(m["done"]), int(m["target"]), int(m["percent"])) for m in TARGET_CELL.finditer(html)} == {
        Kind.HOUSEHOLDS_VISITED: (2, 4, 50),
        Kind.ACCOUNTS_ACTIVATED: (2, 3, 67),
        Kind.ONLINE_APPLICATIONS: (1, 1, 100),
    }
    assert "2 trên 4 (50%)" in html


def test_admin_edit_form_shows_the_progress_under_each_target(client, three_campaigns, visited):
    client.force_login(visited.superuser)
    response = client.get(reverse("community-campaigns:edit", args=[three_campaigns["commune"].pk]))
    form = response.context["form"]
    assert form.fields["target_households_visited"].help_text == "Đã làm được: 2 trên 4 (50%)."
    assert form.fields["target_accounts_activated"].help_text == "Đã làm được: 2 trên 3 (67%)."
    assert form.fields["target_courses_completed"].help_text == ""  # no target of this kind


def test_admin_listing_queries_do_not_grow_with_the_campaigns(
    client, visited, django_assert_max_num_queries, django_assert_num_queries
):
    world = visited
    client.force_login(world.superuser)
    url = reverse("community-campaigns:index")
    campaign(world.commune_a, **ALL)
    cache.clear()
    client.get(url)  # warm the caches (content types, site, settings)
    with django_assert_max_num_queries(40) as one:
        assert len(admin_figures(client.get(url).content.decode())) == 1
    for area in (world.province, world.village_a1, world.village_a2, world.commune_b):
        campaign(area, **ALL)
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(admin_figures(client.get(url).content.decode())) == 5


def test_batch_progress_matches_one_by_one(three_campaigns):
    campaigns = Campaign.objects.select_related("area")
    batch = campaigns_progress(campaigns)
    assert batch == {row.pk: campaign_progress(row) for row in campaigns}
