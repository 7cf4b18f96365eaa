"""Exports of households and visits: scoped, audited, private to their owner, erased with the
households they hold.

The data, on top of ``world`` (communes a and b, team a over villages a1 and a2, team b over b1):

- households hA1 (a1, consent given, "Nguyễn Thị Hường", by member_a; one person with the
  ``dvc`` skill), hA2 (a2, declined, by leader_a), hI (a1, imported from the commune list with
  code "TDP1-007", "Lê Văn Nhập"), hE (a1, given, then erased by leader_a) and hB1 (b1, given,
  "Hoàng Văn Bảo", by member_b);
- visits vA1 (hA1, by member_a, with notes "Ghi chú riêng tư", help "Cài VNeID" with service
  "Khai sinh cho con Bình"), vA2 (hA2, by leader_a), vE (hE, by member_a, before the erasure) and
  vB1 (hB1, by member_b).

The expected rows and columns per role are written out by hand (``EXPORT``), never computed by
the code under test.
"""

import csv
import io
import json
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import storages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community_teams import exports, scoping, tasks
from community_teams.erasure import erasers, household_erase
from community_teams.models import (
    AuditEntry,
    ConsentStatus,
    Export,
    ExportStatus,
    Household,
    MemberSkill,
)
from community_teams.services.errors import NotPermitted

HEAD_A1 = "Nguyễn Thị Hường"
HEAD_I = "Lê Văn Nhập"
HEAD_B1 = "Hoàng Văn Bảo"
NOTES = "Ghi chú riêng tư"
SERVICE = "Khai sinh cho con Bình"

HOUSEHOLDS_A = {"hA1", "hA2", "hI"}
VISITS_A = {"vA1", "vA2", "vE"}
# The permission matrix's "export" column: role -> (households in the file, personal data
# columns, visits in the file). None: may not export.
EXPORT = {
    "member_a": (HOUSEHOLDS_A, False, VISITS_A),
    "leader_a": (HOUSEHOLDS_A, True, VISITS_A),
    "member_b": ({"hB1"}, False, {"vB1"}),
    "leader_b": ({"hB1"}, True, {"vB1"}),
    "coordinator_a": (HOUSEHOLDS_A, True, VISITS_A),
    "coordinator_b": ({"hB1"}, True, {"vB1"}),
    "province_coordinator": (HOUSEHOLDS_A | {"hB1"}, True, VISITS_A | {"vB1"}),
    "superuser": (HOUSEHOLDS_A | {"hB1"}, True, VISITS_A | {"vB1"}),
    "outsider": None,
}
# Personal data in a file with personal data columns: household -> (head, phone, address).
PERSONAL = {
    "hA1": (HEAD_A1, "0912 345 678", "Ngõ 3, nhà số 5"),
    "hA2": ("", "", ""),
    "hI": (HEAD_I, "0987 654 321", "Xóm Trên"),
    "hB1": (HEAD_B1, "0934 111 222", "Ngõ 3, nhà số 5"),
}
HOUSEHOLD_HEADINGS = [
    "Mã hộ",
    "Mã trong danh sách của xã",
    "Thôn, tổ dân phố",
    "Xã/phường",
    "Đồng ý lưu thông tin",
]
PERSONAL_HEADINGS = ["Chủ hộ", "Số điện thoại", "Ghi chú địa chỉ"]
VISIT_HEADINGS = [
    "Mã chuyến thăm",
    "Thời gian thăm",
    "Thôn, tổ dân phố",
    "Xã/phường",
    "Tổ",
    "Người ghi",
    "Thời lượng (phút)",
    "Kết quả",
    "Việc đã hỗ trợ",
    "Hẹn quay lại",
]


