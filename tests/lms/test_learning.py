"""Learner records: enrolment on first view, progress rules, quiz attempts, merging."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses.grading import grade_quiz
from lms import signals
from lms.learners import LEARNER_COOKIE
from lms.models import Enrolment, Learner, LessonProgress, QuizAnswer, QuizAttempt, User
from lms.services import (
    learner_create_anonymous,
    learner_for_user,
    learner_merge,
    lesson_progress_record,
    quiz_attempt_submit,
)
from tests.courses.factories import add_course, add_lesson, step


@pytest.fixture
def events():
    received = []

    def make(name):
        def receiver(sender, **kwargs):
            received.append((name, kwargs))

        return receiver

    handlers = {
        name: make(name) for name in ("enrolment_created", "lesson_completed", "course_completed", "learners_merged")
    }
    for name, handler in handlers.items():
        getattr(signals, name).connect(handler)
    yield received
    for name, handler in handlers.items():
        getattr(signals, name).disconnect(handler)


def grade(lesson, picks):
    answers = {
        str(q.id): [str(list(q.value["options"].bound_blocks)[i].id)]
        for q, i in zip(lesson.questions, picks, strict=True)
    }
    return grade_quiz(lesson.questions, answers)


def test_opening_a_lesson_enrols_an_anonymous_learner_and_remembers_them(client, lessons):
    response = client.get(lessons[0].url + "?nguon=to-cns-phuong-1")
    assert response.status_code == 200
    assert LEARNER_COOKIE in response.cookies and response.cookies[LEARNER_COOKIE]["httponly"]
    learner = Learner.objects.get()
    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.source == "to-cns-phuong-1"
    client.get(lessons[1].url)
    assert Learner.objects.count() == 1
    assert LessonProgress.objects.filter(learner=learner).count() == 2
    assert Enrolment.objects.count() == 1


def test_a_forged_learner_cookie_is_ignored(client, lessons):
    client.get(lessons[0].url)
    client.cookies[LEARNER_COOKIE] = "forged-value"
    client.get(lessons[0].url)
    assert Learner.objects.count() == 2


def test_reaching_the_end_completes_a_lesson_without_quiz(lessons, django_capture_on_commit_callbacks, events):
    learner = learner_create_anonymous()
    with django_capture_on_commit_callbacks(execute=True):
        progress = lesson_progress_record(learner=learner, lesson=lessons[1], position=1.0, seconds=30)
    assert progress.is_completed and progress.completed_at
    assert [name for name, _kw in events] == ["enrolment_created", "lesson_completed"]


def test_a_lesson_with_a_quiz_completes_only_when_passed(lessons):
    learner = learner_create_anonymous()
    progress = lesson_progress_record(learner=learner, lesson=lessons[0], position=1.0)
    assert not progress.is_completed
    quiz_attempt_submit(learner=learner, lesson=lessons[0], result=grade(lessons[0], [1, 0]))  # 50 %
    assert not LessonProgress.objects.get(pk=progress.pk).is_completed
    quiz_attempt_submit(learner=learner, lesson=lessons[0], result=grade(lessons[0], [0, 0]))  # 100 %
    progress.refresh_from_db()
    assert progress.is_completed and progress.best_score_percent == 100
    quiz_attempt_submit(learner=learner, lesson=lessons[0], result=grade(lessons[0], [1, 1]))  # 0 %, kept best
    progress.refresh_from_db()
    assert progress.best_score_percent == 100 and progress.is_completed
    assert QuizAttempt.objects.filter(learner=learner).count() == 3
    assert QuizAnswer.objects.filter(attempt__learner=learner).count() == 6
    assert QuizAnswer.objects.filter(attempt__learner=learner, correct=True).count() == 3


def test_progress_never_goes_backwards_and_replays_change_nothing(lessons):
    learner = learner_create_anonymous()
    lesson_progress_record(learner=learner, lesson=lessons[0], position=0.7)
    progress = lesson_progress_record(learner=learner, lesson=lessons[0], position=0.2)
    assert progress.position == 0.7
    lesson_progress_record(learner=learner, lesson=lessons[1], position=1.0)
    done = LessonProgress.objects.get(learner=learner, lesson_key=lessons[1].translation_key)
    lesson_progress_record(learner=learner, lesson=lessons[1], position=0.1)
    again = LessonProgress.objects.get(pk=done.pk)
    assert again.is_completed and again.completed_at == done.completed_at and again.position == 1.0


@pytest.mark.parametrize("position", [-0.1, 1.5, "abc", None])
def test_position_outside_0_1_is_refused_and_nothing_stored(lessons, position):
    learner = learner_create_anonymous()
    with pytest.raises(ValidationError):
        lesson_progress_record(learner=learner, lesson=lessons[0], position=position)
    assert not LessonProgress.objects.exists() and not Enrolment.objects.exists()


def test_course_completes_when_every_lesson_is_complete(lessons, django_capture_on_commit_callbacks, events):
    learner = learner_create_anonymous()
    with django_capture_on_commit_callbacks(execute=True):
        lesson_progress_record(learner=learner, lesson=lessons[1], position=1.0)
        assert Enrolment.objects.get(learner=learner).completed_at is None
        quiz_attempt_submit(learner=learner, lesson=lessons[0], result=grade(lessons[0], [0, 0]))
        quiz_attempt_submit(learner=learner, lesson=lessons[0], result=grade(lessons[0], [0, 0]))
    assert Enrolment.objects.get(learner=learner).completed_at is not None
    assert [name for name, _kw in events].count("course_completed") == 1


def test_quiz_view_records_the_attempt(client, lessons):
    lesson = lessons[0]
    data = {f"q-{q.id}": [str(next(iter(q.value["options"].bound_blocks)).id)] for q in lesson.questions}
    assert client.post(reverse("quiz_submit", args=[lesson.pk]), data).status_code == 200
    attempt = QuizAttempt.objects.get()
    assert attempt.score_percent == 100 and attempt.passed
    assert LessonProgress.objects.get(learner=attempt.learner, lesson_key=lesson.translation_key).is_completed


def test_a_rejected_quiz_submission_stores_nothing(client, lessons):
    assert client.post(reverse("quiz_submit", args=[lessons[0].pk]), {"q-x": "y"}).status_code == 400
    assert not QuizAttempt.objects.exists()


def test_progress_survives_deleting_the_lesson_page(lessons):
    learner = learner_create_anonymous()
    lesson_progress_record(learner=learner, lesson=lessons[1], position=1.0)
    key = lessons[1].translation_key
    lessons[1].delete()
    progress = LessonProgress.objects.get(learner=learner, lesson_key=key)
    assert progress.lesson is None and progress.is_completed


def test_merge_keeps_the_best_of_both(lessons, django_capture_on_commit_callbacks, events):
    anonymous = learner_create_anonymous()
    account = learner_for_user(user=User.objects.create_user(username="lan", email="lan@example.com"))
    with django_capture_on_commit_callbacks(execute=True):
        quiz_attempt_submit(learner=anonymous, lesson=lessons[0], result=grade(lessons[0], [0, 0]))
        lesson_progress_record(learner=account, lesson=lessons[1], position=1.0)
        events.clear()
        assert learner_merge(source=anonymous, target=account) is True
    anonymous.refresh_from_db()
    assert anonymous.merged_into == account
    assert Enrolment.objects.filter(learner=account).count() == 1
    assert not Enrolment.objects.filter(learner=anonymous).exists()
    done = LessonProgress.objects.filter(learner=account, status="completed").count()
    assert done == 2
    assert Enrolment.objects.get(learner=account).completed_at is not None
    assert [name for name, _kw in events].count("learners_merged") == 1
    assert QuizAttempt.objects.filter(learner=account).count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        assert learner_merge(source=anonymous, target=account) is False
    assert [name for name, _kw in events].count("learners_merged") == 1


def test_merge_never_goes_into_a_staff_account(lessons):
    anonymous = learner_create_anonymous()
    lesson_progress_record(learner=anonymous, lesson=lessons[1], position=1.0)
    staff = learner_for_user(user=User.objects.create_user(username="admin", is_staff=True))
    with pytest.raises(ValidationError):
        learner_merge(source=anonymous, target=staff)
    assert LessonProgress.objects.filter(learner=anonymous).count() == 1


def test_finishing_a_lesson_without_quiz_by_its_button(client, lessons, course):
    response = client.post(reverse("lesson_complete", args=[lessons[1].pk]))
    assert response.status_code == 302 and response["Location"] == course.url
    assert LessonProgress.objects.get(lesson_key=lessons[1].translation_key).is_completed


def test_a_lesson_with_a_quiz_is_not_finished_by_the_button(client, lessons):
    response = client.post(reverse("lesson_complete", args=[lessons[0].pk]))
    assert response.status_code == 302 and response["Location"].endswith("#kiem-tra")
    assert not LessonProgress.objects.filter(status="completed").exists()


def test_returning_learner_is_offered_the_next_lesson(client, lessons):
    lesson = lessons[0]
    data = {f"q-{q.id}": [str(next(iter(q.value["options"].bound_blocks)).id)] for q in lesson.questions}
    client.post(reverse("quiz_submit", args=[lesson.pk]), data)
    home = client.get("/").content.decode()
    assert 'class="resume"' in home and lessons[1].url in home
    course_html = client.get(lessons[0].get_parent().url).content.decode()
    assert "50%" in course_html and "lesson-list__number--done" in course_html


def test_a_new_visitor_sees_no_resume_and_gets_no_learner_row(client, lessons):
    html = client.get("/").content.decode()
    assert 'class="resume"' not in html
    assert not Learner.objects.exists()


def test_my_courses_lists_in_progress_and_completed(client, lessons):
    client.post(reverse("lesson_complete", args=[lessons[1].pk]))
    html = client.get(reverse("my_courses")).content.decode()
    assert "Thanh toán bằng mã QR" in html


def count_queries(client, url):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_my_courses_and_course_page_cost_the_same_for_1_and_20_enrolments(client, catalogue, lessons, course):
    client.post(reverse("lesson_complete", args=[lessons[1].pk]))
    one_list, one_course = count_queries(client, reverse("my_courses")), count_queries(client, course.url)
    for i in range(19):
        other = add_course(catalogue, title=f"Khóa {i}")
        extra = add_lesson(other, title=f"Bài {i}", body=[step("Đọc")])
        client.post(reverse("lesson_complete", args=[extra.pk]))
    assert Enrolment.objects.count() == 20
    assert count_queries(client, reverse("my_courses")) == one_list
    assert count_queries(client, course.url) == one_course
