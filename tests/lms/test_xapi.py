"""xAPI 1.0.3 export: statements valid against a schema written from the specification, no
personal data in actors, exact date ranges, the command and the staff-only endpoint."""

import io
import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator

from courses.grading import grade_quiz
from lms import xapi
from lms.models import Enrolment, LessonProgress, QuizAttempt, User
from lms.services import learner_create_anonymous, learner_for_user, lesson_progress_record, quiz_attempt_submit
from tests.courses.factories import add_course, add_lesson

SCHEMA = json.loads((Path(__file__).parent / "xapi_statement.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
ENDPOINT = "/api/v1/xapi/statements/"
VERB = "http://adlnet.gov/expapi/verbs/"


def local(*args) -> datetime:
    return datetime(*args, tzinfo=ZONE)


@pytest.fixture
def person(db):
    return User.objects.create_user(
        username="nguyenvanlan",
        email="lan.nguyen@example.vn",
        phone="+84912345678",
        display_name="Nguyễn Văn Lan",
        password="mat-khau-dai-123",
    )


def grade(lesson, picks):
    answers = {
        str(q.id): [str(list(q.value["options"].bound_blocks)[i].id)]
        for q, i in zip(lesson.questions, picks, strict=True)
    }
    return grade_quiz(lesson.questions, answers)


@pytest.fixture
def history(person, lessons):
    """One account's path through the course on 2025-07-10 (site time): a lesson read (125 s), a
    failed then a passed quiz, so the course completes. Rows get fixed times for exact ranges."""
    learner = learner_for_user(user=person)
    quiz_lesson, plain_lesson = lessons
    lesson_progress_record(learner=learner, lesson=plain_lesson, position=1.0, seconds=125)
    failed = quiz_attempt_submit(learner=learner, lesson=quiz_lesson, result=grade(quiz_lesson, [1, 1]))
    passed = quiz_attempt_submit(learner=learner, lesson=quiz_lesson, result=grade(quiz_lesson, [0, 0]))
    LessonProgress.objects.filter(lesson_key=plain_lesson.translation_key).update(completed_at=local(2025, 7, 10, 8))
    QuizAttempt.objects.filter(pk=failed.pk).update(submitted_at=local(2025, 7, 10, 9))
    QuizAttempt.objects.filter(pk=passed.pk).update(submitted_at=local(2025, 7, 10, 9, 5))
    LessonProgress.objects.filter(lesson_key=quiz_lesson.translation_key).update(
        completed_at=local(2025, 7, 10, 9, 5), time_spent_seconds=40
    )
    Enrolment.objects.filter(learner=learner).update(completed_at=local(2025, 7, 10, 9, 5))
    return learner


def export(since="2025-07-10", until="2025-07-10") -> list[dict]:
    return list(xapi.statements_between(*xapi.day_range(xapi.parse_day(since), xapi.parse_day(until))))


def by_verb(statements) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for statement in statements:
        grouped.setdefault(statement["verb"]["id"].removeprefix(VERB), []).append(statement)
    return grouped


# The schema itself.


def test_the_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


def valid_example() -> dict:
    return {
        "id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
        "actor": {"objectType": "Agent", "account": {"homePage": "https://example.vn", "name": "abc"}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
        "object": {"id": "https://example.vn/xapi/activities/lesson/1", "definition": {"name": {"vi-VN": "Bài"}}},
        "result": {"duration": "PT1H2M3.5S", "score": {"scaled": -0.5}},
        "timestamp": "2025-07-10T01:00:00.000Z",
        "version": "1.0.3",
    }


@pytest.mark.parametrize(
    "breaking",
    [
        lambda s: s.pop("actor"),
        lambda s: s.pop("verb"),
        lambda s: s.pop("object"),
        lambda s: s["verb"].update(id="completed"),
        lambda s: s["object"].update(id="not an iri"),
        lambda s: s["actor"].update(mbox="mailto:a@b.vn"),  # two identifiers
        lambda s: s["actor"]["account"].pop("homePage"),
        lambda s: s["result"].update(duration="125 seconds"),
        lambda s: s["result"].update(duration="PT"),
        lambda s: s["result"]["score"].update(scaled=1.5),
        lambda s: s.update(timestamp="2025-07-10 01:00"),
        lambda s: s.update(timestamp="2025-07-10T01:00:00"),
        lambda s: s.update(timestamp="2025-07-10T01:00:00-00:00"),
        lambda s: s.update(version="2.0.0"),
        lambda s: s.update(id="not-a-uuid"),
        lambda s: s.update(extra="x"),
        lambda s: s["object"]["definition"].update(name={"vi VN": "Bài"}),
    ],
)
def test_the_schema_refuses_what_the_specification_refuses(breaking):
    assert VALIDATOR.is_valid(valid_example())
    statement = valid_example()
    breaking(statement)
    assert not VALIDATOR.is_valid(statement)


# Statements.


def test_every_statement_validates_against_the_specification_schema(history):
    statements = export()
    assert len(statements) == 5
    for statement in statements:
        errors = sorted(VALIDATOR.iter_errors(statement), key=str)
        assert not errors, [error.message for error in errors]


def test_statements_describe_lessons_quizzes_and_the_course(history, course, lessons):
    quiz_lesson, plain_lesson = lessons
    base = xapi.public_base_url()
    statements = export()
    assert [s["timestamp"] for s in statements] == sorted(s["timestamp"] for s in statements)
    verbs = by_verb(statements)
    assert {verb: len(items) for verb, items in verbs.items()} == {"completed": 3, "failed": 1, "passed": 1}

    lesson = next(s for s in verbs["completed"] if s["object"]["id"].endswith(str(plain_lesson.translation_key)))
    assert lesson["object"] == {
        "objectType": "Activity",
        "id": f"{base}/xapi/activities/lesson/{plain_lesson.translation_key}",
        "definition": {"type": "http://adlnet.gov/expapi/activities/lesson", "name": {"vi-VN": "Bài không có câu hỏi"}},
    }
    assert lesson["result"] == {"completion": True, "duration": "PT125S"}
    assert lesson["timestamp"] == "2025-07-10T01:00:00.000Z"
    assert lesson["version"] == "1.0.3"
    assert lesson["context"]["contextActivities"]["parent"][0]["id"] == (
        f"{base}/xapi/activities/course/{course.translation_key}"
    )
    assert lesson["context"]["contextActivities"]["parent"][0]["definition"]["name"] == {
        "vi-VN": "Thanh toán bằng mã QR"
    }

    failed, passed = verbs["failed"][0], verbs["passed"][0]
    assert failed["result"] == {
        "score": {"scaled": 0.0, "raw": 0, "min": 0, "max": 100},
        "success": False,
        "completion": True,
    }
    assert passed["result"]["score"]["scaled"] == 1.0 and passed["result"]["success"] is True
    assert passed["object"]["id"] == f"{base}/xapi/activities/lesson/{quiz_lesson.translation_key}/quiz"
    assert passed["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/assessment"
    context = passed["context"]["contextActivities"]
    assert context["parent"][0]["id"].endswith(f"/lesson/{quiz_lesson.translation_key}")
    assert context["grouping"][0]["id"].endswith(f"/course/{course.translation_key}")

    finished = next(s for s in verbs["completed"] if "/course/" in s["object"]["id"])
    assert finished["result"] == {"completion": True, "duration": "PT165S"}
    assert finished["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/course"


def test_no_personal_data_appears_in_the_output(history, person):
    statements = export()
    text = json.dumps(statements, ensure_ascii=False)
    for personal in (person.phone, "912345678", person.email, person.username, person.display_name, "Lan"):
        assert personal not in text
    assert str(history.key) not in text and history.key.hex not in text
    for statement in statements:
        actor = statement["actor"]
        assert set(actor) == {"objectType", "account"} and set(actor["account"]) == {"homePage", "name"}
        assert actor["account"]["name"] == xapi.actor_name(history.key)
        assert len(actor["account"]["name"]) == 64 and actor["account"]["name"] != str(person.pk)


def test_actors_are_stable_per_learner_and_distinct_between_learners(history, lessons):
    other = learner_create_anonymous()
    lesson_progress_record(learner=other, lesson=lessons[1], position=1.0)
    LessonProgress.objects.filter(learner=other).update(completed_at=local(2025, 7, 10, 12))
    names = {s["actor"]["account"]["name"] for s in export()}
    assert names == {xapi.actor_name(history.key), xapi.actor_name(other.key)}
    assert xapi.actor_name(other.key) == xapi.actor_name(str(other.key))


def test_exporting_twice_gives_the_same_statements(history):
    first, second = export(), export()
    assert first == second
    assert len({s["id"] for s in first}) == len(first)
    assert all(uuid.UUID(s["id"]).version == 5 for s in first)


def test_the_date_range_includes_both_days_exactly(history, lessons):
    plain_lesson = lessons[1]
    progress = LessonProgress.objects.get(lesson_key=plain_lesson.translation_key)
    cases = [
        (local(2025, 7, 9, 23, 59, 59, 999999), "2025-07-10", "2025-07-10", False),
        (local(2025, 7, 10, 0, 0), "2025-07-10", "2025-07-10", True),
        (local(2025, 7, 10, 23, 59, 59, 999999), "2025-07-10", "2025-07-10", True),
        (local(2025, 7, 11, 0, 0), "2025-07-10", "2025-07-10", False),
        (local(2025, 7, 11, 0, 0), "2025-07-10", "2025-07-11", True),
        # 2025-07-09 20:00 UTC is already 2025-07-10 in Vietnam.
        (datetime(2025, 7, 9, 20, 0, tzinfo=ZoneInfo("UTC")), "2025-07-10", "2025-07-10", True),
    ]
    for moment, since, until, included in cases:
        LessonProgress.objects.filter(pk=progress.pk).update(completed_at=moment)
        ids = [s["object"]["id"] for s in export(since, until)]
        found = any(i.endswith(f"/lesson/{plain_lesson.translation_key}") for i in ids)
        assert found is included, (moment, since, until)


def test_a_deleted_lesson_keeps_its_statements_without_a_name(history, lessons):
    plain_lesson = lessons[1]
    key = plain_lesson.translation_key
    plain_lesson.delete()
    statement = next(s for s in export() if s["object"]["id"].endswith(f"/lesson/{key}"))
    assert statement["object"]["definition"] == {"type": "http://adlnet.gov/expapi/activities/lesson"}
    assert VALIDATOR.is_valid(statement)


def test_unfinished_lessons_are_not_exported(lessons):
    learner = learner_create_anonymous()
    lesson_progress_record(learner=learner, lesson=lessons[1], position=0.5, seconds=30)
    today = datetime.now(ZONE).date().isoformat()
    assert export(today, today) == []


def test_export_costs_a_fixed_number_of_queries(history, catalogue):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            export()
        return len(queries)

    few = count()
    for i in range(5):
        other_course = add_course(catalogue, title=f"Khóa {i}")
        lesson = add_lesson(other_course, title=f"Bài {i}")
        learner = learner_create_anonymous()
        lesson_progress_record(learner=learner, lesson=lesson, position=1.0, seconds=10)
        LessonProgress.objects.filter(learner=learner).update(completed_at=local(2025, 7, 10, 15, i))
        Enrolment.objects.filter(learner=learner).update(completed_at=local(2025, 7, 10, 15, i))
    assert len(export()) == 5 + 10
    assert count() == few


# The command.


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export_xapi", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_writes_a_json_array(history):
    out, err = run("--since", "2025-07-10", "--until", "2025-07-10")
    statements = json.loads(out)
    assert statements == export()
    assert err.strip() == "5 statements."


def test_command_writes_json_lines_to_a_file(history, tmp_path):
    target = tmp_path / "xapi.jsonl"
    _out, err = run("--since", "2025-07-01", "--until", "2025-07-31", "--jsonl", "--output", str(target))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == export()
    assert "5 statements written" in err


def test_command_with_an_empty_range_writes_an_empty_array(history):
    out, _err = run("--since", "2024-01-01", "--until", "2024-01-31")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("10/07/2025", "2025-07-10", "Hãy nhập ngày theo dạng YYYY-MM-DD"),
        ("2025-07-10", "2025-02-30", "Hãy nhập ngày theo dạng YYYY-MM-DD"),
        ("2025-07-11", "2025-07-10", "Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."),
    ],
)
def test_command_explains_bad_dates(db, since, until, message):
    with pytest.raises(CommandError, match=message):
        run("--since", since, "--until", until)


# The endpoint.


@pytest.fixture
def staff(client, db):
    client.force_login(User.objects.create_user(username="quantri", is_staff=True))
    return client


def test_endpoint_refuses_anonymous_callers_and_learners(client, history, person):
    anonymous = client.get(ENDPOINT, {"since": "2025-07-10", "until": "2025-07-10"})
    assert anonymous.status_code == 403 and "statements" not in anonymous.json()
    client.force_login(person)
    learner = client.get(ENDPOINT, {"since": "2025-07-10", "until": "2025-07-10"})
    assert learner.status_code == 403 and "statements" not in learner.json()


def test_endpoint_gives_staff_a_statement_result(staff, history):
    response = staff.get(ENDPOINT, {"since": "2025-07-10", "until": "2025-07-10"})
    assert response.status_code == 200
    assert response["X-Experience-API-Version"] == "1.0.3"
    assert response.json() == {"statements": export(), "more": ""}


def test_endpoint_pages_follow_more_links_to_every_statement_once(staff, history):
    collected, link, pages = [], f"{ENDPOINT}?since=2025-07-10&until=2025-07-10&limit=2", 0
    while link:
        data = staff.get(link).json()
        assert len(data["statements"]) <= 2
        collected.extend(data["statements"])
        link, pages = data["more"], pages + 1
        assert pages < 10
    assert pages == 3
    assert collected == export()


@pytest.mark.parametrize(
    "params",
    [
        {"since": "2025-07-10"},
        {"since": "2025/07/10", "until": "2025-07-10"},
        {"since": "2025-07-11", "until": "2025-07-10"},
        {"since": "2025-07-10", "until": "2025-07-10", "limit": "0"},
        {"since": "2025-07-10", "until": "2025-07-10", "cursor": "made-up"},
    ],
)
def test_endpoint_explains_bad_parameters(staff, history, params):
    response = staff.get(ENDPOINT, params)
    assert response.status_code == 400
    assert response.json()


def test_endpoint_is_not_in_the_public_schema(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert not [path for path in schema["paths"] if "xapi" in path]


def test_a_cursor_continues_after_ties_in_time(staff, history, lessons):
    """Statements at the same instant (a lesson and its course) are split across pages safely."""
    same = datetime(2025, 7, 10, 3, tzinfo=ZoneInfo("UTC"))
    LessonProgress.objects.update(completed_at=same)
    Enrolment.objects.update(completed_at=same)
    QuizAttempt.objects.update(submitted_at=same + timedelta(seconds=1))
    collected, link = [], f"{ENDPOINT}?since=2025-07-10&until=2025-07-10&limit=1"
    while link:
        data = staff.get(link).json()
        collected.extend(data["statements"])
        link = data["more"]
    assert [s["id"] for s in collected] == [s["id"] for s in export()]
    assert len(collected) == 5
