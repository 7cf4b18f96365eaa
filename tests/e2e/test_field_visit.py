"""Journey 2 online, on a 390x844 phone: the demo team member logs a visit from "Hôm nay" in
under ten interactions and shows a course QR; a resident scans it in a fresh browser and
finishes the one-lesson course; the leader sees the visit, the follow-up due and the enrolment;
the household member's skill is "learned". Also: the field pages fit a phone.

Selectors go by element, class and data attributes, never by labels (they are translated).
"""

from types import SimpleNamespace

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import ARTIFACTS
from .test_journey_one import qr_urls
from .test_learner_journey import LAYOUT_PROBE, TAP_TARGET_PX

pytestmark = pytest.mark.e2e

FIELD_CLASS_PREFIXES = (
    "button",
    "field-nav__link",
    "field-item__body",
    "pick-list__button",
    "check-card",
    "field-input",
    "search-form__input",
)
HELP_ITEMS = ("cai-vneid", "thanh-toan-qr", "nhan-biet-lua-dao")


@pytest.fixture
def world(content):
    """The site of ``content``, the community demo (Cao Bằng) and a one-lesson course on scams
    tagged with a household target skill."""
    from community_teams.demo import community_demo_load
    from courses.models import CourseIndexPage, Skill
    from tests.courses.factories import add_course, add_lesson, step

    community_demo_load()
    catalogue = CourseIndexPage.objects.child_of(content.home).get()
    safety = Skill.objects.get(code="an-toan")
    course = add_course(
        catalogue, title="Cảnh giác cuộc gọi lừa đảo", summary="Một bài ngắn về lừa đảo.", skills=[safety]
    )
    lesson = add_lesson(course, title="Ba dấu hiệu lừa đảo", body=[step("Không đọc mã OTP cho ai")])
    return SimpleNamespace(base_url=content.base_url, course=course, lesson=lesson, skill=safety)


def log_in(phone, base_url: str, username: str) -> None:
    page = phone.page
    page.goto(base_url + "/accounts/login/")
    page.fill("input[name=login]", f"{username}@cuaso.local")
    page.fill("input[name=password]", f"cuaso-{username}")
    page.locator("main form[action$='/accounts/login/'] button[type=submit]").click()
    expect(page.locator("form[action$='/accounts/logout/'], a[href*='/tai-khoan/']").first).to_be_attached()


def _serious(problems: list[str]) -> list[str]:
    return [p for p in problems if p.startswith(("5", "page error", "console"))]


