"""Schemathesis against the progress endpoints, in-process through the WSGI application.

Cases come from the OpenAPI schema the app serves, with a signed-in session and its CSRF token,
in two modes: positive (valid by the schema; checked for no 5xx, documented status codes,
content types and response bodies) and negative (invalid by the schema; checked for no 5xx and
for being refused). Lesson ids are drawn from the published lessons as well as at random, so the
run reaches 200s and not only 404s. The summary (case count and status mix) is printed.
"""

import json
from collections import Counter

import pytest
import schemathesis
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from lms.models import Learner, LessonProgress, User
from lms.wsgi import application
from tests.courses.factories import add_course, add_lesson, question, step

EXAMPLES_PER_OPERATION = 50
POSITIVE_CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
NEGATIVE_CHECKS = [not_a_server_error, negative_data_rejection]
HYPOTHESIS = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def content(catalogue):
    course = add_course(catalogue, title="Thanh toán bằng mã QR")
    with_quiz = add_lesson(
        course,
        title="Bài có câu hỏi",
        body=[step("Mở ứng dụng")],
        quiz=[question("Một?", [("Đúng", True), ("Sai", False)], "true_false")],
    )
    plain = add_lesson(course, title="Bài không có câu hỏi", body=[step("Đọc")])
    hidden = add_lesson(course, title="Bài đã gỡ", body=[step("Đọc")])
    hidden.unpublish()
    return {"published": [with_quiz.pk, plain.pk], "unpublished": hidden.pk, "course": course.pk}


@pytest.fixture
def session(db):
    """A signed-in session cookie and a CSRF token (cookie and header)."""
    client = Client()
    client.force_login(User.objects.create_user(username="hocvien"))
    token = _get_new_csrf_string()
    cookies = {"sessionid": client.cookies["sessionid"].value, "csrftoken": token}
    return cookies, {"X-CSRFToken": token}


def test_progress_endpoints_hold_up_under_generated_input(
    wsgi_in_test_transaction, server_errors, content, session, capsys
):
    cookies, headers = session
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(
        path_regex=r"^/api/v1/progress/"
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} == {
        "GET /api/v1/progress/lessons/{lesson_id}/",
        "POST /api/v1/progress/lessons/{lesson_id}/",
        "GET /api/v1/progress/courses/",
    }
    # Mostly published lessons, some an unpublished lesson or a course page (both 404s).
    known_ids = [*content["published"] * 3, content["unpublished"], content["course"]]
    statuses: Counter = Counter()
    by_operation: Counter = Counter()

    def run(operation, mode, checks):
        strategy = operation.as_strategy(generation_mode=mode)
        if "{lesson_id}" in operation.path and not (mode.is_negative and operation.method == "get"):
            # Two cases in three aim at real pages; the rest at any id the schema allows.
            known = st.sampled_from(known_ids).flatmap(
                lambda lesson_id: operation.as_strategy(generation_mode=mode, path_parameters={"lesson_id": lesson_id})
            )
            strategy = st.one_of(known, known, strategy)

        @HYPOTHESIS
        @given(case=strategy)
        def exercise(case):
            response = case.call(headers=headers, cookies=cookies)
            statuses[response.status_code] += 1
            by_operation[(operation.label, mode.value, response.status_code)] += 1
            assert not server_errors, server_errors[-1]
            case.validate_response(response, checks=checks, headers=headers)

        exercise()

    for operation in operations:
        run(operation, GenerationMode.POSITIVE, POSITIVE_CHECKS)
        if operation.method == "post" or operation.path_parameters:
            run(operation, GenerationMode.NEGATIVE, NEGATIVE_CHECKS)

    generated = sum(statuses.values())

    # Explicit cases on top of the generated ones: one per acceptance line.
    explicit = Client(enforce_csrf_checks=True)
    explicit.cookies["sessionid"], explicit.cookies["csrftoken"] = cookies["sessionid"], cookies["csrftoken"]
    lesson_url = f"/api/v1/progress/lessons/{content['published'][1]}/"
    body = json.dumps({"position": 0.5, "seconds": 5})
    examples = {
        "valid": explicit.post(lesson_url, body, content_type="application/json", headers=headers).status_code,
        "unpublished": explicit.post(
            f"/api/v1/progress/lessons/{content['unpublished']}/",
            body,
            content_type="application/json",
            headers=headers,
        ).status_code,
        "position 2": explicit.post(
            lesson_url, json.dumps({"position": 2}), content_type="application/json", headers=headers
        ).status_code,
        "no CSRF header": explicit.post(lesson_url, body, content_type="application/json").status_code,
    }
    assert examples == {"valid": 200, "unpublished": 404, "position 2": 400, "no CSRF header": 403}

    mix = ", ".join(f"{code}: {count}" for code, count in sorted(statuses.items()))
    detail = "\n".join(
        f"  {label} [{mode}] -> {code}: {count}" for (label, mode, code), count in sorted(by_operation.items())
    )
    summary = (
        f"schemathesis, progress API: {generated} generated cases ({mix}); "
        f"{len(examples)} explicit cases {examples}\n{detail}"
    )
    with capsys.disabled():
        print("\n" + summary)

    assert not server_errors
    assert not any(code >= 500 for code in statuses), summary
    assert generated >= 150, summary
    assert statuses[403] < generated / 2, summary
    assert statuses[200] >= 20 and statuses[400] >= 20 and statuses[404] >= 20, summary
    # Signed in throughout: every row belongs to the account's learner, none to a stray one.
    assert Learner.objects.count() == 1 and Learner.objects.get().user is not None
    assert all(0.0 <= position <= 1.0 for position in LessonProgress.objects.values_list("position", flat=True))
