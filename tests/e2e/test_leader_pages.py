"""A team leader on a 390x844 phone manages the demo team: invites a member by phone, deactivates
another and hands their households over, assigns a household and erases one. Both pages fit a
phone; the members page works without JavaScript.

Selectors go by element, class and data attributes, never by labels (they are translated).
"""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from .test_field_visit import _serious, log_in
from .test_learner_journey import LAYOUT_PROBE, TAP_TARGET_PX

pytestmark = pytest.mark.e2e

MEMBERS = "/to-cong-nghe-so/doi/thanh-vien/"
HOUSEHOLDS = "/to-cong-nghe-so/ho-gia-dinh/"
CHECKED = ("button", "field-nav__link", "field-input", "check-card")


@pytest.fixture
def demo(content, sms_outbox):
    """The community demo (Cao Bằng): totruong leads the first team, with thanhvien and
    thanhvien2."""
    from community_teams.demo import community_demo_load
    from community_teams.models import Membership

    community_demo_load()
    leader = Membership.objects.select_related("team").get(user__username="totruong")
    return SimpleNamespace(base_url=content.base_url, team=leader.team, outbox=sms_outbox)


def _fits(phone) -> None:
    report = phone.page.evaluate(LAYOUT_PROBE, [list(CHECKED), TAP_TARGET_PX])
    assert report["checkedCount"] > 0
    assert report["scrollWidth"] <= 390, f"horizontal scroll: {report['scrollWidth']}px, {report['overflowing']}"
    assert report["smallTargets"] == [], "tap targets under 44px:\n" + "\n".join(report["smallTargets"])


def test_a_leader_invites_deactivates_assigns_and_erases(phone, demo):
    from community_teams.models import Assignment, ConsentStatus, FollowUp, Household, Membership
    from lms.models import User

    page, base, team = phone.page, demo.base_url, demo.team
    member = User.objects.get(username="thanhvien")
    leaving = Membership.objects.get(user__username="thanhvien2", team=team)
    theirs = set(Assignment.objects.filter(member=leaving.user).values_list("household_id", flat=True))
    open_follow_ups = set(
        FollowUp.objects.filter(assigned_to=leaving.user, done_at__isnull=True).values_list("pk", flat=True)
    )
    assert theirs, "the demo gives every member households"

    log_in(phone, base, "totruong")
    page.goto(base + "/to-cong-nghe-so/doi/")
    page.locator("[data-team-members-link]").click()
    section = page.locator(f"section.team[data-team='{team.pk}']")
    expect(section.locator("[data-membership]")).to_have_count(3)
    _fits(phone)
    phone.shot("01-members")

    # Invite by phone.
    form = section.locator("[data-invite-form]")
    form.locator("input[name=phone]").fill("0912 345 678")
    form.locator("input[name=display_name]").fill("Lò Văn Minh")
    phone.shot("02-invite-filled")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages__item--success")).to_be_visible()
    invited = User.objects.get(phone="+84912345678")
    joined = Membership.objects.get(user=invited, team=team)
    expect(section.locator(f"[data-membership='{joined.pk}']")).to_contain_text("Lò Văn Minh")
    assert [m.phone for m in demo.outbox] == ["+84912345678"]
    phone.shot("03-invited")

    # Deactivate thanhvien2; their households and open follow-ups go to thanhvien.
    row = section.locator(f"[data-membership='{leaving.pk}']")
    row.locator("summary").click()
    row.locator("select[name=reassign_to]").select_option(str(member.pk))
    phone.shot("04-deactivate-open")
    row.locator("button[type=submit]").click()
    expect(page.locator(".messages__item--success")).to_be_visible()
    expect(section.locator(f"[data-membership='{leaving.pk}']")).to_have_count(0)
    assert not Membership.objects.get(pk=leaving.pk).is_active
    assert set(Assignment.objects.filter(household_id__in=theirs).values_list("member_id", flat=True)) == {member.pk}
    assert set(FollowUp.objects.filter(pk__in=open_follow_ups).values_list("assigned_to_id", flat=True)) <= {member.pk}
    phone.shot("05-deactivated")

    # Households: assign one to the new member, erase another.
    page.goto(base + HOUSEHOLDS)
    first = page.locator("li.household").first
    expect(first.locator("select[data-assign]")).to_be_visible()
    _fits(phone)
    phone.shot("06-households")
    target = Household.objects.get(client_uuid=first.get_attribute("data-household"))
    first.locator("select[data-assign]").select_option(str(invited.pk))
    first.locator("[data-assign-button]").click()
    expect(first.locator(".household__note")).not_to_be_empty()
    assert Assignment.objects.get(household=target).member_id == invited.pk
    expect(first.locator(".field-item__meta")).to_contain_text("Lò Văn Minh")
    phone.shot("07-assigned", full_page=False)

    second = page.locator("li.household").nth(1)
    erased = Household.objects.get(client_uuid=second.get_attribute("data-household"))
    second.locator("[data-erase-open]").click()
    expect(second.locator(".erase-panel")).to_be_visible()
    second.locator("input[value=entered_in_error]").check()
    second.scroll_into_view_if_needed()
    _fits(phone)
    phone.shot("08-erase-confirm", full_page=False)
    second.locator("[data-erase-confirm]").click()
    expect(second.locator(".household__note")).not_to_be_empty()
    erased.refresh_from_db()
    assert (erased.consent_status, erased.head_name, erased.phone) == (ConsentStatus.ERASED, "", "")
    expect(second.locator("[data-erase-open]")).to_have_count(0)
    phone.shot("09-erased", full_page=False)

    # The page as served holds no household's name.
    served = page.request.get(base + HOUSEHOLDS).text()
    names = list(Household.objects.exclude(head_name="").values_list("head_name", flat=True)[:50])
    assert names and not [name for name in names if name in served]
    assert not _serious(phone.problems)


def test_the_members_page_works_without_javascript(open_phone, demo):
    from community_teams.models import Membership

    phone = open_phone(javascript=False)
    page = phone.page
    log_in(phone, demo.base_url, "totruong")
    page.goto(demo.base_url + MEMBERS)
    form = page.locator(f"section.team[data-team='{demo.team.pk}'] [data-invite-form]")
    form.locator("input[name=phone]").fill("0212 345 678")
    form.locator("input[name=display_name]").fill("Minh")
    form.locator("button[type=submit]").click()
    expect(page.locator(f"section.team[data-team='{demo.team.pk}'] .errorlist")).to_be_visible()
    phone.shot("no-js-invite-error")
    form.locator("input[name=phone]").fill("0987 654 321")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages__item--success")).to_be_visible()
    assert Membership.objects.filter(user__phone="+84987654321", team=demo.team, is_active=True).exists()
    phone.shot("no-js-invited")
    assert not _serious(phone.problems)


def test_a_member_sees_the_households_of_the_team_read_only(phone, demo):
    page = phone.page
    log_in(phone, demo.base_url, "thanhvien")
    page.goto(demo.base_url + HOUSEHOLDS)
    expect(page.locator("li.household").first).to_be_visible()
    expect(page.locator("li.household .field-item__meta").first).not_to_be_empty()
    expect(page.locator("select[data-assign], [data-erase-open]")).to_have_count(0)
    _fits(phone)
    phone.shot("member-households", full_page=False)
    assert not _serious(phone.problems)
    assert page.goto(demo.base_url + MEMBERS).status == 403
