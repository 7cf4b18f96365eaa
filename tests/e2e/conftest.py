"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Chromium is never downloaded. Without /usr/bin/chromium (or $E2E_CHROMIUM) the tests are skipped
with the reason; under CI=true that is a failure instead, since CI installs Chromium first.
"""

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM then refuses to run in it
# (SynchronousOnlyOperation) unless told the test process knows what it is doing.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "locale": "vi-VN"}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"
TIMEOUT_MS = 10_000


def _unavailable(reason: str):
    message = f"browser tests: {reason}"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{message} (CI=true requires a browser)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def playwright_instance():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - depends on the environment
        _unavailable(f"the playwright package is not installed ({error})")
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is missing; install it with `apt-get install chromium fonts-noto-core`")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Phone:
    """One tab on a 390x844 phone, recording everything that went wrong while loading pages."""

    page: object
    name: str
    problems: list[str] = field(default_factory=list)

    def shot(self, label: str = "", *, full_page: bool = True) -> Path:
        """Screenshot (full page by default) once every picture has been scrolled to and has loaded."""
        if full_page:
            self.load_images()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / (f"{self.name}-{label}.png" if label else f"{self.name}.png")
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def load_images(self, timeout_s: float = 8.0) -> None:
        """Scroll every picture into view, then poll until all have loaded or failed.

        Nothing here awaits inside the page: with JavaScript off, page timers may never fire and
        ``page.evaluate`` has no timeout, so an awaited promise could hang the run."""
        images = self.page.locator("img")
        for index in range(images.count()):
            images.nth(index).scroll_into_view_if_needed(timeout=3000)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.page.evaluate("() => Array.from(document.images).every((img) => img.complete)"):
                break
            self.page.wait_for_timeout(100)
        self.page.evaluate("() => window.scrollTo(0, 0)")

    def broken_images(self) -> list[str]:
        return self.page.evaluate(
            "() => Array.from(document.images).filter((i) => !i.naturalWidth).map((i) => i.currentSrc || i.src)"
        )


@pytest.fixture
def open_phone(browser, request):
    """open_phone(javascript=True) -> Phone; contexts are closed after the test."""
    contexts = []
    test_name = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-").removeprefix("test-")

    def _open(*, javascript: bool = True) -> Phone:
        context = browser.new_context(java_script_enabled=javascript, **PHONE)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        phone = Phone(page=page, name=test_name)
        page.on(
            "response",
            lambda response: response.status >= 400 and phone.problems.append(f"{response.status} {response.url}"),
        )
        page.on("requestfailed", lambda req: phone.problems.append(f"failed {req.url}: {req.failure}"))
        page.on("pageerror", lambda error: phone.problems.append(f"page error: {error}"))
        page.on("console", lambda msg: msg.type == "error" and phone.problems.append(f"console: {msg.text}"))
        return phone

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def phone(open_phone) -> Phone:
    return open_phone(javascript=True)


@pytest.fixture
def e2e_urls(settings):
    settings.ROOT_URLCONF = "tests.e2e.urls"


# The rows the migrations created (Wagtail's root page and root collection, locales, content
# types...), serialized once, before the first of these tests changes anything.
_MIGRATED_ROWS: dict[str, str] = {}
RESTORE_AFTER = pytest.StashKey()


def _restore_migrated_rows() -> None:
    """Empty the database without re-running post_migrate (which would recreate content types
    under new ids), then load the migrated rows back."""
    from django.core.management import call_command
    from django.db import connection

    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(_MIGRATED_ROWS["default"])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends with a flush that also drops the migrated rows. Once every
    fixture is torn down, put them back: the next test, e2e or not, finds the usual database.

    (Django's ``serialized_rollback`` cannot do it here: Playwright's event loop changes the
    contextvars context, so the test sees a different connection object from the one that keeps
    the serialized rows, and the restore silently does nothing.)"""
    result = yield
    blocker = item.stash.get(RESTORE_AFTER, None)
    # After the session's last test the test database is already gone: nothing to restore.
    if blocker is not None and nextitem is not None and "default" in _MIGRATED_ROWS:
        with blocker.unblock():
            _restore_migrated_rows()
    return result


@pytest.fixture
def content(request, django_db_blocker, transactional_db, e2e_urls, live_server):
    """The real site structure plus a QR-payment course, committed so the live server sees it."""
    from django.db import connection
    from wagtail.models import Page

    if "default" not in _MIGRATED_ROWS:
        _MIGRATED_ROWS["default"] = connection.creation.serialize_db_to_string()
    elif Page.get_first_root_node() is None:  # flushed by a transactional test outside this folder
        _restore_migrated_rows()
    request.node.stash[RESTORE_AFTER] = django_db_blocker

    from courses.services import site_setup
    from tests.courses.factories import (
        ImageFactory,
        SkillFactory,
        add_course,
        add_lesson,
        callout,
        png_file,
        question,
        step,
    )

    home = site_setup()
    from courses.models import CourseIndexPage

    catalogue = CourseIndexPage.objects.child_of(home).get()
    payments = SkillFactory(code="thanh-toan", name="Thanh toán trực tuyến")
    cover = ImageFactory(title="Bìa mã QR", file=png_file("bia.png", color=(11, 79, 156)))
    course = add_course(
        catalogue,
        title="Thanh toán bằng mã QR",
        summary="Học cách quét mã QR ngân hàng để trả tiền an toàn.",
        skills=[payments],
        featured=True,
        cover_image=cover,
    )
    true_false = question(
        "Người lạ gửi mã QR qua Zalo và nhờ bạn quét để nhận tiền. Có nên quét không?",
        [("Có", False), ("Không", True)],
        kind="true_false",
        explanation="Quét mã QR là để trả tiền, không phải để nhận tiền.",
    )
    multiple = question(
        "Trước khi xác nhận thanh toán, bạn nên làm gì?",
        [
            ("Kiểm tra tên người nhận", True),
            ("Kiểm tra số tiền", True),
            ("Bấm vào đường link trong tin nhắn", False),
        ],
        kind="multiple",
        explanation="Ứng dụng ngân hàng luôn hiện tên người nhận và số tiền trước khi bạn xác nhận.",
    )
    lesson_one = add_lesson(
        course,
        title="Quét mã VietQR để trả tiền",
        intro="Ba bước để trả tiền bằng mã QR tại cửa hàng.",
        body=[
            step("Mở ứng dụng ngân hàng", ImageFactory(file=png_file("buoc1.png", color=(20, 120, 60)))),
            step("Chọn Quét mã QR", ImageFactory(file=png_file("buoc2.png", color=(160, 90, 20)))),
            callout("scam"),
            step("Kiểm tra tên người nhận rồi xác nhận", ImageFactory(file=png_file("buoc3.png", color=(120, 20, 90)))),
        ],
        quiz=[true_false, multiple],
    )
    lesson_two = add_lesson(
        course,
        title="Xem lại lịch sử giao dịch",
        intro="Tìm lại một khoản đã trả.",
        body=[step("Mở mục Lịch sử giao dịch")],
    )
    add_course(catalogue, title="Dùng VNeID mức 2", summary="Đăng nhập và dùng ví giấy tờ.", featured=True)
    return SimpleNamespace(
        base_url=live_server.url,
        home=home,
        course=course,
        lessons=[lesson_one, lesson_two],
        questions=[true_false, multiple],
        steps=3,
        wrong=[["Có"], ["Bấm vào đường link trong tin nhắn"]],
        right=[["Không"], ["Kiểm tra tên người nhận", "Kiểm tra số tiền"]],
    )
