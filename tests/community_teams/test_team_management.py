"""Leaders manage their team: inviting by phone (``member_invite``), the members page (invite,
deactivate with hand-over, without JavaScript) and the households page shell."""

import logging
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client

from community_teams import services
from community_teams.models import Assignment, FollowUp, Membership, Role
from lms.models import User

pytestmark = pytest.mark.django_db

MEMBERS = "/to-cong-nghe-so/doi/thanh-vien/"
HOUSEHOLDS = "/to-cong-nghe-so/ho-gia-dinh/"
TEAM = "/to-cong-nghe-so/doi/"
LOGIN_CODE = "/accounts/login/code/"
LOGIN_CONFIRM = "/accounts/login/code/confirm/"
BAD_PHONE = "Hãy nhập số điện thoại di động Việt Nam, ví dụ 0912 345 678."
NAME_NEEDED = "Chưa có tài khoản nào dùng số này: hãy nhập họ tên của người đó."
INVITATION = (
    "Cua So: ban da duoc them vao To CNSCD Thuc Phan. Dang nhap tai http://127.0.0.1:8000/accounts/login/code/ "
    "bang so dien thoai nay."
)


def invite_url(team) -> str:
    return f"/to-cong-nghe-so/doi/{team.pk}/moi-thanh-vien/"


def deactivate_url(membership) -> str:
    return f"/to-cong-nghe-so/doi/thanh-vien/{membership.pk}/ngung-hoat-dong/"


@pytest.fixture
def invite(world, sms_outbox, django_capture_on_commit_callbacks):
    """member_invite with its after-commit SMS run."""

    def run(actor=None, team=None, **kwargs):
        kwargs.setdefault("phone", "0912 345 678")
        kwargs.setdefault("display_name", "Lò Văn Minh")
        with django_capture_on_commit_callbacks(execute=True):
            return services.member_invite(actor=actor or world.leader_a, team=team or world.team_a, **kwargs)

    return run


# The service.


def test_inviting_a_new_number_makes_an_account_that_signs_in_by_code(world, invite, sms_outbox):
    membership, invited = invite(display_name="  Lò   Văn Minh ")
    user = User.objects.get(phone="+84912345678")
    assert invited is True
    assert (user.display_name, user.phone_verified, user.has_usable_password(), user.is_active) == (
        "Lò Văn Minh",
        False,
        False,
        True,
    )
    assert (membership.user_id, membership.team_id, membership.role, membership.is_active) == (
        user.pk,
        world.team_a.pk,
        Role.MEMBER,
        True,
    )
    assert list(user.groups.values_list("name", flat=True)) == [services.COMMUNITY_TEAM_GROUP]
    assert [(m.phone, m.text) for m in sms_outbox] == [("+84912345678", INVITATION)]


def test_the_invitation_holds_no_personal_data(world, invite, sms_outbox):
    invite(display_name="Lò Văn Minh")
    (message,) = sms_outbox
    for personal in ("Lò", "Minh", "Lo Van", "0912", "912345678", world.leader_a.display_name):
        assert personal not in message.text


def test_inviting_an_existing_account_keeps_it_and_its_name(world, invite, sms_outbox):
    existing = User.objects.create(username="ha", phone="+84987654321", phone_verified=True, display_name="Hà")
    membership, invited = invite(phone="098.765.4321", display_name="Tên khác")
    existing.refresh_from_db()
    assert invited is True and membership.user_id == existing.pk
    assert (existing.display_name, existing.phone_verified) == ("Hà", True)
    assert User.objects.filter(phone="+84987654321").count() == 1
    assert [m.phone for m in sms_outbox] == ["+84987654321"]


def test_an_existing_account_needs_no_name(world, invite):
    existing = User.objects.create(username="ha", phone="+84987654321", display_name="Hà")
    membership, _invited = invite(phone="0987654321", display_name="")
    assert membership.user_id == existing.pk


def test_inviting_an_active_member_again_changes_nothing_and_sends_nothing(world, invite, sms_outbox):
    first, invited = invite()
    assert invited and len(sms_outbox) == 1
    users, memberships = User.objects.count(), list(Membership.objects.values_list("pk", "role", "is_active"))
    again, invited = invite(actor=world.coordinator_a, phone="+84 912 345 678", role=Role.LEADER)
    assert invited is False and again.pk == first.pk
    assert (User.objects.count(), list(Membership.objects.values_list("pk", "role", "is_active"))) == (
        users,
        memberships,
    )
    assert len(sms_outbox) == 1


