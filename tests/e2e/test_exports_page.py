"""The export page on a 390x844 phone: a team leader asks for a households file and downloads it;
an export being made shows its progress and, once done, its download link (the page polls with
JavaScript, and reloads itself without it).

Selectors go by element, class and data attributes, never by labels (they are translated).
"""

import csv
import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .test_field_visit import _serious, log_in
from .test_field_visit import world as world  # the fixture: the demo community on the real site

pytestmark = pytest.mark.e2e


def test_a_leader_exports_households_and_downloads_the_file(open_phone, world):
    from community_teams.models import Export
    from lms.models import User

    base = world.base_url
    leader = open_phone()
    page = leader.page
    log_in(leader, base, "totruong")
    page.goto(base + "/to-cong-nghe-so/xuat/")
    expect(page.locator("[data-export-form]")).to_be_visible()
    leader.shot("01-empty")

    page.locator("input[name=kind][value=households]").check()
    page.locator("input[name=format][value=csv]").check()
    page.locator("[data-export-form] button[type=submit]").click()
    download_link = page.locator("[data-export-download]").first
    expect(download_link).to_be_visible()
    export = Export.objects.get(requested_by__username="totruong")
    assert export.status == "done" and export.includes_personal_data

    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert download.suggested_filename.startswith("ho-gia-dinh-") and download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.reader(io.StringIO(handle.read())))
    assert len(rows) == export.rows_done + 1

    # An export being made: its bar moves, then the page shows its link.
    running = Export.objects.create(
        requested_by=User.objects.get(username="totruong"),
        kind="visits",
        format="xlsx",
        status="running",
        started_at=timezone.now(),
        rows_total=40,
        rows_done=10,
    )
    page.goto(base + "/to-cong-nghe-so/xuat/")
    item = page.locator(f"[data-export='{running.pk}']")
    expect(item.locator(".progress")).to_have_attribute("aria-valuenow", "25")
    leader.shot("02-progress")
    Export.objects.filter(pk=running.pk).update(rows_done=30)
    expect(item.locator(".progress")).to_have_attribute("aria-valuenow", "75")
    Export.objects.filter(pk=running.pk).update(status="pending", started_at=None, rows_done=0, rows_total=0)
    from community_teams.exports import export_build

    export_build(export_id=running.pk)
    expect(page.locator(f"[data-export='{running.pk}'] [data-export-download]")).to_be_visible()
    leader.shot("03-ready")
    assert not _serious(leader.problems)


def test_without_javascript_the_page_reloads_itself(open_phone, world):
    from community_teams.models import Export
    from lms.models import User

    Export.objects.create(
        requested_by=User.objects.get(username="thanhvien"),
        kind="visits",
        format="csv",
        status="running",
        started_at=timezone.now(),
        rows_total=8,
        rows_done=2,
    )
    phone = open_phone(javascript=False)
    log_in(phone, world.base_url, "thanhvien")
    phone.page.goto(world.base_url + "/to-cong-nghe-so/xuat/")
    assert phone.page.locator("noscript").count() >= 1
    expect(phone.page.locator("[data-export-reload]")).to_be_visible()
    expect(phone.page.locator(".progress")).to_have_attribute("aria-valuenow", "25")
    phone.shot("member-no-js")
