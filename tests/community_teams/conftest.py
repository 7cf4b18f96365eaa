"""A small world of community teams, shared by the community_teams tests.

``world`` (a ``SimpleNamespace``) holds:

- ``province`` "04" Cao Bằng; ``commune_a`` "01273" Phường Thục Phán and ``commune_b`` "01279"
  Phường Nùng Trí Cao; villages ``village_a1`` "01273-001", ``village_a2`` "01273-002" (commune
  a) and ``village_b1`` "01279-001" (commune b);
- ``team_a`` (commune a, villages a1 and a2) and ``team_b`` (commune b, village b1);
- people (password ``PASSWORD``): ``member_a``, ``leader_a`` (of team a), ``member_b``,
  ``leader_b`` (team b), ``coordinator_a``, ``coordinator_b`` (commune coordinators),
  ``province_coordinator`` (province 04), ``superuser``, ``outsider`` (no role);
  ``membership_member_a`` etc. are their ``Membership`` rows;
- ``skills``: the five household target skills, in order, by code in ``skill`` (``dvc``,
  ``mua-sam``, ``thanh-toan``, ``an-toan``, ``nen-tang``), and ``other_skill`` (not a target);
- ``help_items``: by code, one per target skill (``cai-vneid`` → dvc, ``nop-ho-so`` → dvc and
  asks which service, ``mua-hang`` → mua-sam, ``quet-qr`` → thanh-toan, ``nhan-dien-lua-dao`` →
  an-toan, ``ung-dung-tinh`` → nen-tang) and ``help_other`` (tagged to ``other_skill``).

Helper fixtures: ``make_household(actor, village=None, **fields)``, ``make_member(actor,
household, **fields)``, ``make_visit(actor, household, **fields)`` go through the services and
return the row; ``household_payload``/``visit_payload`` build request bodies; ``api_for(user)``
is a logged-in test client speaking JSON (``.post_json``/``.patch_json``).
"""

import json
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

from community_teams import services
from community_teams.models import Area, AreaKind, CoordinatorScope, HelpItem, Role, Team
from courses.models import Skill
from lms.models import User

PASSWORD = "mat-khau-thu-nghiem"
TARGET_SKILLS = [
    ("dvc", "Dùng dịch vụ công trực tuyến"),
    ("mua-sam", "Mua sắm trực tuyến"),
    ("thanh-toan", "Thanh toán trực tuyến"),
    ("an-toan", "Bảo vệ mình trên mạng"),
    ("nen-tang", "Dùng nền tảng số của địa phương"),
]
HELP_ITEMS = [
    ("cai-vneid", "Cài VNeID", "dvc", False),
    ("nop-ho-so", "Nộp hồ sơ trực tuyến", "dvc", True),
    ("mua-hang", "Mua hàng trực tuyến", "mua-sam", False),
    ("quet-qr", "Cài thanh toán QR", "thanh-toan", False),
    ("nhan-dien-lua-dao", "Nhận diện lừa đảo", "an-toan", False),
    ("ung-dung-tinh", "Dùng ứng dụng của tỉnh", "nen-tang", False),
]


def _area(code, name, kind, parent=None, division_type=""):
    return Area.objects.create(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        division_type=division_type,
        province_code=code[:2] if kind == AreaKind.PROVINCE else parent.province_code,
        commune_code="" if kind == AreaKind.PROVINCE else (code if kind == AreaKind.COMMUNE else parent.commune_code),
    )


def _user(username, **kwargs):
    return User.objects.create_user(
        username=username, password=PASSWORD, display_name=kwargs.pop("display_name", username), **kwargs
    )


