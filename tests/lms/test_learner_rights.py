"""A signed-in learner downloads their data and deletes their account; counts stay."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from courses.models import LessonPage
from lms.models import Certificate, Enrolment, Learner, LessonProgress, QuizAttempt, User
from lms.services import learner_for_user, lesson_progress_record
from tests.courses.factories import add_course, add_lesson, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_user(catalogue, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    course = add_course(catalogue, title="Mua sắm trực tuyến an toàn")
    add_lesson(course, title="Nhận biết trang giả", body=[step("Xem địa chỉ trang")])
    user = User.objects.create(
        username="lan", display_name="Trần Thị Lan", phone="+84912345678", phone_verified=True, email="lan@example.vn"
    )
    learner = learner_for_user(user=user)
    with django_capture_on_commit_callbacks(execute=True):  # the certificate is made after commit
        for lesson in LessonPage.objects.child_of(course):
            lesson_progress_record(learner=learner, lesson=lesson, position=1.0, seconds=95, source="doi-7")
    return user


def test_the_data_download_holds_the_account_and_the_learning(client, learner_user):
    client.force_login(learner_user)
    response = client.get(reverse("account_data"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["phone"] == "+84912345678"
    assert data["account"]["display_name"] == "Trần Thị Lan"
    assert [e["course"] for e in data["enrolments"]] == ["Mua sắm trực tuyến an toàn"]
    assert data["enrolments"][0]["source"] == "doi-7" and data["enrolments"][0]["completed_at"]
    assert data["lesson_progress"][0]["time_spent_seconds"] == 95
    assert len(data["certificates"]) == Certificate.objects.count() == 1


def test_the_data_download_needs_a_signed_in_person(client, learner_user):
    response = client.get(reverse("account_data"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_deleting_the_account_anonymises_and_keeps_the_counts(client, learner_user):
    learner = learner_user.learner
    certificate = Certificate.objects.get()
    client.force_login(learner_user)
    assert client.post(reverse("account_delete"), {}).status_code == 200  # not confirmed: nothing happens
    assert User.objects.filter(pk=learner_user.pk).exists()

    response = client.post(reverse("account_delete"), {"confirm": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=learner_user.pk).exists()
    learner.refresh_from_db()
    assert learner.user is None and learner.resume_code is None
    assert Enrolment.objects.filter(learner=learner, completed_at__isnull=False).count() == 1
    assert LessonProgress.objects.filter(learner=learner).count() == 1
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None and certificate.holder_name == "" and not certificate.pdf
    page = client.get(reverse("certificate_verify", args=[certificate.code]))
    assert "Trần Thị Lan" not in page.content.decode()
    assert client.get(reverse("account_home")).status_code == 302  # signed out


def test_staff_and_team_accounts_cannot_delete_themselves(client, learner_user):
    learner_user.groups.add(Group.objects.first())
    client.force_login(learner_user)
    client.post(reverse("account_delete"), {"confirm": "yes"})
    assert User.objects.filter(pk=learner_user.pk).exists()


def test_the_account_page_sets_the_name_printed_on_certificates(client, learner_user):
    client.force_login(learner_user)
    client.post(reverse("account_home"), {"display_name": "  Tran   Thi  Lan "})
    learner_user.refresh_from_db()
    assert learner_user.display_name == "Tran Thi Lan"
    response = client.post(reverse("account_home"), {"display_name": "   "})
    assert response.status_code == 200 and response.context["form"].errors
    assert QuizAttempt.objects.count() == 0 and Learner.objects.count() == 1
