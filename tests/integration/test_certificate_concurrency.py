"""Certificates under concurrency, on PostgreSQL: two connections run the issue task at once."""

import threading
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from courses.models import CourseIndexPage
from courses.services import site_setup
from lms import tasks
from lms.models import Certificate, Enrolment, User
from lms.services import learner_for_user
from tests.courses.factories import add_course

pytestmark = pytest.mark.integration

RUNS = 2


def run_together(target, count: int) -> tuple[list, list[BaseException]]:
    barrier = threading.Barrier(count)
    results: list = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait(timeout=30)
            results.append(target())
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()  # each thread had its own connection

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def test_the_certificate_task_run_twice_at_once_makes_one_certificate_and_one_file(
    transactional_db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    catalogue = CourseIndexPage.objects.child_of(site_setup()).get()
    course = add_course(catalogue, title="Thanh toán bằng mã QR")
    user = User.objects.create_user(username="huong", display_name="Nguyễn Thị Hường")
    # A completed enrolment made directly: the completion event would queue the task on the
    # broker, and this test runs the task itself, in two threads.
    enrolment = Enrolment.objects.create(
        learner=learner_for_user(user=user),
        course_key=course.translation_key,
        course=course,
        completed_at=timezone.now(),
    )

    results, errors = run_together(lambda: tasks.certificate_issue_for_enrolment(enrolment.pk), RUNS)

    assert errors == []
    certificate = Certificate.objects.get()
    assert results == [certificate.pk] * RUNS
    assert certificate.pdf
    files = list((Path(settings.MEDIA_ROOT) / "certificates").glob("*.pdf"))
    assert [file.name for file in files] == [Path(certificate.pdf.name).name]