@pytest.fixture
def world(db):
    w = SimpleNamespace(password=PASSWORD)
    w.province = _area("04", "Cao Bằng", AreaKind.PROVINCE, division_type="tỉnh")
    w.province.commune_code = ""
    w.commune_a = _area("01273", "Phường Thục Phán", AreaKind.COMMUNE, w.province, "phường")
    w.commune_b = _area("01279", "Phường Nùng Trí Cao", AreaKind.COMMUNE, w.province, "phường")
    w.village_a1 = _area("01273-001", "Tổ dân phố 1", AreaKind.VILLAGE, w.commune_a, "tổ dân phố")
    w.village_a2 = _area("01273-002", "Tổ dân phố 2", AreaKind.VILLAGE, w.commune_a, "tổ dân phố")
    w.village_b1 = _area("01279-001", "Tổ dân phố 1", AreaKind.VILLAGE, w.commune_b, "tổ dân phố")
    w.team_a = Team.objects.create(name="Tổ CNSCĐ Thục Phán", commune=w.commune_a)
    w.team_a.villages.set([w.village_a1, w.village_a2])
    w.team_b = Team.objects.create(name="Tổ CNSCĐ Nùng Trí Cao", commune=w.commune_b)
    w.team_b.villages.set([w.village_b1])

    w.superuser = _user("quan-tri", is_superuser=True, is_staff=True)
    for name in ("member_a", "leader_a", "member_b", "leader_b", "coordinator_a", "coordinator_b"):
        setattr(w, name, _user(name.replace("_", "-")))
    w.province_coordinator = _user("dieu-phoi-tinh")
    w.outsider = _user("nguoi-ngoai")
    for suffix, team in (("a", w.team_a), ("b", w.team_b)):
        for role in (Role.MEMBER, Role.LEADER):
            user = getattr(w, f"{role}_{suffix}")
            membership = services.membership_add(actor=w.superuser, team=team, user=user, role=role)
            setattr(w, f"membership_{role}_{suffix}", membership)
    CoordinatorScope.objects.create(user=w.coordinator_a, area=w.commune_a, role=Role.COMMUNE_COORDINATOR)
    CoordinatorScope.objects.create(user=w.coordinator_b, area=w.commune_b, role=Role.COMMUNE_COORDINATOR)
    CoordinatorScope.objects.create(user=w.province_coordinator, area=w.province, role=Role.PROVINCE_COORDINATOR)

    w.skills = [
        Skill.objects.create(code=code, name=name, is_household_target=True, sort_order=order)
        for order, (code, name) in enumerate(TARGET_SKILLS)
    ]
    w.skill = {skill.code: skill for skill in w.skills}
    w.other_skill = Skill.objects.create(code="khac", name="Kỹ năng khác", sort_order=99)
    w.help_items = {
        code: HelpItem.objects.create(
            code=code, name=name, skill=w.skill[skill], asks_service_name=asks, sort_order=order
        )
        for order, (code, name, skill, asks) in enumerate(HELP_ITEMS)
    }
    w.help_other = HelpItem.objects.create(code="khac", name="Việc khác", skill=w.other_skill, sort_order=99)
    return w


def household_payload(village, /, **fields) -> dict:
    """A request body for ``POST /api/v1/households/`` (consent given, spoken)."""
    body = {
        "client_uuid": str(uuid.uuid4()),
        "village": village.code,
        "consent_status": "given",
        "consent_method": "spoken",
        "consent_by": "Chủ hộ",
        "head_name": "Nguyễn Thị Hường",
        "phone": "0912 345 678",
        "address_note": "Ngõ 3, nhà số 5",
        "people_count": 4,
    }
    body.update(fields)
    return body


def visit_payload(household, /, **fields) -> dict:
    """A request body for ``POST /api/v1/visits/`` (an hour ago, helped, 20 minutes)."""
    body = {
        "client_uuid": str(uuid.uuid4()),
        "household": str(household.client_uuid),
        "visited_at": (timezone.now() - timedelta(hours=1)).isoformat(),
        "duration_minutes": 20,
        "outcome": "helped",
        "notes": "",
        "help": [],
    }
    body.update(fields)
    return body


@pytest.fixture
def make_household(world):
    def make(actor, village=None, **fields):
        data = household_payload(village or world.village_a1, **fields)
        data["village_code"] = data.pop("village")
        household, _created = services.household_create(actor=actor, data=data)
        return household

    return make


@pytest.fixture
def make_member(world):
    def make(actor, household, **fields):
        data = {"client_uuid": uuid.uuid4(), "household": household.client_uuid, "label": "", "age_group": "18_59"}
        data.update(fields)
        member, _created = services.household_member_create(actor=actor, data=data)
        return member

    return make


@pytest.fixture
def make_visit(world):
    def make(actor, household, **fields):
        visit, _status = services.visit_create(actor=actor, data=visit_payload(household, **fields))
        return visit

    return make


class JsonClient(Client):
    def post_json(self, url, body=None, **kwargs):
        return self.post(url, json.dumps(body if body is not None else {}), content_type="application/json", **kwargs)

    def patch_json(self, url, body=None, **kwargs):
        return self.patch(url, json.dumps(body if body is not None else {}), content_type="application/json", **kwargs)


@pytest.fixture
def api_for(world):
    def client_for(user=None, **kwargs) -> JsonClient:
        client = JsonClient(**kwargs)
        if user is not None:
            client.force_login(user)
        return client

    return client_for
