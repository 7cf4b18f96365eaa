"""Teams and campaigns over the JSON API: exactly who sees which team and campaign, inviting by
phone, 403/404, a fixed number of queries and the OpenAPI schema."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community_teams import services
from community_teams.models import Campaign, CampaignTarget, Membership, Role, Team
from lms.models import User

pytestmark = pytest.mark.django_db

API = "/api/v1/"
TEAMS = API + "teams/"
CAMPAIGNS = API + "campaigns/"
BAD_PHONE = "Hãy nhập số điện thoại di động Việt Nam, ví dụ 0912 345 678."


def members_url(team) -> str:
    return f"{TEAMS}{team.pk}/members/"


def test_each_role_sees_exactly_its_teams(world, api_for):
    # A third team, inactive, in commune a: never listed.
    Team.objects.create(name="Tổ đã giải thể", commune=world.commune_a, is_active=False)
    a, b = world.team_a.pk, world.team_b.pk
    expected = {
        "member_a": [a],
        "leader_a": [a],
        "member_b": [b],
        "leader_b": [b],
        "coordinator_a": [a],
        "coordinator_b": [b],
        "province_coordinator": [b, a],  # by name: "Nùng Trí Cao" before "Thục Phán"
        "superuser": [b, a],
        "outsider": [],
    }
    for role, ids in expected.items():
        response = api_for(getattr(world, role)).get(TEAMS)
        assert response.status_code == 200, role
        assert [team["id"] for team in response.json()] == ids, role


def test_signed_out_callers_get_a_403(world, api_for):
    assert api_for().get(TEAMS).status_code == 403
    assert api_for().get(CAMPAIGNS).status_code == 403


def test_a_team_is_listed_with_its_villages_and_people_by_name(world, api_for):
    world.member_a.phone = "+84912345678"
    world.member_a.save()
    former = User.objects.create_user(username="cu", display_name="Người cũ")
    services.membership_add(actor=world.leader_a, team=world.team_a, user=former)
    services.member_deactivate(actor=world.leader_a, membership=Membership.objects.get(user=former))
    former_membership = Membership.objects.get(user=former)
    response = api_for(world.leader_a).get(TEAMS)
    assert response.json() == [
        {
            "id": world.team_a.pk,
            "name": "Tổ CNSCĐ Thục Phán",
            "commune": {"code": "01273", "name": "Phường Thục Phán"},
            "villages": [{"code": "01273-001", "name": "Tổ dân phố 1"}, {"code": "01273-002", "name": "Tổ dân phố 2"}],
            "can_manage": True,
            "members": [
                {
                    "membership_id": world.membership_leader_a.pk,
                    "user_id": world.leader_a.pk,
                    "name": "leader-a",
                    "role": "leader",
                    "is_active": True,
                },
                {
                    "membership_id": world.membership_member_a.pk,
                    "user_id": world.member_a.pk,
                    "name": "member-a",
                    "role": "member",
                    "is_active": True,
                },
                {
                    "membership_id": former_membership.pk,
                    "user_id": former.pk,
                    "name": "Người cũ",
                    "role": "member",
                    "is_active": False,
                },
            ],
        }
    ]
    assert "912345678" not in response.content.decode()


def test_only_managers_are_told_they_can_manage(world, api_for):
    expected = {
        "member_a": {world.team_a.pk: False},
        "leader_a": {world.team_a.pk: True},
        "coordinator_b": {world.team_b.pk: True},
        "province_coordinator": {world.team_a.pk: True, world.team_b.pk: True},
    }
    for role, flags in expected.items():
        teams = api_for(getattr(world, role)).get(TEAMS).json()
        assert {team["id"]: team["can_manage"] for team in teams} == flags, role


def test_a_member_never_sees_another_teams_people(world, api_for):
    teams = api_for(world.member_a).get(TEAMS).json()
    user_ids = {member["user_id"] for team in teams for member in team["members"]}
    assert user_ids == {world.member_a.pk, world.leader_a.pk}


def test_a_village_of_another_commune_is_not_listed(world, api_for):
    world.team_a.villages.add(world.village_b1)  # a data-entry mistake: scoping ignores it
    (team,) = api_for(world.leader_a).get(TEAMS).json()
    assert [village["code"] for village in team["villages"]] == ["01273-001", "01273-002"]


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries.captured_queries)


def test_the_team_list_takes_a_fixed_number_of_queries(world, api_for):
    client = api_for(world.superuser)
    before = _count(client, TEAMS)
    for n in range(5):
        team = Team.objects.create(name=f"Tổ {n}", commune=world.commune_a)
        team.villages.set([world.village_a1, world.village_a2])
        for m in range(3):
            user = User.objects.create_user(username=f"u-{n}-{m}")
            services.membership_add(actor=world.superuser, team=team, user=user)
    assert _count(client, TEAMS) == before


# Inviting.


def test_a_leader_invites_by_phone_201_then_200(world, api_for, sms_outbox, django_capture_on_commit_callbacks):
    client = api_for(world.leader_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post_json(members_url(world.team_a), {"phone": "0912 345 678", "display_name": "Lò Văn Minh"})
    assert response.status_code == 201
    user = User.objects.get(phone="+84912345678")
    membership = Membership.objects.get(user=user)
    assert response.json() == {
        "membership_id": membership.pk,
        "user_id": user.pk,
        "name": "Lò Văn Minh",
        "role": "member",
        "is_active": True,
    }
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post_json(members_url(world.team_a), {"phone": "+84912345678"})
    assert again.status_code == 200 and again.json() == response.json()
    assert [m.phone for m in sms_outbox] == ["+84912345678"]


def test_invite_errors_are_400_with_field_messages(world, api_for, sms_outbox):
    client = api_for(world.leader_a)
    response = client.post_json(members_url(world.team_a), {"phone": "+1 415 555 0100", "display_name": "Sam"})
    assert response.status_code == 400 and response.json() == {"phone": [BAD_PHONE]}
    response = client.post_json(members_url(world.team_a), {"phone": "0912345678"})
    assert response.status_code == 400
    assert response.json() == {"display_name": ["Chưa có tài khoản nào dùng số này: hãy nhập họ tên của người đó."]}
    response = client.post_json(members_url(world.team_a), {"display_name": "Minh"})
    assert response.status_code == 400 and list(response.json()) == ["phone"]
    response = client.post_json(members_url(world.team_a), {"phone": "0912345678", "role": "chief"})
    assert response.status_code == 400 and list(response.json()) == ["role"]
    assert not User.objects.filter(phone="+84912345678").exists() and not sms_outbox


def test_invite_403_and_404(world, api_for, sms_outbox):
    body = {"phone": "0912345678", "display_name": "Minh"}
    cases = (
        ("leader_a", world.team_b, 404),
        ("member_b", world.team_a, 404),
        ("coordinator_a", world.team_b, 404),
        ("outsider", world.team_a, 404),
        ("member_a", world.team_a, 403),
    )
    for role, team, status in cases:
        response = api_for(getattr(world, role)).post_json(members_url(team), body)
        assert response.status_code == status, role
        assert set(response.json()) == {"detail"}, role
    response = api_for(world.leader_a).post_json(members_url(world.team_a), {**body, "role": "leader"})
    assert response.status_code == 403
    assert api_for(world.leader_a).post_json(f"{TEAMS}999999/members/", body).status_code == 404
    assert not User.objects.filter(phone="+84912345678").exists() and not sms_outbox


def test_a_coordinator_names_a_leader(world, api_for):
    response = api_for(world.coordinator_a).post_json(
        members_url(world.team_a), {"phone": "0912345678", "display_name": "Minh", "role": "leader"}
    )
    assert response.status_code == 201 and response.json()["role"] == "leader"


def test_inviting_needs_the_csrf_token(world, api_for):
    client = api_for(world.leader_a, enforce_csrf_checks=True)
    response = client.post_json(members_url(world.team_a), {"phone": "0912345678", "display_name": "Minh"})
    assert response.status_code == 403
    assert not User.objects.filter(phone="+84912345678").exists()


# Campaigns.


@pytest.fixture
def campaigns(world):
    today = timezone.localdate()

    def make(area, *, starts=-3, ends=7, **targets):
        campaign = Campaign.objects.create(
            name=f"Chiến dịch {area.code}",
            area=area,
            starts_on=today + timedelta(days=starts),
            ends_on=today + timedelta(days=ends),
        )
        for kind, value in targets.items():
            campaign.targets.create(kind=kind, value=value)
        return campaign

    return {
        "village_a1": make(world.village_a1, starts=-1, **{CampaignTarget.Kind.HOUSEHOLDS_VISITED: 4}),
        "commune_a": make(world.commune_a, starts=-2),
        "commune_b": make(world.commune_b, starts=-3),
        "province": make(world.province, starts=-4),
        "old": make(world.province, starts=-90, ends=-40),
        "later": make(world.province, starts=10, ends=20),
    }


def test_each_role_sees_exactly_its_campaigns(world, api_for, campaigns):
    c = {name: campaign.pk for name, campaign in campaigns.items()}
    expected = {
        "member_a": [c["village_a1"], c["commune_a"], c["province"]],
        "leader_a": [c["village_a1"], c["commune_a"], c["province"]],
        "member_b": [c["commune_b"], c["province"]],
        "coordinator_a": [c["village_a1"], c["commune_a"], c["province"]],
        "coordinator_b": [c["commune_b"], c["province"]],
        "province_coordinator": [c["village_a1"], c["commune_a"], c["commune_b"], c["province"]],
        "superuser": [c["village_a1"], c["commune_a"], c["commune_b"], c["province"]],
        "outsider": [],
    }
    for role, ids in expected.items():
        response = api_for(getattr(world, role)).get(CAMPAIGNS)
        assert response.status_code == 200, role
        assert [campaign["id"] for campaign in response.json()] == ids, role


def test_a_campaign_comes_with_its_progress(world, api_for, campaigns, make_household, make_visit):
    for _ in range(3):
        make_visit(world.member_a, make_household(world.member_a))
    make_visit(world.member_a, make_household(world.member_a, world.village_a2))  # another village
    campaign = campaigns["village_a1"]
    (row,) = [c for c in api_for(world.member_a).get(CAMPAIGNS).json() if c["id"] == campaign.pk]
    assert row == {
        "id": campaign.pk,
        "name": "Chiến dịch 01273-001",
        "area": {"code": "01273-001", "name": "Tổ dân phố 1", "kind": "village"},
        "starts_on": campaign.starts_on.isoformat(),
        "ends_on": campaign.ends_on.isoformat(),
        "targets": [
            {"kind": "households_visited", "label": "Số hộ đã được thăm", "target": 4, "done": 3, "percent": 75}
        ],
    }


def test_the_schema_documents_the_teams_api(world, client):
    schema = client.get(API + "openapi.json").json()
    assert set(schema["paths"]["/api/v1/teams/"]) == {"get"}
    assert set(schema["paths"]["/api/v1/campaigns/"]) == {"get"}
    invite = schema["paths"]["/api/v1/teams/{team_id}/members/"]["post"]
    assert set(invite["responses"]) == {"200", "201", "400", "403", "404"}
    assert invite["operationId"] == "teams_members_invite"
    team = schema["components"]["schemas"]["Team"]["properties"]
    assert set(team) == {"id", "name", "commune", "villages", "can_manage", "members"}


def test_leaders_do_not_learn_other_roles(world, api_for):
    """A plain member cannot tell coordinators apart from anyone: only memberships are listed."""
    names = {member["name"] for team in api_for(world.member_a).get(TEAMS).json() for member in team["members"]}
    assert names == {"member-a", "leader-a"}
    assert Role.COMMUNE_COORDINATOR not in str(api_for(world.member_a).get(TEAMS).json())
