"""Journey 3's export on a 390x844 phone and a 1366x768 PC: the demo commune coordinator opens the
dashboard (charts and last week's report), narrows it to one village, asks for the XLSX, sees
its progress on the export page, then the download link; the file opens (openpyxl) and its totals
are the page's. The weekly report downloads as XLSX too. Screenshots go to test-artifacts/e2e/.

No worker runs here: the export is kept waiting (its queueing is switched off), then made in
this process table by table while the page polls, so that a state between two tables shows.
Selectors go by element, class and data attributes, never by labels (they are translated).
"""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from .conftest import TIMEOUT_MS, Phone
from .test_dashboard import CHECKED, DASHBOARD, PC, _charts_are_drawn, _figure
from .test_dashboard import demo as demo  # the fixture: the community demo on the real site
from .test_field_visit import _serious, log_in
from .test_learner_journey import LAYOUT_PROBE, TAP_TARGET_PX

pytestmark = pytest.mark.e2e

SUMMARY = {
    "reached": "Số hộ đã đến",
    "households": "Tổng số hộ (mẫu số)",
    "meeting-target": "Số hộ đạt mục tiêu 5 kỹ năng số cơ bản",
    "visits": "Chuyến thăm",
    "enrolments": "Lượt đăng ký học từ chuyến thăm",
    "completions": "Khóa học hoàn thành sau chuyến thăm",
    "follow-ups-overdue": "Hẹn quay lại đã quá hạn",
}


@pytest.fixture(params=[390, 1366], ids=["phone", "pc"])
def screen(request, browser, open_phone):
    """A phone (390x844) or a PC (1366x768) with JavaScript, recording what went wrong."""
    if request.param == 390:
        yield open_phone()
        return
    context = browser.new_context(**PC)
    context.set_default_timeout(TIMEOUT_MS)
    pc = Phone(page=context.new_page(), name="dashboard-export-pc")
    pc.page.on("response", lambda r: r.status >= 400 and pc.problems.append(f"{r.status} {r.url}"))
    pc.page.on("pageerror", lambda error: pc.problems.append(f"page error: {error}"))
    pc.page.on("console", lambda msg: msg.type == "error" and pc.problems.append(f"console: {msg.text}"))
    yield pc
    context.close()


def _width(screen) -> int:
    return screen.page.viewport_size["width"]


def _fits(screen) -> None:
    report = screen.page.evaluate(LAYOUT_PROBE, [list(CHECKED), TAP_TARGET_PX])
    assert report["scrollWidth"] <= _width(screen), f"horizontal scroll: {report['overflowing']}"
    assert report["smallTargets"] == [], "tap targets under 44px:\n" + "\n".join(report["smallTargets"])


def _workbook(download):
    """A download's file has no extension on disk: openpyxl reads it from bytes."""
    return load_workbook(io.BytesIO(Path(download.path()).read_bytes()), read_only=True)


def _page_figures(page) -> dict:
    figures = {name: _figure(page, name) for name in ("reached", "meeting-target", "visits", "enrolments")}
    figures["follow-ups-overdue"] = _figure(page, "follow-ups-overdue")
    figures["households"] = int(page.locator("[data-figure='reached'] .stats__of").inner_text().strip("/ "))
    figures["completions"] = int(page.locator("[data-figure='completions']").text_content())
    return figures


def test_the_coordinator_exports_the_dashboard_and_reads_the_file(screen, demo, monkeypatch):
    from community_teams import exports
    from community_teams.models import Export

    monkeypatch.setattr(exports, "_queue", lambda export_id: None)  # no worker: made below
    page, base = screen.page, demo.base_url
    log_in(screen, base, "dieuphoi")
    page.goto(base + DASHBOARD)
    _charts_are_drawn(page)

    # Last week's report, built on opening the page (no broker), with its XLSX.
    weekly = page.locator("[data-section='weekly']")
    expect(weekly.locator(f"[data-table='weekly'][data-commune='{demo.commune.code}']")).to_be_visible()
    weekly_visits = int(weekly.locator("[data-weekly='visits'] [data-cell='week']").inner_text())
    weekly.scroll_into_view_if_needed()
    screen.shot(f"{_width(screen)}-01-weekly", full_page=False)
    with page.expect_download() as info:
        weekly.locator(f"[data-weekly-download='{demo.commune.code}']").click()
    assert info.value.suggested_filename.startswith(f"bao-cao-tuan-{demo.commune.code}-")
    sheet = _workbook(info.value).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Chuyến thăm"][0] == weekly_visits

    # Narrow to one village, then ask for the XLSX of what the page shows.
    village = demo.villages[0]
    page.locator("select[name=village]").select_option(village.code)
    page.locator("form[data-dashboard-filters] button[type=submit]").click()
    expect(page.locator("[data-table='coverage'] tbody tr")).to_have_count(1)
    shown = _page_figures(page)
    assert shown["visits"] > 0
    _fits(screen)
    screen.shot(f"{_width(screen)}-02-filtered")
    page.locator("form[data-dashboard-export] button[value=xlsx]").click()
    expect(page).to_have_url(base + "/to-cong-nghe-so/xuat/")
    export = Export.objects.get(requested_by__username="dieuphoi", kind="dashboard")
    assert export.filters["village"] == village.code
    item = page.locator(f"[data-export='{export.pk}']")
    expect(item.locator(".progress")).to_have_attribute("aria-valuenow", "0")

    # Made table by table while the page polls: half-way shows as half.
    def on_progress(export_id, done, total):
        if done == 3:
            expect(item.locator(".progress")).to_have_attribute("aria-valuenow", "50")
            expect(item.locator(".progress__label")).to_contain_text("3")
            expect(item.locator("[data-export-status]")).to_have_text("Đang tạo")
            screen.shot(f"{_width(screen)}-03-progress", full_page=False)

    exports.export_build(export_id=export.pk, on_progress=on_progress)
    link = item.locator("[data-export-download]")
    expect(link).to_be_visible()
    screen.shot(f"{_width(screen)}-04-ready", full_page=False)
    _fits(screen)

    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename.startswith("bang-tong-hop-") and download.suggested_filename.endswith(".xlsx")
    book = _workbook(download)
    assert len(book.worksheets) == 6
    summary = {row[0]: row[1] for row in list(book["Tóm tắt"].iter_rows(values_only=True))[1:]}
    assert {name: summary[label] for name, label in SUMMARY.items()} == shown
    coverage = list(book["Độ bao phủ"].iter_rows(values_only=True))
    assert [row[0] for row in coverage[1:]] == [village.code]
    weeks = list(book["Chuyến thăm mỗi tuần"].iter_rows(values_only=True))
    assert sum(row[-1] for row in weeks[1:]) == shown["visits"]
    assert _serious(screen.problems) == []
