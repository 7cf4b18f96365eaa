"""The permission matrix: roles × object kinds × actions × surfaces.

The expectations below are written out by hand from the rules in ``community_teams.scoping``
(member → their team's villages; leader → their team; coordinators → their commune or province;
site administrator → everything; anyone else → nothing), never computed by the code under test.
Objects are named by symbols ("hA1": a household in village a1) that ``objects`` maps to rows.

The data, on top of ``world`` (communes a and b, team a over villages a1 and a2, team b over b1):

- households hA1 (a1, by member_a), hA2 (a2, by leader_a), hB1 and hB2 (b1, by member_b and
  leader_b), each with one household member (mA1, mA2, mB1, mB2);
- visits vA1, vA2, vB1, vB2 by the same people, each with a follow-up (fA1…) assigned to its
  author;
- campaigns cP (province), cA (commune a), cA1 (village a1), cB (commune b).
"""

import datetime
import re
import uuid
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from community_teams import scoping
from community_teams.models import Campaign, Household, HouseholdMember, Visit
from tests.community_teams.conftest import household_payload, visit_payload

ROLES = [
    "member_a",
    "leader_a",
    "member_b",
    "leader_b",
    "coordinator_a",
    "coordinator_b",
    "province_coordinator",
    "superuser",
    "outsider",
    "anonymous",
]
NOBODY = ("outsider", "anonymous")

_A = {
    "team": {"team_a"},
    "village": {"village_a1", "village_a2"},
    "area": {"province", "commune_a", "village_a1", "village_a2"},
    "household": {"hA1", "hA2"},
    "household_member": {"mA1", "mA2"},
    "visit": {"vA1", "vA2"},
    "campaign": {"cP", "cA", "cA1"},
}
_B = {
    "team": {"team_b"},
    "village": {"village_b1"},
    "area": {"province", "commune_b", "village_b1"},
    "household": {"hB1", "hB2"},
    "household_member": {"mB1", "mB2"},
    "visit": {"vB1", "vB2"},
    "campaign": {"cP", "cB"},
}
_ALL = {
    "team": {"team_a", "team_b"},
    "village": {"village_a1", "village_a2", "village_b1"},
    "area": {"province", "commune_a", "commune_b", "village_a1", "village_a2", "village_b1"},
    "household": {"hA1", "hA2", "hB1", "hB2"},
    "household_member": {"mA1", "mA2", "mB1", "mB2"},
    "visit": {"vA1", "vA2", "vB1", "vB2"},
    "follow_up": {"fA1", "fA2", "fB1", "fB2"},
    "campaign": {"cP", "cA", "cA1", "cB"},
}
_NONE = {kind: set() for kind in _ALL}

# What each role sees: role -> kind -> symbols. Written out, not derived from the code.
VISIBLE = {
    "member_a": {**_A, "follow_up": {"fA1"}},
    "leader_a": {**_A, "follow_up": {"fA1", "fA2"}},
    "member_b": {**_B, "follow_up": {"fB1"}},
    "leader_b": {**_B, "follow_up": {"fB1", "fB2"}},
    "coordinator_a": {**_A, "follow_up": {"fA1", "fA2"}},
    "coordinator_b": {**_B, "follow_up": {"fB1", "fB2"}},
    "province_coordinator": _ALL,
    "superuser": _ALL,
    "outsider": _NONE,
    "anonymous": _NONE,
}

SELECTORS = {
    "team": scoping.teams_visible_to,
    "village": scoping.villages_visible_to,
    "area": scoping.areas_visible_to,
    "household": scoping.households_visible_to,
    "household_member": scoping.household_members_visible_to,
    "visit": scoping.visits_visible_to,
    "follow_up": scoping.follow_ups_visible_to,
    "campaign": scoping.campaigns_visible_to,
}

