"""Weekly reports: every figure against totals written out by hand, rebuilt in place, one per
commune and week, read only by the commune's coordinators, built by the beat task or, with no
broker, by the dashboard when missing or stale.

The data, on top of ``world`` (communes a and b; team a over villages a1 and a2, team b over
b1), dated from ``W``, the Monday of the last complete week, and ``P`` = W - 7 days (the week
before):

- village a1 has 10 households in the commune statistics; a2 none (its one row counts); b1 none
  (its two rows count);
- households hA1, hA2, hA3 in a1, hA4 in a2; hB1, hB2 in b1; ``idle_a`` is a third member of
  team a who never visits;
- visits: vOld member_a → hA1 at P - 10 days; vP1 member_a → hA1 at P+1 09:00 (cai-vneid;
  follow-up due P+3, never done); vP2 leader_a → hA2 at P+4 10:00 (mua-hang); vW1 member_a →
  hA1 at W 08:00 (quet-qr, cai-vneid; follow-up due W+10); vW2 member_a → hA3 at W+2 15:00
  (cai-vneid); vW3 member_a → hA4 at W+6 23:00 (not at home); vNext member_a → hA2 on the
  Monday after the week (outside it); vBP member_b → hB1 at P+2 10:00 (quet-qr); vBW member_b →
  hB2 at W+3 10:00 (follow-up due W+4, never done); vBW2 member_b → hB1 at W+5 11:00 (quet-qr);
- skills: mA1 (hA1) seen using public services at W+1 and learned paying at P+2; mA2 (hA2)
  learned all five at W+3 12:00, when hA2 met the target; mB1 (hB1) seen paying at P+2;
- enrolments from vP1 (completed), vW1 (completed) and vW2 (learning).
"""

import io
import re
import uuid
from datetime import datetime, time, timedelta
from types import SimpleNamespace

import openpyxl
import pytest
from celery.schedules import crontab
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from community_teams import services, tasks
from community_teams.models import (
    Area,
    AreaKind,
    Household,
    MemberSkill,
    ReferralAttribution,
    Team,
    WeeklyReport,
)
from community_teams.reports import (
    last_complete_week,
    weekly_report_build,
    weekly_reports_build_all,
)
from community_teams.scoping import weekly_reports_visible_to
from lms.models import Enrolment, Learner
from lms.models import User as UserModel

SKILLS = ["dvc", "mua-sam", "thanh-toan", "an-toan", "nen-tang"]


def _at(day, hours=0, minutes=0):
    return timezone.make_aware(datetime.combine(day, time.min)) + timedelta(hours=hours, minutes=minutes)


