from decimal import Decimal

import pytest

from courses.grading import QuizSubmissionError, grade_quiz
from tests.courses.factories import add_course, add_lesson, question


@pytest.fixture
def lesson(catalogue):
    course = add_course(catalogue)
    return add_lesson(
        course,
        quiz=[
            question("Một đáp án đúng?", [("Đúng", True), ("Sai", False), ("Cũng sai", False)]),
            question("Chọn mọi đáp án đúng", [("A", True), ("B", True), ("C", False)], kind="multiple"),
        ],
    )


def ids(lesson):
    single, multiple = lesson.questions
    s = [str(o.id) for o in single.value["options"].bound_blocks]
    m = [str(o.id) for o in multiple.value["options"].bound_blocks]
    return str(single.id), s, str(multiple.id), m


def test_all_correct_scores_100(lesson):
    q1, s, q2, m = ids(lesson)
    result = grade_quiz(lesson.questions, {q1: [s[0]], q2: [m[0], m[1]]})
    assert result.score_percent == 100
    assert [q.status for q in result.questions] == ["correct", "correct"]


def test_wrong_answers_score_zero(lesson):
    q1, s, q2, m = ids(lesson)
    result = grade_quiz(lesson.questions, {q1: [s[1]], q2: [m[2]]})
    assert result.score_percent == 0
    assert [q.status for q in result.questions] == ["incorrect", "incorrect"]
    assert result.questions[0].options[1].selected and not result.questions[0].options[1].is_correct


def test_multiple_choice_gives_partial_credit(lesson):
    q1, s, q2, m = ids(lesson)
    result = grade_quiz(lesson.questions, {q1: [s[0]], q2: [m[0]]})
    assert result.questions[1].status == "partial"
    assert result.questions[1].score == Decimal("0.5")
    assert result.score_percent == 75


def test_multiple_choice_wrong_option_cancels_a_right_one(lesson):
    q1, s, q2, m = ids(lesson)
    result = grade_quiz(lesson.questions, {q1: [s[0]], q2: [m[0], m[2]]})
    assert result.questions[1].score == 0


def test_pass_mark(lesson):
    q1, s, q2, m = ids(lesson)
    result = grade_quiz(lesson.questions, {q1: [s[0]], q2: [m[0]]})
    assert result.passed(75) and not result.passed(80)


@pytest.mark.parametrize(
    "tamper",
    [
        "unknown_question",
        "unknown_option",
        "option_of_other_question",
        "missing_answer",
        "two_answers_to_single",
        "too_many_values",
        "huge_value",
    ],
)
def test_tampered_submissions_are_refused(lesson, tamper):
    q1, s, q2, m = ids(lesson)
    answers = {q1: [s[0]], q2: [m[0]]}
    if tamper == "unknown_question":
        answers["00000000-0000-0000-0000-000000000000"] = [s[0]]
    elif tamper == "unknown_option":
        answers[q1] = ["not-an-option"]
    elif tamper == "option_of_other_question":
        answers[q1] = [m[0]]
    elif tamper == "missing_answer":
        del answers[q2]
    elif tamper == "two_answers_to_single":
        answers[q1] = [s[0], s[1]]
    elif tamper == "too_many_values":
        answers[q2] = [m[0]] * 50
    elif tamper == "huge_value":
        answers[q1] = ["x" * 10_000]
    with pytest.raises(QuizSubmissionError):
        grade_quiz(lesson.questions, answers)