# Actions on single objects: action -> symbol -> roles allowed.
_LEADS_A = {"leader_a", "coordinator_a", "province_coordinator", "superuser"}
_LEADS_B = {"leader_b", "coordinator_b", "province_coordinator", "superuser"}
_SEES_A = {"member_a"} | _LEADS_A
_SEES_B = {"member_b"} | _LEADS_B
ALLOWED = {
    "manage_team": {"team_a": _LEADS_A, "team_b": _LEADS_B},
    # The author within seven days, a leader of the visit's team, a site administrator.
    "edit_visit": {
        "vA1": {"member_a", "leader_a", "superuser"},
        "vA2": {"leader_a", "superuser"},
        "vB1": {"member_b", "leader_b", "superuser"},
        "vB2": {"leader_b", "superuser"},
    },
    "erase_household": {"hA1": _LEADS_A, "hA2": _LEADS_A, "hB1": _LEADS_B, "hB2": _LEADS_B},
    "view_personal_data": {"hA1": _SEES_A, "hA2": _SEES_A, "hB1": _SEES_B, "hB2": _SEES_B},
}
MANAGED_TEAMS = {
    "member_a": set(),
    "leader_a": {"team_a"},
    "member_b": set(),
    "leader_b": {"team_b"},
    "coordinator_a": {"team_a"},
    "coordinator_b": {"team_b"},
    "province_coordinator": {"team_a", "team_b"},
    "superuser": {"team_a", "team_b"},
    "outsider": set(),
    "anonymous": set(),
}

# Distinctive personal data per household: no body shown to someone outside may hold it.
HOUSEHOLDS = {
    "hA1": ("village_a1", "member_a", "Lò Thị Ánh Dương", "0912 100 201", "bà Ánh Dương"),
    "hA2": ("village_a2", "leader_a", "Hoàng Văn Bảo Khánh", "0912 100 202", "ông Bảo Khánh"),
    "hB1": ("village_b1", "member_b", "Nông Thị Cẩm Tú", "0912 100 203", "bà Cẩm Tú"),
    "hB2": ("village_b1", "leader_b", "Đàm Văn Diệu Linh", "0912 100 204", "ông Diệu Linh"),
}


@pytest.fixture
def objects(world, make_household, make_member, make_visit):
    """Symbol -> row, and ``users`` role -> user (``AnonymousUser`` for "anonymous")."""
    o = {}
    for name in ("team_a", "team_b", "province", "commune_a", "commune_b", "village_a1", "village_a2", "village_b1"):
        o[name] = getattr(world, name)
    due = timezone.localdate() + datetime.timedelta(days=3)
    for symbol, (village, author, head_name, phone, label) in HOUSEHOLDS.items():
        actor = getattr(world, author)
        household = make_household(actor, getattr(world, village), head_name=head_name, phone=phone)
        o[symbol] = household
        o["m" + symbol[1:]] = make_member(actor, household, label=label)
        visit = make_visit(actor, household, follow_up_on=due.isoformat(), notes="Đã cài VNeID")
        o["v" + symbol[1:]] = visit
        o["f" + symbol[1:]] = visit.follow_up
    for symbol, area in (("cP", "province"), ("cA", "commune_a"), ("cA1", "village_a1"), ("cB", "commune_b")):
        o[symbol] = Campaign.objects.create(
            name=f"Chiến dịch {symbol}", area=o[area], starts_on="2025-09-01", ends_on="2025-12-31"
        )
    users = {role: getattr(world, role) for role in ROLES if role != "anonymous"}
    users["anonymous"] = AnonymousUser()
    return SimpleNamespace(rows=o, users=users, world=world)


def ids_of(objects, symbols) -> set:
    return {objects.rows[symbol].pk for symbol in symbols}


def fresh(user):
    """The user as a new request would see them (the scope is cached per user object)."""
    scoping.scope_forget(user)
    return user


# Base layer: the scoping functions, every role × kind.


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", list(SELECTORS))
def test_scoping_lists_exactly_the_expected_rows(objects, role, kind):
    user = fresh(objects.users[role])
    got = set(SELECTORS[kind](user).values_list("pk", flat=True))
    assert got == ids_of(objects, VISIBLE[role][kind])


@pytest.mark.parametrize("role", ROLES)
def test_allowed_cells_are_never_empty(role):
    """Guard on the table itself: a role with any scope sees something of every kind."""
    for kind, symbols in VISIBLE[role].items():
        assert bool(symbols) == (role not in NOBODY), kind