def test_a_member_logs_a_visit_and_a_resident_learns_from_its_qr(open_phone, world):
    from community_teams.models import FollowUp, Household, MemberSkill, ReferralAttribution, Visit
    from community_teams.referrals import referral_token_for
    from lms.models import Enrolment

    base = world.base_url
    member = open_phone()
    page = member.page
    log_in(member, base, "thanhvien")
    page.goto(base + "/to-cong-nghe-so/hom-nay/")
    expect(page.locator('[data-field-list="households"] .field-item').first).to_be_visible()
    html = page.content()
    member.shot("01-today")

    interactions = 0

    def act(locator, action="click", *args):
        nonlocal interactions
        interactions += 1
        getattr(locator, action)(*args)

    act(page.locator("[data-field-log]"))
    first_household = page.locator(".pick-list__button").first
    expect(first_household).to_be_visible()
    member.shot("02-pick-household")
    act(first_household)
    expect(page.locator("[data-chosen]")).to_be_visible()
    person = page.locator("[data-members] input[type=checkbox]").first
    expect(person).to_be_visible()
    act(person, "check")
    for code in HELP_ITEMS:
        act(page.locator(f"[data-help-item='{code}'] input[data-help-check]"), "check")
    due_on = timezone.localdate()
    act(page.locator("[data-follow-up]"), "fill", due_on.isoformat())
    member.shot("03-visit-form")
    act(page.locator("[data-save]"))
    expect(page.locator("[data-visit-saved]")).to_be_visible()
    act(page.locator("[data-qr-course]"), "select_option", world.course.url)
    qr = page.locator("[data-qr-code] svg")
    expect(qr).to_be_visible()
    member.shot("04-saved-qr")
    assert interactions <= 10, f"{interactions} interactions to log a visit and show its QR"

    # The visit is stored once, with its follow-up; the QR carries the visit's token.
    visit = Visit.objects.filter(author__username="thanhvien").latest("received_at")
    assert visit.follow_up_on == due_on
    assert sorted(visit.help.values_list("item__code", flat=True)) == sorted(HELP_ITEMS)
    follow_up = FollowUp.objects.get(visit=visit)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = ARTIFACTS / "field-visit-qr.png"
    qr.screenshot(path=str(png))
    expected = f"{base}{world.course.url}?nguon={referral_token_for(visit.client_uuid)}"
    assert qr_urls(png) == [expected]
    expect(page.locator("[data-qr-url]")).to_have_text(expected)

    # "Hôm nay" showed households, but its HTML as served holds no household's name.
    served = page.request.get(base + "/to-cong-nghe-so/hom-nay/").text()
    names = list(Household.objects.exclude(head_name="").values_list("head_name", flat=True))
    assert any(name in html for name in names)  # rendered by the script from JSON
    assert not [name for name in names if name in served]

    # A resident scans the QR on their own phone and finishes the one-lesson course.
    resident = open_phone()
    page = resident.page
    page.goto(expected)
    resident.shot("05-resident-course")
    page.locator(".lesson-list__link").first.click()
    expect(page).to_have_url(base + world.lesson.url)
    page.locator("form[action*='/hoan-thanh/'] button").click()
    resident.shot("06-resident-done")
    enrolment = Enrolment.objects.get(course_key=world.course.translation_key)
    assert enrolment.completed_at is not None
    referral = ReferralAttribution.objects.select_related("household_member").get(enrolment=enrolment)
    assert referral.visit_id == visit.pk and referral.team_id == visit.team_id
    helped = referral.household_member
    assert helped is not None and helped.household_id == visit.household_id
    assert helped.learner_id == enrolment.learner_id
    skill = MemberSkill.objects.get(member=helped, skill=world.skill)
    assert skill.learned_at is not None

    # The leader sees the visit, the follow-up due today and the enrolment it brought.
    leader = open_phone()
    page = leader.page
    log_in(leader, base, "totruong")
    page.goto(base + "/to-cong-nghe-so/doi/")
    team = page.locator(f"[data-team='{visit.team_id}']")
    expect(team.locator(f"[data-list='visits'] [data-visit='{visit.client_uuid}']")).to_be_visible()
    expect(team.locator(f"[data-list='follow-ups'] [data-follow-up='{follow_up.pk}']")).to_be_visible()
    expect(team.locator(f"[data-list='referrals'] [data-visit='{visit.client_uuid}']")).to_contain_text(
        world.course.title
    )
    leader.shot("07-leader-team")
    page.goto(base + "/to-cong-nghe-so/hom-nay/")
    expect(page.locator("[data-field-status]")).to_be_hidden()
    leader.shot("08-leader-today")

    assert not _serious(member.problems + resident.problems + leader.problems)


def _open_field_page(phone, world, which: str) -> None:
    page = phone.page
    log_in(phone, world.base_url, "thanhvien")
    if which == "today":
        page.goto(world.base_url + "/to-cong-nghe-so/hom-nay/")
        expect(page.locator('[data-field-list="households"] .field-item').first).to_be_visible()
    elif which == "team":
        page.goto(world.base_url + "/to-cong-nghe-so/doi/")
    else:
        page.goto(world.base_url + "/to-cong-nghe-so/chuyen-tham/moi/")
        expect(page.locator(".pick-list__button").first).to_be_visible()
        if which == "visit-household":
            page.locator(".pick-list__button").first.click()
            expect(page.locator("[data-members] input").first).to_be_visible()
            page.locator("[data-help-check]").first.check()
        elif which == "visit-new-household":
            page.locator("[data-add-household]").click()
            page.locator("[data-consent][value=given]").check()


@pytest.mark.parametrize("which", ["today", "visit", "visit-household", "visit-new-household", "team"])
def test_field_pages_fit_a_phone(phone, world, which):
    _open_field_page(phone, world, which)
    report = phone.page.evaluate(LAYOUT_PROBE, [list(FIELD_CLASS_PREFIXES), TAP_TARGET_PX])
    phone.shot()
    assert report["checkedCount"] > 0, "no element of the checked kinds on the page"
    assert report["scrollWidth"] <= 390, f"horizontal scroll: {report['scrollWidth']}px, {report['overflowing']}"
    assert report["bodyFontSize"] >= 16, f"body font-size {report['bodyFontSize']}px"
    assert report["smallTargets"] == [], "tap targets under 44px:\n" + "\n".join(report["smallTargets"])
    assert not _serious(phone.problems)


def test_without_javascript_the_field_pages_say_why(open_phone, world):
    phone = open_phone(javascript=False)
    log_in(phone, world.base_url, "thanhvien")
    for path in ("/to-cong-nghe-so/hom-nay/", "/to-cong-nghe-so/chuyen-tham/moi/"):
        phone.page.goto(world.base_url + path)
        expect(phone.page.locator("main .alert--error")).to_be_visible()
        expect(phone.page.locator("[data-visit-form]")).to_have_count(int("chuyen-tham" in path))
    phone.shot("no-js-visit-form")
