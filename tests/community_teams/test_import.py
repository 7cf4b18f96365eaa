"""Importing the commune's household and village lists (CSV and XLSX)."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from community_teams.areas import areas_load, village_create
from community_teams.importing import MAX_FILE_BYTES, MAX_ROWS, import_apply, import_preview
from community_teams.models import Area, AreaKind, AuditEntry, ConsentStatus, CoordinatorScope, Household, Role

HEADER = ["STT", "Mã hộ", "Thôn/Tổ", "Chủ hộ", "Địa chỉ", "Số điện thoại", "Số nhân khẩu"]
UNACCENTED_HEADER = ["stt", "MA HO", "thon / to", "chu ho", "Dia chi", "so dien thoai", "So nhan khau"]
GOOD_ROWS = [
    ["1", "H001", "Thôn Nà Cạn", "Nguyễn Văn Thử", "Xóm trên", "0912 345 678", "4"],
    ["2", "H002", "01273-002", "Lục Thị Mẫu", "", "", "3"],
    ["3", "H003", "thon na can", "Hoàng Văn Ví Dụ", "Cạnh nhà văn hoá", "+84 987 654 321", ""],
]


def csv_bytes(rows, header=HEADER, encoding="utf-8-sig", delimiter=","):
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def cp1258_bytes(text):
    """Windows-1258 as Vietnamese Windows writes it: base letters with tone marks combined."""
    import unicodedata

    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for index, mark in enumerate(marks):
            composed = unicodedata.normalize("NFC", base + mark)
            rest = "".join(marks[:index] + marks[index + 1 :])
            try:
                out += composed.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return out


def xlsx_bytes(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def commune(db):
    areas_load(province_code="04")
    return Area.objects.get(code="01273")


@pytest.fixture
def coordinator(django_user_model, commune):
    user = django_user_model.objects.create_user(username="coord", password="x")
    CoordinatorScope.objects.create(user=user, area=commune, role=Role.COMMUNE_COORDINATOR)
    return user


@pytest.fixture
def villages(coordinator, commune):
    return [
        village_create(actor=coordinator, commune=commune, name="Thôn Nà Cạn", division_type="thôn"),
        village_create(actor=coordinator, commune=commune, name="Tổ dân phố 3", division_type="tổ dân phố"),
    ]


def errors_by_row(preview):
    return {row.number: sorted((error.column, error.code) for error in row.errors) for row in preview.invalid_rows}


def test_preview_reads_accented_headers_and_matches_villages_by_name_or_code(coordinator, commune, villages):
    preview = import_preview(actor=coordinator, commune=commune, file=csv_bytes(GOOD_ROWS))

    assert preview.file_error is None
    assert preview.is_valid
    assert preview.counts == {"rows": 3, "valid": 3, "invalid": 0}
    assert [row.number for row in preview.rows] == [2, 3, 4]
    assert [row.village_id for row in preview.rows] == [villages[0].pk, villages[1].pk, villages[0].pk]
    assert preview.rows[0].values["phone"] == "+84912345678"
    assert preview.rows[0].values["people_count"] == 4
    assert not Household.objects.exists()


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_unaccented_headers_in_csv_and_xlsx(coordinator, commune, villages, make):
    preview = import_preview(actor=coordinator, commune=commune, file=make(GOOD_ROWS, header=UNACCENTED_HEADER))
    assert preview.file_error is None
    assert preview.counts == {"rows": 3, "valid": 3, "invalid": 0}


def test_xlsx_numbers_are_read_as_text_and_counts(coordinator, commune, villages):
    rows = [[1, 1001, "Thôn Nà Cạn", "Nguyễn Văn Thử", None, None, 5]]
    preview = import_preview(actor=coordinator, commune=commune, file=xlsx_bytes(rows))
    assert preview.is_valid
    assert preview.format == "xlsx"
    assert preview.rows[0].values["list_code"] == "1001"
    assert preview.rows[0].values["people_count"] == 5


def test_semicolon_csv_from_excel_is_read(coordinator, commune, villages):
    preview = import_preview(actor=coordinator, commune=commune, file=csv_bytes(GOOD_ROWS, delimiter=";"))
    assert preview.is_valid


def test_each_bad_row_has_its_row_number_column_and_code(coordinator, commune, villages):
    rows = [
        *GOOD_ROWS,
        ["4", "", "Thôn Nà Cạn", "Người Không Mã", "", "", ""],
        ["5", "H005", "Thôn Không Có", "Người Lạ", "", "", ""],
        ["6", "H006", "Thôn Nà Cạn", "Số Nước Ngoài", "", "+44 20 7946 0958", ""],
        ["7", "H007", "Thôn Nà Cạn", "Số Sai", "", "12345", "nhiều"],
        ["8", "H001", "thôn nà cạn", "Trùng Mã", "", "", ""],
        ["9", "H009", "Thôn Nà Cạn", "", "", "", "0"],
    ]
    preview = import_preview(actor=coordinator, commune=commune, file=csv_bytes(rows))

    assert preview.counts == {"rows": 9, "valid": 3, "invalid": 6}
    assert errors_by_row(preview) == {
        5: [("list_code", "required")],
        6: [("village", "unknown_village")],
        7: [("phone", "invalid_phone")],
        8: [("people_count", "invalid_number"), ("phone", "invalid_phone")],
        9: [("", "duplicate")],
        10: [("head_name", "required"), ("people_count", "invalid_number")],
    }


def test_with_invalid_rows_nothing_is_stored_unless_only_valid_is_chosen(coordinator, commune, villages):
    rows = [*GOOD_ROWS, ["4", "H004", "Thôn Không Có", "Người Lạ", "", "", ""]]
    preview = import_preview(actor=coordinator, commune=commune, file=csv_bytes(rows))

    with pytest.raises(ValidationError) as error:
        import_apply(actor=coordinator, commune=commune, preview=preview)
    assert error.value.code == "invalid_rows"
    assert not Household.objects.exists()
    assert not AuditEntry.objects.exists()

    counts = import_apply(actor=coordinator, commune=commune, preview=preview, only_valid=True)
    assert counts["created"] == 3
    assert counts["rejected"] == 1
    assert set(Household.objects.values_list("list_code", flat=True)) == {"H001", "H002", "H003"}


def test_imported_households_carry_the_list_data_and_the_village_codes(coordinator, commune, villages):
    counts = import_apply(actor=coordinator, commune=commune, file=xlsx_bytes(GOOD_ROWS))

    assert counts == {
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "villages_created": 0,
        "rejected": 0,
    }
    household = Household.objects.get(list_code="H001")
    assert household.village_id == villages[0].pk
    assert (household.commune_code, household.province_code) == ("01273", "04")
    assert household.consent_status == ConsentStatus.IMPORTED
    assert (household.head_name, household.address_note, household.phone, household.people_count) == (
        "Nguyễn Văn Thử",
        "Xóm trên",
        "+84912345678",
        4,
    )
    assert household.search_text.startswith("nguyen van thu ")
    assert "84912345678" in household.search_text
    assert household.created_by == coordinator
    assert Household.objects.get(list_code="H003").people_count is None


def test_the_import_is_audited_with_counts_and_no_personal_data(coordinator, commune, villages):
    import_apply(actor=coordinator, commune=commune, file=csv_bytes(GOOD_ROWS))

    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.object_type, entry.object_id) == (coordinator, "change", "import", "01273")
    assert entry.details["rows"] == 3
    assert entry.details["count"] == 3
    assert sorted(entry.details["ids"]) == sorted(Household.objects.values_list("pk", flat=True))
    flat = str(entry.details)
    for value in ("Nguyễn", "0912", "912345678", "Xóm", "H001"):
        assert value not in flat


def test_reimporting_updates_by_village_and_list_code_without_duplicates(coordinator, commune, villages):
    import_apply(actor=coordinator, commune=commune, file=csv_bytes(GOOD_ROWS))
    ids = dict(Household.objects.values_list("list_code", "pk"))
    changed = [list(row) for row in GOOD_ROWS]
    changed[0][6] = "6"

    counts = import_apply(actor=coordinator, commune=commune, file=xlsx_bytes(changed))

    assert (counts["created"], counts["updated"], counts["unchanged"]) == (0, 1, 2)
    assert Household.objects.count() == 3
    assert dict(Household.objects.values_list("list_code", "pk")) == ids
    assert Household.objects.get(list_code="H001").people_count == 6


def test_reimport_leaves_households_whose_consent_was_given_or_erased(coordinator, commune, villages):
    import_apply(actor=coordinator, commune=commune, file=csv_bytes(GOOD_ROWS))
    from django.utils import timezone

    Household.objects.filter(list_code="H001").update(
        consent_status=ConsentStatus.GIVEN, consent_method="spoken", consent_at=timezone.now(), head_name="Tên mới"
    )
    Household.objects.filter(list_code="H002").update(
        consent_status=ConsentStatus.ERASED,
        erased_at=timezone.now(),
        head_name="",
        address_note="",
        phone="",
        search_text="",
    )

    counts = import_apply(actor=coordinator, commune=commune, file=csv_bytes(GOOD_ROWS))

    assert counts["skipped"] == 2
    assert Household.objects.get(list_code="H001").head_name == "Tên mới"
    assert Household.objects.get(list_code="H002").head_name == ""


def test_the_same_list_code_in_two_villages_is_two_households(coordinator, commune, villages):
    rows = [["1", "H1", "Thôn Nà Cạn", "A", "", "", ""], ["2", "H1", "Tổ dân phố 3", "B", "", "", ""]]
    assert import_apply(actor=coordinator, commune=commune, file=csv_bytes(rows))["created"] == 2


def test_unknown_villages_are_created_only_when_asked(coordinator, commune, villages):
    rows = [["1", "H1", "Bản Mới", "A", "", "", ""], ["2", "H2", "bản mới", "B", "", "", ""]]
    preview = import_preview(actor=coordinator, commune=commune, file=csv_bytes(rows))
    assert errors_by_row(preview) == {2: [("village", "unknown_village")], 3: [("village", "unknown_village")]}

    counts = import_apply(actor=coordinator, commune=commune, file=csv_bytes(rows), create_villages=True)

    assert (counts["created"], counts["villages_created"]) == (2, 1)
    village = Area.objects.get(kind=AreaKind.VILLAGE, name="Bản Mới")
    assert (village.code, village.division_type) == ("01273-003", "bản")
    assert set(Household.objects.values_list("village_id", flat=True)) == {village.pk}


def test_a_village_list_creates_villages_and_sets_household_counts(coordinator, commune, villages):
    data = csv_bytes([["Thôn Nà Cạn", "120"], ["Thôn Khuổi Mới", "45"]], header=["Thôn/Tổ", "Số hộ"])
    preview = import_preview(actor=coordinator, commune=commune, file=data)
    assert preview.kind == "villages"
    assert preview.is_valid

    counts = import_apply(actor=coordinator, commune=commune, preview=preview)

    assert counts["villages_created"] == 1
    villages[0].refresh_from_db()
    assert villages[0].household_count == 120
    assert Area.objects.get(name="Thôn Khuổi Mới").household_count == 45
    assert not Household.objects.exists()


def test_villages_of_another_commune_are_unknown(coordinator, commune, villages, django_user_model):
    other = Area.objects.get(code="01279")
    admin = django_user_model.objects.create_superuser(username="admin", password="x")
    foreign = village_create(actor=admin, commune=other, name="Thôn Bên Kia", division_type="thôn")
    rows = [["1", "H1", "Thôn Bên Kia", "A", "", "", ""], ["2", "H2", foreign.code, "B", "", "", ""]]

    preview = import_preview(actor=coordinator, commune=commune, file=csv_bytes(rows))

    assert errors_by_row(preview) == {2: [("village", "unknown_village")], 3: [("village", "unknown_village")]}


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\x00\x01\x02binary\xff\xfe garbage" * 50, "unreadable"),
        (b"PK\x03\x04 not really a zip", "unreadable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old excel", "old_excel"),
        (b"", "empty"),
        ("Họ tên,Ngày sinh\r\nA,1990\r\n".encode(), "missing_columns"),
        ("Mã hộ,Chủ hộ\r\nH1,A\r\n".encode(), "missing_columns"),
        ("Mã hộ,Thôn/Tổ,Chủ hộ,Mã hộ\r\nH1,Thôn Nà Cạn,A,H2\r\n".encode(), "duplicate_column"),
        ("Mã hộ,Thôn/Tổ,Chủ hộ\r\n".encode(), "no_rows"),
        (b"x" * (MAX_FILE_BYTES + 1), "too_big"),
    ],
    ids=["garbage", "broken-zip", "xls", "empty", "wrong-columns", "no-village-column", "twice", "no-rows", "too-big"],
)
def test_a_malformed_file_gives_one_clear_error_and_stores_nothing(coordinator, commune, villages, data, code):
    preview = import_preview(actor=coordinator, commune=commune, file=data)

    assert preview.file_error is not None
    assert preview.file_error.code == code
    assert str(preview.file_error.message)
    with pytest.raises(ValidationError) as error:
        import_apply(actor=coordinator, commune=commune, preview=preview, only_valid=True)
    assert error.value.code == code
    assert not Household.objects.exists()
    assert not AuditEntry.objects.exists()


def test_too_many_rows_is_refused(coordinator, commune, villages):
    rows = [[str(n), f"H{n}", "Thôn Nà Cạn", "A", "", "", ""] for n in range(MAX_ROWS + 1)]
    preview = import_preview(actor=coordinator, commune=commune, file=csv_bytes(rows))
    assert preview.file_error.code == "too_many_rows"


def test_a_windows_vietnamese_csv_is_read(coordinator, commune, villages):
    text = "\r\n".join([",".join(HEADER), "1,H1,Thôn Nà Cạn,Nông Văn Ẩn,,,"]) + "\r\n"
    preview = import_preview(actor=coordinator, commune=commune, file=cp1258_bytes(text))
    assert preview.is_valid
    assert preview.rows[0].values["head_name"] == "Nông Văn Ẩn"
    assert preview.rows[0].village_id == villages[0].pk


def test_only_coordinators_of_the_commune_import(commune, villages, django_user_model):
    other = Area.objects.get(code="01279")
    outsider = django_user_model.objects.create_user(username="outsider", password="x")
    CoordinatorScope.objects.create(user=outsider, area=other, role=Role.COMMUNE_COORDINATOR)

    with pytest.raises(ValidationError) as error:
        import_preview(actor=outsider, commune=commune, file=csv_bytes(GOOD_ROWS))
    assert error.value.code == "forbidden"
    with pytest.raises(ValidationError):
        import_apply(actor=outsider, commune=commune, file=csv_bytes(GOOD_ROWS))
    assert not Household.objects.exists()
