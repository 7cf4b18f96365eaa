"""Shared fixtures: a course with a two-question quiz lesson and a lesson without a quiz."""

import pytest

from tests.courses.factories import add_course, add_lesson, question, step


@pytest.fixture
def course(catalogue):
    course = add_course(catalogue, title="Thanh toán bằng mã QR")
    add_lesson(
        course,
        title="Bài có câu hỏi",
        body=[step("Mở ứng dụng")],
        quiz=[
            question("Một?", [("Đúng", True), ("Sai", False)], "true_false"),
            question("Hai?", [("A", True), ("B", False)], "true_false"),
        ],
    )
    add_lesson(course, title="Bài không có câu hỏi", body=[step("Đọc")])
    return course


@pytest.fixture
def lessons(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.child_of(course).order_by("path"))