def test_a_deactivated_member_invited_again_is_active_again_and_told(world, invite, sms_outbox):
    world.member_a.phone = "+84912345678"
    world.member_a.save()
    services.member_deactivate(actor=world.leader_a, membership=world.membership_member_a)
    membership, invited = invite(display_name="")
    assert invited is True and membership.pk == world.membership_member_a.pk
    membership.refresh_from_db()
    assert (membership.is_active, membership.deactivated_at) == (True, None)
    assert len(sms_outbox) == 1


@pytest.mark.parametrize("typed", ["0212345678", "+1 415 555 0100", "12345", "091234567", ""])
def test_a_number_that_is_not_a_vietnamese_mobile_is_refused_in_vietnamese(world, invite, sms_outbox, typed):
    users = User.objects.count()
    with pytest.raises(ValidationError) as caught:
        invite(phone=typed)
    assert caught.value.message_dict == {"phone": [BAD_PHONE]}
    assert User.objects.count() == users and not sms_outbox


def test_a_new_number_needs_a_name(world, invite, sms_outbox):
    with pytest.raises(ValidationError) as caught:
        invite(display_name="   ")
    assert caught.value.message_dict == {"display_name": [NAME_NEEDED]}
    assert not User.objects.filter(phone="+84912345678").exists() and not sms_outbox


def test_a_number_of_a_closed_account_is_refused(world, invite, sms_outbox):
    User.objects.create(username="closed", phone="+84912345678", is_active=False)
    with pytest.raises(ValidationError) as caught:
        invite()
    assert list(caught.value.message_dict) == ["phone"]
    assert not Membership.objects.filter(user__phone="+84912345678").exists() and not sms_outbox


def test_only_coordinators_name_leaders(world, invite, sms_outbox):
    with pytest.raises(services.NotPermitted):
        invite(role=Role.LEADER)
    assert not User.objects.filter(phone="+84912345678").exists() and not sms_outbox
    membership, _invited = invite(actor=world.coordinator_a, role=Role.LEADER)
    assert membership.role == Role.LEADER


def test_members_and_other_teams_leaders_cannot_invite(world, invite, sms_outbox):
    with pytest.raises(services.NotPermitted):
        invite(actor=world.member_a)
    with pytest.raises(services.NotAllowed):
        invite(actor=world.leader_b)
    with pytest.raises(services.NotAllowed):
        invite(actor=world.coordinator_b)
    assert not User.objects.filter(phone="+84912345678").exists() and not sms_outbox


def test_the_phone_number_is_never_logged(world, invite, caplog):
    caplog.set_level(logging.DEBUG)
    invite()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "invited" in logged
    for digits in ("912345678", "0912", "+8491"):
        assert digits not in logged


def test_the_invited_person_signs_in_with_a_code_sent_to_that_phone(world, home, invite, sms_outbox):
    invite()
    client = Client()
    response = client.post(LOGIN_CODE, {"phone": "0912 345 678"})
    assert response.status_code == 302 and response["Location"] == LOGIN_CONFIRM
    assert [m.phone for m in sms_outbox] == ["+84912345678", "+84912345678"]
    code = re.search(r"\b(\d{6})\b", sms_outbox[-1].text).group(1)
    response = client.post(LOGIN_CONFIRM, {"code": code})
    assert response.status_code == 302
    user = User.objects.get(phone="+84912345678")
    assert user.phone_verified is True
    today = client.get("/to-cong-nghe-so/hom-nay/")
    assert today.status_code == 200 and today.context["user"] == user


# The members page.


def _teams_and_members(html: str) -> dict[int, set[int]]:
    """{team id: {membership ids}} as listed on the members page."""
    shown = {}
    for section in re.split(r'(?=<section class="team")', html)[1:]:
        team = int(re.search(r'data-team="(\d+)"', section).group(1))
        shown[team] = {int(pk) for pk in re.findall(r'data-membership="(\d+)"', section)}
    return shown