@pytest.fixture
def data(world, make_household, make_member, make_visit, django_capture_on_commit_callbacks):
    w = world
    h = {}
    h["hA1"] = make_household(w.member_a, w.village_a1, head_name=HEAD_A1)
    member = make_member(w.member_a, h["hA1"], label="bà Hường")
    MemberSkill.objects.create(member=member, skill=w.skill["dvc"], observed_at=timezone.now())
    h["hA2"] = make_household(
        w.leader_a, w.village_a2, consent_status="declined", head_name="", phone="", address_note="", consent_by=""
    )
    h["hI"] = Household.objects.create(
        village=w.village_a1,
        commune_code="01273",
        province_code="04",
        list_code="TDP1-007",
        consent_status=ConsentStatus.IMPORTED,
        head_name=HEAD_I,
        phone="+84987654321",
        address_note="Xóm Trên",
        people_count=3,
    )
    h["hE"] = make_household(w.member_a, w.village_a1, head_name="Trần Văn Xoá", phone="0977 000 111")
    h["hB1"] = make_household(w.member_b, w.village_b1, head_name=HEAD_B1, phone="0934 111 222")
    v = {
        "vA1": make_visit(
            w.member_a,
            h["hA1"],
            notes=NOTES,
            follow_up_on=(timezone.localdate() + timedelta(days=3)).isoformat(),
            help=[{"item": "nop-ho-so", "service_name": SERVICE}, {"item": "cai-vneid"}],
        ),
        "vA2": make_visit(w.leader_a, h["hA2"], outcome="not_home"),
        "vE": make_visit(w.member_a, h["hE"]),
        "vB1": make_visit(w.member_b, h["hB1"]),
    }
    with django_capture_on_commit_callbacks(execute=True):
        household_erase(actor=w.leader_a, household=h["hE"], reason="requested")
    for row in h.values():
        row.refresh_from_db()
    return {"households": h, "visits": v, "uuid": _names(h, v)}


def _names(households, visits) -> dict:
    names = {str(row.client_uuid): name for name, row in households.items()}
    names.update({str(row.client_uuid): name for name, row in visits.items()})
    return names


def build(user, kind, fmt="csv", filters=None, capture=None, **build_kwargs) -> Export:
    """Ask for an export and run its task as the worker would (after the commit)."""
    with capture(execute=False) as callbacks:
        export = exports.export_request(actor=user, kind=kind, format=fmt, filters=filters or {})
    assert len(callbacks) == 1
    if build_kwargs:
        exports.export_build(export_id=export.pk, **build_kwargs)
    else:
        callbacks[0]()
    export.refresh_from_db()
    return export


def read(export) -> list[list]:
    with export.file.open("rb") as handle:
        raw = handle.read()
    if export.format == "csv":
        assert raw.startswith(b"\xef\xbb\xbf")
        return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(raw), read_only=True).worksheets[0]
    return [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]


def ids_in(rows, data) -> set[str]:
    return {data["uuid"][row[0]] for row in rows[1:]}


@pytest.fixture
def export_for(data, django_capture_on_commit_callbacks):
    def make(user, kind, fmt="csv", filters=None, **kwargs):
        return build(user, kind, fmt, filters, capture=django_capture_on_commit_callbacks, **kwargs)

    return make


# Rows and columns per role.


@pytest.mark.parametrize("role", [role for role, expected in EXPORT.items() if expected])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_household_export_holds_exactly_the_role_s_households(world, data, export_for, role, fmt):
    households, personal, _visits = EXPORT[role]
    export = export_for(getattr(world, role), "households", fmt)
    assert export.status == ExportStatus.DONE
    assert export.includes_personal_data is personal
    rows = read(export)
    assert ids_in(rows, data) == households
    assert rows[0][:5] == HOUSEHOLD_HEADINGS
    assert (rows[0][5:8] == PERSONAL_HEADINGS) is personal
    text = json.dumps(rows, ensure_ascii=False)
    assert "Trần Văn Xoá" not in text
    if not personal:
        for name in (HEAD_A1, HEAD_I, HEAD_B1, "0912", "Ngõ 3"):
            assert name not in text
        return
    for row in rows[1:]:
        assert tuple(row[5:8]) == PERSONAL[data["uuid"][row[0]]]


