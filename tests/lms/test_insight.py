"""Editor insight: numbers from a hand-built fixture whose totals are written out below, the sort
order, and the admin page for each role.

The fixture (learners a..g, plus m merged into a, whose rows must not count):

Course "Thanh toán bằng mã QR"
- "Quét mã VietQR" (quiz Q1, Q2): a..g started (7); a 300 s, b 120 s, c 200 s, d 500 s completed
  (4, 57%, median of 4 = (200 + 300) / 2 = 250 s = 4 phút 10 giây).
- "Xem lịch sử giao dịch": a..f started (6); a 60, b 90, c 45, d 600, e 100 completed
  (5, 83%, median of 5 = 90 s = 1 phút 30 giây).
- "Đổi mã PIN" (quiz Q3): a, b started; a 30 s completed (2, 1, 50%, 30 giây): too few learners.
- "Bài đã gỡ": 5 completions, then unpublished: not shown.
Course "Dùng VNeID mức 2"
- "Đăng nhập VNeID": g started (1, 0, 0%, no median).

Quiz answers: Q1 9 answers, 3 correct (33%), "Quét ngay" 4 times, "Chuyển khoản trước" 2 times;
Q2 7 answers, 5 correct (71%), "Sai" 2 times; Q3 3 answers, 1 correct, a removed option 2 times.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.services import EDITORS_GROUP, MODERATORS_GROUP
from lms.insight import lesson_insight, question_insight
from lms.models import Learner, LessonProgress, ProgressStatus, QuizAnswer, QuizAttempt, User
from tests.courses.factories import add_course, add_lesson, question, step

REMOVED_OPTION_ID = "tuy-chon-da-bi-xoa"


def option_id(block: dict, text: str) -> str:
    return next(option["id"] for option in block["value"]["options"] if option["value"]["text"] == text)


def progress(learner, lesson, seconds: int, *, completed: bool = False) -> None:
    LessonProgress.objects.create(
        learner=learner,
        lesson=lesson,
        lesson_key=lesson.translation_key,
        course_key=lesson.get_parent().translation_key,
        status=ProgressStatus.COMPLETED if completed else ProgressStatus.VIEWED,
        position=1.0 if completed else 0.5,
        time_spent_seconds=seconds,
        completed_at=timezone.now() if completed else None,
    )


def attempt(learner, lesson, answers: list[tuple[dict, str, bool]]) -> None:
    """``answers``: (question block, option id, correct), one row each."""
    row = QuizAttempt.objects.create(
        learner=learner, lesson=lesson, lesson_key=lesson.translation_key, score_percent=0, passed=False
    )
    QuizAnswer.objects.bulk_create(
        QuizAnswer(
            attempt=row, lesson_key=lesson.translation_key, question_id=block["id"], option_id=option, correct=ok
        )
        for block, option, ok in answers
    )


@pytest.fixture
def insight(catalogue):
    q1 = question(
        "Người bán đưa mã QR, bạn làm gì trước?",
        [("Quét ngay", False), ("Hỏi lại người bán số tiền", True), ("Chuyển khoản trước", False)],
    )
    q2 = question("Mã QR trả tiền luôn hiện tên người nhận.", [("Đúng", True), ("Sai", False)], "true_false")
    q3 = question("Có nên cho người khác biết mã PIN?", [("Không", True), ("Có", False)], "true_false")
    course = add_course(catalogue, title="Thanh toán bằng mã QR")
    scan = add_lesson(course, title="Quét mã VietQR", body=[step("Mở ứng dụng")], quiz=[q1, q2])
    history = add_lesson(course, title="Xem lịch sử giao dịch", body=[step("Mở lịch sử")])
    pin = add_lesson(course, title="Đổi mã PIN", body=[step("Mở cài đặt")], quiz=[q3])
    withdrawn = add_lesson(course, title="Bài đã gỡ", body=[step("Cũ")])
    other_course = add_course(catalogue, title="Dùng VNeID mức 2")
    login = add_lesson(other_course, title="Đăng nhập VNeID", body=[step("Mở VNeID")])

    a, b, c, d, e, f, g = (Learner.objects.create() for _ in range(7))
    m = Learner.objects.create(merged_into=a, merged_at=timezone.now())

    for learner, seconds in [(a, 300), (b, 120), (c, 200), (d, 500)]:
        progress(learner, scan, seconds, completed=True)
    for learner, seconds in [(e, 50), (f, 40), (g, 30)]:
        progress(learner, scan, seconds)
    for learner, seconds in [(a, 60), (b, 90), (c, 45), (d, 600), (e, 100)]:
        progress(learner, history, seconds, completed=True)
    progress(f, history, 10)
    progress(a, pin, 30, completed=True)
    progress(b, pin, 5)
    for learner in (a, b, c, d, e):
        progress(learner, withdrawn, 20, completed=True)
    progress(g, login, 15)
    # The merged-away learner: would change every number above if counted.
    progress(m, scan, 9999, completed=True)
    progress(m, history, 1)

    right1, scan_now, transfer = (
        option_id(q1, text) for text in ("Hỏi lại người bán số tiền", "Quét ngay", "Chuyển khoản trước")
    )
    right2, wrong2 = option_id(q2, "Đúng"), option_id(q2, "Sai")
    q1_answers = [
        (scan_now, False),
        (right1, True),
        (scan_now, False),
        (right1, True),
        (scan_now, False),
        (transfer, False),
        (scan_now, False),
        (transfer, False),
        (right1, True),
    ]
    q2_answers = [
        (wrong2, False),
        (right2, True),
        (right2, True),
        (wrong2, False),
        (right2, True),
        (right2, True),
        (right2, True),
    ]
    takers = [a, a, b, b, c, c, d, e, f]
    for number, learner in enumerate(takers):
        answers = [(q1, *q1_answers[number])]
        if number < len(q2_answers):  # the last two attempts predate question 2
            answers.append((q2, *q2_answers[number]))
        attempt(learner, scan, answers)
    attempt(m, scan, [(q1, right1, True), (q2, wrong2, False)])
    attempt(a, pin, [(q3, REMOVED_OPTION_ID, False)])
    attempt(b, pin, [(q3, REMOVED_OPTION_ID, False)])
    attempt(a, pin, [(q3, option_id(q3, "Không"), True)])

    withdrawn.unpublish()
    return {
        "course": course,
        "other_course": other_course,
        "scan": scan,
        "history": history,
        "pin": pin,
        "login": login,
    }


def summary(rows):
    return [(row.lesson.title, row.started, row.completed, row.median_seconds, row.enough_learners) for row in rows]


def test_lessons_of_a_course_with_their_numbers_worst_first(insight):
    rows = lesson_insight(insight["course"])

    assert summary(rows) == [
        ("Quét mã VietQR", 7, 4, 250, True),
        ("Xem lịch sử giao dịch", 6, 5, 90, True),
        ("Đổi mã PIN", 2, 1, 30, False),
    ]
    assert [round(row.completion_rate, 4) for row in rows] == [0.5714, 0.8333, 0.5]


def test_every_course_when_none_is_chosen(insight):
    rows = lesson_insight()

    assert summary(rows) == [
        ("Quét mã VietQR", 7, 4, 250, True),
        ("Xem lịch sử giao dịch", 6, 5, 90, True),
        ("Đổi mã PIN", 2, 1, 30, False),
        ("Đăng nhập VNeID", 1, 0, None, False),
    ]
    assert [row.course.title for row in rows] == ["Thanh toán bằng mã QR"] * 3 + ["Dùng VNeID mức 2"]


def test_the_median_of_an_even_and_an_odd_number_of_completions(insight):
    rows = {row.lesson.title: row.median_seconds for row in lesson_insight(insight["course"])}

    assert rows["Quét mã VietQR"] == 250  # 120, 200 | 300, 500
    assert rows["Xem lịch sử giao dịch"] == 90  # 45, 60, 90, 100, 600


def test_questions_with_share_correct_and_most_chosen_wrong_option(insight):
    rows = question_insight(insight["course"])

    assert [
        (row.prompt, row.answers, row.correct, round(row.share_correct, 4), row.wrong_option, row.wrong_option_count)
        for row in rows
    ] == [
        ("Người bán đưa mã QR, bạn làm gì trước?", 9, 3, 0.3333, "Quét ngay", 4),
        ("Mã QR trả tiền luôn hiện tên người nhận.", 7, 5, 0.7143, "Sai", 2),
        ("Có nên cho người khác biết mã PIN?", 3, 1, 0.3333, "(lựa chọn đã bị xóa)", 2),
    ]
    assert [row.enough_answers for row in rows] == [True, True, False]


def test_questions_of_one_lesson(insight):
    rows = question_insight(insight["scan"])

    assert [(row.number, row.answers, row.wrong_option) for row in rows] == [(1, 9, "Quét ngay"), (2, 7, "Sai")]


def test_a_question_nobody_answered_has_no_share(insight, catalogue):
    course = add_course(catalogue, title="Khóa mới")
    lesson = add_lesson(course, title="Bài mới", quiz=[question("Mới?", [("Có", True), ("Không", False)])])

    [row] = question_insight(lesson)

    assert (row.answers, row.share_correct, row.wrong_option, row.wrong_option_count) == (0, None, None, 0)


# The admin page.


def user_in(group_name: str | None, username: str) -> User:
    user = User.objects.create_user(username=username, email=f"{username}@cuaso.local", password="mat-khau-dai-123")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def insight_url(**params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("lms_insight") + (f"?{query}" if query else "")


@pytest.mark.parametrize("group", [EDITORS_GROUP, MODERATORS_GROUP])
def test_the_page_shows_the_numbers_to_editors_and_moderators(client, insight, group):
    client.force_login(user_in(group, "bien-tap"))

    response = client.get(insight_url(course=insight["course"].pk, lesson=insight["scan"].pk))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Học viên gặp khó ở đâu" in html
    for text in ("57%", "4 phút 10 giây", "83%", "1 phút 30 giây", "50%", "30 giây", "33%", "71%", "Quét ngay"):
        assert text in html
    assert "Bài đã gỡ" not in html
    assert "Đăng nhập VNeID" not in html  # another course
    lessons = html.index("Quét mã VietQR"), html.index("Xem lịch sử giao dịch"), html.index("Đổi mã PIN")
    assert lessons == tuple(sorted(lessons))


def test_every_course_is_listed_without_a_filter(client, insight):
    client.force_login(user_in(EDITORS_GROUP, "bien-tap"))

    html = client.get(insight_url()).content.decode()

    assert "Đăng nhập VNeID" in html and "Dùng VNeID mức 2" in html


def test_the_reports_menu_offers_the_page_to_editors(client, insight):
    client.force_login(user_in(EDITORS_GROUP, "bien-tap"))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("lms_insight") in html


def test_a_learner_account_is_sent_to_the_admin_login(client, insight):
    client.force_login(user_in(None, "hoc-vien"))

    response = client.get(insight_url())

    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_admin_access_without_page_rights_is_refused(client, insight):
    from django.contrib.auth.models import Permission

    user = user_in(None, "chi-vao-admin")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)

    response = client.get(insight_url())

    assert response.status_code in {302, 403}
    assert "Quét mã VietQR" not in response.content.decode()


def lessons_with_learners(course, count: int, learners: list[Learner], *, first: int = 0) -> None:
    for number in range(first, first + count):
        lesson = add_lesson(
            course,
            title=f"Bài {number}",
            quiz=[question(f"Câu {number}?", [("Có", True), ("Không", False)])],
        )
        for seconds, learner in enumerate(learners, start=1):
            progress(learner, lesson, seconds * 10, completed=seconds % 2 == 0)


def page_queries(client, url: str) -> int:
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_for_2_and_6_lessons(client, catalogue):
    client.force_login(user_in(EDITORS_GROUP, "bien-tap"))
    course = add_course(catalogue, title="Đo truy vấn")
    learners = [Learner.objects.create() for _ in range(3)]
    lessons_with_learners(course, 2, learners)
    first = course.get_children().first()
    url = insight_url(course=course.pk, lesson=first.pk)
    client.get(url)  # warm per-process lookups (content types, permissions)

    with_two = page_queries(client, url)
    lessons_with_learners(course, 4, learners, first=2)
    with_six = page_queries(client, url)

    # 18 today on SQLite and PostgreSQL, most of them the admin's own (session, user, menus);
    # compared rather than pinned so that other apps' admin menus do not break this test.
    assert with_two == with_six


def test_unknown_or_malformed_choices_show_every_course(client, insight):
    client.force_login(user_in(EDITORS_GROUP, "bien-tap"))

    response = client.get(insight_url(course="abc", lesson="²"))

    assert response.status_code == 200
    assert "Đăng nhập VNeID" in response.content.decode()
