"""The dashboard: every figure against totals written out by hand, for each scope.

The data, on top of ``world`` (communes a and b; team a over villages a1 and a2, team b over
b1), dated from ``m0``, the Monday three weeks before this week's (``m3``); the period is
``m0`` to today, four weeks:

- villages: a1 has 10 households in the commune statistics, a2 none (its 2 rows count), b1 4;
- households: hA1, hA2, hA3 (declined), hA4 (never visited) in a1; hA5 (visited, then erased)
  and hA6 in a2; hB1, hB2 in b1;
- members and skills: mA1 (hA1) seen paying (v1) and using public services (v5), learned the
  three others (so hA1 meets the target, met today); mA2a (hA2) seen shopping, learned public
  services; mA2b (hA2) learned public services; mB1 (hB1) seen paying (v6) and learned it, and
  holds a skill that is not a target;
- visits (team stored at the time): vOld by member_a to hA1 ten days before m0 (help cai-vneid);
  v1 member_a → hA1, m0 + 1 day (quet-qr for mA1); v2 leader_a → hA2, m1 (mua-hang,
  nhan-dien-lua-dao; follow-up due m1 + 2 days, open); v3 by ``mover`` (then in team a) → hA3,
  m2 + 12 h; mover then leaves team a for team b; v4 member_a → hA5, m0 + 2 days (cai-vneid;
  follow-up done); v5 member_a → hA1, m3 (cai-vneid for mA1; follow-up due in 3 days); v6
  member_b → hB1, m2 + 12 h (quet-qr for mB1; follow-up due m2 + 1 day, open); v7 member_b →
  hB2 three days before m0 (not at home; follow-up due m0 - 1 day, open);
- enrolments from visits: vOld (completed), v1 (completed), v5 (learning), v6 (completed);
- campaign cA1 on village a1 over the period: households visited 5, courses completed 2.

Expected figures are below, by hand. Members with no visit for their team in 14 days: leader_a
(last visit v2), leader_b (never), mover in team b (never: v3 stays with team a).
"""

import re
import uuid
from datetime import datetime, time, timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community_teams import services
from community_teams.dashboard import dashboard_for
from community_teams.erasure import household_erase
from community_teams.models import Campaign, CampaignTarget, FollowUp, MemberSkill, ReferralAttribution
from community_teams.services import household_target_refresh
from lms.models import Enrolment, Learner
from lms.models import User as UserModel

SCOPES = ["leader_a", "coordinator_a", "coordinator_b", "province_coordinator", "superuser"]
SKILLS = ["dvc", "mua-sam", "thanh-toan", "an-toan", "nen-tang"]


def _at(day, hours=0, seconds=1):
    return timezone.make_aware(datetime.combine(day, time.min)) + timedelta(hours=hours, seconds=seconds)


