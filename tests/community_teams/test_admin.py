"""Community teams in the Wagtail admin: every listing and page scoped to the user."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from community_teams.areas import areas_load, village_create
from community_teams.models import (
    Area,
    AreaKind,
    Campaign,
    CampaignTarget,
    CoordinatorScope,
    HelpItem,
    Household,
    Membership,
    Role,
    Team,
)
from courses.models import Skill


@pytest.fixture
def admin_world(db, django_user_model):
    """Cao Bằng; communes A (01273) and B (01279), each with a village, a team, a member and a
    commune campaign; a province campaign; a superuser; coordinators of A and of the province;
    a leader of A's team. Coordinators and leaders are in a group with the app's permissions."""
    areas_load(province_code="04")
    province = Area.objects.get(code="04")
    commune_a, commune_b = Area.objects.get(code="01273"), Area.objects.get(code="01279")
    admin = django_user_model.objects.create_superuser(username="admin", password="x")
    village_a = village_create(actor=admin, commune=commune_a, name="Thôn A", division_type="thôn")
    village_b = village_create(actor=admin, commune=commune_b, name="Thôn B", division_type="thôn")
    team_a = Team.objects.create(name="Tổ A", commune=commune_a)
    team_a.villages.add(village_a)
    team_b = Team.objects.create(name="Tổ B", commune=commune_b)
    team_b.villages.add(village_b)

    group = Group.objects.create(name="Điều phối")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="community_teams",
            content_type__model__in=["area", "team", "membership", "campaign"],
        ),
    )

    def person(username, phone=None):
        user = django_user_model.objects.create_user(username=username, password="x", phone=phone)
        user.groups.add(group)
        return user

    coordinator = person("coord_a")
    CoordinatorScope.objects.create(user=coordinator, area=commune_a, role=Role.COMMUNE_COORDINATOR)
    province_coordinator = person("coord_04")
    CoordinatorScope.objects.create(user=province_coordinator, area=province, role=Role.PROVINCE_COORDINATOR)
    leader = person("leader_a")
    member_a = django_user_model.objects.create_user(username="member_a", password="x", phone="+84912000001")
    member_b = django_user_model.objects.create_user(username="member_b", password="x", phone="+84912000002")
    memberships = {
        "leader_a": Membership.objects.create(user=leader, team=team_a, role=Role.LEADER),
        "member_a": Membership.objects.create(user=member_a, team=team_a, role=Role.MEMBER),
        "member_b": Membership.objects.create(user=member_b, team=team_b, role=Role.MEMBER),
    }
    campaigns = {
        "a": Campaign.objects.create(name="Chiến dịch A", area=commune_a, starts_on="2025-09-01", ends_on="2025-12-31"),
        "b": Campaign.objects.create(name="Chiến dịch B", area=commune_b, starts_on="2025-09-01", ends_on="2025-12-31"),
        "province": Campaign.objects.create(
            name="Chiến dịch tỉnh", area=province, starts_on="2025-09-01", ends_on="2025-12-31"
        ),
    }
    return {
        "province": province,
        "commune_a": commune_a,
        "commune_b": commune_b,
        "village_a": village_a,
        "village_b": village_b,
        "team_a": team_a,
        "team_b": team_b,
        "admin": admin,
        "coordinator": coordinator,
        "province_coordinator": province_coordinator,
        "leader": leader,
        "member_a": member_a,
        "memberships": memberships,
        "campaigns": campaigns,
    }


def listed_ids(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    ids = set()
    page = 1
    while True:
        ids |= {obj.pk for obj in response.context["object_list"]}
        paginator = response.context.get("page_obj")
        if not paginator or not paginator.has_next():
            return ids
        page += 1
        response = client.get(url, {**params, "p": page})


def index(name):
    return reverse(f"community-{name}:index")


def test_areas_listing_shows_a_commune_coordinator_only_their_commune_province_and_villages(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    assert listed_ids(client, index("areas")) == {w["province"].pk, w["commune_a"].pk, w["village_a"].pk}


def test_areas_listing_shows_a_superuser_everything(client, admin_world):
    client.force_login(admin_world["admin"])
    assert listed_ids(client, index("areas"), kind=AreaKind.VILLAGE) == {
        admin_world["village_a"].pk,
        admin_world["village_b"].pk,
    }
    assert len(listed_ids(client, index("areas"))) == Area.objects.count()


def test_teams_memberships_and_campaigns_listings_are_scoped(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    assert listed_ids(client, index("teams")) == {w["team_a"].pk}
    assert listed_ids(client, index("memberships")) == {
        w["memberships"]["leader_a"].pk,
        w["memberships"]["member_a"].pk,
    }
    # A commune's campaigns and the province's campaigns above it; never the other commune's.
    assert listed_ids(client, index("campaigns")) == {w["campaigns"]["a"].pk, w["campaigns"]["province"].pk}

    client.force_login(w["province_coordinator"])
    assert listed_ids(client, index("teams")) == {w["team_a"].pk, w["team_b"].pk}
    assert listed_ids(client, index("campaigns")) == {c.pk for c in w["campaigns"].values()}

    client.force_login(w["admin"])
    assert listed_ids(client, index("teams")) == {w["team_a"].pk, w["team_b"].pk}
    assert listed_ids(client, index("memberships")) == {m.pk for m in w["memberships"].values()}


def test_a_leader_sees_and_manages_only_their_team(client, admin_world):
    w = admin_world
    client.force_login(w["leader"])
    assert listed_ids(client, index("teams")) == {w["team_a"].pk}
    assert client.get(reverse("community-teams:edit", args=[w["team_a"].pk])).status_code == 200
    assert client.get(reverse("community-teams:edit", args=[w["team_b"].pk])).status_code == 404


@pytest.mark.parametrize(
    ("viewset", "view", "key"),
    [
        ("areas", "edit", "village_b"),
        ("areas", "inspect", "village_b"),
        ("areas", "inspect", "commune_b"),
        ("areas", "history", "village_b"),
        ("teams", "edit", "team_b"),
        ("teams", "inspect", "team_b"),
        ("teams", "history", "team_b"),
        ("teams", "usage", "team_b"),
    ],
)
def test_a_foreign_object_is_a_404(client, admin_world, viewset, view, key):
    client.force_login(admin_world["coordinator"])
    response = client.get(reverse(f"community-{viewset}:{view}", args=[admin_world[key].pk]))
    assert response.status_code == 404


def test_foreign_memberships_and_campaigns_are_404(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    for url in (
        reverse("community-memberships:edit", args=[w["memberships"]["member_b"].pk]),
        reverse("community-memberships:inspect", args=[w["memberships"]["member_b"].pk]),
        reverse("community-campaigns:edit", args=[w["campaigns"]["b"].pk]),
        reverse("community-campaigns:delete", args=[w["campaigns"]["b"].pk]),
        # The province's campaign is seen, not changed, by a commune coordinator.
        reverse("community-campaigns:edit", args=[w["campaigns"]["province"].pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("community-campaigns:delete", args=[w["campaigns"]["b"].pk])).status_code == 404
    assert Campaign.objects.filter(pk=w["campaigns"]["b"].pk).exists()


def test_official_areas_are_read_only(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    assert client.get(reverse("community-areas:inspect", args=[w["commune_a"].pk])).status_code == 200
    assert client.get(reverse("community-areas:edit", args=[w["commune_a"].pk])).status_code == 404
    client.force_login(w["admin"])
    assert client.get(reverse("community-areas:edit", args=[w["commune_a"].pk])).status_code == 404
    # Wagtail answers a refused permission with a redirect to the dashboard.
    assert client.post(reverse("community-areas:delete", args=[w["village_a"].pk])).status_code in (302, 403)
    assert Area.objects.filter(pk=w["village_a"].pk).exists()


def test_every_page_renders_for_superuser_and_coordinator(client, admin_world):
    w = admin_world
    pages = [
        index("areas"),
        reverse("community-areas:add"),
        reverse("community-areas:edit", args=[w["village_a"].pk]),
        reverse("community-areas:inspect", args=[w["commune_a"].pk]),
        index("teams"),
        reverse("community-teams:add"),
        reverse("community-teams:edit", args=[w["team_a"].pk]),
        reverse("community-teams:inspect", args=[w["team_a"].pk]),
        index("memberships"),
        reverse("community-memberships:add"),
        reverse("community-memberships:edit", args=[w["memberships"]["member_a"].pk]),
        index("campaigns"),
        reverse("community-campaigns:add"),
        reverse("community-campaigns:edit", args=[w["campaigns"]["a"].pk]),
        reverse("community-import:upload"),
    ]
    for user in (w["admin"], w["coordinator"]):
        client.force_login(user)
        for url in pages:
            assert client.get(url).status_code == 200, (user.username, url)
    client.force_login(w["admin"])
    assert client.get(index("help-items")).status_code == 200
    assert client.get(reverse("community-help-items:add")).status_code == 200


def test_menu_group_is_shown_with_its_items(client, admin_world):
    client.force_login(admin_world["coordinator"])
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    for url in (index("areas"), index("teams"), index("campaigns"), reverse("community-import:upload")):
        assert url in html


def test_people_without_a_community_role_are_refused(client, admin_world, django_user_model):
    editor = django_user_model.objects.create_user(username="editor", password="x")
    editor.groups.add(Group.objects.get(name="Điều phối"))
    client.force_login(editor)
    for name in ("areas", "teams", "memberships", "campaigns"):
        assert client.get(index(name)).status_code in (302, 403), name
    assert client.get(reverse("community-import:upload")).status_code in (302, 403)


def test_coordinator_adds_a_village_with_a_code_in_sequence(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = client.post(
        reverse("community-areas:add"),
        {"commune": w["commune_a"].pk, "name": "Bản Mới", "division_type": "bản", "household_count": "40"},
    )
    assert response.status_code == 302
    village = Area.objects.get(name="Bản Mới")
    assert (village.code, village.parent_id, village.household_count) == ("01273-002", w["commune_a"].pk, 40)


def test_coordinator_cannot_add_a_village_to_another_commune(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = client.post(
        reverse("community-areas:add"),
        {"commune": w["commune_b"].pk, "name": "Bản Lạ", "division_type": "bản"},
    )
    assert response.status_code == 200
    assert "commune" in response.context["form"].errors
    assert not Area.objects.filter(name="Bản Lạ").exists()


def test_coordinator_edits_the_household_count(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = client.post(
        reverse("community-areas:edit", args=[w["village_a"].pk]),
        {"name": "Thôn A", "division_type": "thôn", "household_count": "77"},
    )
    assert response.status_code == 302
    w["village_a"].refresh_from_db()
    assert w["village_a"].household_count == 77


def test_team_villages_must_be_in_the_team_commune_and_in_scope(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = client.post(
        reverse("community-teams:add"),
        {"name": "Tổ mới", "commune": w["commune_a"].pk, "villages": [w["village_b"].pk], "is_active": "on"},
    )
    assert response.status_code == 200
    assert "villages" in response.context["form"].errors
    response = client.post(
        reverse("community-teams:add"),
        {"name": "Tổ mới", "commune": w["commune_a"].pk, "villages": [w["village_a"].pk], "is_active": "on"},
    )
    assert response.status_code == 302
    assert set(Team.objects.get(name="Tổ mới").villages.values_list("pk", flat=True)) == {w["village_a"].pk}


def test_leader_adds_a_member_by_phone_and_deactivates_them(client, admin_world, django_user_model):
    w = admin_world
    newcomer = django_user_model.objects.create_user(username="new", password="x", phone="+84912000009")
    client.force_login(w["leader"])
    response = client.post(
        reverse("community-memberships:add"),
        {"person": "0912 000 009", "team": w["team_a"].pk, "role": Role.MEMBER, "is_active": "on"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=newcomer)
    assert membership.team_id == w["team_a"].pk

    response = client.post(
        reverse("community-memberships:edit", args=[membership.pk]), {"role": Role.MEMBER, "is_active": ""}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert not membership.is_active
    assert membership.deactivated_at is not None


def test_adding_a_member_to_a_foreign_team_or_an_unknown_phone_fails(client, admin_world):
    w = admin_world
    client.force_login(w["leader"])
    response = client.post(
        reverse("community-memberships:add"),
        {"person": "0912 000 001", "team": w["team_b"].pk, "role": Role.MEMBER, "is_active": "on"},
    )
    assert "team" in response.context["form"].errors
    response = client.post(
        reverse("community-memberships:add"),
        {"person": "+1 202 555 0100", "team": w["team_a"].pk, "role": Role.MEMBER, "is_active": "on"},
    )
    assert response.context["form"].errors["person"] == [
        "Hãy nhập số di động Việt Nam, ví dụ 0912 345 678, hoặc một địa chỉ e-mail."
    ]
    response = client.post(
        reverse("community-memberships:add"),
        {"person": "0999 999 999", "team": w["team_a"].pk, "role": Role.MEMBER, "is_active": "on"},
    )
    assert response.context["form"].errors["display_name"] == ["Số này chưa có tài khoản: hãy nhập tên của người đó."]
    assert Membership.objects.count() == 3


def test_a_number_with_no_account_is_invited_with_the_name_given(
    client, admin_world, sms_outbox, django_user_model, django_capture_on_commit_callbacks
):
    w = admin_world
    client.force_login(w["leader"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community-memberships:add"),
            {
                "person": "0999 999 999",
                "display_name": "Lò Văn Páo",
                "team": w["team_a"].pk,
                "role": Role.MEMBER,
                "is_active": "on",
            },
        )
    assert response.status_code == 302
    invited = django_user_model.objects.get(phone="+84999999999")
    assert invited.display_name == "Lò Văn Páo"
    assert not invited.has_usable_password()
    assert Membership.objects.get(user=invited).team_id == w["team_a"].pk
    assert [message.phone for message in sms_outbox] == ["+84999999999"]


def test_campaign_form_saves_targets(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = client.post(
        reverse("community-campaigns:add"),
        {
            "name": "Tháng cao điểm",
            "area": w["commune_a"].pk,
            "starts_on": "2025-10-01",
            "ends_on": "2025-10-31",
            "target_households_target": "50",
            "target_accounts_activated": "120",
        },
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get(name="Tháng cao điểm")
    assert campaign.created_by == w["coordinator"]
    assert dict(campaign.targets.values_list("kind", "value")) == {
        CampaignTarget.Kind.HOUSEHOLDS_MEETING_TARGET: 50,
        CampaignTarget.Kind.ACCOUNTS_ACTIVATED: 120,
    }
    response = client.post(
        reverse("community-campaigns:edit", args=[campaign.pk]),
        {
            "name": "Tháng cao điểm",
            "area": w["commune_a"].pk,
            "starts_on": "2025-10-01",
            "ends_on": "2025-10-31",
            "target_households_target": "60",
        },
    )
    assert response.status_code == 302
    assert dict(campaign.targets.values_list("kind", "value")) == {CampaignTarget.Kind.HOUSEHOLDS_MEETING_TARGET: 60}


def test_campaign_in_a_foreign_area_or_ending_before_it_starts_is_refused(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = client.post(
        reverse("community-campaigns:add"),
        {"name": "X", "area": w["commune_b"].pk, "starts_on": "2025-10-01", "ends_on": "2025-10-31"},
    )
    assert "area" in response.context["form"].errors
    response = client.post(
        reverse("community-campaigns:add"),
        {"name": "X", "area": w["commune_a"].pk, "starts_on": "2025-10-31", "ends_on": "2025-10-01"},
    )
    assert "ends_on" in response.context["form"].errors
    assert not Campaign.objects.filter(name="X").exists()


def test_help_items_are_managed_by_editors_and_never_deleted(client, admin_world):
    skill = Skill.objects.create(code="dvc", name="Dịch vụ công", is_household_target=True)
    client.force_login(admin_world["admin"])
    response = client.post(
        reverse("community-help-items:add"),
        {"code": "vneid", "name": "Cài VNeID", "skill": skill.pk, "sort_order": "1", "is_active": "on"},
    )
    assert response.status_code == 302
    item = HelpItem.objects.get(code="vneid")
    assert client.post(reverse("community-help-items:delete", args=[item.pk])).status_code in (302, 403)
    assert HelpItem.objects.filter(pk=item.pk).exists()


def upload(client, commune, data, name="ds.csv", **extra):
    return client.post(
        reverse("community-import:upload"),
        {"commune": commune.pk, "file": io.BytesIO(data), **extra} | {"file": _named(data, name)},
    )


def _named(data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


GOOD = "Mã hộ,Thôn/Tổ,Chủ hộ,Số điện thoại\r\nH1,Thôn A,Nguyễn Văn Thử,0912345678\r\nH2,Thôn A,Lục Thị Mẫu,\r\n"
MIXED = GOOD + "H3,Thôn Không Có,Người Lạ,\r\n"


def test_import_page_previews_then_imports_all_rows(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = upload(client, w["commune_a"], GOOD.encode())
    assert response.status_code == 200
    preview = response.context["preview"]
    assert preview.counts == {"rows": 2, "valid": 2, "invalid": 0}
    assert not Household.objects.exists()
    token = response.context["token"]

    response = client.post(reverse("community-import:apply"), {"token": token, "rows": "all"})
    assert response.status_code == 302
    assert set(Household.objects.values_list("list_code", flat=True)) == {"H1", "H2"}
    # The pending file is gone once imported.
    response = client.post(reverse("community-import:apply"), {"token": token, "rows": "all"})
    assert response.status_code == 302
    assert Household.objects.count() == 2


def test_import_page_with_errors_imports_nothing_or_only_the_valid_rows(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = upload(client, w["commune_a"], MIXED.encode())
    assert response.context["preview"].counts == {"rows": 3, "valid": 2, "invalid": 1}
    assert [row["number"] for row in response.context["shown_rows"] if not row["is_valid"]] == [4]
    token = response.context["token"]

    response = client.post(reverse("community-import:apply"), {"token": token, "rows": "all"})
    assert response.status_code == 200
    assert not Household.objects.exists()

    response = client.post(reverse("community-import:apply"), {"token": token, "rows": "valid"})
    assert response.status_code == 302
    assert set(Household.objects.values_list("list_code", flat=True)) == {"H1", "H2"}


def test_import_page_shows_one_error_for_a_malformed_file(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = upload(client, w["commune_a"], b"\x00\xff garbage" * 100, name="ds.xlsx")
    assert response.status_code == 200
    assert response.context["preview"].file_error.code == "unreadable"
    assert response.context["token"] == ""
    assert not Household.objects.exists()


def test_import_page_refuses_a_foreign_commune_and_someone_elses_upload(client, admin_world):
    w = admin_world
    client.force_login(w["coordinator"])
    response = upload(client, w["commune_b"], GOOD.encode())
    assert response.status_code == 200
    assert "commune" in response.context["form"].errors

    response = upload(client, w["commune_a"], GOOD.encode())
    token = response.context["token"]
    client.force_login(w["province_coordinator"])
    response = client.post(reverse("community-import:apply"), {"token": token, "rows": "all"})
    assert response.status_code == 302
    assert not Household.objects.exists()


def test_import_page_is_refused_to_team_leaders(client, admin_world):
    client.force_login(admin_world["leader"])
    assert client.get(reverse("community-import:upload")).status_code in (302, 403)


def test_a_leader_cannot_make_a_leader_in_the_admin(client, admin_world, django_user_model):
    w = admin_world
    django_user_model.objects.create_user(username="new", password="x", phone="+84912000009")
    client.force_login(w["leader"])
    response = client.post(
        reverse("community-memberships:add"),
        {"person": "0912000009", "team": w["team_a"].pk, "role": Role.LEADER, "is_active": "on"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Membership.objects.filter(user__username="new").exists()
