import pytest

from tests.courses.factories import SkillFactory, add_course, add_lesson


@pytest.fixture
def course(catalogue):
    course = add_course(catalogue, skills=[SkillFactory(code="thanh-toan", name="Thanh toán")])
    add_lesson(course, title="Bài một")
    add_lesson(course, title="Bài hai")
    return course


def test_course_list(client, course):
    data = client.get("/api/v1/courses/").json()
    assert data["count"] == 1
    item = data["results"][0]
    assert item["title"] == course.title
    assert item["lesson_count"] == 2
    assert item["skills"][0]["code"] == "thanh-toan"
    assert item["language"] == "vi"


def test_lessons_of_a_course_in_order(client, course):
    data = client.get(f"/api/v1/courses/{course.pk}/lessons/").json()
    assert [item["title"] for item in data["results"]] == ["Bài một", "Bài hai"]


def test_unknown_or_unpublished_course_is_404(client, course):
    assert client.get("/api/v1/courses/999999/lessons/").status_code == 404
    assert client.get(f"/api/v1/courses/{2**63}/lessons/").status_code == 404  # beyond any id
    course.unpublish()
    assert client.get(f"/api/v1/courses/{course.pk}/lessons/").status_code == 404
    assert client.get("/api/v1/courses/").json()["count"] == 0


def test_api_is_read_only(client, course):
    assert client.post("/api/v1/courses/", {}).status_code in (403, 405)


def test_openapi_schema_documents_only_the_public_api(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    assert {
        "/api/v1/courses/",
        "/api/v1/courses/{course_id}/lessons/",
        "/api/v1/progress/courses/",
        "/api/v1/progress/lessons/{lesson_id}/",
    } <= set(schema["paths"])
    assert "/api/v1/xapi/statements/" not in schema["paths"]