@pytest.fixture
def data(world, make_household, make_member, make_visit):
    today = timezone.localdate()
    m3 = today - timedelta(days=today.weekday())
    m0, m1, m2 = m3 - timedelta(weeks=3), m3 - timedelta(weeks=2), m3 - timedelta(weeks=1)
    d = SimpleNamespace(today=today, m0=m0, m1=m1, m2=m2, m3=m3)
    world.village_a1.household_count = 10
    world.village_a1.save()
    world.village_b1.household_count = 4
    world.village_b1.save()
    d.mover = UserModel.objects.create_user(username="chuyen-doi", password="x", display_name="Người chuyển tổ")
    services.membership_add(actor=world.superuser, team=world.team_a, user=d.mover, role="member")

    declined = {"consent_status": "declined", "consent_method": "", "consent_by": "", "head_name": "", "phone": ""}
    declined["address_note"] = ""
    lead_a, mem_a, mem_b = world.leader_a, world.member_a, world.member_b
    d.hA1 = make_household(mem_a, world.village_a1)
    d.hA2 = make_household(lead_a, world.village_a1)
    d.hA3 = make_household(mem_a, world.village_a1, **declined)
    d.hA4 = make_household(mem_a, world.village_a1)
    d.hA5 = make_household(mem_a, world.village_a2)
    d.hA6 = make_household(mem_a, world.village_a2)
    d.hB1 = make_household(mem_b, world.village_b1)
    d.hB2 = make_household(mem_b, world.village_b1)
    d.mA1 = make_member(mem_a, d.hA1)
    d.mA2a = make_member(lead_a, d.hA2)
    d.mA2b = make_member(lead_a, d.hA2)
    d.mB1 = make_member(mem_b, d.hB1)

    def visit(actor, household, when, *, help=(), outcome="helped", follow_up_on=None):
        return make_visit(
            actor,
            household,
            visited_at=when.isoformat(),
            outcome=outcome,
            help=[{"item": code, **({"member": str(member.client_uuid)} if member else {})} for code, member in help],
            follow_up_on=follow_up_on.isoformat() if follow_up_on else None,
        )

    d.vOld = visit(mem_a, d.hA1, _at(m0 - timedelta(days=10), 10), help=[("cai-vneid", None)])
    d.v1 = visit(mem_a, d.hA1, _at(m0 + timedelta(days=1), 10), help=[("quet-qr", d.mA1)])
    d.v2 = visit(
        lead_a,
        d.hA2,
        _at(m1),
        help=[("mua-hang", None), ("nhan-dien-lua-dao", None)],
        follow_up_on=m1 + timedelta(days=2),
    )
    d.v3 = visit(d.mover, d.hA3, _at(m2, 12), outcome="not_home")
    moved = d.mover.memberships.get(team=world.team_a)
    services.member_deactivate(actor=world.superuser, membership=moved)
    services.membership_add(actor=world.superuser, team=world.team_b, user=d.mover, role="member")
    d.v4 = visit(
        mem_a, d.hA5, _at(m0 + timedelta(days=2), 9), help=[("cai-vneid", None)], follow_up_on=m0 + timedelta(days=3)
    )
    services.follow_up_done(actor=world.superuser, follow_up=FollowUp.objects.get(visit=d.v4))
    d.v5 = visit(
        mem_a, d.hA1, _at(m3), outcome="partly", help=[("cai-vneid", d.mA1)], follow_up_on=today + timedelta(days=3)
    )
    d.v6 = visit(mem_b, d.hB1, _at(m2, 12), help=[("quet-qr", d.mB1)], follow_up_on=m2 + timedelta(days=1))
    d.v7 = visit(mem_b, d.hB2, _at(m0 - timedelta(days=3), 15), outcome="not_home", follow_up_on=m0 - timedelta(days=1))
    household_erase(actor=lead_a, household=d.hA5, reason="requested")

    learned = _at(m0 + timedelta(days=5), 8)
    skill = world.skill
    for code in ("mua-sam", "an-toan", "nen-tang"):
        MemberSkill.objects.create(member=d.mA1, skill=skill[code], learned_at=learned)
    MemberSkill.objects.create(member=d.mA2a, skill=skill["mua-sam"], observed_at=_at(m1), observed_visit=d.v2)
    MemberSkill.objects.create(member=d.mA2a, skill=skill["dvc"], learned_at=_at(m1, 5))
    MemberSkill.objects.create(member=d.mA2b, skill=skill["dvc"], learned_at=_at(m1, 6))
    MemberSkill.objects.filter(member=d.mB1, skill=skill["thanh-toan"]).update(learned_at=_at(m2, 20))
    MemberSkill.objects.create(member=d.mB1, skill=world.other_skill, learned_at=_at(m2, 20))
    for household in (d.hA1, d.hA2, d.hB1):
        household_target_refresh(household)

    for visit_row, done in ((d.vOld, True), (d.v1, True), (d.v5, False), (d.v6, True)):
        enrolment = Enrolment.objects.create(
            learner=Learner.objects.create(), course_key=uuid.uuid4(), completed_at=timezone.now() if done else None
        )
        ReferralAttribution.objects.create(
            enrolment=enrolment,
            token=visit_row.referral_token,
            visit=visit_row,
            team=visit_row.team,
            member=visit_row.author,
            attributed_at=timezone.now(),
        )
    d.cA1 = Campaign.objects.create(name="Chiến dịch tổ 1", area=world.village_a1, starts_on=m0, ends_on=today)
    CampaignTarget.objects.create(campaign=d.cA1, kind=CampaignTarget.Kind.HOUSEHOLDS_VISITED, value=5)
    CampaignTarget.objects.create(campaign=d.cA1, kind=CampaignTarget.Kind.COURSES_COMPLETED, value=2)
    d.cB = Campaign.objects.create(name="Chiến dịch xã b", area=world.commune_b, starts_on=m0, ends_on=today)
    return d


