"""The progress API: what the lesson pages' JavaScript calls. Each acceptance line has its test;
every rejected call is checked to store nothing."""

import json
import uuid

import pytest
from django.core import signing
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lms.learners import LEARNER_COOKIE, LEARNER_COOKIE_SALT
from lms.models import Enrolment, Learner, LessonProgress, QuizAnswer, QuizAttempt, User
from lms.services import MAX_SECONDS_PER_CALL, learner_create_anonymous, lesson_progress_record
from tests.courses.factories import add_course, add_lesson, question, step


def site_language(message: str) -> str:
    """``message`` as the API answers it: in Vietnamese (the site's language) once translated."""
    with translation.override("vi"):
        return translation.gettext(message)


NOT_FOUND = site_language("This lesson does not exist or is not published.")
POSITION_ERROR = site_language("The position must be a number between 0 and 1.")
SECONDS_ERROR = site_language("Time spent must be a whole number of seconds, 0 or more.")
UNVERIFIED = site_language(
    "Your learning record on this device could not be verified. Reload the lesson and try again."
)
CSRF_FAILED = site_language("This request could not be verified (%(reason)s). Reload the page and try again.")


@pytest.fixture
def course(catalogue):
    course = add_course(catalogue, title="Thanh toán bằng mã QR")
    add_lesson(
        course,
        title="Bài có câu hỏi",
        body=[step("Mở ứng dụng")],
        quiz=[question("Một?", [("Đúng", True), ("Sai", False)], "true_false")],
    )
    add_lesson(course, title="Bài không có câu hỏi", body=[step("Đọc")])
    return course


@pytest.fixture
def quiz_lesson(lessons):
    return lessons[0]


@pytest.fixture
def plain_lesson(lessons):
    return lessons[1]


@pytest.fixture
def api():
    return Client()


def url(lesson_or_id) -> str:
    return f"/api/v1/progress/lessons/{getattr(lesson_or_id, 'pk', lesson_or_id)}/"


def post(client, lesson_or_id, body, **extra):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(url(lesson_or_id), data, content_type="application/json", **extra)


def stored() -> dict:
    return {
        "learners": Learner.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "progress": LessonProgress.objects.count(),
        "attempts": QuizAttempt.objects.count(),
    }


NOTHING = {"learners": 0, "enrolments": 0, "progress": 0, "attempts": 0}


def csrf_client(**extra) -> tuple[Client, str]:
    """A client that enforces CSRF, with a valid token cookie; the token goes in X-CSRFToken."""
    client = Client(enforce_csrf_checks=True, **extra)
    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token
    return client, token


def forged_cookie_of(learner: Learner) -> str:
    """The learner's genuine cookie value with its signature changed."""
    genuine = signing.get_cookie_signer(salt=LEARNER_COOKIE + LEARNER_COOKIE_SALT).sign(str(learner.key))
    return genuine[:-4] + ("AAAA" if not genuine.endswith("AAAA") else "BBBB")


# Recording and reading.


def test_anonymous_learner_records_progress_and_gets_a_cookie(api, plain_lesson):
    response = post(api, plain_lesson, {"position": 0.4, "seconds": 30})
    assert response.status_code == 200
    assert LEARNER_COOKIE in response.cookies and response.cookies[LEARNER_COOKIE]["httponly"]
    learner = Learner.objects.get()
    progress = LessonProgress.objects.get(learner=learner)
    assert (progress.position, progress.time_spent_seconds, progress.status) == (0.4, 30, "viewed")
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert response.json() == {
        "lesson_id": plain_lesson.pk,
        "lesson_key": str(plain_lesson.translation_key),
        "status": "viewed",
        "position": 0.4,
        "time_spent_seconds": 30,
        "best_score_percent": None,
        "completed_at": None,
        "course_percent": 0,
    }
    again = post(api, plain_lesson, {"position": 0.5, "seconds": 10})
    assert again.status_code == 200 and LEARNER_COOKIE not in again.cookies
    assert Learner.objects.count() == 1
    assert LessonProgress.objects.get().time_spent_seconds == 40


