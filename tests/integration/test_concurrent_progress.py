"""Progress under concurrency, on PostgreSQL: N separate connections started together."""

import threading

import pytest
from django.db import connection

from courses.models import CourseIndexPage
from courses.services import site_setup
from lms.models import Enrolment, LessonProgress
from lms.services import learner_create_anonymous, lesson_progress_record
from tests.courses.factories import add_course, add_lesson, step

pytestmark = pytest.mark.integration

CONNECTIONS = 20


def run_together(target, count: int) -> list[BaseException]:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            target(index)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_twenty_connections_posting_the_same_progress_make_one_row(transactional_db):
    catalogue = CourseIndexPage.objects.child_of(site_setup()).get()
    course = add_course(catalogue)
    lesson = add_lesson(course, body=[step("Đọc")])
    learner = learner_create_anonymous()

    def post(index: int) -> None:
        lesson_progress_record(learner=learner, lesson=lesson, position=index / CONNECTIONS, seconds=5)

    errors = run_together(post, CONNECTIONS)
    assert errors == []
    progress = LessonProgress.objects.get(learner=learner)
    assert LessonProgress.objects.count() == 1
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert progress.time_spent_seconds == 5 * CONNECTIONS
    assert progress.position == (CONNECTIONS - 1) / CONNECTIONS


def test_twenty_connections_completing_the_same_lesson_complete_it_once(transactional_db):
    catalogue = CourseIndexPage.objects.child_of(site_setup()).get()
    course = add_course(catalogue)
    lesson = add_lesson(course, body=[step("Đọc")])
    learner = learner_create_anonymous()

    errors = run_together(
        lambda index: lesson_progress_record(learner=learner, lesson=lesson, position=1.0), CONNECTIONS
    )
    assert errors == []
    progress = LessonProgress.objects.get(learner=learner)
    assert progress.is_completed
    enrolment = Enrolment.objects.get(learner=learner)
    assert enrolment.completed_at is not None