@pytest.mark.parametrize("role", ROLES)
def test_teams_managed_by(objects, role):
    user = fresh(objects.users[role])
    assert set(scoping.teams_managed_by(user).values_list("pk", flat=True)) == ids_of(objects, MANAGED_TEAMS[role])


_CHECKS = {
    "manage_team": scoping.can_manage_team,
    "edit_visit": scoping.can_edit_visit,
    "erase_household": scoping.can_erase_household,
    "view_personal_data": scoping.can_view_personal_data,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ALLOWED))
def test_object_permission_checks(objects, role, action):
    user = fresh(objects.users[role])
    for symbol, roles in ALLOWED[action].items():
        assert _CHECKS[action](user, objects.rows[symbol]) is (role in roles), symbol


@pytest.mark.parametrize("role", ROLES)
def test_is_field_user(objects, role):
    assert scoping.is_field_user(fresh(objects.users[role])) is (role not in NOBODY)


# Surfaces. A forbidden cell answers 403 or 404 (the field pages send a signed-out person to the
# sign-in page) and its body holds no personal data of a household the role may not see, nor
# the id of an object it may not see.

DENIED = "denied"


def _national_digits(phone: str) -> str:
    """ "0912 100 201" -> "912100201": found in the local and the E.164 (+84…) spellings."""
    return phone.replace(" ", "").removeprefix("0")


def foreign_traces(objects, role, body: str) -> list[str]:
    """Names, phones, labels and UUIDs of households (and their rows) ``role`` may not see."""
    visible = VISIBLE[role]["household"]
    found = []
    for symbol, (_village, _author, head_name, phone, label) in HOUSEHOLDS.items():
        if symbol in visible:
            continue
        rows = objects.rows
        for value in (
            head_name,
            label,
            phone.replace(" ", ""),
            _national_digits(phone),
            str(rows[symbol].client_uuid),
            str(rows["m" + symbol[1:]].client_uuid),
            str(rows["v" + symbol[1:]].client_uuid),
        ):
            if value in body:
                found.append(value)
    return found


def client_for(client, objects, role):
    if role != "anonymous":
        client.force_login(objects.users[role])
    return client


def assert_denied(response, objects, role):
    assert response.status_code in (403, 404) or (
        role == "anonymous" and response.status_code == 302 and "/accounts/login/" in response["Location"]
    ), response.status_code
    assert foreign_traces(objects, role, response.content.decode()) == []


# API (/api/v1/): lists and single objects. The caller's rows by UUID (households, visits),
# code (areas) or id (follow-ups).


API_LISTS = {
    # kind: (url name, query, key of a row, how a row's symbol maps to that key)
    "household": ("api:households", {}, "uuid", lambda row: str(row.client_uuid)),
    "visit": ("api:visits", {}, "uuid", lambda row: str(row.client_uuid)),
    "follow_up": ("api:follow-ups", {"all": "1"}, "id", lambda row: row.pk),
    "area": ("api:areas", {}, "code", lambda row: row.code),
}


def _url(name, **kwargs):
    try:
        return reverse(name, **kwargs)
    except NoReverseMatch:  # the table lists only surfaces that exist
        raise AssertionError(f"{name} is in the matrix but not in the URLconf") from None


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", list(API_LISTS))
def test_api_list(objects, client, role, kind):
    name, query, key, key_of = API_LISTS[kind]
    response = client_for(client, objects, role).get(_url(name), query)
    body = response.content.decode()
    if role == "anonymous":
        assert_denied(response, objects, role)
        return
    assert response.status_code == 200
    data = response.json()
    rows = data["results"] if isinstance(data, dict) else data
    got = {row[key] for row in rows}
    assert got == {key_of(objects.rows[symbol]) for symbol in VISIBLE[role][kind]}
    assert foreign_traces(objects, role, body) == []


