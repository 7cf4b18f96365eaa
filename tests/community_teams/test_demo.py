"""The community teams demo: idempotent, the sizes it promises, names nobody could mistake for
real people."""

import re
import time

import pytest

from community_teams.demo import community_demo_load
from community_teams.models import (
    Area,
    AreaKind,
    Assignment,
    FollowUp,
    Household,
    HouseholdMember,
    Membership,
    Team,
    Visit,
)

pytestmark = pytest.mark.django_db

FICTIONAL_HOUSEHOLD = re.compile(r"^Hộ Mẫu \d{3}$")
GENERIC_VILLAGE = re.compile(r"^(Thôn|Tổ dân phố) \d+$")


@pytest.fixture
def loaded():
    started = time.monotonic()
    summary = community_demo_load()
    return summary, time.monotonic() - started


def _counts() -> dict:
    models = (Area, Team, Membership, Household, HouseholdMember, Visit, FollowUp, Assignment)
    return {model.__name__: model.objects.count() for model in models}


def test_the_demo_has_the_promised_sizes(loaded):
    summary, seconds = loaded
    assert summary.households_created == Household.objects.count() == 200
    assert Visit.objects.count() == summary.visits_created == 600
    assert Team.objects.count() == 3
    communes = set(Household.objects.values_list("commune_code", flat=True))
    assert communes == {"01273", "01304"}
    assert Area.objects.filter(kind=AreaKind.VILLAGE).count() >= 6
    assert 400 <= HouseholdMember.objects.count() <= 700
    assert FollowUp.objects.filter(done_at__isnull=True).exists()
    assert Assignment.objects.count() == 200
    assert len({row[0] for row in Visit.objects.values_list("author")}) >= 5
    assert len(set(Visit.objects.values_list("outcome", flat=True))) == 4
    assert seconds < 10, f"the demo took {seconds:.1f} s"


def test_a_second_run_creates_nothing(loaded):
    before = _counts()
    again = community_demo_load()
    assert _counts() == before
    assert (again.households_created, again.visits_created, again.members_created, again.follow_ups_created) == (
        0,
        0,
        0,
        0,
    )


def test_names_are_obviously_fictional(loaded):
    assert all(FICTIONAL_HOUSEHOLD.match(name) for name in Household.objects.values_list("head_name", flat=True))
    assert not Household.objects.exclude(phone="").exists()
    villages = Area.objects.filter(kind=AreaKind.VILLAGE).values_list("name", flat=True)
    assert all(GENERIC_VILLAGE.match(name) for name in villages)
    labels = set(HouseholdMember.objects.values_list("label", flat=True))
    assert all(re.fullmatch(r"(bà|ông|chị|anh|em) [A-Z]", label) for label in labels)


def test_demo_accounts_can_sign_in_and_are_field_users(loaded, client):
    from community_teams.scoping import is_field_user
    from lms.models import User

    summary, _seconds = loaded
    printed = {username for _role, username, _email, _password in summary.accounts}
    assert printed == {"thanhvien", "totruong", "dieuphoi"}
    for username in printed:
        user = User.objects.get(username=username)
        assert user.phone is None
        assert user.groups.filter(name="Community team").exists()
        assert is_field_user(user)
        assert client.login(username=username, password=f"cuaso-{username}")


def test_the_demo_coordinator_can_open_the_scoped_admin(client, db):
    from community_teams.demo import community_demo_load
    from community_teams.models import Area
    from lms.models import User

    community_demo_load()
    coordinator = User.objects.get(username="dieuphoi")
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200
    page = client.get("/admin/community-areas/")
    assert page.status_code == 200
    foreign = Area.objects.filter(kind="commune").exclude(coordinators__user=coordinator).first()
    assert client.get(f"/admin/community-areas/edit/{foreign.pk}/").status_code in (302, 403, 404)
