"""Exports of the dashboard: every table of the page, for its filters, within the person's scope,
as XLSX (a sheet per table) or CSV (the tables one after another), with progress per table.

The data is the dashboard's (``test_dashboard.data``: communes a and b, their villages, teams,
households, visits and referrals, dated from ``m0``, the Monday three weeks before this week's);
the expected tables are written out by hand below for the commune b coordinator, whose scope is
one village, one team, one visit in the period.
"""

import csv
import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from community_teams import exports
from community_teams.dashboard import TABLES
from community_teams.models import AuditEntry, CoordinatorScope, Export, ExportStatus

from . import test_dashboard

data = test_dashboard.data  # the fixture, used by name

SHEETS = ["Độ bao phủ", "Đủ 5 kỹ năng", "Chuyến thăm mỗi tuần", "Việc đã hỗ trợ", "Thành viên chưa đi thăm", "Tóm tắt"]
TITLES = [
    "Độ bao phủ theo thôn, tổ dân phố",
    "Số hộ theo kỹ năng mục tiêu",
    "Chuyến thăm mỗi tuần",
    "Việc đã hỗ trợ",
    "Thành viên chưa đi thăm 14 ngày qua",
    "Tóm tắt",
]


def _expected_b(world, d) -> list[list[list]]:
    """Commune b over m0..today, by hand (``test_dashboard``'s docstring): header, then rows."""
    skills = [
        ["Dùng dịch vụ công trực tuyến", 0, 0, 0],
        ["Mua sắm trực tuyến", 0, 0, 0],
        ["Thanh toán trực tuyến", 1, 1, 1],
        ["Bảo vệ mình trên mạng", 0, 0, 0],
        ["Dùng nền tảng số của địa phương", 0, 0, 0],
    ]
    return [
        [
            None,  # headings: checked apart
            ["01279-001", "Tổ dân phố 1", "Phường Nùng Trí Cao", 2, 4, "thống kê của xã", 50, 0],
        ],
        [None, *skills],
        [None, [d.m0, 0, 0], [d.m1, 0, 0], [d.m2, 1, 1], [d.m3, 0, 0]],
        [None, ["Cài thanh toán QR", "Thanh toán trực tuyến", 1]],
        [None, [world.team_b.name, "Người chuyển tổ", ""], [world.team_b.name, "leader-b", ""]],
        [
            None,
            ["Số hộ đã đến", 2],
            ["Tổng số hộ (mẫu số)", 4],
            ["Số hộ đạt mục tiêu 5 kỹ năng số cơ bản", 0],
            ["Chuyến thăm", 1],
            ["Lượt đăng ký học từ chuyến thăm", 1],
            ["Khóa học hoàn thành sau chuyến thăm", 1],
            ["Hẹn quay lại đã quá hạn", 2],
        ],
    ]


def _request(user, fmt="xlsx", filters=None, capture=None) -> Export:
    with capture(execute=True):
        export = exports.export_request(actor=user, kind="dashboard", format=fmt, filters=filters or {})
    export.refresh_from_db()
    return export


