"""Sign-up and sign-in by phone: local formats, SMS codes, resend, change, limits, merge prompt."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from lms.learners import LEARNER_COOKIE
from lms.models import Enrolment, Learner, LessonProgress, User
from lms.phone import phone_normalise
from lms.services import learner_for_user
from tests.courses.factories import add_course, add_lesson, step

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
VERIFY = "/accounts/phone/verify/"
LOGIN_CODE = "/accounts/login/code/"
LOGIN_CONFIRM = "/accounts/login/code/confirm/"


def last_code(outbox) -> str:
    match = re.search(r"\b(\d{6})\b", outbox[-1].text)
    assert match, outbox[-1].text
    return match.group(1)


@pytest.mark.parametrize(
    "typed",
    ["0912 345 678", "0912345678", "091.234.5678", "091-234-5678", "84912345678", "+84 912 345 678", "+840912345678"],
)
def test_vietnamese_formats_become_e164(typed):
    assert phone_normalise(typed) == "+84912345678"


@pytest.mark.parametrize("typed", ["", "12345", "0212345678", "091234567", "09123456789", "+84212345678", "abc"])
def test_numbers_that_cannot_take_an_sms_are_refused(typed):
    with pytest.raises(ValidationError):
        phone_normalise(typed)


def test_a_foreign_number_in_international_form_is_kept():
    assert phone_normalise("+1 415 555 0100") == "+14155550100"


def test_sign_up_by_phone_with_a_local_number_then_the_sms_code(client, home, sms_outbox):
    response = client.post(SIGNUP, {"display_name": "  Nguyễn  Thị Hường ", "phone": "0912 345 678"})
    assert response.status_code == 302 and response["Location"] == VERIFY
    user = User.objects.get()
    assert (user.phone, user.phone_verified, user.display_name) == ("+84912345678", False, "Nguyễn Thị Hường")
    assert not user.has_usable_password()
    assert len(sms_outbox) == 1 and sms_outbox[0].phone == "+84912345678"
    page = client.get(VERIFY)
    assert "+84912345678" in page.content.decode()

    response = client.post(VERIFY, {"code": last_code(sms_outbox)})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.phone_verified
    assert client.get(reverse("my_courses")).context["user"] == user


def test_sign_up_needs_a_phone_or_an_email(client, home, sms_outbox):
    response = client.post(SIGNUP, {"display_name": "Lan"})
    assert response.status_code == 200
    assert "Hãy nhập số điện thoại hoặc địa chỉ email." in response.context["form"].errors["phone"]
    assert not User.objects.exists() and not sms_outbox


def test_sign_up_with_an_email_needs_a_password(client, home):
    response = client.post(SIGNUP, {"display_name": "Lan", "email": "lan@example.vn"})
    assert "password1" in response.context["form"].errors
    response = client.post(
        SIGNUP, {"display_name": "Lan", "email": "lan@example.vn", "password1": "mat-khau-rat-dai-2026"}
    )
    assert response.status_code == 302
    assert User.objects.get().email == "lan@example.vn"


def test_sign_up_needs_a_name(client, home, sms_outbox):
    response = client.post(SIGNUP, {"display_name": "   ", "phone": "0912345678"})
    assert "display_name" in response.context["form"].errors
    assert not User.objects.exists()


def test_a_bad_number_is_a_form_error_not_a_crash(client, home, sms_outbox):
    response = client.post(SIGNUP, {"display_name": "Lan", "phone": "0212 345 678"})
    assert response.status_code == 200
    assert "phone" in response.context["form"].errors
    assert not User.objects.exists() and not sms_outbox


def test_resend_has_a_cooldown_and_the_number_can_be_changed(client, home, sms_outbox):
    client.post(SIGNUP, {"display_name": "Lan", "phone": "0912345678"})
    first = last_code(sms_outbox)
    response = client.post(VERIFY, {"action": "resend"}, follow=True)
    assert len(sms_outbox) == 1  # within 30 s of the first code: nothing sent
    assert response.status_code == 200

    response = client.post(VERIFY, {"action": "change", "phone": "0987 654 321"})
    assert response.status_code == 302
    assert User.objects.get().phone == "+84987654321"
    assert len(sms_outbox) == 2 and sms_outbox[-1].phone == "+84987654321"
    response = client.post(VERIFY, {"code": first})  # the old code no longer counts
    assert not User.objects.get().phone_verified
    client.post(VERIFY, {"code": last_code(sms_outbox)})
    assert User.objects.get().phone_verified


def test_three_wrong_codes_end_the_flow_with_a_message(client, home, sms_outbox):
    client.post(SIGNUP, {"display_name": "Lan", "phone": "0912345678"})
    right = last_code(sms_outbox)
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(2):
        response = client.post(VERIFY, {"code": wrong})
        assert response.status_code == 200
    response = client.post(VERIFY, {"code": wrong}, follow=True)
    assert response.redirect_chain, "the flow should end and send the person away"
    assert client.post(VERIFY, {"code": right}).status_code in (302, 404)
    assert not User.objects.get().phone_verified


def test_sign_in_by_sms_code_without_a_password(home, sms_outbox):
    user = User.objects.create(username="huong", phone="+84912345678", phone_verified=True, display_name="Hường")
    client = Client()
    response = client.post(LOGIN_CODE, {"phone": "091 234 5678"})
    assert response.status_code == 302 and response["Location"] == LOGIN_CONFIRM
    assert sms_outbox[-1].phone == "+84912345678"
    response = client.post(LOGIN_CONFIRM, {"code": last_code(sms_outbox)})
    assert response.status_code == 302
    assert client.get(reverse("my_courses")).context["user"] == user


def test_asking_for_a_code_with_nothing_filled_in_is_a_form_error(home, sms_outbox):
    response = Client().post(LOGIN_CODE, {"phone": "", "email": ""})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not sms_outbox


def test_an_unknown_number_gets_no_account_but_an_sms_saying_so(home, sms_outbox):
    response = Client().post(LOGIN_CODE, {"phone": "0912345678"})
    assert response.status_code == 302  # no enumeration: the page looks the same
    assert not User.objects.exists()
    assert len(sms_outbox) == 1 and not re.search(r"\d{6}", sms_outbox[0].text)


def test_a_second_sign_up_with_the_same_number_within_30_s_is_a_friendly_429(home, sms_outbox):
    Client().post(SIGNUP, {"display_name": "Lan", "phone": "0912345678"})
    response = Client().post(SIGNUP, {"display_name": "Mai", "phone": "0912 345 678"})
    assert response.status_code == 429
    assert "Please wait a moment" in response.content.decode() or "Vui lòng" in response.content.decode()
    assert User.objects.count() == 1


# Merge prompt -------------------------------------------------------------------------------


@pytest.fixture
def course(catalogue):
    course = add_course(catalogue, title="Dùng VNeID")
    add_lesson(course, title="Cài VNeID", body=[step("Tải ứng dụng")])
    add_lesson(course, title="Kích hoạt", body=[step("Mở ứng dụng")])
    return course


def learn_anonymously(client, course):
    from courses.models import LessonPage

    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    client.get(lesson.url)
    client.post(reverse("lesson_complete", args=[lesson.pk]))
    return Learner.objects.get(user__isnull=True)


def sign_up_by_phone(client, sms_outbox, phone="0912345678"):
    client.post(SIGNUP, {"display_name": "Hường", "phone": phone})
    return client.post(VERIFY, {"code": last_code(sms_outbox)})


def test_after_sign_up_the_person_is_asked_before_progress_is_merged(client, course, sms_outbox):
    anonymous = learn_anonymously(client, course)
    response = sign_up_by_phone(client, sms_outbox)
    assert response["Location"].startswith(reverse("merge_progress"))
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert LessonProgress.objects.get().learner == anonymous  # nothing moved before the answer

    response = client.post(response["Location"], {"action": "merge", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get()
    learner = learner_for_user(user=user)
    assert LessonProgress.objects.get().learner == learner
    assert Enrolment.objects.get().learner == learner
    anonymous.refresh_from_db()
    assert anonymous.merged_into == learner
    assert response.cookies[LEARNER_COOKIE].value == ""  # the browser forgets the merged learner


def test_declining_the_merge_keeps_the_progress_apart(client, course, sms_outbox):
    anonymous = learn_anonymously(client, course)
    response = sign_up_by_phone(client, sms_outbox)
    client.post(response["Location"], {"action": "skip"})
    assert LessonProgress.objects.get().learner == anonymous
    anonymous.refresh_from_db()
    assert anonymous.merged_into is None


def test_staff_and_team_accounts_are_never_offered_a_merge(client, course, sms_outbox):
    learn_anonymously(client, course)
    staff = User.objects.create(username="staff", phone="+84987654321", phone_verified=True, is_staff=True)
    client.post(LOGIN_CODE, {"phone": "0987654321"})
    response = client.post(LOGIN_CONFIRM, {"code": last_code(sms_outbox)})
    assert not response["Location"].startswith(reverse("merge_progress"))
    assert client.get(reverse("merge_progress")).status_code == 302  # nothing to offer
    assert client.post(reverse("merge_progress"), {"action": "merge"}).status_code == 302
    assert not LessonProgress.objects.filter(learner__user=staff).exists()

    member = User.objects.create(username="member", phone="+84987000111", phone_verified=True)
    member.groups.add(Group.objects.first())
    other = Client()  # a team member's phone, where a resident just learned
    from courses.models import LessonPage

    other.get(LessonPage.objects.child_of(course).first().url)
    assert Learner.objects.filter(user__isnull=True).count() == 2
    other.post(LOGIN_CODE, {"phone": "0987000111"})
    response = other.post(LOGIN_CONFIRM, {"code": last_code(sms_outbox)})
    assert not response["Location"].startswith(reverse("merge_progress"))
    assert not Enrolment.objects.filter(learner__user=member).exists()


def test_a_visitor_without_progress_is_not_asked(client, home, sms_outbox):
    response = sign_up_by_phone(client, sms_outbox)
    assert not response["Location"].startswith(reverse("merge_progress"))


# Resume code --------------------------------------------------------------------------------


def test_a_resume_code_carries_progress_to_a_fresh_browser(client, course):
    anonymous = learn_anonymously(client, course)
    page = client.post(reverse("save_progress"))
    code = page.context["code"]
    assert re.fullmatch(r"[34679ACDEFGHJKMNPQRTUVWXY]{8}", code)
    assert client.post(reverse("save_progress")).context["code"] == code  # stable

    fresh = Client()
    typed = f"{code[:4].lower()} {code[4:]}"
    response = fresh.post(reverse("resume_enter"), {"code": typed})
    assert response.status_code == 302
    signed = fresh.cookies[LEARNER_COOKIE].value
    assert signed
    my = fresh.get(reverse("my_courses"))
    assert [c.title for c in my.context["in_progress"]] == ["Dùng VNeID"]
    assert Learner.objects.filter(user__isnull=True, merged_into__isnull=True).get() == anonymous


def test_the_resume_link_asks_before_acting_and_then_continues(client, course):
    learn_anonymously(client, course)
    code = client.post(reverse("save_progress")).context["code"]
    fresh = Client()
    link = reverse("resume_link", args=[code])
    assert fresh.get(link).status_code == 200
    assert LEARNER_COOKIE not in fresh.cookies  # a chat app's link preview changes nothing
    assert fresh.post(link).status_code == 302
    assert [c.title for c in fresh.get(reverse("my_courses")).context["in_progress"]] == ["Dùng VNeID"]


def test_a_wrong_resume_code_says_so_and_guessing_is_limited(client, course):
    response = client.post(reverse("resume_enter"), {"code": "AAAA AAAA"})
    assert response.status_code == 200 and response.context["error"]
    statuses = [client.post(reverse("resume_enter"), {"code": "CCCC CCCC"}).status_code for _ in range(12)]
    assert statuses[-1] == 429


def test_a_resume_code_of_merged_progress_sends_to_sign_in(client, course, sms_outbox):
    learn_anonymously(client, course)
    code = client.post(reverse("save_progress")).context["code"]
    response = sign_up_by_phone(client, sms_outbox)
    client.post(response["Location"], {"action": "merge"})
    response = Client().post(reverse("resume_enter"), {"code": code})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_progress_is_offered_to_be_saved_after_the_first_lesson(client, course):
    from courses.models import LessonPage

    first, second = LessonPage.objects.child_of(course).order_by("path")
    assert "save-progress" not in client.get(first.url).content.decode()
    client.post(reverse("lesson_complete", args=[first.pk]))
    assert "save-progress" in client.get(second.url).content.decode()
