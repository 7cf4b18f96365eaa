"""Visits logged without signal, in Debian's Chromium at 390x844 (``context.set_offline``):
they wait in the phone's outbox, survive a reload, and reach the server exactly once, also when
the answer to a sync is lost or the session ran out meanwhile. Logging out never silently drops
them, and the next person on the phone sees none of it.

Selectors go by data attributes; texts checked are the Vietnamese a member reads.
"""

import re

import pytest
from playwright.sync_api import expect

from .test_field_visit import _serious, log_in
from .test_field_visit import world as world  # the fixture, used by name
from .test_offline_lessons import wait_until

pytestmark = pytest.mark.e2e
# Syncing and the service worker take their time on a busy machine.
expect.set_options(timeout=15_000)

TODAY = "/to-cong-nghe-so/hom-nay/"
VISIT = "/to-cong-nghe-so/chuyen-tham/moi/"
SYNC_API = "**/api/v1/sync/visits/"
FIELD_PAGES_KEPT = """() => caches.open("cuaso-pages").then((c) => c.keys())
  .then((keys) => keys.map((r) => r.url).filter((url) => url.includes("/to-cong-nghe-so/")))"""
STORE_COUNTS = """() => Promise.all(["outbox", "households", "meta", "progress"].map(
  (s) => window.Cuaso.idb.all(s).then((rows) => [s, rows.length]))).then(Object.fromEntries)"""


EXPECTED_OFFLINE = ("ERR_INTERNET_DISCONNECTED", "ERR_CONNECTION_RESET", "ERR_FAILED")


def serious(problems: list[str]) -> list[str]:
    """What went wrong, leaving out the failed loads that having no signal means."""
    return [p for p in _serious(problems) if not any(code in p for code in EXPECTED_OFFLINE)]


def status(page):
    return page.locator("[data-sync-text]")


def ready_for_the_field(phone, base: str) -> None:
    """Signed-in member: "Hôm nay" and the visit form opened once under the service worker, as a
    member does at the start of the day with signal (the phone keeps both, and the households)."""
    page = phone.page
    log_in(phone, base, "thanhvien")
    page.goto(base + TODAY)
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")
    page.reload()
    expect(page.locator('[data-field-list="households"] .field-item').first).to_be_visible()
    expect(status(page)).to_contain_text("0 chưa đồng bộ")
    page.goto(base + VISIT)
    expect(page.locator(".pick-list__button").first).to_be_visible()
    # The course list for the referral QR is kept on the phone too.
    wait_until(lambda: page.evaluate("() => window.Cuaso.meta('courses')"), what="the course list kept on the phone")


def log_visit(page, *, household: int | None = None, new_household: str | None = None) -> None:
    """From the visit form: pick the n-th household offered (or add one), tick one help item, save."""
    page.goto(page.url.split("#")[0])
    if new_household:
        page.locator("[data-add-household]").click()
        page.locator("[data-consent][value=given]").check()
        page.locator("[data-nh=head_name]").fill(new_household)
        page.locator("[data-member-label]").fill("bà Lụa")
        page.locator("[data-add-member]").click()
    else:
        page.locator(".pick-list__button").nth(household).click()
        expect(page.locator("[data-chosen]")).to_be_visible()
    page.locator("[data-help-check]").first.check()
    page.locator("[data-save]").click()
    expect(page.locator("[data-visit-saved]")).to_be_visible()


def counts(username: str = "thanhvien") -> tuple[int, int]:
    from community_teams.models import Household, Visit

    return Visit.objects.filter(author__username=username).count(), Household.objects.count()


def test_visits_logged_offline_are_kept_and_sync_exactly_once(world, phone):
    base, page = world.base_url, phone.page
    ready_for_the_field(phone, base)
    visits_before, households_before = counts()

    page.context.set_offline(True)
    page.reload()  # the form, from the phone
    expect(page.locator(".pick-list__button").first).to_be_visible()  # households kept on the phone
    log_visit(page, household=0)
    expect(page.locator(".visit-saved__note")).to_have_text("Đã lưu trên máy, chưa đồng bộ: sẽ gửi khi có mạng.")
    # The referral QR works offline: the token is made on the phone.
    page.locator("[data-qr-course]").select_option(index=1)
    expect(page.locator("[data-qr-code] svg")).to_be_visible()
    phone.shot("saved-offline-qr", full_page=False)
    log_visit(page, household=1)
    log_visit(page, new_household="Hộ Thử Ngoại Tuyến")
    expect(status(page)).to_contain_text("3 chưa đồng bộ")
    assert counts() == (visits_before, households_before)

    page.goto(base + TODAY)
    expect(status(page)).to_contain_text("Chuyến thăm: 3 chưa đồng bộ")
    expect(page.locator("[data-outbox] .outbox__item")).to_have_count(3)
    page.reload()
    expect(status(page)).to_contain_text("Chuyến thăm: 3 chưa đồng bộ")
    expect(page.locator("[data-outbox] .outbox__item")).to_have_count(3)
    phone.shot("today-offline-3-pending")

    page.context.set_offline(False)
    expect(status(page)).to_contain_text("Chuyến thăm: 0 chưa đồng bộ", timeout=15_000)
    expect(status(page)).to_contain_text("đồng bộ lần cuối")
    phone.shot("today-synced", full_page=False)
    assert counts() == (visits_before + 3, households_before + 1)

    from community_teams.models import Household

    made = Household.objects.get(head_name="Hộ Thử Ngoại Tuyến")
    assert made.consent_status == "given"
    assert list(made.members.values_list("label", flat=True)) == ["bà Lụa"]
    assert made.visits.count() == 1
    assert not serious(phone.problems)