@pytest.mark.parametrize("role", [role for role, expected in EXPORT.items() if expected])
def test_visit_export_holds_exactly_the_role_s_visits_and_never_notes(world, data, export_for, role):
    export = export_for(getattr(world, role), "visits", "xlsx")
    assert export.status == ExportStatus.DONE
    assert export.includes_personal_data is False
    rows = read(export)
    assert rows[0] == VISIT_HEADINGS
    assert ids_in(rows, data) == EXPORT[role][2]
    text = json.dumps(rows, ensure_ascii=False)
    assert NOTES not in text
    assert SERVICE not in text
    for name in (HEAD_A1, HEAD_I, HEAD_B1):
        assert name not in text


def test_visit_rows_hold_local_time_names_help_and_follow_up(world, data, export_for):
    export = export_for(world.member_a, "visits", "csv")
    rows = {data["uuid"][row[0]]: row for row in read(export)[1:]}
    visit = data["visits"]["vA1"]
    local = timezone.localtime(visit.visited_at)
    assert rows["vA1"] == [
        str(visit.client_uuid),
        local.strftime("%Y-%m-%d %H:%M"),
        "Tổ dân phố 1",
        "Phường Thục Phán",
        "Tổ CNSCĐ Thục Phán",
        "member-a",
        "20",
        "Đã hỗ trợ",
        "Cài VNeID; Nộp hồ sơ trực tuyến",
        visit.follow_up_on.isoformat(),
    ]
    assert rows["vA2"][7] == "Không có ai ở nhà"


def test_household_rows_hold_counts_skills_and_last_visit(world, data, export_for):
    export = export_for(world.leader_a, "households", "csv")
    rows = {data["uuid"][row[0]]: row for row in read(export)[1:]}
    skills = ["Dùng dịch vụ công trực tuyến", "Mua sắm trực tuyến", "Thanh toán trực tuyến"]
    assert read(export)[0][8:13] == ["Số người", "Đạt mục tiêu 5 kỹ năng", *skills]
    last_visit = timezone.localtime(data["visits"]["vA1"].visited_at).strftime("%Y-%m-%d")
    assert rows["hA1"][8:] == ["4", "Không", "Có", "Không", "Không", "Không", "Không", last_visit]
    assert rows["hI"][1] == "TDP1-007"
    assert rows["hI"][8:] == ["3", "Không", "Không", "Không", "Không", "Không", "Không", ""]
    assert rows["hA2"][4] == "Từ chối (không lưu dữ liệu cá nhân)"


def test_someone_without_a_community_role_may_not_export(world, data):
    for kind in ("households", "visits"):
        assert scoping.can_export(world.outsider, kind) is False
        with pytest.raises(NotPermitted):
            exports.export_request(actor=world.outsider, kind=kind, format="csv", filters={})
    assert not Export.objects.exists()