# Written out by hand from the module docstring.
_COMMUNE_A = {
    "villages": [
        # code, reached, denominator, source, five-skill households
        ("01273-001", 3, 10, "commune_statistics", 1),
        ("01273-002", 1, 2, "household_rows", 0),
    ],
    "reached": 4,
    "households": 12,
    "meeting_target": 1,
    # skill -> (households, observed, learned)
    "skills": {
        "dvc": (2, 1, 1),
        "mua-sam": (2, 1, 1),
        "thanh-toan": (1, 1, 0),
        "an-toan": (1, 0, 1),
        "nen-tang": (1, 0, 1),
    },
    "weekly": {"team_a": [2, 1, 1, 1]},
    "visits": 5,
    "help": {"cai-vneid": 2, "mua-hang": 1, "quet-qr": 1, "nhan-dien-lua-dao": 1},
    "enrolments": 2,
    "completions": 1,
    "overdue": 1,
    "idle": {("team_a", "leader_a")},
}
_COMMUNE_B = {
    "villages": [("01279-001", 2, 4, "commune_statistics", 0)],
    "reached": 2,
    "households": 4,
    "meeting_target": 0,
    "skills": {
        "dvc": (0, 0, 0),
        "mua-sam": (0, 0, 0),
        "thanh-toan": (1, 1, 1),
        "an-toan": (0, 0, 0),
        "nen-tang": (0, 0, 0),
    },
    "weekly": {"team_b": [0, 0, 1, 0]},
    "visits": 1,
    "help": {"quet-qr": 1},
    "enrolments": 1,
    "completions": 1,
    "overdue": 2,
    "idle": {("team_b", "leader_b"), ("team_b", "mover")},
}
_EVERYTHING = {
    "villages": _COMMUNE_A["villages"] + _COMMUNE_B["villages"],
    "reached": 6,
    "households": 16,
    "meeting_target": 1,
    "skills": {
        "dvc": (2, 1, 1),
        "mua-sam": (2, 1, 1),
        "thanh-toan": (2, 2, 1),
        "an-toan": (1, 0, 1),
        "nen-tang": (1, 0, 1),
    },
    "weekly": {"team_a": [2, 1, 1, 1], "team_b": [0, 0, 1, 0]},
    "visits": 6,
    "help": {"cai-vneid": 2, "mua-hang": 1, "quet-qr": 2, "nhan-dien-lua-dao": 1},
    "enrolments": 3,
    "completions": 2,
    "overdue": 3,
    "idle": {("team_a", "leader_a"), ("team_b", "leader_b"), ("team_b", "mover")},
}
EXPECTED = {
    "leader_a": _COMMUNE_A,
    "coordinator_a": _COMMUNE_A,
    "coordinator_b": _COMMUNE_B,
    "province_coordinator": _EVERYTHING,
    "superuser": _EVERYTHING,
}


def _people(world, data) -> dict:
    """Symbols of the expectations -> user ids and team ids."""
    people = {name: getattr(world, name).pk for name in ("leader_a", "leader_b", "member_a", "member_b")}
    people["mover"] = data.mover.pk
    return people


def _figures(board, world, data) -> dict:
    """The board in the expectations' shape (symbols for teams and people)."""
    teams = {world.team_a.pk: "team_a", world.team_b.pk: "team_b"}
    people = {pk: name for name, pk in _people(world, data).items()}
    from community_teams.models import Membership

    users = dict(Membership.objects.values_list("pk", "user_id"))
    return {
        "villages": [
            (row.code, row.reached, row.households, row.denominator_source, row.meeting_target)
            for row in board.villages
        ],
        "reached": board.reached,
        "households": board.households,
        "meeting_target": board.households_meeting_target,
        "skills": {row.code: (row.households, row.observed, row.learned) for row in board.skills},
        "weekly": {teams[row.team_id]: row.counts for row in board.team_weeks},
        "visits": board.visits,
        "help": {row.code: row.count for row in board.help},
        "enrolments": board.enrolments,
        "completions": board.completions,
        "overdue": board.follow_ups_overdue,
        "idle": {(teams[row.team_id], people[users[row.membership_id]]) for row in board.idle_members},
    }


