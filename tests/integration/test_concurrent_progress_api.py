"""The progress API under concurrency, on PostgreSQL with the Redis cache: an offline queue that
resends one event from several tabs at once adds its time once."""

import json
import uuid

import pytest
from django.test import Client

from courses.models import CourseIndexPage
from courses.services import site_setup
from lms.learners import LEARNER_COOKIE
from lms.models import Learner, LessonProgress
from tests.courses.factories import add_course, add_lesson, step
from tests.integration.test_concurrent_progress import CONNECTIONS, run_together

pytestmark = pytest.mark.integration


def test_twenty_connections_replaying_one_event_add_its_time_once(transactional_db):
    catalogue = CourseIndexPage.objects.child_of(site_setup()).get()
    lesson = add_lesson(add_course(catalogue), body=[step("Đọc")])
    url = f"/api/v1/progress/lessons/{lesson.pk}/"
    first = Client().post(url, json.dumps({"position": 0.1}), content_type="application/json")
    cookie = first.cookies[LEARNER_COOKIE].value
    event = str(uuid.uuid4())
    statuses = []

    def replay(index: int) -> None:
        client = Client()
        client.cookies[LEARNER_COOKIE] = cookie
        body = {"position": index / CONNECTIONS, "seconds": 30, "event_id": event}
        statuses.append(client.post(url, json.dumps(body), content_type="application/json").status_code)

    errors = run_together(replay, CONNECTIONS)
    assert errors == []
    assert statuses == [200] * CONNECTIONS
    progress = LessonProgress.objects.get()
    assert progress.time_spent_seconds == 30
    assert progress.position == (CONNECTIONS - 1) / CONNECTIONS
    assert Learner.objects.count() == 1