def test_filters_narrow_the_rows(world, data, export_for):
    by_village = export_for(world.coordinator_a, "households", filters={"village": "01273-002"})
    assert ids_in(read(by_village), data) == {"hA2"}
    by_team = export_for(world.province_coordinator, "visits", filters={"team": world.team_b.pk})
    assert ids_in(read(by_team), data) == {"vB1"}
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    future = export_for(world.province_coordinator, "visits", filters={"date_from": tomorrow})
    assert ids_in(read(future), data) == set()
    today = timezone.localdate().isoformat()
    visited = export_for(world.leader_a, "households", filters={"date_from": today, "date_to": tomorrow})
    assert ids_in(read(visited), data) == {"hA1", "hA2"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_text_that_looks_like_a_formula_stays_text(world, data, export_for, fmt):
    formula = '=HYPERLINK("http://example.com","x")'
    Household.objects.filter(pk=data["households"]["hI"].pk).update(head_name=formula, address_note="@SUM(A1)")
    export = export_for(world.coordinator_a, "households", fmt)
    rows = {data["uuid"][row[0]]: row for row in read(export)[1:]}
    assert rows["hI"][5] == "'" + formula
    assert rows["hI"][7] == "'@SUM(A1)"


# Audit.


def test_one_audit_entry_counts_the_households_with_personal_data(world, data, export_for):
    before = AuditEntry.objects.filter(action="export").count()
    export = export_for(world.leader_a, "households", "xlsx")
    entries = AuditEntry.objects.filter(action="export")
    assert entries.count() == before + 1
    entry = entries.latest("at")
    assert (entry.actor, entry.object_type, entry.object_id) == (world.leader_a, "export", str(export.pk))
    assert entry.details == {"format": "xlsx", "count": 2, "rows": 3}
    stored = json.dumps(entry.details, ensure_ascii=False)
    for value in (HEAD_A1, HEAD_I, "912345678", "Ngõ"):
        assert value not in stored


def test_a_member_s_export_is_audited_with_no_personal_data(world, data, export_for):
    export_for(world.member_a, "households")
    entry = AuditEntry.objects.filter(action="export").latest("at")
    assert entry.details == {"format": "csv", "count": 0, "rows": 3}


# The task.


def test_progress_is_saved_after_every_chunk(world, data, export_for):
    seen = []

    def record(export_id, done, total):
        row = Export.objects.get(pk=export_id)
        seen.append((row.status, row.rows_done, row.rows_total))

    export = export_for(world.province_coordinator, "visits", chunk_size=1, on_progress=record)
    assert seen == [("running", 1, 4), ("running", 2, 4), ("running", 3, 4), ("running", 4, 4)]
    assert (export.status, export.rows_done, export.rows_total) == ("done", 4, 4)


@pytest.mark.parametrize("kind", ["households", "visits"])
def test_the_number_of_queries_does_not_grow_with_the_rows(world, data, make_household, make_visit, kind):
    def queries_to_build() -> int:
        export = Export.objects.create(requested_by=world.province_coordinator, kind=kind, format="csv")
        with CaptureQueriesContext(connection) as queries:
            exports.export_build(export_id=export.pk)
        assert Export.objects.get(pk=export.pk).status == "done"
        return len(queries)

    before = queries_to_build()
    for _ in range(5):
        household = make_household(world.member_b, world.village_b1)
        make_visit(world.member_b, household, help=[{"item": "quet-qr"}])
    assert queries_to_build() == before


def test_running_the_task_twice_makes_one_file(world, data, export_for):
    export = export_for(world.leader_a, "households")
    name = export.file.name
    files_before = set(storages["exports"].listdir("exports")[1])
    assert name.split("/")[-1] in files_before
    assert tasks.export_build(export.pk) == "done"
    export.refresh_from_db()
    assert export.file.name == name
    assert set(storages["exports"].listdir("exports")[1]) == files_before
    assert AuditEntry.objects.filter(action="export", object_id=str(export.pk)).count() == 1


def test_a_second_run_does_not_take_an_export_being_made(world, data):
    export = Export.objects.create(
        requested_by=world.leader_a, kind="households", format="csv", status="running", started_at=timezone.now()
    )
    assert tasks.export_build(export.pk) == "running"
    export.refresh_from_db()
    assert (export.status, export.file.name) == ("running", "")


def test_an_export_whose_worker_died_is_made_by_the_next_run(world, data):
    export = Export.objects.create(
        requested_by=world.leader_a,
        kind="households",
        format="csv",
        status="running",
        started_at=timezone.now() - timedelta(hours=1),
    )
    assert tasks.export_build(export.pk) == "done"


def test_an_owner_who_lost_their_role_gets_a_failed_export(world, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = exports.export_request(actor=world.member_a, kind="visits", format="csv", filters={})
    world.membership_member_a.is_active = False
    world.membership_member_a.deactivated_at = timezone.now()
    world.membership_member_a.save()
    assert tasks.export_build(export.pk) == "failed"
    export.refresh_from_db()
    assert export.file.name == ""


def test_at_most_three_exports_wait_at_once(world, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        for _ in range(3):
            exports.export_request(actor=world.member_a, kind="visits", format="csv", filters={})
        with pytest.raises(exports.ValidationError):
            exports.export_request(actor=world.member_a, kind="visits", format="csv", filters={})


# Expiry and erasure.


def test_files_are_deleted_when_they_expire(world, data, export_for, django_capture_on_commit_callbacks, settings):
    settings.CUASO_EXPORT_TTL_HOURS = 24
    old = export_for(world.leader_a, "households")
    fresh = export_for(world.leader_a, "visits")
    name = old.file.name
    Export.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.exports_expire() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, old.file.name) == ("expired", "")
    assert not storages["exports"].exists(name)
    assert fresh.status == "done" and storages["exports"].exists(fresh.file.name)


def test_expiry_is_set_from_the_setting(world, data, export_for, settings):
    settings.CUASO_EXPORT_TTL_HOURS = 6
    export = export_for(world.member_a, "visits")
    assert export.expires_at - export.finished_at == timedelta(hours=6)


def test_erasing_a_household_deletes_the_exports_holding_its_data(
    world, data, export_for, django_capture_on_commit_callbacks
):
    assert "exports" in erasers()
    leader = export_for(world.leader_a, "households")
    other_commune = export_for(world.coordinator_b, "households")
    member = export_for(world.member_a, "households")
    visits = export_for(world.leader_a, "visits")
    assert leader.personal_data_communes == ["01273"]
    name = leader.file.name
    with django_capture_on_commit_callbacks(execute=True):
        household_erase(actor=world.leader_a, household=data["households"]["hA1"], reason="requested")
    statuses = {e.pk: (e.status, bool(e.file)) for e in Export.objects.all()}
    assert statuses[leader.pk] == ("expired", False)
    assert not storages["exports"].exists(name)
    assert statuses[other_commune.pk] == ("done", True)
    assert statuses[member.pk] == ("done", True)
    assert statuses[visits.pk] == ("done", True)
    entry = AuditEntry.objects.filter(action="erase").latest("at")
    assert "exports" in entry.details["erasers"]


def test_withdrawing_consent_deletes_the_exports_holding_the_households_data(
    world, data, export_for, django_capture_on_commit_callbacks
):
    from community_teams.services import household_consent_record

    household = data["households"]["hA1"]
    assert household.consent_status == "given"
    leader = export_for(world.leader_a, "households")
    other_commune = export_for(world.coordinator_b, "households")
    name = leader.file.name
    with django_capture_on_commit_callbacks(execute=True):
        household_consent_record(actor=world.leader_a, household=household, status="declined")
    statuses = {e.pk: (e.status, bool(e.file)) for e in Export.objects.all()}
    assert statuses[leader.pk] == ("expired", False)
    assert not storages["exports"].exists(name)
    assert statuses[other_commune.pk] == ("done", True)


def test_an_erased_household_is_left_out_of_later_exports(world, data, export_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        household_erase(actor=world.coordinator_a, household=data["households"]["hI"], reason="requested")
    export = export_for(world.coordinator_a, "households")
    assert ids_in(read(export), data) == {"hA1", "hA2"}
    assert HEAD_I not in json.dumps(read(export), ensure_ascii=False)


# The API.


def test_api_asks_for_an_export_and_shows_its_progress(world, data, api_for, django_capture_on_commit_callbacks):
    client = api_for(world.leader_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post_json(reverse("api:exports"), {"kind": "visits", "format": "xlsx"})
    assert response.status_code == 202
    body = response.json()
    assert set(body) == {
        "id",
        "kind",
        "format",
        "status",
        "rows_total",
        "rows_done",
        "percent",
        "download_url",
        "expires_at",
        "error",
    }
    assert body["status"] == "pending" and body["download_url"] is None
    detail = client.get(reverse("api:export-detail", args=[body["id"]]))
    assert detail.status_code == 200
    assert detail["Cache-Control"] == "private, no-store"
    shown = detail.json()
    assert (shown["status"], shown["rows_done"], shown["rows_total"], shown["percent"]) == ("done", 3, 3, 100)
    assert shown["download_url"] == reverse("community_teams:export_download", args=[body["id"]])


def test_api_export_of_someone_else_is_a_404(world, data, api_for, export_for):
    export = export_for(world.leader_a, "households")
    for user in (world.coordinator_a, world.superuser, world.member_a):
        assert api_for(user).get(reverse("api:export-detail", args=[export.pk])).status_code == 404
    assert api_for().get(reverse("api:export-detail", args=[export.pk])).status_code == 403


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"kind": "people", "format": "csv"}, {"kind": ["Hãy chọn hộ gia đình, chuyến thăm hoặc bảng tổng hợp."]}),
        ({"kind": "visits", "format": "pdf"}, {"format": ["Hãy chọn CSV hoặc XLSX."]}),
        (
            {"kind": "visits", "format": "csv", "filters": {"village": "01279-001"}},
            {"village": ["Hãy chọn một thôn trong địa bàn của bạn."]},
        ),
        (
            {"kind": "visits", "format": "csv", "filters": {"team": 999999}},
            {"team": ["Hãy chọn một tổ bạn làm việc cùng."]},
        ),
        (
            {"kind": "visits", "format": "csv", "filters": {"date_from": "29/11/2026"}},
            {"date_from": ["Hãy nhập ngày theo dạng NNNN-TT-NN."]},
        ),
        (
            {"kind": "visits", "format": "csv", "filters": {"date_from": "2026-02-01", "date_to": "2026-01-01"}},
            {"date_to": ["Ngày kết thúc ở trước ngày bắt đầu."]},
        ),
        (
            {"kind": "visits", "format": "csv", "filters": {"phone": "0912345678"}},
            {"filters": ["Bộ lọc không hợp lệ: phone."]},
        ),
        (
            {"kind": "visits", "format": "csv", "filters": {"team": 10**30}},
            {"team": ["Hãy chọn một tổ bạn làm việc cùng."]},
        ),
        (
            {"kind": "visits", "format": "csv", "filters": {"team": True}},
            {"team": ["Hãy chọn một tổ bạn làm việc cùng."]},
        ),
        ({"kind": "visits", "format": "csv", "filters": []}, {"filters": ["Bộ lọc phải là một đối tượng."]}),
        ([], {"kind": ["Hãy chọn hộ gia đình, chuyến thăm hoặc bảng tổng hợp."]}),
    ],
)
def test_api_bad_requests_are_400_with_vietnamese_messages(world, data, api_for, body, errors):
    response = api_for(world.leader_a).post_json(reverse("api:exports"), body)
    assert response.status_code == 400
    assert response.json() == errors
    assert not Export.objects.exists()


