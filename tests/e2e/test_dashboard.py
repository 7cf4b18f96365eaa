"""Journey 3 on a 390x844 phone and a 1366x768 PC: the demo commune coordinator opens the
dashboard from the team page, sees its four charts (server-drawn SVG) and the numbers in tables,
narrows it to one village with the filter form (no JavaScript needed) and the figures change;
the campaign page shows each target. Screenshots go to test-artifacts/e2e/.

Selectors go by element, class and data attributes, never by labels (they are translated).
"""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from .conftest import TIMEOUT_MS, Phone
from .test_field_visit import _serious, log_in
from .test_learner_journey import LAYOUT_PROBE, TAP_TARGET_PX

pytestmark = pytest.mark.e2e

DASHBOARD = "/to-cong-nghe-so/bang-tong-hop/"
CHECKED = ("button", "field-nav__link", "field-input")
PC = {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1, "locale": "vi-VN"}


@pytest.fixture
def demo(content):
    """The community demo (Cao Bằng): dieuphoi coordinates the first commune; a campaign there."""
    from datetime import timedelta

    from django.utils import timezone

    from community_teams.demo import community_demo_load
    from community_teams.models import Area, Campaign, CampaignTarget, CoordinatorScope

    community_demo_load()
    commune = CoordinatorScope.objects.get(user__username="dieuphoi").area
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        name="Tháng cao điểm chuyển đổi số", area=commune, starts_on=today - timedelta(days=27), ends_on=today
    )
    CampaignTarget.objects.create(campaign=campaign, kind=CampaignTarget.Kind.HOUSEHOLDS_VISITED, value=80)
    CampaignTarget.objects.create(campaign=campaign, kind=CampaignTarget.Kind.COURSES_COMPLETED, value=20)
    villages = list(Area.objects.filter(parent=commune).order_by("code"))
    return SimpleNamespace(base_url=content.base_url, commune=commune, villages=villages, campaign=campaign)


def _figure(page, name: str) -> int:
    return int(page.locator(f"[data-figure='{name}']").inner_text().split("/")[0].strip().rstrip("%"))


def _fits(phone, width: int) -> None:
    report = phone.page.evaluate(LAYOUT_PROBE, [list(CHECKED), TAP_TARGET_PX])
    assert report["checkedCount"] > 0
    assert report["scrollWidth"] <= width, f"horizontal scroll: {report['scrollWidth']}px, {report['overflowing']}"
    assert report["smallTargets"] == [], "tap targets under 44px:\n" + "\n".join(report["smallTargets"])
    assert report["bodyFontSize"] >= 16


def _charts_are_drawn(page) -> None:
    charts = page.locator("main svg.chart[role=img]")
    expect(charts).to_have_count(4)
    for index in range(4):
        chart = charts.nth(index)
        assert chart.locator("title").text_content().strip()
        assert chart.locator("rect.chart__bar").count() > 0
        assert chart.bounding_box()["height"] > 40


def _open_tables(page) -> None:
    summaries = page.locator("details.chart-data > summary")
    for index in range(summaries.count()):
        summaries.nth(index).click()


def test_the_coordinator_reads_and_filters_the_dashboard_on_a_phone(open_phone, demo):
    phone = open_phone(javascript=False)
    page, base = phone.page, demo.base_url
    log_in(phone, base, "dieuphoi")
    page.goto(base + "/to-cong-nghe-so/doi/")
    page.locator("[data-dashboard-link]").click()
    expect(page).to_have_url(base + DASHBOARD)
    _charts_are_drawn(page)
    everywhere = {name: _figure(page, name) for name in ("visits", "reached")}
    assert everywhere["visits"] > 0 and everywhere["reached"] > 0
    assert set(
        page.locator("[data-table='coverage'] tbody tr").evaluate_all("rows => rows.map(r => r.dataset.village)")
    ) == {village.code for village in demo.villages}
    _fits(phone, 390)
    phone.shot("01-dashboard")
    _open_tables(page)
    phone.shot("02-numbers")

    village = demo.villages[0]
    page.locator("select[name=village]").select_option(village.code)
    page.locator("form[data-dashboard-filters] button[type=submit]").click()
    expect(page.locator("[data-table='coverage'] tbody tr")).to_have_count(1)
    expect(page.locator(f"[data-table='coverage'] tbody tr[data-village='{village.code}']")).to_have_count(1)
    one_village = {name: _figure(page, name) for name in ("visits", "reached")}
    assert 0 < one_village["visits"] < everywhere["visits"]
    assert 0 < one_village["reached"] < everywhere["reached"]
    _charts_are_drawn(page)
    _fits(phone, 390)
    phone.shot("03-one-village")

    page.locator(f"[data-campaign-link='{demo.campaign.pk}']").click()
    expect(page.locator("[data-table='targets'] tbody tr")).to_have_count(2)
    expect(page.locator("main svg.chart")).to_have_count(1)
    _fits(phone, 390)
    phone.shot("04-campaign")
    assert _serious(phone.problems) == []


def test_the_dashboard_reads_on_a_pc(browser, demo, request):
    context = browser.new_context(**PC)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        pc = Phone(page=context.new_page(), name="dashboard-pc")
        pc.page.on("pageerror", lambda error: pc.problems.append(f"page error: {error}"))
        page, base = pc.page, demo.base_url
        log_in(pc, base, "dieuphoi")
        page.goto(base + DASHBOARD)
        _charts_are_drawn(page)
        everywhere = _figure(page, "visits")
        _fits(pc, 1366)
        pc.shot("01-dashboard")
        _open_tables(page)
        pc.shot("02-numbers")
        page.locator("select[name=campaign]").select_option(str(demo.campaign.pk))
        page.locator("form[data-dashboard-filters] button[type=submit]").click()
        expect(page.locator("[data-section='campaign'] [data-target]")).to_have_count(2)
        assert 0 < _figure(page, "visits") <= everywhere
        pc.shot("03-campaign-filter", full_page=False)
        assert _serious(pc.problems) == []
    finally:
        context.close()