@pytest.fixture
def data(world, make_household, make_member, make_visit):
    W = last_complete_week()
    P = W - timedelta(weeks=1)
    d = SimpleNamespace(W=W, P=P)
    world.village_a1.household_count = 10
    world.village_a1.save()
    d.idle_a = UserModel.objects.create_user(username="khong-di", password="x", display_name="Người chưa đi")
    services.membership_add(actor=world.superuser, team=world.team_a, user=d.idle_a, role="member")
    mem_a, lead_a, mem_b = world.member_a, world.leader_a, world.member_b
    d.hA1 = make_household(mem_a, world.village_a1)
    d.hA2 = make_household(lead_a, world.village_a1)
    d.hA3 = make_household(mem_a, world.village_a1)
    d.hA4 = make_household(mem_a, world.village_a2)
    d.hB1 = make_household(mem_b, world.village_b1)
    d.hB2 = make_household(mem_b, world.village_b1)
    d.mA1 = make_member(mem_a, d.hA1)
    d.mA2 = make_member(lead_a, d.hA2)
    d.mB1 = make_member(mem_b, d.hB1)

    def visit(actor, household, when, *, help=(), outcome="helped", follow_up_on=None):
        return make_visit(
            actor,
            household,
            visited_at=when.isoformat(),
            outcome=outcome,
            help=[{"item": code} for code in help],
            follow_up_on=follow_up_on.isoformat() if follow_up_on else None,
        )

    d.vOld = visit(mem_a, d.hA1, _at(P - timedelta(days=10), 10))
    d.vP1 = visit(mem_a, d.hA1, _at(P + timedelta(days=1), 9), help=["cai-vneid"], follow_up_on=P + timedelta(days=3))
    d.vP2 = visit(lead_a, d.hA2, _at(P + timedelta(days=4), 10), help=["mua-hang"])
    d.vW1 = visit(mem_a, d.hA1, _at(W, 8), help=["quet-qr", "cai-vneid"], follow_up_on=W + timedelta(days=10))
    d.vW2 = visit(mem_a, d.hA3, _at(W + timedelta(days=2), 15), help=["cai-vneid"])
    d.vW3 = visit(mem_a, d.hA4, _at(W + timedelta(days=6), 23), outcome="not_home")
    d.vNext = visit(mem_a, d.hA2, _at(W + timedelta(days=7), 0) + timedelta(seconds=1))
    d.vBP = visit(mem_b, d.hB1, _at(P + timedelta(days=2), 10), help=["quet-qr"])
    d.vBW = visit(mem_b, d.hB2, _at(W + timedelta(days=3), 10), follow_up_on=W + timedelta(days=4))
    d.vBW2 = visit(mem_b, d.hB1, _at(W + timedelta(days=5), 11), help=["quet-qr"])

    skill = world.skill
    MemberSkill.objects.update_or_create(
        member=d.mA1, skill=skill["dvc"], defaults={"observed_at": _at(W + timedelta(days=1), 9)}
    )
    MemberSkill.objects.update_or_create(
        member=d.mA1, skill=skill["thanh-toan"], defaults={"learned_at": _at(P + timedelta(days=2), 9)}
    )
    met = _at(W + timedelta(days=3), 12)
    for code in SKILLS:
        MemberSkill.objects.update_or_create(member=d.mA2, skill=skill[code], defaults={"learned_at": met})
    Household.objects.filter(pk=d.hA2.pk).update(meets_target=True, target_met_at=met)
    MemberSkill.objects.update_or_create(
        member=d.mB1, skill=skill["thanh-toan"], defaults={"observed_at": _at(P + timedelta(days=2), 10)}
    )
    for visit_row, done in ((d.vP1, True), (d.vW1, True), (d.vW2, False)):
        enrolment = Enrolment.objects.create(
            learner=Learner.objects.create(), course_key=uuid.uuid4(), completed_at=timezone.now() if done else None
        )
        ReferralAttribution.objects.create(enrolment=enrolment, token=visit_row.referral_token, visit=visit_row)
    return d


# Written out by hand from the module docstring.
EXPECTED = {
    "01273": {
        "week": {
            "visits": 3,
            "households_visited": 3,
            "households_reached": 4,
            "households": 11,
            "coverage_percent": 36,
            "households_meeting_target": 1,
            "skills": {"dvc": 2, "mua-sam": 1, "thanh-toan": 2, "an-toan": 1, "nen-tang": 1},
            "help": {"cai-vneid": 2, "quet-qr": 1},
            "enrolments": 2,
            "completions": 1,
            "follow_ups_overdue": 1,
            "idle_members": 1,
        },
        "previous": {
            "visits": 2,
            "households_visited": 2,
            "households_reached": 2,
            "households": 11,
            "coverage_percent": 18,
            "households_meeting_target": 0,
            "skills": {"dvc": 0, "mua-sam": 0, "thanh-toan": 1, "an-toan": 0, "nen-tang": 0},
            "help": {"cai-vneid": 1, "mua-hang": 1},
            "enrolments": 1,
            "completions": 1,
            "follow_ups_overdue": 1,
            "idle_members": 1,
        },
    },
    "01279": {
        "week": {
            "visits": 2,
            "households_visited": 2,
            "households_reached": 2,
            "households": 2,
            "coverage_percent": 100,
            "households_meeting_target": 0,
            "skills": {"dvc": 0, "mua-sam": 0, "thanh-toan": 1, "an-toan": 0, "nen-tang": 0},
            "help": {"quet-qr": 1},
            "enrolments": 0,
            "completions": 0,
            "follow_ups_overdue": 1,
            "idle_members": 1,
        },
        "previous": {
            "visits": 1,
            "households_visited": 1,
            "households_reached": 1,
            "households": 2,
            "coverage_percent": 50,
            "households_meeting_target": 0,
            "skills": {"dvc": 0, "mua-sam": 0, "thanh-toan": 1, "an-toan": 0, "nen-tang": 0},
            "help": {"quet-qr": 1},
            "enrolments": 0,
            "completions": 0,
            "follow_ups_overdue": 0,
            "idle_members": 1,
        },
    },
}