def test_position_never_moves_back(api, plain_lesson):
    post(api, plain_lesson, {"position": 0.7})
    response = post(api, plain_lesson, {"position": 0.2})
    assert response.status_code == 200 and response.json()["position"] == 0.7
    assert LessonProgress.objects.get().position == 0.7


def test_a_replayed_event_adds_no_time(api, plain_lesson):
    event = str(uuid.uuid4())
    assert post(api, plain_lesson, {"position": 0.3, "seconds": 20, "event_id": event}).status_code == 200
    replay = post(api, plain_lesson, {"position": 0.3, "seconds": 20, "event_id": event})
    assert replay.status_code == 200 and replay.json()["time_spent_seconds"] == 20
    post(api, plain_lesson, {"position": 0.4, "seconds": 5, "event_id": str(uuid.uuid4())})
    post(api, plain_lesson, {"position": 0.4, "seconds": 5})  # no id: always counted
    assert LessonProgress.objects.get().time_spent_seconds == 30


def test_the_same_event_id_from_another_learner_counts_for_them(plain_lesson):
    event = str(uuid.uuid4())
    first, second = Client(), Client()
    post(first, plain_lesson, {"position": 0.1, "seconds": 15, "event_id": event})
    post(second, plain_lesson, {"position": 0.1, "seconds": 15, "event_id": event})
    assert sorted(LessonProgress.objects.values_list("time_spent_seconds", flat=True)) == [15, 15]


def test_reaching_the_end_completes_a_lesson_without_quiz(api, plain_lesson):
    data = post(api, plain_lesson, {"position": 1, "seconds": 60}).json()
    assert data["status"] == "completed" and data["completed_at"] and data["course_percent"] == 50
    assert LessonProgress.objects.get().is_completed


def test_reaching_the_end_of_a_lesson_with_a_quiz_does_not_complete_it(api, quiz_lesson):
    data = post(api, quiz_lesson, {"position": 1.0}).json()
    assert data["status"] == "viewed" and data["position"] == 1.0 and data["completed_at"] is None


def test_get_returns_the_learners_progress(api, plain_lesson, quiz_lesson):
    post(api, plain_lesson, {"position": 1.0, "seconds": 12})
    data = api.get(url(plain_lesson)).json()
    assert data["status"] == "completed" and data["time_spent_seconds"] == 12 and data["course_percent"] == 50
    untouched = api.get(url(quiz_lesson)).json()
    assert untouched["status"] == "not_started" and untouched["course_percent"] == 50


def test_get_never_opened_returns_zeros_and_creates_no_learner(api, plain_lesson):
    response = api.get(url(plain_lesson))
    assert response.status_code == 200
    assert response.json() == {
        "lesson_id": plain_lesson.pk,
        "lesson_key": str(plain_lesson.translation_key),
        "status": "not_started",
        "position": 0.0,
        "time_spent_seconds": 0,
        "best_score_percent": None,
        "completed_at": None,
        "course_percent": 0,
    }
    assert LEARNER_COOKIE not in response.cookies
    api.force_login(User.objects.create_user(username="lan"))
    assert api.get(url(plain_lesson)).json()["status"] == "not_started"
    assert stored() == NOTHING


def test_a_signed_in_learner_records_to_their_account(api, plain_lesson):
    user = User.objects.create_user(username="lan")
    api.force_login(user)
    assert post(api, plain_lesson, {"position": 0.5, "seconds": 5}).status_code == 200
    assert LessonProgress.objects.get().learner.user == user