def test_api_export_with_an_id_too_large_for_the_database_is_a_404(world, data, api_for):
    response = api_for(world.leader_a).get(reverse("api:export-detail", args=[10**30]))
    assert response.status_code == 404


def test_api_refuses_people_without_a_role(world, data, api_for):
    response = api_for(world.outsider).post_json(reverse("api:exports"), {"kind": "visits", "format": "csv"})
    assert response.status_code == 403
    assert api_for().post_json(reverse("api:exports"), {"kind": "visits", "format": "csv"}).status_code == 403


# Download and the page.


def test_the_owner_downloads_the_file_uncached(world, data, export_for, client):
    export = export_for(world.leader_a, "households", "xlsx")
    client.force_login(world.leader_a)
    response = client.get(reverse("community_teams:export_download", args=[export.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="ho-gia-dinh-')
    assert response["Content-Disposition"].endswith('.xlsx"')
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    body = b"".join(response.streaming_content)
    assert body[:2] == b"PK"


def test_nobody_else_downloads_it(world, data, export_for, client):
    export = export_for(world.leader_a, "households")
    url = reverse("community_teams:export_download", args=[export.pk])
    for user in (world.coordinator_a, world.superuser, world.member_a, world.leader_b):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(world.outsider)
    assert client.get(url).status_code == 403
    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_expired_file_says_so(world, data, export_for, client, django_capture_on_commit_callbacks):
    export = export_for(world.leader_a, "households")
    Export.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        exports.exports_expire()
    client.force_login(world.leader_a)
    response = client.get(reverse("community_teams:export_download", args=[export.pk]))
    assert response.status_code == 410
    assert "Tệp này đã hết hạn và đã bị xóa" in response.content.decode()


def test_the_file_is_never_under_a_public_url(world, data, export_for, settings):
    export = export_for(world.leader_a, "households")
    path = storages["exports"].path(export.file.name)
    assert not path.startswith(str(settings.MEDIA_ROOT) + "/")


def test_the_page_shows_progress_and_the_download_link(world, data, export_for, client):
    done = export_for(world.leader_a, "visits")
    running = Export.objects.create(
        requested_by=world.leader_a,
        kind="households",
        format="csv",
        status="running",
        started_at=timezone.now(),
        rows_total=10,
        rows_done=3,
    )
    Export.objects.create(requested_by=world.coordinator_a, kind="visits", format="csv")
    client.force_login(world.leader_a)
    response = client.get(reverse("community_teams:exports"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-export="{running.pk}" data-status="running"' in html
    assert 'aria-valuenow="30"' in html
    assert "3 trên 10 dòng" in html
    assert '<meta http-equiv="refresh" content="3">' in html
    assert reverse("community_teams:export_download", args=[done.pk]) in html
    assert reverse("community_teams:export_download", args=[running.pk]) not in html
    assert len(response.context["exports"]) == 2  # not the coordinator's
    assert "Tải về" in html


def test_the_page_asks_for_an_export(world, data, client, django_capture_on_commit_callbacks):
    client.force_login(world.member_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community_teams:exports"), {"kind": "households", "format": "csv", "village": "01273-001"}
        )
    assert response.status_code == 302
    export = Export.objects.get()
    assert (export.requested_by, export.filters, export.status) == (world.member_a, {"village": "01273-001"}, "done")
    assert ids_in(read(export), data) == {"hA1", "hI"}


def test_the_page_shows_errors_in_vietnamese(world, data, client):
    client.force_login(world.member_a)
    response = client.post(
        reverse("community_teams:exports"),
        {"kind": "visits", "format": "csv", "date_from": "2026-02-01", "date_to": "2026-01-01"},
    )
    assert response.status_code == 400
    assert "Ngày kết thúc ở trước ngày bắt đầu." in response.content.decode()
    assert not Export.objects.exists()


@pytest.mark.parametrize("role", ["member_a", "leader_a", "coordinator_b", "province_coordinator", "superuser"])
def test_the_page_renders_for_every_role(world, data, client, role):
    client.force_login(getattr(world, role))
    assert client.get(reverse("community_teams:exports")).status_code == 200


def test_the_page_is_refused_without_a_role(world, data, client):
    client.force_login(world.outsider)
    assert client.get(reverse("community_teams:exports")).status_code == 403
    client.logout()
    assert client.get(reverse("community_teams:exports")).status_code == 302


def test_the_page_expires_old_files_in_the_embedded_mode(world, data, export_for, client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    export = export_for(world.leader_a, "households")
    Export.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    from django.core.cache import cache

    cache.clear()
    client.force_login(world.member_a)
    client.get(reverse("community_teams:exports"))
    export.refresh_from_db()
    assert export.status == "expired"


def test_the_team_page_links_to_the_export_page(world, data, client):
    client.force_login(world.member_a)
    assert reverse("community_teams:exports") in client.get(reverse("community_teams:team")).content.decode()


# The Wagtail admin offers no spreadsheet export of field data.


@pytest.mark.parametrize("viewset", ["community-households", "community-visits"])
def test_the_admin_listing_exports_nothing_and_links_to_the_export_page(world, data, client, viewset):
    group = Group.objects.create(name="Điều phối xuất")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="community_teams"),
    )
    world.coordinator_a.groups.add(group)
    for user in (world.superuser, world.coordinator_a):
        client.force_login(user)
        for fmt in ("csv", "xlsx"):
            response = client.get(reverse(f"{viewset}:index"), {"export": fmt})
            assert response.status_code == 200
            assert response["Content-Type"].startswith("text/html")
            assert "attachment" not in response.get("Content-Disposition", "")
        listing = client.get(reverse(f"{viewset}:index")).content.decode()
        assert f'href="{reverse("community_teams:exports")}"' in listing
    assert not AuditEntry.objects.filter(action="export").exists()