def _shape(figures: dict) -> dict:
    """Stored figures in the expectations' shape (skills and help by code)."""
    return {
        name: {
            **{key: value for key, value in week.items() if key not in ("skills", "help")},
            "skills": {row["code"]: row["households"] for row in week["skills"]},
            "help": {row["code"]: row["count"] for row in week["help"]},
        }
        for name, week in figures.items()
    }


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("commune", ["commune_a", "commune_b"])
def test_every_figure_matches_the_hand_counted_totals(world, data, commune):
    area = getattr(world, commune)
    report = weekly_report_build(commune=area, week_start=data.W)
    assert report.week_start == data.W
    assert _shape(report.figures) == EXPECTED[area.code]


def test_rebuilding_replaces_the_figures_in_place(world, data, make_visit):
    first = weekly_report_build(commune=world.commune_a, week_start=data.W)
    again = weekly_report_build(commune=world.commune_a, week_start=data.W)
    assert again.pk == first.pk and again.built_at >= first.built_at
    assert WeeklyReport.objects.count() == 1
    assert _shape(again.figures) == EXPECTED["01273"]
    make_visit(world.member_a, data.hA4, visited_at=_at(data.W + timedelta(days=4), 9).isoformat())
    rebuilt = weekly_report_build(commune=world.commune_a, week_start=data.W)
    assert rebuilt.pk == first.pk
    assert rebuilt.figures["week"]["visits"] == 4
    assert rebuilt.figures["week"]["households_visited"] == 3  # hA4 again
    assert WeeklyReport.objects.count() == 1


def test_one_report_per_commune_and_week_is_a_database_constraint(world, data):
    weekly_report_build(commune=world.commune_a, week_start=data.W)
    with pytest.raises(IntegrityError), transaction.atomic():
        WeeklyReport.objects.create(commune=world.commune_a, week_start=data.W, figures={}, built_at=timezone.now())
    WeeklyReport.objects.create(commune=world.commune_b, week_start=data.W, figures={}, built_at=timezone.now())
    WeeklyReport.objects.create(commune=world.commune_a, week_start=data.P, figures={}, built_at=timezone.now())


def test_a_week_starts_on_a_monday_and_a_report_is_for_a_commune(world, data):
    with pytest.raises(ValidationError):
        weekly_report_build(commune=world.commune_a, week_start=data.W + timedelta(days=1))
    with pytest.raises(ValidationError):
        weekly_report_build(commune=world.village_a1, week_start=data.W)
    assert not WeeklyReport.objects.exists()


def test_build_all_builds_every_commune_with_a_team_and_no_other(world, data):
    Area.objects.create(
        code="01280", name="Xã không có tổ", kind=AreaKind.COMMUNE, parent=world.province, province_code="04",
        commune_code="01280",
    )  # fmt: skip
    assert weekly_reports_build_all() == 2
    assert set(WeeklyReport.objects.values_list("commune__code", "week_start")) == {
        ("01273", data.W),
        ("01279", data.W),
    }


def test_the_beat_schedule_runs_the_task_early_on_monday(world, data):
    from lms.celery import app

    entry = app.conf.beat_schedule["community-weekly-reports"]
    assert entry["task"] == "community_teams.tasks.weekly_reports_build"
    schedule = entry["schedule"]
    assert isinstance(schedule, crontab)
    assert schedule.day_of_week == {1} and schedule.hour == {1} and schedule.minute == {30}
    assert app.conf.timezone == "Asia/Ho_Chi_Minh"
    assert tasks.weekly_reports_build.name == entry["task"]