def test_lesson_progress_costs_the_same_number_of_queries_each_time(api, plain_lesson, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    post(api, plain_lesson, {"position": 0.5})
    with CaptureQueriesContext(connection) as first:
        api.get(url(plain_lesson))
    with django_assert_num_queries(len(first)):
        api.get(url(plain_lesson))


# Unknown or unpublished lessons.


@pytest.mark.parametrize("which", ["unknown", "unpublished", "course-page", "huge-id"])
def test_unknown_or_unpublished_lesson_is_a_404_with_a_message(api, plain_lesson, course, which):
    if which == "unpublished":
        plain_lesson.unpublish()
    target = {"unknown": 999_999, "unpublished": plain_lesson.pk, "course-page": course.pk, "huge-id": 10**20}[which]
    for response in (api.get(url(target)), post(api, target, {"position": 0.5, "seconds": 10})):
        assert response.status_code == 404
        assert response.json() == {"detail": NOT_FOUND}
    assert stored() == NOTHING


# Bad input: 400 with field errors, nothing stored.


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"position": -0.1}, "position", POSITION_ERROR),
        ({"position": 1.01}, "position", POSITION_ERROR),
        ({"position": "0.5"}, "position", POSITION_ERROR),
        ({"position": "abc"}, "position", POSITION_ERROR),
        ({"position": True}, "position", POSITION_ERROR),
        ({"position": None}, "position", POSITION_ERROR),
        ({"position": [0.5]}, "position", POSITION_ERROR),
        ('{"position": 1e400}', "position", POSITION_ERROR),
        ({}, "position", site_language("Send the position reached, a number between 0 and 1.")),
        ({"position": 0.5, "seconds": -1}, "seconds", SECONDS_ERROR),
        ({"position": 0.5, "seconds": 1.5}, "seconds", SECONDS_ERROR),
        ({"position": 0.5, "seconds": "10"}, "seconds", SECONDS_ERROR),
        ({"position": 0.5, "seconds": True}, "seconds", SECONDS_ERROR),
        (
            {"position": 0.5, "seconds": MAX_SECONDS_PER_CALL + 1},
            "seconds",
            site_language("Time spent in one call can be at most {max_value} seconds.").format(
                max_value=MAX_SECONDS_PER_CALL
            ),
        ),
        ({"position": 0.5, "event_id": "not-a-uuid"}, "event_id", site_language("The event id must be a UUID.")),
        ({"position": 0.5, "event_id": False}, "event_id", site_language("The event id must be a UUID.")),
        ({"position": 0.5, "event_id": 0}, "event_id", site_language("The event id must be a UUID.")),
    ],
    ids=lambda value: json.dumps(value) if isinstance(value, dict) else value if value.startswith("{") else None,
)
def test_bad_input_is_a_400_with_field_errors_and_stores_nothing(api, plain_lesson, body, field, message):
    response = post(api, plain_lesson, body)
    assert response.status_code == 400
    assert response.json() == {field: [message]}
    assert stored() == NOTHING


def test_a_body_that_is_not_a_json_object_is_a_400(api, plain_lesson):
    not_json = post(api, plain_lesson, "{position: 0.5")
    assert not_json.status_code == 400 and list(not_json.json()) == ["detail"]
    a_list = post(api, plain_lesson, [0.5])
    assert a_list.status_code == 400 and list(a_list.json()) == ["non_field_errors"]
    nan = post(api, plain_lesson, '{"position": NaN}')
    assert nan.status_code == 400
    assert stored() == NOTHING


def test_a_form_encoded_body_is_refused(api, plain_lesson):
    response = api.post(url(plain_lesson), {"position": "0.5"})
    assert response.status_code == 415
    assert stored() == NOTHING


def test_a_rejected_call_leaves_existing_progress_as_it_was(api, plain_lesson):
    post(api, plain_lesson, {"position": 0.5, "seconds": 10})
    before = LessonProgress.objects.values().get()
    assert post(api, plain_lesson, {"position": 2, "seconds": 10}).status_code == 400
    assert post(api, plain_lesson, {"position": 0.9, "seconds": -10}).status_code == 400
    assert LessonProgress.objects.values().get() == before


# Forged learner cookie.


def test_a_forged_learner_cookie_is_refused_on_write_and_reads_as_nobody(api, plain_lesson):
    victim = learner_create_anonymous()
    lesson_progress_record(learner=victim, lesson=plain_lesson, position=0.3, seconds=7)
    before = stored()
    api.cookies[LEARNER_COOKIE] = forged_cookie_of(victim)
    response = post(api, plain_lesson, {"position": 1.0, "seconds": 100})
    assert response.status_code == 403
    assert response.json() == {"detail": UNVERIFIED}
    assert LEARNER_COOKIE not in response.cookies
    assert stored() == before
    progress = LessonProgress.objects.get(learner=victim)
    assert (progress.position, progress.time_spent_seconds) == (0.3, 7)
    read = api.get(url(plain_lesson))
    assert read.status_code == 200 and read.json()["status"] == "not_started"