def _xlsx(export) -> dict[str, list[list]]:
    with export.file.open("rb") as handle:
        book = openpyxl.load_workbook(io.BytesIO(handle.read()), read_only=True)
    return {
        sheet.title: [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
    }


def _csv_tables(export) -> list[list[list[str]]]:
    """The CSV's tables: split at blank rows; each starts with its title row."""
    with export.file.open("rb") as handle:
        raw = handle.read()
    assert raw.startswith(b"\xef\xbb\xbf")
    tables, current = [], []
    for row in csv.reader(io.StringIO(raw.decode("utf-8-sig"))):
        if not row:
            tables.append(current)
            current = []
        else:
            current.append(row)
    tables.append(current)
    return tables


def _dates_to_iso(rows):
    return [[value.date().isoformat() if hasattr(value, "date") else value for value in row] for row in rows]


def test_the_xlsx_holds_every_table_exactly(world, data, django_capture_on_commit_callbacks):
    export = _request(
        world.coordinator_b, filters={"period_start": data.m0.isoformat()}, capture=django_capture_on_commit_callbacks
    )
    assert export.status == ExportStatus.DONE
    assert (export.rows_done, export.rows_total, export.includes_personal_data) == (6, 6, False)
    assert export.filters == {"period_start": data.m0.isoformat(), "period_end": data.today.isoformat()}
    sheets = _xlsx(export)
    assert list(sheets) == SHEETS
    for (name, rows), expected in zip(sheets.items(), _expected_b(world, data), strict=True):
        got = _dates_to_iso(rows[1:]) if name == "Chuyến thăm mỗi tuần" else rows[1:]
        want = [[value.isoformat() if hasattr(value, "isoformat") else value for value in row] for row in expected[1:]]
        assert got == want, name
    assert sheets["Độ bao phủ"][0][:4] == ["Mã thôn, tổ dân phố", "Thôn, tổ dân phố", "Xã, phường", "Số hộ đã đến"]
    assert sheets["Chuyến thăm mỗi tuần"][0] == ["Tuần bắt đầu", world.team_b.name, "Tổng"]
    assert sheets["Tóm tắt"][0] == ["Chỉ số", "Số lượng"]


def test_the_csv_holds_the_tables_one_after_another(world, data, django_capture_on_commit_callbacks):
    export = _request(
        world.coordinator_b,
        "csv",
        filters={"period_start": data.m0.isoformat()},
        capture=django_capture_on_commit_callbacks,
    )
    tables = _csv_tables(export)
    assert [table[0] for table in tables] == [[title] for title in TITLES]
    for table, expected in zip(tables, _expected_b(world, data), strict=True):
        want = [
            [str(value.isoformat() if hasattr(value, "isoformat") else value) for value in row] for row in expected[1:]
        ]
        assert table[2:] == want, table[0]
    assert tables[2][1] == ["Tuần bắt đầu", world.team_b.name, "Tổng"]


@pytest.mark.parametrize("who", ["coordinator_a", "coordinator_b", "province_coordinator", "leader_a"])
def test_the_file_holds_exactly_the_person_s_villages_and_teams(world, data, who, django_capture_on_commit_callbacks):
    expected = test_dashboard.EXPECTED[who]
    export = _request(
        getattr(world, who), filters={"period_start": data.m0.isoformat()}, capture=django_capture_on_commit_callbacks
    )
    sheets = _xlsx(export)
    assert {row[0] for row in sheets["Độ bao phủ"][1:]} == {row[0] for row in expected["villages"]}
    teams = {world.team_a.pk: world.team_a.name, world.team_b.pk: world.team_b.name}
    names = {"team_a": world.team_a.name, "team_b": world.team_b.name}
    assert set(sheets["Chuyến thăm mỗi tuần"][0][1:-1]) == {names[key] for key in expected["weekly"]}
    assert set(teams.values()) >= set(sheets["Chuyến thăm mỗi tuần"][0][1:-1])
    summary = dict(sheets["Tóm tắt"][1:])
    assert (summary["Số hộ đã đến"], summary["Chuyến thăm"]) == (expected["reached"], expected["visits"])
    assert summary["Hẹn quay lại đã quá hạn"] == expected["overdue"]


def test_the_filters_narrow_the_file_as_they_narrow_the_page(world, data, django_capture_on_commit_callbacks):
    export = _request(
        world.province_coordinator,
        filters={"period_start": data.m0.isoformat(), "team": world.team_b.pk},
        capture=django_capture_on_commit_callbacks,
    )
    sheets = _xlsx(export)
    assert [row[0] for row in sheets["Độ bao phủ"][1:]] == ["01279-001"]
    export = _request(
        world.coordinator_a,
        filters={"period_start": data.m0.isoformat(), "campaign": data.cA1.pk},
        capture=django_capture_on_commit_callbacks,
    )
    assert export.filters["campaign"] == data.cA1.pk
    assert [row[0] for row in _xlsx(export)["Độ bao phủ"][1:]] == ["01273-001"]


def test_without_a_period_the_dashboard_s_default_is_stored(world, data, django_capture_on_commit_callbacks):
    from community_teams.dashboard import default_period

    export = _request(world.coordinator_a, capture=django_capture_on_commit_callbacks)
    start, end = default_period()
    assert export.filters == {"period_start": start.isoformat(), "period_end": end.isoformat()}
    with_campaign = _request(
        world.coordinator_a, filters={"campaign": data.cA1.pk}, capture=django_capture_on_commit_callbacks
    )
    assert with_campaign.filters["period_start"] == data.cA1.starts_on.isoformat()
    assert exports.export_filename(export) == f"bang-tong-hop-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"


def test_progress_counts_tables_and_the_total_is_known_up_front(world, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = exports.export_request(actor=world.coordinator_a, kind="dashboard", format="xlsx", filters={})
    seen = []

    def on_progress(export_id, done, total):
        row = Export.objects.get(pk=export_id)
        seen.append((done, total, row.rows_done, row.rows_total, row.status))

    exports.export_build(export_id=export.pk, on_progress=on_progress)
    assert seen == [(n, 6, n, 6, "running") for n in range(1, 7)]
    assert len(TABLES) == 6
    export.refresh_from_db()
    assert (export.status, export.rows_done, export.rows_total, export.percent) == ("done", 6, 6, 100)


def test_it_is_audited_like_the_other_exports_with_no_personal_data(world, data, django_capture_on_commit_callbacks):
    export = _request(world.coordinator_a, "csv", capture=django_capture_on_commit_callbacks)
    entry = AuditEntry.objects.get(action="export", object_id=str(export.pk))
    assert entry.actor == world.coordinator_a
    assert entry.details == {"format": "csv", "count": 0, "rows": 6}
    assert export.personal_data_communes == []


def test_an_owner_who_lost_the_filter_s_scope_gets_a_failed_export(world, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        export = exports.export_request(
            actor=world.coordinator_a, kind="dashboard", format="xlsx", filters={"village": "01273-001"}
        )
    CoordinatorScope.objects.filter(user=world.coordinator_a).update(area=world.commune_b)
    callbacks[0]()
    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED and not export.file


# Foreign filters: 400 in the API, 404 from the page.

FOREIGN = [
    ("coordinator_b", "village", "01273-001", "Hãy chọn một thôn trong địa bàn của bạn."),
    ("coordinator_b", "team", "team_a", "Hãy chọn một tổ bạn làm việc cùng."),
    ("coordinator_a", "team", "team_b", "Hãy chọn một tổ bạn làm việc cùng."),
    ("coordinator_a", "campaign", "cB", "Hãy chọn một chiến dịch trong địa bàn của bạn."),
    ("leader_a", "village", "01279-001", "Hãy chọn một thôn trong địa bàn của bạn."),
]


def _value(world, data, key, value):
    if key == "team":
        return getattr(world, value).pk
    if key == "campaign":
        return getattr(data, value).pk
    return value


@pytest.mark.parametrize(("who", "key", "value", "message"), FOREIGN)
def test_a_foreign_filter_is_a_400_in_the_api(world, data, api_for, who, key, value, message):
    response = api_for(getattr(world, who)).post_json(
        reverse("api:exports"),
        {"kind": "dashboard", "format": "xlsx", "filters": {key: _value(world, data, key, value)}},
    )
    assert response.status_code == 400
    assert response.json() == {key: [message]}
    assert not Export.objects.exists()


@pytest.mark.parametrize(("who", "key", "value", "message"), FOREIGN)
def test_a_foreign_filter_is_a_404_from_the_page(world, data, who, key, value, message):
    client = Client()
    client.force_login(getattr(world, who))
    response = client.post(
        reverse("community_teams:dashboard_export"), {"format": "xlsx", key: _value(world, data, key, value)}
    )
    assert response.status_code == 404
    assert not Export.objects.exists()


@pytest.mark.parametrize(
    ("filters", "errors"),
    [
        ({"period_start": "29/11/2026"}, {"period_start": ["Hãy nhập ngày theo dạng NNNN-TT-NN."]}),
        (
            {"period_start": "2026-02-01", "period_end": "2026-01-01"},
            {"period_end": ["Ngày kết thúc ở trước ngày bắt đầu."]},
        ),
        (
            {"period_start": "2024-01-01", "period_end": "2026-01-01"},
            {"period_end": ["Hãy chọn khoảng thời gian không quá 53 tuần."]},
        ),
        ({"date_from": "2026-01-01"}, {"filters": ["Bộ lọc không hợp lệ: date_from."]}),
        ({"campaign": "abc"}, {"campaign": ["Hãy chọn một chiến dịch trong địa bàn của bạn."]}),
    ],
)
def test_bad_filters_are_a_400_in_the_api(world, data, api_for, filters, errors):
    response = api_for(world.coordinator_a).post_json(
        reverse("api:exports"), {"kind": "dashboard", "format": "csv", "filters": filters}
    )
    assert response.status_code == 400
    assert response.json() == errors


def test_the_api_makes_it_and_shows_progress_in_tables(world, data, api_for, django_capture_on_commit_callbacks):
    client = api_for(world.coordinator_b)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post_json(reverse("api:exports"), {"kind": "dashboard", "format": "xlsx"})
    assert response.status_code == 202
    body = client.get(reverse("api:export-detail", args=[response.json()["id"]])).json()
    assert (body["kind"], body["status"], body["rows_done"], body["rows_total"]) == ("dashboard", "done", 6, 6)
    download = client.get(body["download_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="bang-tong-hop-')


# The dashboard page's buttons.


def test_the_page_offers_both_files_with_its_filters(world, data):
    client = Client()
    client.force_login(world.coordinator_a)
    html = client.get(
        reverse("community_teams:dashboard"), {"period_start": data.m0.isoformat(), "village": "01273-002"}
    ).content.decode()
    form = html.split("data-dashboard-export", 1)[1].split("</form>", 1)[0]
    assert 'name="csrfmiddlewaretoken"' in form
    assert f'name="period_start" value="{data.m0.isoformat()}"' in form
    assert f'name="period_end" value="{data.today.isoformat()}"' in form
    assert 'name="village" value="01273-002"' in form
    assert 'name="team"' not in form and 'name="campaign"' not in form
    assert 'value="xlsx"' in form and 'value="csv"' in form
    assert "Xuất bảng tổng hợp (XLSX)" in form and "Xuất bảng tổng hợp (CSV)" in form


def test_the_page_button_makes_the_export_and_goes_to_the_export_page(world, data, django_capture_on_commit_callbacks):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.coordinator_a)
    page = client.get(reverse("community_teams:dashboard"), {"period_start": data.m0.isoformat()})
    token = page.cookies["csrftoken"].value
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community_teams:dashboard_export"),
            {
                "csrfmiddlewaretoken": token,
                "format": "csv",
                "period_start": data.m0.isoformat(),
                "period_end": data.today.isoformat(),
                "village": "01273-002",
            },
        )
    assert response.status_code == 302 and response["Location"] == reverse("community_teams:exports")
    export = Export.objects.get()
    assert (export.kind, export.format, export.status) == ("dashboard", "csv", "done")
    assert export.filters == {
        "period_start": data.m0.isoformat(),
        "period_end": data.today.isoformat(),
        "village": "01273-002",
    }
    listing = client.get(response["Location"]).content.decode()
    assert f'data-export="{export.pk}" data-status="done" data-kind="dashboard"' in listing
    assert "6 bảng" in listing
    assert reverse("community_teams:export_download", args=[export.pk]) in listing


def test_the_page_button_needs_a_post_and_a_role(world, data):
    client = Client()
    client.force_login(world.coordinator_a)
    assert client.get(reverse("community_teams:dashboard_export")).status_code == 405
    outsider = Client()
    outsider.force_login(world.outsider)
    assert outsider.post(reverse("community_teams:dashboard_export"), {"format": "xlsx"}).status_code == 403


def test_the_export_page_does_not_offer_the_dashboard_kind(world, data):
    client = Client()
    client.force_login(world.coordinator_a)
    html = client.get(reverse("community_teams:exports")).content.decode()
    assert 'name="kind" value="households"' in html and 'name="kind" value="dashboard"' not in html
    response = client.post(reverse("community_teams:exports"), {"kind": "dashboard", "format": "csv"})
    assert response.status_code == 400
    assert not Export.objects.exists()