def test_the_task_builds_every_commune_and_twice_is_once(world, data):
    assert tasks.weekly_reports_build.delay().get() == 2
    assert tasks.weekly_reports_build.delay().get() == 2
    assert WeeklyReport.objects.count() == 2
    reports = {row.commune.code: _shape(row.figures) for row in WeeklyReport.objects.select_related("commune")}
    assert reports == EXPECTED
    assert tasks.weekly_reports_build.delay(data.P.isoformat()).get() == 2
    assert set(WeeklyReport.objects.values_list("week_start", flat=True)) == {data.W, data.P}


# Who reads a report.

READERS = {
    "coordinator_a": {"01273"},
    "coordinator_b": {"01279"},
    "province_coordinator": {"01273", "01279"},
    "superuser": {"01273", "01279"},
    "leader_a": set(),
    "member_a": set(),
    "leader_b": set(),
    "outsider": set(),
}


@pytest.mark.parametrize("who", READERS)
def test_each_role_reads_exactly_its_communes_reports(world, data, who):
    weekly_reports_build_all()
    visible = weekly_reports_visible_to(getattr(world, who))
    assert set(visible.values_list("commune__code", flat=True)) == READERS[who]


def _weekly_communes(html: str) -> set[str]:
    if 'data-section="weekly"' not in html:
        return set()
    section = html.split('data-section="weekly"', 1)[1].split("</section>", 1)[0]
    return set(re.findall(r'data-commune="([^"]+)"', section))


@pytest.mark.parametrize("who", READERS)
def test_the_page_shows_exactly_the_communes_the_person_reads(world, data, who):
    weekly_reports_build_all()
    response = _client(getattr(world, who)).get(reverse("community_teams:dashboard"))
    if who == "outsider":
        assert response.status_code == 403
        return
    html = response.content.decode()
    assert _weekly_communes(html) == READERS[who]
    assert ('data-section="weekly"' in html) is bool(READERS[who])


def test_the_commune_coordinator_sees_each_number_against_the_week_before(world, data):
    weekly_reports_build_all()
    html = _client(world.coordinator_b).get(reverse("community_teams:dashboard")).content.decode()
    cells = {
        key: (int(week), int(previous), direction)
        for key, week, previous, direction in re.findall(
            r'data-weekly="([^"]+)">.*?data-cell="week">(\d+)<.*?data-cell="previous">(\d+)<.*?data-direction="(\w+)"',
            html,
        )
    }
    assert cells["visits"] == (2, 1, "up")
    assert cells["households_reached"] == (2, 1, "up")
    assert cells["coverage_percent"] == (100, 50, "up")
    assert cells["follow_ups_overdue"] == (1, 0, "up")
    assert cells["idle_members"] == (1, 1, "same")
    assert cells["skills:thanh-toan"] == (1, 1, "same")
    assert cells["help:quet-qr"] == (1, 1, "same")
    assert "▲ +1" in html and "tăng 1 so với tuần liền trước" in html
    assert "không đổi so với tuần liền trước" in html
    for foreign in ("Phường Thục Phán", "01273", "mua-hang"):
        assert foreign not in html.split('data-section="weekly"', 1)[1].split("</section>", 1)[0]


def test_a_drop_shows_a_down_arrow_in_words_too(world, data):
    weekly_report_build(commune=world.commune_a, week_start=data.W)
    html = _client(world.coordinator_a).get(reverse("community_teams:dashboard")).content.decode()
    # mua-hang: 0 this week, 1 the week before
    row = re.search(r'data-weekly="help:mua-hang">(.*?)</tr>', html, flags=re.S).group(1)
    assert 'data-direction="down"' in row and "▼ −1" in row and "giảm 1 so với tuần liền trước" in row


def test_the_province_coordinator_gets_one_row_per_commune(world, data):
    weekly_reports_build_all()
    html = _client(world.province_coordinator).get(reverse("community_teams:dashboard")).content.decode()
    rows = re.findall(
        r'<tr data-commune="(\d+)">.*?data-cell="week">(\d+)<.*?data-cell="previous">(\d+)<', html, flags=re.S
    )
    assert rows == [("01279", "2", "1"), ("01273", "3", "2")]  # by commune name
    # A village filter narrows the section to its commune.
    html = (
        _client(world.province_coordinator)
        .get(reverse("community_teams:dashboard"), {"village": "01279-001"})
        .content.decode()
    )
    assert _weekly_communes(html) == {"01279"}