def _board(world, data, who, **filters):
    return dashboard_for(
        getattr(world, who),
        period_start=filters.pop("period_start", data.m0),
        period_end=filters.pop("period_end", data.today),
        **filters,
    )


@pytest.mark.parametrize("who", SCOPES)
def test_every_figure_matches_the_hand_counted_totals(world, data, who):
    board = _board(world, data, who)
    assert board.weeks == [data.m0, data.m1, data.m2, data.m3]
    assert _figures(board, world, data) == EXPECTED[who]


def test_a_visit_stays_with_the_team_it_was_made_for(world, data):
    board = _board(world, data, "superuser")
    weekly = {row.team_id: row.counts for row in board.team_weeks}
    assert weekly[world.team_a.pk][2] == 1  # v3, made by the member who is now in team b
    assert weekly[world.team_b.pk][2] == 1  # v6 only


def test_the_village_filter_narrows_every_figure(world, data):
    board = _board(world, data, "coordinator_a", village="01273-002")
    assert _figures(board, world, data) == {
        "villages": [("01273-002", 1, 2, "household_rows", 0)],
        "reached": 1,
        "households": 2,
        "meeting_target": 0,
        "skills": dict.fromkeys(SKILLS, (0, 0, 0)),
        "weekly": {"team_a": [1, 0, 0, 0]},
        "visits": 1,
        "help": {"cai-vneid": 1},
        "enrolments": 0,
        "completions": 0,
        "overdue": 0,
        "idle": {("team_a", "leader_a")},
    }


def test_the_team_filter_narrows_every_figure(world, data):
    board = _board(world, data, "province_coordinator", team=world.team_b.pk)
    assert _figures(board, world, data) == _COMMUNE_B


def test_the_period_filter_narrows_every_figure(world, data):
    board = _board(world, data, "coordinator_a", period_end=data.m1 + timedelta(days=6))
    assert board.weeks == [data.m0, data.m1]
    assert _figures(board, world, data) == {
        # hA1 and hA2 by the end (vOld, v1, v2), hA5 (v4); v3 and v5 come later.
        "villages": [("01273-001", 2, 10, "commune_statistics", 0), ("01273-002", 1, 2, "household_rows", 0)],
        "reached": 3,
        "households": 12,
        "meeting_target": 0,  # hA1 met the target today, after this period
        "skills": {
            "dvc": (1, 0, 1),  # mA1 was seen using public services later (v5)
            "mua-sam": (2, 1, 1),
            "thanh-toan": (1, 1, 0),
            "an-toan": (1, 0, 1),
            "nen-tang": (1, 0, 1),
        },
        "weekly": {"team_a": [2, 1]},
        "visits": 3,
        "help": {"cai-vneid": 1, "mua-hang": 1, "quet-qr": 1, "nhan-dien-lua-dao": 1},
        "enrolments": 1,
        "completions": 1,
        "overdue": 1,  # today's, whatever the period
        "idle": {("team_a", "leader_a")},
    }


def test_the_campaign_filter_narrows_to_its_area_and_shows_its_targets(world, data):
    board = _board(world, data, "coordinator_a", campaign=data.cA1.pk)
    figures = _figures(board, world, data)
    assert figures["villages"] == [("01273-001", 3, 10, "commune_statistics", 1)]
    assert figures["weekly"] == {"team_a": [1, 1, 1, 1]}  # v4 was in a2
    assert figures["help"] == {"cai-vneid": 1, "mua-hang": 1, "quet-qr": 1, "nhan-dien-lua-dao": 1}
    assert (figures["enrolments"], figures["completions"], figures["overdue"]) == (2, 1, 1)
    assert [(row.kind, row.done, row.target) for row in board.campaign_targets] == [
        ("households_visited", 3, 5),
        ("courses_completed", 1, 2),
    ]