def test_a_lost_answer_to_a_sync_leaves_one_copy_of_each_visit(world, phone):
    base, page = world.base_url, phone.page
    ready_for_the_field(phone, base)
    visits_before, _ = counts()
    lost = []

    def store_then_lose_the_answer(route):
        route.fetch()  # the server stores the batch...
        lost.append(1)
        try:
            route.abort("connectionreset")  # ...and the answer never reaches the phone
        except Exception as error:  # the page may have moved on meanwhile (the request is gone)
            if "already handled" not in str(error):
                raise

    page.route(SYNC_API, store_then_lose_the_answer)
    log_visit(page, household=0)
    expect(page.locator(".visit-saved__note")).to_have_text("Đã lưu trên máy, chưa đồng bộ: sẽ gửi khi có mạng.")
    log_visit(page, household=1)
    expect(status(page)).to_contain_text("2 chưa đồng bộ")
    wait_until(lambda: counts()[0] == visits_before + 2, what="the server to store both visits")
    assert lost

    page.unroute(SYNC_API)
    page.locator("[data-sync-now]").click()
    expect(status(page)).to_contain_text("Chuyến thăm: 0 chưa đồng bộ")
    assert counts()[0] == visits_before + 2
    phone.shot("synced-after-lost-answer", full_page=False)


def test_a_session_that_ran_out_offline_keeps_the_visits_until_the_member_signs_in(world, phone):
    from django.contrib.sessions.models import Session

    base, page = world.base_url, phone.page
    ready_for_the_field(phone, base)
    visits_before, _ = counts()
    page.context.set_offline(True)
    log_visit(page, household=0)
    Session.objects.all().delete()  # the session ends while the phone has no signal

    page.context.set_offline(False)
    page.goto(base + VISIT)  # the server now sends the member to the login page
    expect(page).to_have_url(re.compile("/accounts/login/"))
    page.context.set_offline(True)
    page.goto(base + TODAY)  # offline again: the kept page, and the visit still waiting
    expect(status(page)).to_contain_text("1 chưa đồng bộ")
    page.context.set_offline(False)
    page.locator("[data-sync-now]").click()
    expect(page.locator("[data-sync-login]")).to_be_visible()
    expect(page.locator("[data-sync-login]")).to_contain_text("Bạn đã bị đăng xuất")
    expect(status(page)).to_contain_text("1 chưa đồng bộ")
    phone.shot("session-ended", full_page=False)
    assert counts()[0] == visits_before

    log_in(phone, base, "thanhvien")
    page.goto(base + TODAY)
    expect(status(page)).to_contain_text("Chuyến thăm: 0 chưa đồng bộ")
    expect(page.locator("[data-sync-login]")).to_be_hidden()
    assert counts()[0] == visits_before + 1


def test_logout_warns_while_visits_wait_and_clears_the_phone_when_none_do(world, phone):
    base, page = world.base_url, phone.page
    ready_for_the_field(phone, base)
    assert page.evaluate(STORE_COUNTS)["households"] > 0
    assert page.evaluate(FIELD_PAGES_KEPT) != []

    # A visit that cannot be sent: logging out warns, offers a sync, and keeps the visit.
    page.route(SYNC_API, lambda route: route.abort("internetdisconnected"))
    log_visit(page, household=0)
    page.goto(base + "/accounts/logout/")
    page.locator("form[data-logout] button[type=submit]").click()
    note = page.locator("form[data-logout] .offline-note")
    expect(note).to_contain_text("Còn 1 mục trên máy này chưa đồng bộ")
    expect(note.locator("button")).to_have_text(["Đồng bộ ngay", "Vẫn đăng xuất (các mục này được giữ trên máy)"])
    phone.shot("logout-warning", full_page=False)
    expect(page).to_have_url(re.compile("/accounts/logout/"))  # still signed in
    note.locator("button").nth(1).click()
    page.wait_for_url(lambda url: "/accounts/logout/" not in url)
    stores = page.evaluate(STORE_COUNTS)
    assert stores["outbox"] == 1 and stores["households"] == 0  # kept, never silently deleted
    assert page.evaluate(FIELD_PAGES_KEPT) == []

    # The next person on this phone sees nothing of it.
    page.unroute(SYNC_API)
    page.goto(base + "/accounts/login/")
    page.fill("input[name=login]", "totruong@cuaso.local")
    page.fill("input[name=password]", "cuaso-totruong")
    page.locator("main form[action$='/accounts/login/'] button[type=submit]").click()
    page.goto(base + TODAY)
    expect(status(page)).to_contain_text("Chuyến thăm: 0 chưa đồng bộ")
    expect(page.locator("[data-outbox] .outbox__item")).to_have_count(0)
    phone.shot("next-person-sees-nothing", full_page=False)

    # The leader signs out with nothing waiting: the phone is cleared of what was theirs.
    page.goto(base + "/accounts/logout/")
    page.locator("form[data-logout] button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/logout/" not in url)
    stores = page.evaluate(STORE_COUNTS)
    assert stores == {"outbox": 1, "households": 0, "meta": 0, "progress": 0}  # only the member's visit
    assert page.evaluate(FIELD_PAGES_KEPT) == []