@pytest.mark.parametrize("value", ["forged-value", "", "x:y:z"])
def test_any_unverifiable_learner_cookie_is_refused(api, plain_lesson, value):
    api.cookies[LEARNER_COOKIE] = value
    response = post(api, plain_lesson, {"position": 0.5})
    assert response.status_code == 403 and response.json() == {"detail": UNVERIFIED}
    assert stored() == NOTHING


def test_a_genuine_cookie_writes_to_its_own_learner(api, plain_lesson):
    first = post(api, plain_lesson, {"position": 0.2})
    learner = Learner.objects.get()
    other = learner_create_anonymous()
    assert first.status_code == 200
    assert post(api, plain_lesson, {"position": 0.6, "seconds": 3}).status_code == 200
    assert LessonProgress.objects.get().learner == learner
    assert not LessonProgress.objects.filter(learner=other).exists()


def test_a_signed_in_learner_with_a_forged_cookie_writes_only_to_their_account(api, plain_lesson):
    victim = learner_create_anonymous()
    user = User.objects.create_user(username="lan")
    api.force_login(user)
    api.cookies[LEARNER_COOKIE] = forged_cookie_of(victim)
    assert post(api, plain_lesson, {"position": 0.5}).status_code == 200
    assert LessonProgress.objects.get().learner.user == user
    assert not LessonProgress.objects.filter(learner=victim).exists()


