"""The installable web app: the service worker, the manifest, which responses the worker may
keep, the offline page, and downloads that record no progress."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from lms import offline
from lms.models import Learner, LessonProgress, User


@pytest.fixture(autouse=True)
def _fresh_worker():
    offline.worker_forget()
    yield
    offline.worker_forget()


def _worker_config(response) -> dict:
    first_line = response.content.decode().split("\n", 1)[0]
    assert first_line.startswith("self.CONFIG = ") and first_line.endswith(";")
    return json.loads(first_line.removeprefix("self.CONFIG = ").removesuffix(";"))


def test_the_worker_is_served_at_the_root_and_never_cached(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    config = _worker_config(response)
    assert config["offline"] == "/ngoai-tuyen/"
    assert config["precache"] == [
        "/ngoai-tuyen/",
        "/static/css/site.css",
        "/static/js/offline.js",
        "/static/img/favicon.svg",
        "/static/img/icons/icon-192.png",
        "/static/img/icons/maskable-192.png",
    ]
    assert config["lib"] == "/static/js/offline.js"
    assert len(config["version"]) == 12
    assert 'addEventListener("fetch"' in response.content.decode()


def test_the_worker_version_changes_on_a_deploy(client, db, monkeypatch):
    monkeypatch.setenv("CUASO_RELEASE", "2026-11-01")
    first = _worker_config(client.get("/sw.js"))["version"]
    offline.worker_forget()
    assert _worker_config(client.get("/sw.js"))["version"] == first  # same release, same files
    monkeypatch.setenv("CUASO_RELEASE", "2026-11-29")
    offline.worker_forget()
    assert _worker_config(client.get("/sw.js"))["version"] != first


def test_the_manifest_names_the_app_in_vietnamese_with_icons_that_exist(client, db):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Cửa Số"
    assert manifest["lang"] == "vi"
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/"
    assert manifest["theme_color"] == "#0b4f9c"
    assert manifest["description"] == (
        "Bài học ngắn giúp bạn dùng dịch vụ công trực tuyến và thanh toán trực tuyến an toàn."
    )
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_every_page_links_the_manifest_the_script_and_its_words(client, lessons):
    html = client.get(lessons[0].url).content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<script src="/static/js/offline.js" defer></script>' in html
    start = html.index('<script id="cuaso-offline" type="application/json">') + len(
        '<script id="cuaso-offline" type="application/json">'
    )
    config = json.loads(html[start : html.index("</script>", start)])
    assert config["sw"] == "/sw.js"
    assert config["user"] == ""
    assert config["t"]["syncNow"] == "Đồng bộ ngay"
    assert config["t"]["offline"] == "Không có mạng: bạn đang xem những gì máy này đã lưu."


def test_the_page_tells_the_script_whose_outbox_it_is(client, lessons):
    user = User.objects.create_user(username="hoa", password="mat-khau-dai-123")
    client.force_login(user)
    html = client.get(lessons[0].url).content.decode()
    assert f'"user": "{user.pk}"' in html


def test_only_pages_without_personal_data_may_be_kept_by_the_worker(client, lessons, course):
    assert client.get(lessons[0].url)[offline.HEADER] == "lesson"
    assert client.get(course.url)[offline.HEADER] == "page"
    assert client.get("/")[offline.HEADER] == "page"
    assert client.get(reverse("offline"))[offline.HEADER] == "page"
    for path in ("/api/v1/progress/courses/", reverse("my_courses"), reverse("account_login"), "/sw.js"):
        response = client.get(path)
        assert offline.HEADER not in response, path
    user = User.objects.create_user(username="hoa", password="mat-khau-dai-123")
    client.force_login(user)
    assert offline.HEADER not in client.get(reverse("account_home"))


def test_a_missing_lesson_is_never_marked(client, db):
    response = client.get("/khong-co-bai-nay/")
    assert response.status_code == 404
    assert offline.HEADER not in response


def test_a_download_by_the_worker_records_no_progress(client, lessons):
    response = client.get(lessons[0].url, headers={offline.PREFETCH_HEADER: "1"})
    assert response.status_code == 200
    assert response[offline.HEADER] == "lesson"
    assert LessonProgress.objects.count() == 0
    assert Learner.objects.count() == 0
    client.get(lessons[0].url)
    assert LessonProgress.objects.count() == 1


def test_the_course_page_offers_its_lessons_for_download(client, course, lessons):
    html = client.get(course.url).content.decode()
    start = html.index('data-urls="') + len('data-urls="')
    urls = json.loads(html[start : html.index('"', start)].replace("&quot;", '"'))
    assert urls == [lesson.url for lesson in lessons]
    assert "Tải về để học khi không có mạng" in html


def test_the_offline_page_lists_from_the_phone_and_says_so_without_javascript(client, db):
    response = client.get(reverse("offline"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-offline-list" in html
    assert "Có thể xem khi không có mạng" in html


def test_lesson_forms_are_marked_for_the_offline_script(client, lessons):
    quiz = client.get(lessons[0].url).content.decode()
    assert "data-quiz-form" in quiz
    assert f'data-lesson-id="{lessons[0].pk}"' in quiz
    plain = client.get(lessons[1].url).content.decode()
    assert f'data-complete-form data-lesson-id="{lessons[1].pk}"' in plain


def test_logout_forms_are_guarded(client, db):
    user = User.objects.create_user(username="hoa", password="mat-khau-dai-123")
    client.force_login(user)
    for path in (reverse("account_logout"), reverse("account_home")):
        html = client.get(path).content.decode()
        assert 'action="/accounts/logout/" data-logout' in html, path
