import pytest
from django.urls import reverse

from tests.courses.factories import add_course, add_lesson, question


@pytest.fixture
def lesson(catalogue):
    course = add_course(catalogue)
    return add_lesson(
        course,
        title="Nhận biết cuộc gọi giả danh công an",
        quiz=[
            question(
                "Công an có hướng dẫn kích hoạt VNeID qua điện thoại không?",
                [("Có", False), ("Không", True)],
                kind="true_false",
                explanation="Công an chỉ hỗ trợ trực tiếp.",
            ),
            question(
                "Chọn các việc nên làm", [("Gọi ngân hàng khóa tài khoản", True), ("Bấm link", False)], "multiple"
            ),
        ],
    )


def answer(lesson, picks):
    data = {}
    for question_block, pick in zip(lesson.questions, picks, strict=True):
        options = list(question_block.value["options"].bound_blocks)
        data[f"q-{question_block.id}"] = [str(options[i].id) for i in pick]
    return data


def test_lesson_page_never_contains_answers(client, lesson):
    html = client.get(lesson.url).content.decode()
    assert "Công an có hướng dẫn kích hoạt VNeID qua điện thoại không?" in html
    assert "Phản hồi:" not in html  # per-option feedback
    assert "Công an chỉ hỗ trợ trực tiếp." not in html  # explanation
    assert "is_correct" not in html


def test_correct_answers_show_full_score_and_feedback(client, lesson):
    response = client.post(reverse("quiz_submit", args=[lesson.pk]), answer(lesson, [[1], [0]]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "100%" in html
    assert "Công an chỉ hỗ trợ trực tiếp." in html
    assert "Phản hồi: Không" in html


def test_wrong_answers_show_what_was_wrong(client, lesson):
    response = client.post(reverse("quiz_submit", args=[lesson.pk]), answer(lesson, [[0], [1]]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "0%" in html
    assert "Phản hồi: Có" in html
    assert "feedback__question--incorrect" in html


@pytest.mark.parametrize(
    "mutate",
    [
        lambda data: data.update({"q-00000000-0000-0000-0000-000000000000": ["x"]}),
        lambda data: data.update({next(iter(data)): ["khong-co"]}),
        lambda data: data.pop(next(iter(data))),
        lambda data: data.update({next(iter(data)): ["a" * 5000]}),
        lambda data: data.update({f"q-{i}": ["x"] for i in range(30)}),
    ],
    ids=["unknown-question", "unknown-option", "missing-answer", "huge-value", "too-many-fields"],
)
def test_tampered_submission_gets_a_clear_400_in_vietnamese(client, lesson, mutate):
    data = answer(lesson, [[1], [0]])
    mutate(data)
    response = client.post(reverse("quiz_submit", args=[lesson.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'lang="vi"' in html
    assert "alert--error" in html
    assert 'action="' + reverse("quiz_submit", args=[lesson.pk]) in html  # the form again, nothing lost


def test_option_of_another_question_is_refused(client, lesson):
    data = answer(lesson, [[1], [0]])
    first, second = list(data)
    data[first] = data[second]
    assert client.post(reverse("quiz_submit", args=[lesson.pk]), data).status_code == 400


def test_oversized_body_is_a_400_not_a_500(client, lesson, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(
        reverse("quiz_submit", args=[lesson.pk]),
        "q-x=" + "a" * 20_000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_quiz_of_unknown_or_unpublished_lesson_is_404(client, lesson):
    assert client.post(reverse("quiz_submit", args=[999999]), {}).status_code == 404
    lesson.unpublish()
    assert client.post(reverse("quiz_submit", args=[lesson.pk]), {}).status_code == 404


def test_quiz_needs_post(client, lesson):
    assert client.get(reverse("quiz_submit", args=[lesson.pk])).status_code == 405


def test_quiz_post_without_csrf_token_is_refused(lesson):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("quiz_submit", args=[lesson.pk]), answer(lesson, [[1], [0]])).status_code == 403