API_DETAILS = {
    "household": ("api:household-detail", lambda row: {"client_uuid": row.client_uuid}),
    "visit": ("api:visit-detail", lambda row: {"client_uuid": row.client_uuid}),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", list(API_DETAILS))
def test_api_view(objects, client, role, kind):
    name, kwargs_of = API_DETAILS[kind]
    client = client_for(client, objects, role)
    for symbol in sorted(_ALL[kind]):
        response = client.get(_url(name, kwargs=kwargs_of(objects.rows[symbol])))
        if symbol in VISIBLE[role][kind]:
            assert response.status_code == 200, symbol
            assert response.json()["uuid"] == str(objects.rows[symbol].client_uuid)
            assert foreign_traces(objects, role, response.content.decode()) == []
        else:
            assert_denied(response, objects, role)


# API writes: create a household in a village, a household member and a visit in household hA1
# or hB1, edit each visit. Allowed cells: 201/200; forbidden: 403 when the object is visible but
# the action is not the role's, 404 when it is not visible; nothing stored, nothing leaked.

_WORKS_IN_A = {"member_a", "leader_a", "coordinator_a", "province_coordinator", "superuser"}
_WORKS_IN_B = {"member_b", "leader_b", "coordinator_b", "province_coordinator", "superuser"}
API_CREATE = {
    # (kind, target symbol): roles allowed (201); roles seeing the target but refused (403)
    ("household", "village_a1"): (_WORKS_IN_A, set()),
    ("household", "village_b1"): (_WORKS_IN_B, set()),
    ("household_member", "hA1"): (_WORKS_IN_A, set()),
    ("household_member", "hB1"): (_WORKS_IN_B, set()),
    # Visits are logged by members of a team working in the village only.
    ("visit", "hA1"): ({"member_a", "leader_a"}, {"coordinator_a", "province_coordinator", "superuser"}),
    ("visit", "hB1"): ({"member_b", "leader_b"}, {"coordinator_b", "province_coordinator", "superuser"}),
}
_COUNTED = {"household": Household, "household_member": HouseholdMember, "visit": Visit}


def _create_request(objects, kind, target):
    row = objects.rows[target]
    if kind == "household":
        return "api:households", household_payload(row, head_name="Người Mới", phone="0912 999 000")
    if kind == "household_member":
        return "api:household-members", {
            "client_uuid": str(uuid.uuid4()),
            "household": str(row.client_uuid),
            "label": "chị Mới",
            "age_group": "18_59",
        }
    return "api:visits", visit_payload(row)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("kind", "target"), list(API_CREATE))
def test_api_create(objects, api_for, role, kind, target):
    allowed, refused = API_CREATE[(kind, target)]
    name, body = _create_request(objects, kind, target)
    client = api_for(None if role == "anonymous" else objects.users[role])
    before = _COUNTED[kind].objects.count()
    response = client.post_json(reverse(name), body)
    if role in allowed:
        assert response.status_code == 201, response.content
        assert _COUNTED[kind].objects.count() == before + 1
        return
    expected = 403 if role in refused or role == "anonymous" else 404
    assert response.status_code == expected, response.content
    assert _COUNTED[kind].objects.count() == before
    assert foreign_traces(objects, role, response.content.decode()) == []


@pytest.mark.parametrize("role", ROLES)
def test_api_edit_visit(objects, api_for, role):
    client = api_for(None if role == "anonymous" else objects.users[role])
    for symbol in sorted(_ALL["visit"]):
        visit = objects.rows[symbol]
        response = client.patch_json(
            reverse("api:visit-detail", kwargs={"client_uuid": visit.client_uuid}), {"notes": f"Sửa bởi {role}"}
        )
        stored = Visit.objects.get(pk=visit.pk).notes
        if role in ALLOWED["edit_visit"][symbol]:
            assert response.status_code == 200, (symbol, response.content)
            assert stored == f"Sửa bởi {role}"
            continue
        seen = symbol in VISIBLE[role]["visit"]
        assert response.status_code == (403 if seen or role == "anonymous" else 404), (symbol, response.status_code)
        assert stored == "Đã cài VNeID"
        assert foreign_traces(objects, role, response.content.decode()) == []


# API, follow-ups: the caller's own open ones (the default list), every one they may see
# (``all=1``, in ``test_api_list``), marking one done; and erasing a household. Written out by
# hand: each follow-up is assigned to its visit's author.

