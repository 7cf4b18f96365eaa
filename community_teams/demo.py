"""Demo outreach for ``seed_demo``: Cao Bằng, two real communes from the official list, generic
villages, three teams, demo accounts, 200 obviously fictional households and eight weeks of
visits. Idempotent: every row made here has a fixed id (uuid5 of a stable key) or a natural key,
so a second run finds everything and creates nothing. Bulk inserts keep it to a few seconds.

Visits carry the same ``referral_token`` and ``payload_hash`` the API would store
(``referrals.referral_token_for``, ``services.visit_payload_canonical``/``payload_hash_of``).
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from courses.demo import demo_skills_ensure
from lms.services import demo_user_ensure

from .areas import areas_load
from .models import (
    AgeGroup,
    Area,
    AreaKind,
    Assignment,
    ConsentMethod,
    ConsentStatus,
    CoordinatorScope,
    FollowUp,
    HelpItem,
    Household,
    HouseholdMember,
    Membership,
    MemberSkill,
    Role,
    Team,
    Visit,
    VisitHelp,
    VisitOutcome,
)
from .referrals import referral_token_for
from .services import (
    COMMUNITY_TEAM_GROUP,
    coordinator_group_ensure,
    household_target_refresh,
    payload_hash_of,
    search_text_for,
    visit_payload_canonical,
)

DEMO_NAMESPACE = uuid.UUID("2b7e6c1e-5a4d-4f0e-9a61-7d3c2f8e4b90")
PROVINCE_CODE = "04"  # Cao Bằng
# Two real units of Cao Bằng; their villages and residential groups here are generic.
COMMUNES = {"01273": "Tổ dân phố", "01304": "Thôn"}
VILLAGES_PER_COMMUNE = 4
HOUSEHOLDS = 200
VISITS_PER_HOUSEHOLD = 3
WEEKS = 8
SEED = 20250704

HELP_ITEMS = [
    # code, name, skill code, asks which service, counts as account activated, as online application
    ("cai-vneid", "Cài ứng dụng VNeID", "dvc", False, False, False),
    ("kich-hoat-muc-2", "Kích hoạt tài khoản định danh điện tử mức 2", "dvc", False, True, False),
    ("nop-ho-so", "Nộp hồ sơ trực tuyến", "dvc", True, False, True),
    ("nop-phi", "Nộp phí, lệ phí trực tuyến", "thanh-toan", False, False, False),
    ("thanh-toan-qr", "Cài đặt thanh toán bằng mã QR", "thanh-toan", False, False, False),
    ("mua-sam", "Mua hàng trực tuyến", "mua-sam", False, False, False),
    ("nhan-biet-lua-dao", "Nhận biết một cuộc gọi, tin nhắn lừa đảo", "an-toan", False, False, False),
    ("nen-tang-dia-phuong", "Dùng ứng dụng, cổng thông tin của địa phương", "nen-tang-dia-phuong", False, False, False),
]

# (username, display name, role, team index or None). Passwords: "cuaso-<username>".
ACCOUNTS = [
    ("thanhvien", "Thành viên tổ (demo)", Role.MEMBER, 0),
    ("totruong", "Tổ trưởng (demo)", Role.LEADER, 0),
    ("dieuphoi", "Điều phối viên xã (demo)", Role.COMMUNE_COORDINATOR, None),
    ("thanhvien2", "Thành viên tổ 2 (demo)", Role.MEMBER, 0),
    ("totruong2", "Tổ trưởng 2 (demo)", Role.LEADER, 1),
    ("thanhvien3", "Thành viên tổ 3 (demo)", Role.MEMBER, 1),
    ("totruong3", "Tổ trưởng 3 (demo)", Role.LEADER, 2),
    ("thanhvien4", "Thành viên tổ 4 (demo)", Role.MEMBER, 2),
]
PRINTED_ACCOUNTS = {"thanhvien": "Thành viên tổ CNSCĐ", "totruong": "Tổ trưởng", "dieuphoi": "Điều phối viên xã"}

PEOPLE = [("bà", AgeGroup.SENIOR), ("ông", AgeGroup.SENIOR), ("chị", AgeGroup.ADULT), ("anh", AgeGroup.ADULT),
          ("em", AgeGroup.UNDER_18)]  # fmt: skip
OUTCOMES = (
    [VisitOutcome.HELPED] * 12 + [VisitOutcome.PARTLY] * 4 + [VisitOutcome.NOT_HOME] * 3 + [VisitOutcome.DECLINED]
)


def demo_uuid(*parts) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, "/".join(str(part) for part in parts))


def demo_email(username: str) -> str:
    return f"{username}@cuaso.local"


@dataclass
class CommunityDemoSummary:
    areas_created: int = 0
    teams_created: int = 0
    help_items_created: int = 0
    households_created: int = 0
    members_created: int = 0
    visits_created: int = 0
    follow_ups_created: int = 0
    accounts: list = field(default_factory=list)

    def __str__(self) -> str:
        lines = [
            f"Community teams demo (Cao Bằng): {self.areas_created} areas, {self.teams_created} teams, "
            f"{self.help_items_created} help items, {self.households_created} households, "
            f"{self.members_created} household members, {self.visits_created} visits, "
            f"{self.follow_ups_created} follow-ups created (existing ones kept).",
            "Community team accounts (field pages at /to-cong-nghe-so/hom-nay/):",
        ]
        for role, username, email, password in self.accounts:
            lines.append(f"  {role:<36} user {username:<10} email {email:<24} password {password}")
        return "\n".join(lines)


def _help_items(summary) -> dict[str, HelpItem]:
    skills = demo_skills_ensure()
    items = {}
    for order, (code, name, skill, asks, activation, application) in enumerate(HELP_ITEMS):
        item, created = HelpItem.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "skill": skills[skill],
                "asks_service_name": asks,
                "counts_as_account_activation": activation,
                "counts_as_online_application": application,
                "sort_order": order,
            },
        )
        summary.help_items_created += int(created)
        items[code] = item
    return items


def _villages(summary) -> dict[str, list[Area]]:
    loaded = areas_load(province_code=PROVINCE_CODE)
    summary.areas_created += sum(loaded[kind]["created"] for kind in (AreaKind.PROVINCE, AreaKind.COMMUNE))
    villages = {}
    for commune_code, kind in COMMUNES.items():
        commune = Area.objects.get(code=commune_code, kind=AreaKind.COMMUNE)
        villages[commune_code] = []
        for number in range(1, VILLAGES_PER_COMMUNE + 1):
            village, created = Area.objects.get_or_create(
                code=f"{commune_code}-{number:03d}",
                defaults={
                    "name": f"{kind} {number}",
                    "kind": AreaKind.VILLAGE,
                    "division_type": kind.lower(),
                    "parent": commune,
                    "province_code": commune.province_code,
                    "commune_code": commune_code,
                    "household_count": 40,
                },
            )
            summary.areas_created += int(created)
            villages[commune_code].append(village)
    return villages


def _teams(villages, summary) -> list[Team]:
    ward, commune = (villages[code] for code in COMMUNES)
    plans = [
        ("Tổ CNSCĐ Thục Phán 1 (demo)", ward[:2]),
        ("Tổ CNSCĐ Thục Phán 2 (demo)", ward[2:]),
        ("Tổ CNSCĐ Quảng Lâm (demo)", commune),
    ]
    teams = []
    for name, team_villages in plans:
        team, created = Team.objects.get_or_create(name=name, commune=team_villages[0].parent)
        team.villages.add(*team_villages)
        summary.teams_created += int(created)
        teams.append(team)
    return teams


def _accounts(teams, villages, summary) -> dict[str, list]:
    """Demo accounts in their teams; -> {team id: [users working there]}."""
    Group.objects.get_or_create(name=COMMUNITY_TEAM_GROUP)
    workers = {team.pk: [] for team in teams}
    for username, display_name, role, team_index in ACCOUNTS:
        user, _created = demo_user_ensure(
            username=username,
            email=demo_email(username),
            password=f"cuaso-{username}",
            display_name=display_name,
            groups=(COMMUNITY_TEAM_GROUP,),
        )
        if team_index is None:
            commune = Area.objects.get(code=next(iter(COMMUNES)))
            CoordinatorScope.objects.get_or_create(user=user, area=commune, defaults={"role": role})
            user.groups.add(coordinator_group_ensure())
        else:
            team = teams[team_index]
            Membership.objects.get_or_create(user=user, team=team, defaults={"role": role})
            workers[team.pk].append(user)
        if username in PRINTED_ACCOUNTS:
            summary.accounts.append((PRINTED_ACCOUNTS[username], username, demo_email(username), f"cuaso-{username}"))
    return workers


def _households(teams, workers, summary) -> list[Household]:
    village_team = {village.pk: team for team in teams for village in team.villages.all()}
    villages = sorted((village for team in teams for village in team.villages.all()), key=lambda v: v.code)
    consent_at = timezone.now() - timedelta(weeks=WEEKS, days=1)
    wanted = []
    for number in range(1, HOUSEHOLDS + 1):
        village = villages[(number - 1) % len(villages)]
        head_name = f"Hộ Mẫu {number:03d}"
        wanted.append(
            Household(
                client_uuid=demo_uuid("household", number),
                village=village,
                commune_code=village.commune_code,
                province_code=village.province_code,
                consent_status=ConsentStatus.GIVEN,
                consent_by="Chủ hộ",
                consent_method=ConsentMethod.SPOKEN,
                consent_at=consent_at,
                head_name=head_name,
                search_text=search_text_for(head_name, ""),
                address_note="Địa chỉ mẫu",
                people_count=2 + number % 4,
            )
        )
    existing = set(
        Household.objects.filter(client_uuid__in=[h.client_uuid for h in wanted]).values_list("client_uuid", flat=True)
    )
    new = [household for household in wanted if household.client_uuid not in existing]
    Household.objects.bulk_create(new)
    summary.households_created = len(new)
    households = list(Household.objects.filter(client_uuid__in=[h.client_uuid for h in wanted]).order_by("head_name"))

    # Each household in one member's care, round robin within the team covering its village.
    assigned = set(Assignment.objects.filter(household__in=households).values_list("household_id", flat=True))
    Assignment.objects.bulk_create(
        [
            Assignment(household=household, member=_pick(workers[village_team[household.village_id].pk], index))
            for index, household in enumerate(households)
            if household.pk not in assigned
        ]
    )

    members = []
    for index, household in enumerate(households):
        for position in range(2 + index % 2):
            title, age_group = PEOPLE[(index + position) % len(PEOPLE)]
            letter = chr(ord("A") + (index * 3 + position) % 26)
            members.append(
                HouseholdMember(
                    client_uuid=demo_uuid("member", household.client_uuid, position),
                    household=household,
                    label=f"{title} {letter}",
                    age_group=age_group,
                )
            )
    existing = set(
        HouseholdMember.objects.filter(client_uuid__in=[m.client_uuid for m in members]).values_list(
            "client_uuid", flat=True
        )
    )
    new_members = [member for member in members if member.client_uuid not in existing]
    HouseholdMember.objects.bulk_create(new_members)
    summary.members_created = len(new_members)
    return households


def _pick(users: list, index: int):
    return users[index % len(users)]


def _visits(households, teams, workers, items, summary) -> None:
    rng = random.Random(SEED)
    village_team = {village.pk: team for team in teams for village in team.villages.all()}
    members_of = {}
    for member in HouseholdMember.objects.filter(household__in=households).order_by("pk"):
        members_of.setdefault(member.household_id, []).append(member)
    assignee = dict(Assignment.objects.filter(household__in=households).values_list("household_id", "member_id"))
    now = timezone.now()
    start = now - timedelta(weeks=WEEKS)
    codes = list(items)

    planned = []  # (visit, help rows, members present)
    for number, household in enumerate(households):
        team = village_team[household.village_id]
        days = sorted(rng.sample(range(1, WEEKS * 7), VISITS_PER_HOUSEHOLD))
        for order, day in enumerate(days):
            visited_at = start + timedelta(days=day, hours=rng.randint(1, 9))
            author = _pick(workers[team.pk], number + order)
            outcome = rng.choice(OUTCOMES)
            people = members_of.get(household.pk, [])
            present = people[: rng.randint(1, len(people))] if people and outcome != VisitOutcome.NOT_HOME else []
            help_rows = []
            if outcome in (VisitOutcome.HELPED, VisitOutcome.PARTLY) and present:
                for code in rng.sample(codes, rng.randint(1, 3)):
                    service = "Cấp phiếu lý lịch tư pháp" if items[code].asks_service_name else ""
                    help_rows.append(
                        {"item": code, "member": str(rng.choice(present).client_uuid), "service_name": service}
                    )
            follow_up = None
            if outcome != VisitOutcome.DECLINED and rng.random() < 0.35:
                follow_up = (timezone.localtime(visited_at) + timedelta(days=rng.randint(3, 14))).date()
            client_uuid = demo_uuid("visit", household.client_uuid, order)
            canonical = visit_payload_canonical(
                {
                    "client_uuid": client_uuid,
                    "household": household.client_uuid,
                    "visited_at": visited_at,
                    "duration_minutes": rng.choice([10, 15, 15, 20, 30, 45]),
                    "outcome": outcome,
                    "notes": "",
                    "follow_up_on": follow_up,
                    "members_present": [m.client_uuid for m in present],
                    "help": help_rows,
                }
            )
            visit = Visit(
                client_uuid=client_uuid,
                household=household,
                author=author,
                team=team,
                village_id=household.village_id,
                commune_code=household.commune_code,
                province_code=household.province_code,
                visited_at=visited_at,
                duration_minutes=canonical["duration_minutes"],
                outcome=outcome,
                follow_up_on=follow_up,
                referral_token=referral_token_for(client_uuid),
                payload_hash=payload_hash_of(canonical),
            )
            planned.append((visit, help_rows, present))

    existing = set(
        Visit.objects.filter(client_uuid__in=[v.client_uuid for v, _h, _p in planned]).values_list(
            "client_uuid", flat=True
        )
    )
    planned = [row for row in planned if row[0].client_uuid not in existing]
    if not planned:
        return
    Visit.objects.bulk_create([visit for visit, _help, _present in planned])
    by_uuid = {v.client_uuid: v for v in Visit.objects.filter(client_uuid__in=[v.client_uuid for v, _h, _p in planned])}
    member_by_uuid = {str(m.client_uuid): m for ms in members_of.values() for m in ms}

    helps, present_rows, skills, follow_ups = [], [], {}, []
    Present = Visit.members_present.through
    for visit, help_rows, present in planned:
        stored = by_uuid[visit.client_uuid]
        for row in help_rows:
            member = member_by_uuid[row["member"]]
            helps.append(
                VisitHelp(visit=stored, item=items[row["item"]], member=member, service_name=row["service_name"])
            )
            skill = items[row["item"]].skill
            skills.setdefault((member.pk, skill.pk), MemberSkill(
                member=member, skill=skill, observed_at=stored.visited_at, observed_visit=stored))  # fmt: skip
        present_rows.extend(Present(visit_id=stored.pk, householdmember_id=m.pk) for m in present)
    VisitHelp.objects.bulk_create(helps)
    Present.objects.bulk_create(present_rows)
    known = set(MemberSkill.objects.filter(member__household__in=households).values_list("member_id", "skill_id"))
    MemberSkill.objects.bulk_create([row for key, row in sorted(skills.items()) if key not in known])

    # A follow-up per visit that asked for one; done by the household's next helpful visit.
    visits_of = {}
    for visit in by_uuid.values():
        visits_of.setdefault(visit.household_id, []).append(visit)
    for household_visits in visits_of.values():
        household_visits.sort(key=lambda v: v.visited_at)
        for index, visit in enumerate(household_visits):
            if visit.follow_up_on is None:
                continue
            done = next(
                (v for v in household_visits[index + 1 :] if v.outcome in (VisitOutcome.HELPED, VisitOutcome.PARTLY)),
                None,
            )
            follow_ups.append(
                FollowUp(
                    household_id=visit.household_id,
                    visit=visit,
                    assigned_to_id=assignee.get(visit.household_id, visit.author_id),
                    due_on=visit.follow_up_on,
                    done_at=done.visited_at if done else None,
                    done_visit=done,
                )
            )
    FollowUp.objects.bulk_create(follow_ups)
    summary.visits_created = len(planned)
    summary.follow_ups_created = len(follow_ups)
    for household in households:
        if household.pk in visits_of:
            household_target_refresh(household)


@transaction.atomic
def community_demo_load() -> CommunityDemoSummary:
    summary = CommunityDemoSummary()
    villages = _villages(summary)
    teams = _teams(villages, summary)
    workers = _accounts(teams, villages, summary)
    items = _help_items(summary)
    households = _households(teams, workers, summary)
    _visits(households, teams, workers, items, summary)
    return summary
