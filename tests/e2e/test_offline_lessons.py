"""Lessons without signal, in Debian's Chromium at 390x844: a lesson opened online is readable
offline after a reload with its pictures, the offline page lists it, a course downloaded for later
records no progress until a lesson is opened, and progress made offline reaches the server."""

import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
# Syncing and the service worker take their time on a busy machine.
expect.set_options(timeout=15_000)


def wait_until(predicate, timeout_s: float = 15.0, what: str = "condition"):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def controlled(phone, url: str) -> None:
    """Open ``url`` and reload it once the service worker controls the page (the first load of a
    site is never controlled), so that the worker has seen and kept it."""
    page = phone.page
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")
    page.reload()
    phone.load_images()


def test_a_lesson_opened_online_is_readable_offline_with_its_pictures(phone, content):
    page, lesson = phone.page, content.lessons[0]
    controlled(phone, content.base_url + lesson.url)
    assert len(page.locator(".lesson-body img").all()) == content.steps
    assert phone.broken_images() == []

    page.context.set_offline(True)
    page.reload()
    phone.load_images()
    expect(page.locator("h1")).to_have_text(lesson.title)
    expect(page.locator("[data-offline-banner]")).to_have_text("Không có mạng: bạn đang xem những gì máy này đã lưu.")
    assert phone.broken_images() == []
    assert page.evaluate("() => Array.from(document.images).filter((i) => i.naturalWidth > 0).length") >= content.steps
    phone.shot("lesson-offline")

    page.goto(content.base_url + "/ngoai-tuyen/")
    expect(page.locator("h1")).to_have_text("Có thể xem khi không có mạng")
    expect(page.locator("[data-offline-list] a")).to_have_text([lesson.title])
    phone.shot("offline-page")

    # A page never opened is the offline page, not the browser's error.
    page.goto(content.base_url + "/khoa-hoc-cua-toi/")
    expect(page.locator("h1")).to_have_text("Có thể xem khi không có mạng")


def test_a_downloaded_course_is_readable_offline_and_records_nothing_until_read(phone, content):
    from lms.models import LessonProgress

    page = phone.page
    controlled(phone, content.base_url + content.course.url)
    box = page.locator("[data-offline-download]")
    expect(box).to_be_visible()
    phone.shot("course-download-offered", full_page=False)
    box.get_by_role("button", name="Tải về để học khi không có mạng").click()
    expect(box.locator(".offline-note")).to_have_text("Đã lưu 2 bài: có thể học khi không có mạng.")
    phone.shot("course-downloaded", full_page=False)
    assert LessonProgress.objects.count() == 0  # downloading is not reading

    page.context.set_offline(True)
    page.goto(content.base_url + content.lessons[0].url)
    phone.load_images()
    expect(page.locator("h1")).to_have_text(content.lessons[0].title)
    assert phone.broken_images() == []
    page.goto(content.base_url + content.lessons[1].url)
    expect(page.locator("h1")).to_have_text(content.lessons[1].title)

    # Finished offline: kept on the phone, sent when the signal returns.
    page.get_by_role("button", name="Tôi đã học xong bài này").click()
    expect(page.locator("[data-complete-form] .offline-note")).to_have_text(
        "Đã lưu trên máy này. Tiến độ sẽ được gửi khi có mạng."
    )
    phone.shot("lesson-finished-offline", full_page=False)
    assert LessonProgress.objects.count() == 0
    page.context.set_offline(False)
    wait_until(
        lambda: (
            LessonProgress.objects.filter(lesson_key=content.lessons[1].translation_key, status="completed").count()
            == 1
        ),
        what="the progress made offline to reach the server",
    )
    # The view of lesson 1 made offline was queued too (position 0, not completed).
    wait_until(
        lambda: LessonProgress.objects.filter(lesson_key=content.lessons[0].translation_key).count() == 1,
        what="the offline view of lesson 1",
    )
    assert not LessonProgress.objects.get(lesson_key=content.lessons[0].translation_key).completed_at