@pytest.mark.parametrize(
    ("who", "filters"),
    [
        ("coordinator_a", {"village": "01279-001"}),
        ("coordinator_a", {"village": "khong-co"}),
        ("leader_a", {"village": "01279-001"}),
        ("coordinator_b", {"village": "01273-001"}),
        ("coordinator_a", {"team": "team_b"}),
        ("leader_a", {"team": "team_b"}),
        ("coordinator_b", {"team": "team_a"}),
        ("coordinator_a", {"campaign": "cB"}),
        ("coordinator_b", {"campaign": "cA1"}),
    ],
)
def test_a_filter_outside_the_scope_is_a_404(world, data, who, filters):
    resolved = {
        key: getattr(world, value).pk if key == "team" else getattr(data, value).pk if key == "campaign" else value
        for key, value in filters.items()
    }
    with pytest.raises(Http404):
        _board(world, data, who, **resolved)
    client = _client(world, who)
    assert client.get(reverse("community_teams:dashboard"), resolved).status_code == 404
    assert client.get("/api/v1/dashboard/", resolved).status_code == 404


def _client(world, who):
    from django.test import Client

    client = Client()
    client.force_login(getattr(world, who))
    return client


def _attr_set(html: str, name: str) -> set[str]:
    return set(re.findall(rf'{name}="([^"]*)"', html))


def test_the_page_shows_exactly_the_commune_coordinators_figures_and_rows(world, data):
    response = _client(world, "coordinator_a").get(
        reverse("community_teams:dashboard"), {"period_start": data.m0.isoformat()}
    )
    assert response.status_code == 200
    html = response.content.decode()
    figure = dict(re.findall(r'data-figure="([^"]+)">(\d+)', html))
    assert figure == {
        "reached": "4",
        "coverage-percent": "33",
        "meeting-target": "1",
        "visits": "5",
        "enrolments": "2",
        "completions": "1",
        "follow-ups-overdue": "1",
        "idle-members": "1",
    }
    assert _attr_set(html, "data-village") == {"01273-001", "01273-002"}
    assert _attr_set(html, "data-team") == {str(world.team_a.pk)}
    assert _attr_set(html, "data-help") == {"cai-vneid", "mua-hang", "quet-qr", "nhan-dien-lua-dao"}
    assert _attr_set(html, "data-membership") == {str(world.membership_leader_a.pk)}
    assert _attr_set(html, "data-campaign-link") == {str(data.cA1.pk)}
    assert len(re.findall(r'<svg class="chart', html)) == 4
    for foreign in ("01279-001", world.team_b.name, world.commune_b.name, "Chiến dịch xã b", data.mover.display_name):
        assert foreign not in html


def test_the_api_gives_exactly_the_commune_coordinators_figures(world, data):
    response = _client(world, "coordinator_b").get("/api/v1/dashboard/", {"period_start": data.m0.isoformat()})
    assert response.status_code == 200
    body = response.json()
    assert body["period_start"] == data.m0.isoformat()
    assert body["period_end"] == data.today.isoformat()
    assert (body["reached"], body["households"], body["coverage_percent"]) == (2, 4, 50)
    assert body["households_meeting_target"] == 0
    assert (body["visits"], body["enrolments"], body["completions"], body["follow_ups_overdue"]) == (1, 1, 1, 2)
    assert [
        (row["code"], row["reached"], row["households"], row["denominator_source"]) for row in body["villages"]
    ] == [("01279-001", 2, 4, "commune_statistics")]
    assert {row["code"]: (row["households"], row["observed"], row["learned"]) for row in body["skills"]} == (
        _COMMUNE_B["skills"]
    )
    assert [(row["team_id"], row["counts"]) for row in body["team_weeks"]] == [(world.team_b.pk, [0, 0, 1, 0])]
    assert {row["code"]: row["count"] for row in body["help"]} == {"quet-qr": 1}
    assert {row["membership_id"] for row in body["idle_members"]} == {
        world.membership_leader_b.pk,
        data.mover.memberships.get(team=world.team_b).pk,
    }
    assert body["campaign_targets"] == []


def test_the_api_refuses_bad_input_and_people_without_a_role(world, data):
    client = _client(world, "coordinator_a")
    assert client.get("/api/v1/dashboard/", {"period_start": "hom-qua"}).status_code == 400
    assert (
        client.get("/api/v1/dashboard/", {"period_start": "2025-02-01", "period_end": "2025-01-01"}).status_code == 400
    )
    assert (
        client.get("/api/v1/dashboard/", {"period_start": "2023-01-01", "period_end": "2025-01-01"}).status_code == 400
    )
    assert client.get("/api/v1/dashboard/", {"team": "abc"}).status_code == 400
    assert _client(world, "outsider").get("/api/v1/dashboard/").status_code == 403
    from django.test import Client

    assert Client().get("/api/v1/dashboard/").status_code == 403
    assert _client(world, "outsider").get(reverse("community_teams:dashboard")).status_code == 403


