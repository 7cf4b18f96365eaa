"""An editor reads "Where learners struggle" in the admin, on a phone and on a laptop."""

from django.contrib.auth.models import Group
from django.utils import timezone

from courses.services import EDITORS_GROUP
from tests.e2e.conftest import ARTIFACTS, TIMEOUT_MS

LAPTOP = {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1, "locale": "vi-VN"}
PASSWORD = "mat-khau-bien-tap-123"


def _learners_and_answers(content) -> None:
    from lms.models import Learner, LessonProgress, ProgressStatus, QuizAnswer, QuizAttempt

    scan, history = content.lessons
    options = {
        option["value"]["text"]: (block["id"], option["id"], option["value"]["is_correct"])
        for block in content.questions
        for option in block["value"]["options"]
    }
    chosen = [
        ["Có", "Kiểm tra tên người nhận", "Bấm vào đường link trong tin nhắn"],
        ["Không", "Kiểm tra tên người nhận", "Kiểm tra số tiền"],
        ["Có", "Bấm vào đường link trong tin nhắn"],
        ["Có", "Kiểm tra số tiền"],
        ["Không", "Bấm vào đường link trong tin nhắn"],
        ["Có", "Kiểm tra tên người nhận"],
    ]
    for number, texts in enumerate(chosen):
        learner = Learner.objects.create()
        done = number % 2 == 0
        for lesson, seconds in ((scan, 140 + 35 * number), (history, 60 + 20 * number)):
            LessonProgress.objects.create(
                learner=learner,
                lesson=lesson,
                lesson_key=lesson.translation_key,
                course_key=content.course.translation_key,
                status=ProgressStatus.COMPLETED if done or lesson == history else ProgressStatus.VIEWED,
                position=1.0,
                time_spent_seconds=seconds,
                completed_at=timezone.now() if done or lesson == history else None,
            )
        attempt = QuizAttempt.objects.create(
            learner=learner, lesson=scan, lesson_key=scan.translation_key, score_percent=50, passed=False
        )
        QuizAnswer.objects.bulk_create(
            QuizAnswer(
                attempt=attempt,
                lesson_key=scan.translation_key,
                question_id=options[text][0],
                option_id=options[text][1],
                correct=options[text][2],
            )
            for text in texts
        )


def _editor():
    from lms.models import User

    user = User.objects.create_user(username="bien-tap", email="bien-tap@cuaso.local", password=PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def _log_in(page, base_url: str) -> None:
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", "bien-tap")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/admin/login/" not in url)


def test_an_editor_sees_where_learners_struggle_on_a_phone_and_a_laptop(browser, open_phone, content, settings):
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no requests to other sites
    _learners_and_answers(content)
    _editor()
    url = f"{content.base_url}/admin/insight/?course={content.course.pk}&lesson={content.lessons[0].pk}"

    phone = open_phone()
    _log_in(phone.page, content.base_url)
    phone.page.goto(url)
    assert phone.page.locator("h1").first.inner_text().strip() == "Học viên gặp khó ở đâu"
    assert phone.page.get_by_text("Bấm vào đường link trong tin nhắn").count() == 1
    assert phone.page.evaluate("() => document.documentElement.scrollWidth") <= 390
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    phone.page.screenshot(path=str(ARTIFACTS / "insight-admin-phone.png"))
    phone.page.evaluate("() => document.getElementById('questions').scrollIntoView()")
    phone.page.screenshot(path=str(ARTIFACTS / "insight-admin-phone-questions.png"))

    laptop = browser.new_context(**LAPTOP)
    laptop.set_default_timeout(TIMEOUT_MS)
    try:
        page = laptop.new_page()
        _log_in(page, content.base_url)
        page.goto(url)
        assert page.get_by_text("Quét mã VietQR để trả tiền").count() >= 1
        page.screenshot(path=str(ARTIFACTS / "insight-admin-laptop.png"), full_page=True)
    finally:
        laptop.close()
    assert phone.problems == []