def test_logout_with_an_empty_outbox_clears_indexeddb_and_cached_pages(world, phone):
    base, page = world.base_url, phone.page
    ready_for_the_field(phone, base)
    assert page.evaluate(STORE_COUNTS)["households"] > 0
    assert page.evaluate(FIELD_PAGES_KEPT) != []
    page.goto(base + "/accounts/logout/")
    page.locator("form[data-logout] button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/logout/" not in url)
    assert page.evaluate(STORE_COUNTS) == {"outbox": 0, "households": 0, "meta": 0, "progress": 0}
    # The pages the member used are gone (the home page the logout leads to may be kept: it holds
    # nothing of anyone).
    assert page.evaluate(FIELD_PAGES_KEPT) == []


def test_a_refused_visit_shows_why_and_is_fixed_or_discarded_by_the_member(world, phone):
    from django.utils import timezone

    from community_teams.models import Visit

    base, page = world.base_url, phone.page
    ready_for_the_field(phone, base)
    visits_before, _ = counts()

    def refused_visit(household: int) -> None:
        page.goto(page.url.split("#")[0])
        page.locator(".pick-list__button").nth(household).click()
        page.locator("[data-help-check]").first.check()
        page.locator("[data-follow-up]").fill("2020-01-01")  # before the visit: the server refuses it
        page.locator("[data-save]").click()
        expect(page.locator(".visit-saved__note")).to_contain_text("máy chủ chưa nhận")

    refused_visit(0)
    refused_visit(1)
    page.goto(base + TODAY)
    expect(status(page)).to_contain_text("Chuyến thăm: 0 chưa đồng bộ · 2 lỗi")
    failed = page.locator("[data-outbox] .outbox__item--failed")
    expect(failed).to_have_count(2)
    expect(failed.first.locator(".field-item__meta")).not_to_have_text(re.compile(r"chưa đồng bộ$"))
    phone.shot("refused-visits")

    today = timezone.localdate().isoformat()
    failed.first.locator("input[type=date]").fill(today)
    failed.first.get_by_role("button", name="Gửi lại").click()
    expect(status(page)).to_contain_text("Chuyến thăm: 0 chưa đồng bộ · 1 lỗi")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-outbox] .outbox__item--failed").get_by_role("button", name="Bỏ").click()
    expect(status(page)).to_contain_text("Chuyến thăm: 0 chưa đồng bộ ·")
    expect(status(page)).not_to_contain_text("lỗi")
    expect(page.locator("[data-outbox] .outbox__item")).to_have_count(0)
    assert counts()[0] == visits_before + 1
    fixed = Visit.objects.filter(author__username="thanhvien").latest("received_at")
    assert fixed.follow_up_on.isoformat() == today


def test_items_the_server_had_no_time_for_are_sent_again_by_themselves(world, phone):
    """A 503 with ``retry`` per item (the batch ran out of time): they stay pending, and the
    retry with backoff sends them without the member doing anything."""
    import json

    base, page = world.base_url, phone.page
    ready_for_the_field(phone, base)
    visits_before, _ = counts()
    answered = []

    def out_of_time(route):
        if answered:  # the next try reaches the server
            route.continue_()
            return
        sent = json.loads(route.request.post_data)
        answered.append(len(sent["visits"]))
        body = {
            kind: [{"uuid": item["client_uuid"], "status": 503, "retry": True} for item in sent[kind]]
            for kind in ("households", "members", "visits")
        }
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route(SYNC_API, out_of_time)
    log_visit(page, household=0)
    expect(page.locator(".visit-saved__note")).to_have_text("Đã lưu trên máy, chưa đồng bộ: sẽ gửi khi có mạng.")
    assert answered == [1]
    expect(status(page)).to_contain_text("Chuyến thăm: 0 chưa đồng bộ", timeout=20_000)
    assert counts()[0] == visits_before + 1