# The XLSX.


def _xlsx_rows(response) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_report_downloads_as_xlsx_with_every_number(world, data):
    report = weekly_report_build(commune=world.commune_a, week_start=data.W)
    response = _client(world.coordinator_a).get(reverse("community_teams:weekly_report_download", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="bao-cao-tuan-01273-{data.W:%Y%m%d}.xlsx"'
    assert response["Cache-Control"].startswith("private")
    rows = _xlsx_rows(response)
    assert rows[0][0] == "Báo cáo tuần: Phường Thục Phán"
    last = data.W + timedelta(days=6)
    assert rows[1][0] == f"Tuần từ {data.W:%d/%m/%Y} đến {last:%d/%m/%Y}"
    assert rows[4] == ("Chỉ số", "Tuần báo cáo", "Tuần liền trước", "Thay đổi")
    figures = {row[0]: row[1:] for row in rows[5:] if row[1] is not None}
    assert figures["Chuyến thăm"] == (3, 2, 1)
    assert figures["Số hộ được thăm trong tuần"] == (3, 2, 1)
    assert figures["Số hộ đã đến (lũy kế)"] == (4, 2, 2)
    assert figures["Độ bao phủ (%)"] == (36, 18, 18)
    assert figures["Lượt đăng ký học từ chuyến thăm"] == (2, 1, 1)
    assert figures["Mua hàng trực tuyến"] == (0, 1, -1)
    assert figures["Cài VNeID"] == (2, 1, 1)
    assert figures["Dùng dịch vụ công trực tuyến"] == (2, 0, 2)
    assert ("Số hộ theo kỹ năng mục tiêu", None, None, None) in rows


@pytest.mark.parametrize("who", ["coordinator_b", "leader_a", "member_a"])
def test_a_foreign_report_is_a_404(world, data, who):
    report = weekly_report_build(commune=world.commune_a, week_start=data.W)
    url = reverse("community_teams:weekly_report_download", args=[report.pk])
    assert _client(getattr(world, who)).get(url).status_code == 404
    assert _client(world.outsider).get(url).status_code == 403
    assert _client(world.province_coordinator).get(url).status_code == 200
    too_large = reverse("community_teams:weekly_report_download", args=[10**30])
    assert _client(world.coordinator_a).get(too_large).status_code == 404


# Built on demand with no broker.


def test_the_dashboard_builds_a_missing_report_in_the_embedded_mode(world, data, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    assert not WeeklyReport.objects.exists()
    html = _client(world.coordinator_a).get(reverse("community_teams:dashboard")).content.decode()
    report = WeeklyReport.objects.get()
    assert (report.commune_id, report.week_start) == (world.commune_a.pk, data.W)
    assert _shape(report.figures) == EXPECTED["01273"]
    assert 'data-weekly-download="01273"' in html


def test_the_dashboard_rebuilds_a_stale_report_and_keeps_a_fresh_one(world, data, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    stale_at = _at(data.W + timedelta(days=3), 12)  # built before its week ended
    stale = WeeklyReport.objects.create(
        commune=world.commune_a, week_start=data.W, figures={"week": {}, "previous": {}}, built_at=stale_at
    )
    _client(world.coordinator_a).get(reverse("community_teams:dashboard"))
    stale.refresh_from_db()
    assert stale.built_at > stale_at and _shape(stale.figures) == EXPECTED["01273"]
    built_at = stale.built_at
    _client(world.coordinator_a).get(reverse("community_teams:dashboard"))
    stale.refresh_from_db()
    assert stale.built_at == built_at
    assert WeeklyReport.objects.count() == 1


def test_with_a_broker_the_dashboard_never_builds_reports(world, data, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    html = _client(world.coordinator_a).get(reverse("community_teams:dashboard")).content.decode()
    assert not WeeklyReport.objects.exists()
    assert 'data-weekly-missing="01273"' in html


def test_a_commune_whose_teams_are_all_elsewhere_has_no_report(world, data):
    Team.objects.filter(commune=world.commune_b).update(commune=world.commune_a)
    assert weekly_reports_build_all() == 1