# CSRF, for anonymous learners too.


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_a_write_without_a_csrf_token_is_refused(plain_lesson, signed_in):
    client, _token = csrf_client()
    if signed_in:
        client.force_login(User.objects.create_user(username="lan"))
    before = stored()
    response = post(client, plain_lesson, {"position": 0.5, "seconds": 10})
    assert response.status_code == 403
    assert response.json() == {"detail": CSRF_FAILED % {"reason": "CSRF token missing"}}
    wrong = post(client, plain_lesson, {"position": 0.5}, HTTP_X_CSRFTOKEN=_get_new_csrf_string())
    assert wrong.status_code == 403
    assert wrong.json() == {
        "detail": CSRF_FAILED % {"reason": "CSRF token from the 'X-Csrftoken' HTTP header incorrect"}
    }
    assert stored() == before


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_a_write_with_the_csrf_token_is_accepted(plain_lesson, signed_in):
    client, token = csrf_client()
    if signed_in:
        client.force_login(User.objects.create_user(username="lan"))
    response = post(client, plain_lesson, {"position": 0.5, "seconds": 10}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert LessonProgress.objects.get().time_spent_seconds == 10


def test_a_read_needs_no_csrf_token(plain_lesson):
    client, _token = csrf_client()
    assert client.get(url(plain_lesson)).status_code == 200
    assert client.get("/api/v1/progress/courses/").status_code == 200


def test_csrf_is_checked_before_anything_else(plain_lesson):
    client, _token = csrf_client()
    assert post(client, 999_999, {"position": 5}).status_code == 403
    assert stored() == NOTHING


# The quiz form: answers count only for the learner who sends them.


def answers(lesson, pick=0) -> dict:
    return {f"q-{q.id}": [str(list(q.value["options"].bound_blocks)[pick].id)] for q in lesson.questions}


def test_a_quiz_submission_writes_only_for_the_learner_of_its_cookie(client, quiz_lesson):
    other = learner_create_anonymous()
    lesson_progress_record(learner=other, lesson=quiz_lesson, position=0.2)
    client.post(url(quiz_lesson), json.dumps({"position": 0.1}), content_type="application/json")
    mine = Learner.objects.exclude(pk=other.pk).get()
    response = client.post(reverse("quiz_submit", args=[quiz_lesson.pk]), answers(quiz_lesson))
    assert response.status_code == 200
    assert list(QuizAttempt.objects.values_list("learner", flat=True)) == [mine.pk]
    assert set(QuizAnswer.objects.values_list("attempt__learner", flat=True)) == {mine.pk}
    theirs = LessonProgress.objects.get(learner=other)
    assert (theirs.position, theirs.best_score_percent, theirs.status) == (0.2, None, "viewed")
    assert Learner.objects.count() == 2


def test_a_quiz_submission_with_a_forged_cookie_is_refused_and_stores_nothing(client, quiz_lesson):
    victim = learner_create_anonymous()
    client.cookies[LEARNER_COOKIE] = forged_cookie_of(victim)
    response = client.post(reverse("quiz_submit", args=[quiz_lesson.pk]), answers(quiz_lesson))
    assert response.status_code == 403
    assert "alert--error" in response.content.decode() and quiz_lesson.url in response.content.decode()
    assert LEARNER_COOKIE not in response.cookies
    assert stored() == {"learners": 1, "enrolments": 0, "progress": 0, "attempts": 0}
    assert not QuizAnswer.objects.exists()


def test_finishing_a_lesson_with_a_forged_cookie_is_refused_and_stores_nothing(client, plain_lesson):
    client.cookies[LEARNER_COOKIE] = "forged-value"
    response = client.post(reverse("lesson_complete", args=[plain_lesson.pk]))
    assert response.status_code == 403
    assert stored() == NOTHING


# The learner's courses.


def test_courses_of_a_new_browser_are_empty_and_create_nothing(api, course):
    response = api.get("/api/v1/progress/courses/")
    assert response.status_code == 200 and response.json() == {"count": 0, "results": []}
    assert stored() == NOTHING


def test_courses_show_percent_and_next_lesson(api, course, quiz_lesson, plain_lesson):
    post(api, plain_lesson, {"position": 1.0})
    data = api.get("/api/v1/progress/courses/").json()
    assert data["count"] == 1
    item = data["results"][0]
    assert item["course_id"] == course.pk and item["course_key"] == str(course.translation_key)
    assert item["title"] == "Thanh toán bằng mã QR" and item["language"] == "vi"
    assert item["status"] == "in_progress" and item["percent"] == 50 and item["completed_at"] is None
    assert item["url"].endswith(course.url)
    assert item["next_lesson"]["id"] == quiz_lesson.pk and item["next_lesson"]["url"].endswith(quiz_lesson.url)


def test_a_completed_course_has_no_next_lesson(api, course, plain_lesson, quiz_lesson):
    quiz_lesson.delete()
    post(api, plain_lesson, {"position": 1.0})
    item = api.get("/api/v1/progress/courses/").json()["results"][0]
    assert item["status"] == "completed" and item["percent"] == 100 and item["completed_at"]
    assert item["next_lesson"] is None


def test_courses_cost_the_same_number_of_queries_for_1_and_5_enrolments(api, catalogue, plain_lesson):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert api.get("/api/v1/progress/courses/").status_code == 200
        return len(queries)

    post(api, plain_lesson, {"position": 0.5})
    one = count()
    for i in range(4):
        other = add_course(catalogue, title=f"Khóa {i}")
        add_lesson(other, title=f"Bài {i}a")
        post(api, add_lesson(other, title=f"Bài {i}b"), {"position": 1.0})
    assert Enrolment.objects.count() == 5
    assert count() == one
    assert len(api.get("/api/v1/progress/courses/").json()["results"]) == 5


# The schema.


def test_progress_endpoints_are_documented_with_their_errors(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    lesson = schema["paths"]["/api/v1/progress/lessons/{lesson_id}/"]
    assert set(lesson["post"]["responses"]) == {"200", "400", "403", "404"}
    assert set(lesson["get"]["responses"]) == {"200", "404"}
    body = lesson["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    properties = schema["components"]["schemas"][body]["properties"]
    assert properties["position"]["minimum"] == 0 and properties["position"]["maximum"] == 1
    assert properties["seconds"]["maximum"] == MAX_SECONDS_PER_CALL
    assert "/api/v1/progress/courses/" in schema["paths"]
    assert not any(path.startswith("/api/v1/xapi/") for path in schema["paths"])