FOLLOW_UPS_MINE = {
    "member_a": {"fA1"},
    "leader_a": {"fA2"},
    "member_b": {"fB1"},
    "leader_b": {"fB2"},
    "coordinator_a": set(),
    "coordinator_b": set(),
    "province_coordinator": set(),
    "superuser": set(),
    "outsider": set(),
}
# follow-up -> roles that may mark it done (200); the others get a 404 (403 signed out).
FOLLOW_UP_DONE = {
    "fA1": {"member_a", "leader_a", "coordinator_a", "province_coordinator", "superuser"},
    "fA2": {"leader_a", "coordinator_a", "province_coordinator", "superuser"},
    "fB1": {"member_b", "leader_b", "coordinator_b", "province_coordinator", "superuser"},
    "fB2": {"leader_b", "coordinator_b", "province_coordinator", "superuser"},
}
# household -> (roles that erase it: 200; roles that see it but may not: 403); others 404.
HOUSEHOLD_ERASE = {
    "hA1": ({"leader_a", "coordinator_a", "province_coordinator", "superuser"}, {"member_a"}),
    "hA2": ({"leader_a", "coordinator_a", "province_coordinator", "superuser"}, {"member_a"}),
    "hB1": ({"leader_b", "coordinator_b", "province_coordinator", "superuser"}, {"member_b"}),
    "hB2": ({"leader_b", "coordinator_b", "province_coordinator", "superuser"}, {"member_b"}),
}


@pytest.mark.parametrize("role", ROLES)
def test_api_follow_ups_mine(objects, client, role):
    response = client_for(client, objects, role).get(_url("api:follow-ups"))
    if role == "anonymous":
        assert_denied(response, objects, role)
        return
    assert response.status_code == 200
    assert {row["id"] for row in response.json()["results"]} == ids_of(objects, FOLLOW_UPS_MINE[role])
    assert foreign_traces(objects, role, response.content.decode()) == []


@pytest.mark.parametrize("role", ROLES)
def test_api_follow_up_done(objects, api_for, role):
    from community_teams.models import FollowUp

    client = api_for(None if role == "anonymous" else objects.users[role])
    for symbol in sorted(FOLLOW_UP_DONE):
        follow_up = objects.rows[symbol]
        response = client.post_json(_url("api:follow-up-done", kwargs={"follow_up_id": follow_up.pk}), {})
        done_at = FollowUp.objects.get(pk=follow_up.pk).done_at
        if role in FOLLOW_UP_DONE[symbol]:
            assert response.status_code == 200, (symbol, response.content)
            assert response.json()["id"] == follow_up.pk and done_at is not None
            FollowUp.objects.filter(pk=follow_up.pk).update(done_at=None, done_visit=None)
            continue
        assert response.status_code == (403 if role == "anonymous" else 404), (symbol, response.status_code)
        assert done_at is None
        assert foreign_traces(objects, role, response.content.decode()) == []


@pytest.mark.parametrize("role", ROLES)
def test_api_erase_household(objects, api_for, role):
    client = api_for(None if role == "anonymous" else objects.users[role])
    for symbol in sorted(HOUSEHOLD_ERASE):
        allowed, refused = HOUSEHOLD_ERASE[symbol]
        household = objects.rows[symbol]
        response = client.post_json(
            _url("api:household-erase", kwargs={"client_uuid": household.client_uuid}), {"reason": "requested"}
        )
        status = Household.objects.get(pk=household.pk).consent_status
        if role in allowed:
            assert response.status_code == 200, (symbol, response.content)
            assert status == "erased"
            assert HOUSEHOLDS[symbol][2] not in response.content.decode()
            continue
        expected = 403 if role in refused or role == "anonymous" else 404
        assert response.status_code == expected, (symbol, response.status_code)
        assert status == "given"
        assert foreign_traces(objects, role, response.content.decode()) == []


# Field pages (/to-cong-nghe-so/...). "Hôm nay" is a shell with no household data at all; the
# visit form lists the villages one works in; the team page shows one's teams and their recent
# visits (by ``data-team`` and ``data-visit``). Without a community role: 403; signed out: the
# sign-in page.


def _attr_values(body: str, attribute: str) -> set[str]:
    return set(re.findall(rf'{attribute}="([^"]+)"', body))


def _field_get(client, objects, role, name):
    return client_for(client, objects, role).get(reverse(f"community_teams:{name}"))