def _page(user, path=MEMBERS, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client, client.get(path)


def test_each_manager_sees_exactly_the_teams_they_manage(world):
    a = {world.membership_leader_a.pk, world.membership_member_a.pk}
    b = {world.membership_leader_b.pk, world.membership_member_b.pk}
    ta, tb = world.team_a.pk, world.team_b.pk
    expected = {
        "leader_a": {ta: a},
        "leader_b": {tb: b},
        "coordinator_a": {ta: a},
        "coordinator_b": {tb: b},
        "province_coordinator": {ta: a, tb: b},
        "superuser": {ta: a, tb: b},
    }
    for role, teams in expected.items():
        _client, response = _page(getattr(world, role))
        assert response.status_code == 200, role
        assert _teams_and_members(response.content.decode()) == teams, role


def test_deactivated_members_are_not_listed(world):
    services.member_deactivate(actor=world.leader_a, membership=world.membership_member_a)
    _client, response = _page(world.leader_a)
    assert _teams_and_members(response.content.decode()) == {world.team_a.pk: {world.membership_leader_a.pk}}


def test_members_and_people_without_a_role_get_a_403_page(world):
    _client, response = _page(world.member_a)
    assert response.status_code == 403
    assert "Chỉ dành cho tổ trưởng và điều phối viên" in response.content.decode()
    _client, response = _page(world.outsider)
    assert response.status_code == 403
    assert response.templates[0].name == "community_teams/forbidden.html"
    assert "Chỉ dành cho tổ trưởng và điều phối viên" not in response.content.decode()
    response = Client().get(MEMBERS)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_phones_are_masked_and_leaders_cannot_deactivate_themselves(world):
    world.member_a.phone = "+84912345678"
    world.member_a.save()
    _client, response = _page(world.leader_a)
    html = response.content.decode()
    assert '<span class="member__phone">091•••678</span>' in html
    assert "912345678" not in html and "+8491" not in html
    assert deactivate_url(world.membership_member_a) in html
    assert deactivate_url(world.membership_leader_a) not in html


def test_the_role_choice_is_offered_to_coordinators_only(world):
    _client, leader = _page(world.leader_a)
    _client, coordinator = _page(world.coordinator_a)
    assert 'name="role"' not in leader.content.decode()
    assert f'<select name="role" class="field-input" id="id_invite_{world.team_a.pk}_role">' in (
        coordinator.content.decode()
    )


def test_the_team_page_links_to_the_members_page_for_managers_only(world):
    for role, linked in (("leader_a", True), ("coordinator_a", True), ("member_a", False)):
        _client, response = _page(getattr(world, role), TEAM)
        assert (f'href="{MEMBERS}"' in response.content.decode()) is linked, role


def test_inviting_from_the_page_sends_one_invitation_and_says_so(world, sms_outbox, django_capture_on_commit_callbacks):
    client, _response = _page(world.leader_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(invite_url(world.team_a), {"phone": "0912 345 678", "display_name": "Lò Văn Minh"})
    assert response.status_code == 302 and response["Location"] == f"{MEMBERS}#team-{world.team_a.pk}"
    user = User.objects.get(phone="+84912345678")
    assert Membership.objects.filter(user=user, team=world.team_a, is_active=True, role=Role.MEMBER).exists()
    assert [m.text for m in sms_outbox] == [INVITATION]
    page = client.get(response["Location"]).content.decode()
    assert "Đã gửi lời mời: người này có thể đăng nhập bằng mã gửi tới điện thoại của họ." in page
    membership = Membership.objects.get(user=user)
    assert _teams_and_members(page)[world.team_a.pk] == {
        world.membership_leader_a.pk,
        world.membership_member_a.pk,
        membership.pk,
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(invite_url(world.team_a), {"phone": "0912345678", "display_name": ""})
    assert len(sms_outbox) == 1
    assert "Người này đã là thành viên đang hoạt động của tổ. Không có gì thay đổi." in (
        client.get(MEMBERS).content.decode()
    )


def _invite_form(html: str, team) -> str:
    start = html.index(f'action="{invite_url(team)}"')
    return html[start : html.index("</form>", start)]


def test_invite_errors_are_shown_beside_the_fields_in_vietnamese(world, sms_outbox):
    client, _response = _page(world.leader_a)
    response = client.post(invite_url(world.team_a), {"phone": "0212 345 678", "display_name": "Minh"})
    assert response.status_code == 200  # the form again, with its errors
    form = _invite_form(response.content.decode(), world.team_a)
    phone_input = form.index(f'id="id_invite_{world.team_a.pk}_phone"')
    assert form.index(BAD_PHONE) > phone_input
    assert 'aria-invalid="true"' in form and 'value="0212 345 678"' in form

    response = client.post(invite_url(world.team_a), {"phone": "0912 345 678", "display_name": ""})
    assert response.status_code == 200  # the form again, with its errors
    form = _invite_form(response.content.decode(), world.team_a)
    assert form.index(NAME_NEEDED) > form.index(f'id="id_invite_{world.team_a.pk}_display_name"')

    response = client.post(invite_url(world.team_a), {"phone": "", "display_name": "Minh"})
    assert "Trường này là bắt buộc." in _invite_form(response.content.decode(), world.team_a)
    assert not User.objects.filter(display_name="Minh").exists() and not sms_outbox


def test_a_team_one_cannot_manage_is_a_404_and_members_get_a_403(world, sms_outbox):
    body = {"phone": "0912 345 678", "display_name": "Minh"}
    for role, team, status in (
        ("leader_a", world.team_b, 404),
        ("coordinator_a", world.team_b, 404),
        ("member_a", world.team_a, 403),
        ("outsider", world.team_a, 403),
    ):
        client, _response = _page(getattr(world, role))
        assert client.post(invite_url(team), body).status_code == status, role
    client, _response = _page(world.leader_a)
    assert client.post(deactivate_url(world.membership_member_b), {"reassign_to": ""}).status_code == 404
    assert client.post(deactivate_url(world.membership_leader_a), {"reassign_to": ""}).status_code == 403
    client, _response = _page(world.member_a)
    assert client.post(deactivate_url(world.membership_leader_a), {"reassign_to": ""}).status_code == 403
    assert not User.objects.filter(phone="+84912345678").exists() and not sms_outbox
    assert Membership.objects.filter(is_active=False).count() == 0


def test_a_leader_cannot_name_a_leader_from_the_page(world, sms_outbox):
    client, _response = _page(world.leader_a)
    response = client.post(invite_url(world.team_a), {"phone": "0912345678", "display_name": "Minh", "role": "leader"})
    # The form has no role field for leaders: the role is ignored and the person joins as a member.
    assert response.status_code == 302
    assert Membership.objects.get(user__phone="+84912345678").role == Role.MEMBER


def test_the_forms_need_the_csrf_token(world, sms_outbox):
    client, page = _page(world.leader_a, enforce_csrf_checks=True)
    body = {"phone": "0912 345 678", "display_name": "Minh"}
    assert client.post(invite_url(world.team_a), body).status_code == 403
    assert client.post(deactivate_url(world.membership_member_a), {"reassign_to": ""}).status_code == 403
    assert not User.objects.filter(phone="+84912345678").exists()
    assert Membership.objects.get(pk=world.membership_member_a.pk).is_active
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = client.post(invite_url(world.team_a), {**body, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert User.objects.filter(phone="+84912345678").exists()


@pytest.fixture
def handover(world, make_household, make_visit):
    """Team a: a second member (member_a2); member_a looks after h1 and h2 (village a1) and has
    an open follow-up on h1 and a done one on h2; the leader looks after h3; team b: member_b
    looks after h4 with an open follow-up."""
    world.member_a2 = User.objects.create_user(username="member-a2", display_name="Vi Thị Hoa")
    world.membership_member_a2 = services.membership_add(actor=world.leader_a, team=world.team_a, user=world.member_a2)
    h1, h2, h3 = (make_household(world.member_a) for _ in range(3))
    h4 = make_household(world.member_b, world.village_b1)
    for household, member, actor in (
        (h1, world.member_a, world.leader_a),
        (h2, world.member_a, world.leader_a),
        (h3, world.leader_a, world.leader_a),
        (h4, world.member_b, world.leader_b),
    ):
        services.assignment_set(actor=actor, household=household, member=member)
    tomorrow = "2099-01-01"
    make_visit(world.member_a, h1, follow_up_on=tomorrow)
    done = make_visit(world.member_a, h2, follow_up_on=tomorrow)
    services.follow_up_done(actor=world.member_a, follow_up=FollowUp.objects.get(visit=done), visit=None)
    make_visit(world.member_b, h4, follow_up_on=tomorrow)
    world.households = (h1, h2, h3, h4)
    return world


def _care(world) -> dict:
    """{household index: username of the member looking after it}."""
    by_pk = dict(Assignment.objects.values_list("household_id", "member__username"))
    return {i: by_pk.get(household.pk) for i, household in enumerate(world.households, 1)}


def _follow_ups(world) -> dict:
    """{(household index, open): username}."""
    index = {household.pk: i for i, household in enumerate(world.households, 1)}
    return {
        (index[f.household_id], f.done_at is None): f.assigned_to.username
        for f in FollowUp.objects.select_related("assigned_to")
    }


def test_deactivating_with_a_hand_over_moves_exactly_their_households_and_open_follow_ups(handover):
    world = handover
    client, page = _page(world.leader_a)
    assert 'data-work="2/1"' in page.content.decode()
    response = client.post(deactivate_url(world.membership_member_a), {"reassign_to": world.member_a2.pk})
    assert response.status_code == 302 and response["Location"] == f"{MEMBERS}#team-{world.team_a.pk}"
    assert not Membership.objects.get(pk=world.membership_member_a.pk).is_active
    assert _care(world) == {1: "member-a2", 2: "member-a2", 3: "leader-a", 4: "member-b"}
    assert _follow_ups(world) == {(1, True): "member-a2", (2, False): "member-a", (4, True): "member-b"}
    page = client.get(MEMBERS).content.decode()
    assert "Thành viên đã ngừng hoạt động. Đã chuyển giao: 2 hộ, 1 lần hẹn quay lại chưa thực hiện." in page


def test_deactivating_without_a_hand_over_leaves_their_households_unassigned(handover):
    world = handover
    client, _page_response = _page(world.coordinator_a)
    response = client.post(deactivate_url(world.membership_member_a), {"reassign_to": ""}, follow=True)
    assert _care(world) == {1: None, 2: None, 3: "leader-a", 4: "member-b"}
    assert _follow_ups(world) == {(1, True): "member-a", (2, False): "member-a", (4, True): "member-b"}
    assert "Thành viên đã ngừng hoạt động. Số hộ chưa có người phụ trách: 2." in response.content.decode()


def test_handing_over_to_someone_outside_the_team_is_refused_beside_the_field(handover):
    world = handover
    client, _page_response = _page(world.leader_a)
    response = client.post(deactivate_url(world.membership_member_a), {"reassign_to": world.member_b.pk})
    assert response.status_code == 200  # the form again, with its errors
    html = response.content.decode()
    form = html[html.index(f'action="{deactivate_url(world.membership_member_a)}"') :]
    form = form[: form.index("</form>")]
    assert form.index("Hãy chọn một lựa chọn hợp lệ.") > form.index('name="reassign_to"')
    assert '<details class="member__deactivate" open>' in html
    assert Membership.objects.get(pk=world.membership_member_a.pk).is_active
    assert _care(world) == {1: "member-a", 2: "member-a", 3: "leader-a", 4: "member-b"}


def test_the_hand_over_choices_are_the_other_active_members(handover):
    world = handover
    _client, response = _page(world.leader_a)
    html = response.content.decode()
    form = html[html.index(f'action="{deactivate_url(world.membership_member_a)}"') :]
    form = form[: form.index("</form>")]
    assert re.findall(r'<option value="(\d*)"', form) == ["", str(world.leader_a.pk), str(world.member_a2.pk)]


def test_the_members_page_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    client = Client()
    client.force_login(world.province_coordinator)
    with django_assert_max_num_queries(14) as small:
        client.get(MEMBERS)
    for n in range(6):
        user = User.objects.create_user(username=f"extra-{n}", display_name=f"Người {n}")
        services.membership_add(actor=world.superuser, team=world.team_b, user=user)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(MEMBERS)


def test_a_get_on_the_form_addresses_is_refused(world):
    client, _response = _page(world.leader_a)
    assert client.get(invite_url(world.team_a)).status_code == 405
    assert client.get(deactivate_url(world.membership_member_a)).status_code == 405


def test_invited_people_join_the_community_group_only_once(world, invite):
    invite()
    invite()
    user = User.objects.get(phone="+84912345678")
    assert list(user.groups.all()) == [Group.objects.get(name=services.COMMUNITY_TEAM_GROUP)]


# The households page.


@pytest.mark.parametrize("role", ["member_a", "leader_a", "coordinator_a", "province_coordinator", "superuser"])
def test_the_households_page_is_a_shell_without_personal_data(world, make_household, role):
    make_household(world.member_a, head_name="Lò Thị Mai", phone="0912 345 678", address_note="Ngõ 3, nhà số 5")
    make_household(world.member_b, world.village_b1, head_name="Bế Văn Tùng", phone="0987 654 321")
    _client, response = _page(getattr(world, role), HOUSEHOLDS)
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-households-page" in html and "js/households.js" in html
    for personal in ("Lò Thị Mai", "Bế Văn Tùng", "0912", "345 678", "912345678", "0987", "654 321", "Ngõ 3"):
        assert personal not in html, personal
    reasons = re.search(r'data-reasons="([^"]*)"', html).group(1)
    assert "requested" in reasons and "consent_withdrawn" in reasons and "entered_in_error" in reasons


def test_the_households_page_lists_the_villages_one_works_in(world):
    _client, response = _page(world.member_a, HOUSEHOLDS)
    codes = re.findall(r'<option value="([0-9-]+)"', response.content.decode())
    assert codes == ["01273-001", "01273-002"]


def test_the_households_page_needs_a_community_role(world):
    _client, response = _page(world.outsider, HOUSEHOLDS)
    assert response.status_code == 403