def test_the_campaign_page_shows_progress_and_is_a_404_outside_the_scope(world, data):
    response = _client(world, "coordinator_a").get(reverse("community_teams:campaign", args=[data.cA1.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r'data-target="([^"]+)">.*?data-cell="done">(\d+)<.*?data-cell="target">(\d+)<', html) == [
        ("households_visited", "3", "5"),
        ("courses_completed", "1", "2"),
    ]
    assert '<svg class="chart' in html
    assert (
        _client(world, "coordinator_a").get(reverse("community_teams:campaign", args=[data.cB.pk])).status_code == 404
    )
    assert (
        _client(world, "coordinator_b").get(reverse("community_teams:campaign", args=[data.cB.pk])).status_code == 200
    )


def test_the_page_defaults_to_the_campaigns_period(world, data):
    response = _client(world, "coordinator_a").get(reverse("community_teams:dashboard"), {"campaign": data.cA1.pk})
    assert response.status_code == 200
    assert f'data-period="{data.m0.isoformat()}/{data.today.isoformat()}"' in response.content.decode()


def test_a_bad_period_on_the_page_says_so_and_falls_back_to_the_default(world, data):
    response = _client(world, "coordinator_a").get(
        reverse("community_teams:dashboard"),
        {"period_start": "2025-02-01", "period_end": "2025-01-01", "village": "01273-002"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    eight_weeks = f"{(data.m3 - timedelta(weeks=7)).isoformat()}/{data.today.isoformat()}"
    assert f'data-period="{eight_weeks}"' in html
    assert _attr_set(html, "data-village") == {"01273-002"}  # the right filter is kept


def test_the_tables_for_exports_hold_the_same_figures(world, data):
    tables = {table.key: table for table in _board(world, data, "coordinator_b").tables()}
    (row,) = tables["coverage"].rows
    assert row[:5] + row[6:] == ["01279-001", "Tổ dân phố 1", "Phường Nùng Trí Cao", 2, 4, 50, 0]
    assert tables["visits_per_week"].rows == [
        [data.m0, 0, 0],
        [data.m1, 0, 0],
        [data.m2, 1, 1],
        [data.m3, 0, 0],
    ]
    assert tables["help"].rows == [["Cài thanh toán QR", "Thanh toán trực tuyến", 1]]


def _grow(world, data, make_household, make_member, make_visit, n):
    """More households, members, skills, visits, help, follow-ups and referrals everywhere."""
    for index in range(n):
        for actor, village in ((world.member_a, world.village_a2), (world.member_b, world.village_b1)):
            household = make_household(actor, village)
            member = make_member(actor, household)
            visit = make_visit(
                actor,
                household,
                help=[{"item": "quet-qr", "member": str(member.client_uuid)}, {"item": "mua-hang"}],
                follow_up_on=(data.today + timedelta(days=index)).isoformat(),
            )
            enrolment = Enrolment.objects.create(learner=Learner.objects.create(), course_key=uuid.uuid4())
            ReferralAttribution.objects.create(enrolment=enrolment, token=visit.referral_token, visit=visit)
    user = UserModel.objects.create_user(username=f"them-{n}", password="x")
    services.membership_add(actor=world.superuser, team=world.team_b, user=user, role="member")


@pytest.mark.parametrize("who", ["leader_a", "coordinator_a", "province_coordinator", "superuser"])
def test_the_number_of_queries_does_not_grow_with_the_rows(world, data, make_household, make_member, make_visit, who):
    def count():
        cache.clear()
        user = UserModel.objects.get(pk=getattr(world, who).pk)  # a fresh scope
        with CaptureQueriesContext(connection) as queries:
            dashboard_for(user, period_start=data.m0, period_end=data.today, campaign=data.cA1.pk)
        return len(queries)

    before = count()
    _grow(world, data, make_household, make_member, make_visit, 3)
    assert count() == before
    assert before <= 18