@pytest.mark.parametrize("role", ROLES)
def test_field_today_page_is_an_empty_shell(objects, client, role):
    response = _field_get(client, objects, role, "today")
    if role in NOBODY:
        assert_denied(response, objects, role)
        return
    assert response.status_code == 200
    body = response.content.decode()
    for head_name, phone, label in ((h[2], h[3], h[4]) for h in HOUSEHOLDS.values()):
        assert head_name not in body and phone.replace(" ", "") not in body and label not in body


@pytest.mark.parametrize("role", ROLES)
def test_field_visit_form_lists_exactly_my_villages(objects, client, role):
    response = _field_get(client, objects, role, "visit_new")
    if role in NOBODY:
        assert_denied(response, objects, role)
        return
    assert response.status_code == 200
    codes = set(re.findall(r'<option value="(\d{5}-\d{3})"', response.content.decode()))
    assert codes == {objects.rows[symbol].code for symbol in VISIBLE[role]["village"]}


@pytest.mark.parametrize("role", ROLES)
def test_field_team_page_shows_exactly_my_teams_and_their_visits(objects, client, role):
    response = _field_get(client, objects, role, "team")
    if role in NOBODY:
        assert_denied(response, objects, role)
        return
    assert response.status_code == 200
    body = response.content.decode()
    assert _attr_values(body, "data-team") == {str(objects.rows[s].pk) for s in VISIBLE[role]["team"]}
    assert _attr_values(body, "data-visit") == {str(objects.rows[s].client_uuid) for s in VISIBLE[role]["visit"]}
    assert _attr_values(body, "data-follow-up") <= {str(objects.rows[s].pk) for s in VISIBLE[role]["follow_up"]}
    assert foreign_traces(objects, role, body) == []


# Wagtail admin (/admin/): teams, villages (areas) and campaigns; households and visits (read
# only, below). Every role but "anonymous" is given the admin's and the app's model permissions,
# so only the scope keeps them apart. Rows in
# a listing are read from their inspect and edit links. Denied: 404, or Wagtail's redirect to
# the dashboard (no scope at all) or to its sign-in page (signed out).

ADMIN_VIEWSETS = {"team": "community-teams", "village": "community-areas", "campaign": "community-campaigns"}
_VILLAGE_EDITORS_A = {"coordinator_a", "province_coordinator", "superuser"}
_VILLAGE_EDITORS_B = {"coordinator_b", "province_coordinator", "superuser"}
ADMIN_EDIT = {
    "team": {"team_a": _LEADS_A, "team_b": _LEADS_B},
    "village": {"village_a1": _VILLAGE_EDITORS_A, "village_a2": _VILLAGE_EDITORS_A, "village_b1": _VILLAGE_EDITORS_B},
    "campaign": {
        "cP": {"province_coordinator", "superuser"},
        "cA": _VILLAGE_EDITORS_A,
        "cA1": _VILLAGE_EDITORS_A,
        "cB": _VILLAGE_EDITORS_B,
    },
}


@pytest.fixture
def admin_client(objects, client):
    group = Group.objects.create(name="Quản trị tổ CNSCĐ (thử)")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="community_teams",
            content_type__model__in=["area", "team", "membership", "campaign", "household", "visit"],
        ),
    )
    for role, user in objects.users.items():
        if role != "anonymous":
            user.groups.add(group)

    def make(role):
        return client_for(client, objects, role)

    return make


def assert_admin_denied(response, objects, role):
    location = response.get("Location", "")
    assert response.status_code in (403, 404) or (
        response.status_code == 302 and (location == "/admin/" or location.startswith("/admin/login/"))
    ), (response.status_code, location)
    assert foreign_traces(objects, role, response.content.decode()) == []


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", list(ADMIN_VIEWSETS))
def test_admin_list(objects, admin_client, role, kind):
    prefix = ADMIN_VIEWSETS[kind]
    response = admin_client(role).get(reverse(f"{prefix}:index"))
    if role in NOBODY:
        assert_admin_denied(response, objects, role)
        return
    assert response.status_code == 200
    pks = {int(pk) for pk in re.findall(rf"/admin/{prefix}/(?:inspect|edit)/(\d+)/", response.content.decode())}
    expected = VISIBLE[role]["area" if kind == "village" else kind]
    assert pks == {objects.rows[symbol].pk for symbol in expected}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", list(ADMIN_VIEWSETS))
