"""Field pages: "Hôm nay", the visit form and the team page, for each role.

"Hôm nay" and the visit form are shells: no household's name or phone is ever in their HTML.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

TODAY = "/to-cong-nghe-so/hom-nay/"
VISIT = "/to-cong-nghe-so/chuyen-tham/moi/"
TEAM = "/to-cong-nghe-so/doi/"
FIELD_PAGES = (TODAY, VISIT, TEAM)


@pytest.fixture
def field_world(world, make_household, make_member, make_visit):
    """Households with names and phones in both communes, a visit with a follow-up due today."""
    world.household_a = make_household(world.member_a, head_name="Lò Thị Mai", phone="0912 345 678")
    world.household_b = make_household(
        world.member_b, village=world.village_b1, head_name="Bế Văn Tùng", phone="0987 654 321"
    )
    world.person_a = make_member(world.member_a, world.household_a, label="bà Mai")
    world.visit_a = make_visit(
        world.member_a,
        world.household_a,
        follow_up_on=timezone.localdate().isoformat(),
        members_present=[str(world.person_a.client_uuid)],
        help=[{"item": "cai-vneid", "member": str(world.person_a.client_uuid)}],
    )
    world.visit_b = make_visit(world.member_b, world.household_b)
    return world


PERSONAL = ("Lò Thị Mai", "bà Mai", "Bế Văn Tùng", "0912", "345 678", "+84912345678", "0987", "654321")


def _page(client, user, path):
    client.force_login(user)
    return client.get(path)


def test_signed_out_people_are_sent_to_log_in(client, world):
    for path in FIELD_PAGES:
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_people_without_a_community_role_get_a_403_page(client, world):
    for path in FIELD_PAGES:
        response = _page(client, world.outsider, path)
        assert response.status_code == 403
        assert "community_teams/forbidden.html" in [t.name for t in response.templates]


@pytest.mark.parametrize("role", ["member_a", "leader_a", "coordinator_a", "province_coordinator", "superuser"])
def test_the_field_shells_hold_no_personal_data(client, field_world, role):
    for path in (TODAY, VISIT, TEAM):
        response = _page(client, getattr(field_world, role), path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert not [word for word in PERSONAL if word in html], path


def test_the_visit_form_offers_the_help_items_and_the_users_villages(client, field_world):
    html = _page(client, field_world.member_a, VISIT).content.decode()
    for code in field_world.help_items:
        assert f'data-help-item="{code}"' in html
    assert f'value="{field_world.village_a1.code}"' in html
    assert f'value="{field_world.village_b1.code}"' not in html
    assert "data-visit-form" in html and "<noscript>" in html


def test_the_team_page_shows_the_visit_and_the_follow_up_due_to_its_leader_only(client, field_world):
    html = _page(client, field_world.leader_a, TEAM).content.decode()
    assert f'data-visit="{field_world.visit_a.client_uuid}"' in html
    assert f'data-follow-up="{field_world.visit_a.follow_up.pk}"' in html
    assert f'data-visit="{field_world.visit_b.client_uuid}"' not in html
    assert f'data-team="{field_world.team_b.pk}"' not in html


def test_a_commune_coordinator_sees_every_team_of_the_commune_and_no_other(client, field_world):
    html = _page(client, field_world.coordinator_b, TEAM).content.decode()
    assert f'data-team="{field_world.team_b.pk}"' in html
    assert f'data-team="{field_world.team_a.pk}"' not in html
    assert f'data-visit="{field_world.visit_b.client_uuid}"' in html


def test_the_team_page_counts_queries_independently_of_the_number_of_visits(client, field_world, make_visit):
    client.force_login(field_world.leader_a)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(TEAM).status_code == 200
        return len(context.captured_queries)

    before = queries()
    for days in range(1, 30):
        make_visit(
            field_world.member_a,
            field_world.household_a,
            visited_at=(timezone.now() - timedelta(days=days)).isoformat(),
            follow_up_on=(timezone.localdate() - timedelta(days=days)).isoformat(),
            help=[{"item": "quet-qr"}],
        )
    assert queries() == before