def test_admin_view(objects, admin_client, role, kind):
    prefix = ADMIN_VIEWSETS[kind]
    client = admin_client(role)
    for symbol in sorted(ADMIN_EDIT[kind]):
        response = client.get(reverse(f"{prefix}:inspect", args=[objects.rows[symbol].pk]))
        if symbol in VISIBLE[role][kind]:
            assert response.status_code == 200, symbol
        else:
            assert_admin_denied(response, objects, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", list(ADMIN_VIEWSETS))
def test_admin_edit(objects, admin_client, role, kind):
    prefix = ADMIN_VIEWSETS[kind]
    client = admin_client(role)
    for symbol, roles in sorted(ADMIN_EDIT[kind].items()):
        response = client.get(reverse(f"{prefix}:edit", args=[objects.rows[symbol].pk]))
        if role in roles:
            assert response.status_code == 200, symbol
        else:
            assert_admin_denied(response, objects, role)


# Wagtail admin, field data: households and visits are listed and inspected (never added,
# edited or deleted) by coordinators and site administrators only; team members and leaders
# work in the field pages, so even with the model permission the admin refuses them (a
# redirect to the dashboard). A coordinator's foreign row is a 404. Listings hold no personal
# data of any household, not even of one's own; an inspect page shows it (and the visit notes)
# to whoever ``can_view_personal_data``, and each such page is an audit entry.

ADMIN_FIELD_DATA = {"household": "community-households", "visit": "community-visits"}
ADMIN_FIELD_DATA_VISIBLE = {
    "coordinator_a": {"household": {"hA1", "hA2"}, "visit": {"vA1", "vA2"}},
    "coordinator_b": {"household": {"hB1", "hB2"}, "visit": {"vB1", "vB2"}},
    "province_coordinator": {"household": {"hA1", "hA2", "hB1", "hB2"}, "visit": {"vA1", "vA2", "vB1", "vB2"}},
    "superuser": {"household": {"hA1", "hA2", "hB1", "hB2"}, "visit": {"vA1", "vA2", "vB1", "vB2"}},
}


def personal_data_in(body: str) -> list[str]:
    """Names, phones and member labels of every household found in ``body``."""
    found = []
    for head_name, phone, label in ((h[2], h[3], h[4]) for h in HOUSEHOLDS.values()):
        found += [value for value in (head_name, _national_digits(phone), label) if value in body]
    return found


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", list(ADMIN_FIELD_DATA))
def test_admin_field_data_list(objects, admin_client, role, kind):
    prefix = ADMIN_FIELD_DATA[kind]
    response = admin_client(role).get(reverse(f"{prefix}:index"))
    if role not in ADMIN_FIELD_DATA_VISIBLE:
        assert_admin_denied(response, objects, role)
        return
    assert response.status_code == 200
    body = response.content.decode()
    pks = {int(pk) for pk in re.findall(rf"/admin/{prefix}/inspect/(\d+)/", body)}
    assert pks == {objects.rows[symbol].pk for symbol in ADMIN_FIELD_DATA_VISIBLE[role][kind]}
    assert f"/admin/{prefix}/edit/" not in body and f"/admin/{prefix}/new/" not in body
    assert personal_data_in(body) == []
    assert "Đã cài VNeID" not in body  # visit notes


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", list(ADMIN_FIELD_DATA))
def test_admin_field_data_inspect(objects, admin_client, role, kind):
    prefix = ADMIN_FIELD_DATA[kind]
    client = admin_client(role)
    visible = ADMIN_FIELD_DATA_VISIBLE.get(role, {}).get(kind, set())
    for symbol in sorted(_ALL[kind]):
        response = client.get(reverse(f"{prefix}:inspect", args=[objects.rows[symbol].pk]))
        body = response.content.decode()
        if symbol in visible:
            assert response.status_code == 200, symbol
            _village, _author, head_name, phone, _label = HOUSEHOLDS["h" + symbol[1:]]
            if kind == "household":
                assert head_name in body and _national_digits(phone) in body, symbol
            else:
                assert "Đã cài VNeID" in body and head_name not in body, symbol
            assert foreign_traces(objects, role, body) == []
        elif role in ADMIN_FIELD_DATA_VISIBLE:
            assert response.status_code == 404, symbol  # a coordinator's foreign row
            assert foreign_traces(objects, role, body) == []
        else:
            assert_admin_denied(response, objects, role)
            assert personal_data_in(body) == [] and "Đã cài VNeID" not in body


@pytest.mark.parametrize("role", ROLES)
def test_admin_field_data_has_no_write_pages(objects, admin_client, role):
    client = admin_client(role)
    for prefix in ADMIN_FIELD_DATA.values():
        for view in ("add", "edit", "delete", "history", "usage"):
            with pytest.raises(NoReverseMatch):
                reverse(f"{prefix}:{view}", args=[] if view == "add" else [1])
        assert client.get(f"/admin/{prefix}/new/").status_code in (302, 404)
        assert client.get(f"/admin/{prefix}/edit/{objects.rows['hA1'].pk}/").status_code in (302, 404)


def test_admin_household_inspect_is_audited(objects, admin_client):
    from community_teams.models import AuditEntry

    rows = objects.rows
    client = admin_client("coordinator_a")
    assert client.get(reverse("community-households:index")).status_code == 200
    assert client.get(reverse("community-visits:index")).status_code == 200
    assert client.get(reverse("community-households:inspect", args=[rows["hB1"].pk])).status_code == 404
    assert not AuditEntry.objects.exists()  # listings and foreign rows show no personal data

    assert client.get(reverse("community-households:inspect", args=[rows["hA1"].pk])).status_code == 200
    assert client.get(reverse("community-visits:inspect", args=[rows["vA2"].pk])).status_code == 200
    entries = list(
        AuditEntry.objects.order_by("pk").values_list("actor", "action", "object_type", "object_id", "details")
    )
    assert entries == [
        (objects.users["coordinator_a"].pk, "view", "household", str(rows["hA1"].pk), {"surface": "admin"}),
        (objects.users["coordinator_a"].pk, "view", "household", str(rows["hA2"].pk), {"surface": "admin"}),
    ]


def test_admin_declined_household_shows_and_audits_nothing(objects, admin_client):
    from community_teams.models import AuditEntry

    world = objects.world
    declined = Household.objects.create(
        village=world.village_a1, commune_code="01273", province_code="04", consent_status="declined"
    )
    response = admin_client("coordinator_a").get(reverse("community-households:inspect", args=[declined.pk]))
    assert response.status_code == 200
    assert [field for field in response.context["view"].fields if field in {"head_name", "phone", "notes"}] == []
    assert not AuditEntry.objects.exists()


def test_admin_visit_list_shows_the_help_given_in_constant_queries(
    objects, admin_client, make_visit, django_assert_max_num_queries
):
    world = objects.world
    client = admin_client("coordinator_a")
    url = reverse("community-visits:index")

    def add_visits(count):
        for _ in range(count):
            make_visit(world.member_a, objects.rows["hA1"], help=[{"item": "quet-qr"}, {"item": "mua-hang"}])

    add_visits(1)
    client.get(url)  # warm the caches (content types, site)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    add_visits(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Mua hàng trực tuyến, Cài thanh toán QR") == 6  # in the items' order


def test_coordinators_group_reads_households_and_visits(objects, client):
    from community_teams.services.teams import coordinator_group_ensure

    coordinator = objects.users["coordinator_a"]
    coordinator.groups.add(coordinator_group_ensure())
    assert coordinator.has_perm("community_teams.view_household") and coordinator.has_perm("community_teams.view_visit")
    assert not coordinator.has_perm("community_teams.change_household")
    client.force_login(coordinator)
    for prefix, symbol in (("community-households", "hA1"), ("community-visits", "vA1")):
        assert client.get(reverse(f"{prefix}:index")).status_code == 200
        assert client.get(reverse(f"{prefix}:inspect", args=[objects.rows[symbol].pk])).status_code == 200
    # Menu entries in the "Community teams" group.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("community-households:index") in home and reverse("community-visits:index") in home
