"""Import villages and households from the lists commune offices keep (CSV or XLSX).

Two steps: ``import_preview`` reads and checks every row without writing anything;
``import_apply`` writes in one transaction, either every row (only when all are valid) or only
the valid ones when the administrator asks for that. Re-importing a list updates households by
(village, list code): no duplicates.

Headers are matched accent- and case-insensitively ("Mã hộ", "ma ho", "MÃ HỘ"). A file with a
"Mã hộ" column is a household list; one without it but with "Thôn/Tổ" is a village list (names
and, optionally, household counts from commune statistics).

Nothing here logs or stores personal data outside the household rows: the audit entry holds
counts only.
"""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.text import fold
from lms.phone import VN_MOBILE, phone_normalise

from .areas import VILLAGE_DIVISION_TYPES, can_coordinate, village_create
from .audit import audit_record
from .models import Area, AreaKind, AuditEntry, ConsentStatus, Household
from .services import search_text_for

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_XLSX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_PEOPLE = 99

HOUSEHOLDS = "households"
VILLAGES = "villages"

# Field -> accepted headers, folded (see ``_header_key``).
COLUMNS = {
    "list_code": ("ma ho", "ma so ho", "ma ho gia dinh", "ma"),
    "village": ("thon to", "thon", "to", "ban", "thon ban", "to dan pho", "thon to dan pho", "thon ban to dan pho"),
    "head_name": ("chu ho", "ho ten chu ho", "ten chu ho", "ho va ten chu ho"),
    "address_note": ("dia chi", "dia chi ghi chu"),
    "phone": ("so dien thoai", "dien thoai", "sdt", "so dt"),
    "people_count": ("so nhan khau", "nhan khau", "so nguoi"),
    "household_count": ("so ho", "tong so ho"),
}
COLUMN_LABELS = {
    "list_code": "Mã hộ",
    "village": "Thôn/Tổ",
    "head_name": "Chủ hộ",
    "address_note": "Địa chỉ",
    "phone": "Số điện thoại",
    "people_count": "Số nhân khẩu",
    "household_count": "Số hộ",
}
REQUIRED = {HOUSEHOLDS: ("list_code", "village", "head_name"), VILLAGES: ("village",)}
MAX_LENGTHS = {"list_code": 40, "head_name": 150, "address_note": 300, "village": 150}


class ImportFileError(Exception):
    """The file as a whole cannot be read; ``code`` says why."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class RowError:
    column: str  # a key of COLUMNS, "" for the whole row
    code: str
    message: str


@dataclass
class ImportRow:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: dict
    village_id: int | None = None
    new_village: str = ""  # a village to create (``create_villages``)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


@dataclass
class ImportPreview:
    commune_id: int
    kind: str = HOUSEHOLDS
    create_villages: bool = False
    rows: list[ImportRow] = field(default_factory=list)
    file_error: ImportFileError | None = None
    columns: list[str] = field(default_factory=list)
    format: str = ""  # "csv" or "xlsx"

    @property
    def valid_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.is_valid]

    @property
    def invalid_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.is_valid]

    @property
    def new_villages(self) -> list[str]:
        return sorted({row.new_village for row in self.valid_rows if row.new_village})

    @property
    def is_valid(self) -> bool:
        return self.file_error is None and bool(self.rows) and not self.invalid_rows

    @property
    def counts(self) -> dict:
        return {"rows": len(self.rows), "valid": len(self.valid_rows), "invalid": len(self.invalid_rows)}


# Reading the file


def _header_key(text) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(str(text or ""))).split())


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # NFC: Windows-1258 files and some keyboards give decomposed marks.
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def _read_xlsx(data: bytes) -> list[list]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNCOMPRESSED_BYTES:
            raise ImportFileError("too_big", _("The file is too big. Split it into smaller files."))
    except zipfile.BadZipFile:
        raise ImportFileError("unreadable", _("The file cannot be read as an Excel workbook.")) from None
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append(list(values))
            if len(rows) > MAX_ROWS + 1:
                break
        workbook.close()
    except ImportFileError:
        raise
    except Exception:  # noqa: BLE001 (openpyxl raises many kinds for a damaged workbook)
        raise ImportFileError("unreadable", _("The file cannot be read as an Excel workbook.")) from None
    return rows


def _read_csv(data: bytes) -> list[list]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        if b"\x00" in data:
            raise ImportFileError("unreadable", _("The file is neither a CSV file nor an Excel workbook."))
        encodings = ["utf-8-sig", "cp1258"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError("encoding", _("The file's text encoding is not recognised. Save it as CSV UTF-8."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = []
        for values in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(values)
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error:
        raise ImportFileError("unreadable", _("The file cannot be read as a CSV file.")) from None
    return rows


def read_table(file) -> tuple[list[list], str]:
    """Rows of cells and the format ("csv" or "xlsx") from an uploaded CSV or XLSX (a file object or bytes). Raises
    ``ImportFileError`` for anything that is not a readable, small enough table."""
    data = file if isinstance(file, bytes) else file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            "too_big", _("The file is larger than %(size)s MB.") % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if not data.strip():
        raise ImportFileError("empty", _("The file is empty."))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError("old_excel", _("Old Excel files (.xls) are not supported. Save it as .xlsx or CSV."))
    file_format = "xlsx" if data.startswith(b"PK\x03\x04") else "csv"
    rows = _read_xlsx(data) if file_format == "xlsx" else _read_csv(data)
    if len(rows) > MAX_ROWS + 1:
        raise ImportFileError(
            "too_many_rows",
            _("The file has more than %(rows)s rows. Split it into smaller files.") % {"rows": MAX_ROWS},
        )
    return rows, file_format


def _map_columns(header: list) -> dict[str, int]:
    aliases = {alias: name for name, accepted in COLUMNS.items() for alias in accepted}
    mapping: dict[str, int] = {}
    for index, text in enumerate(header):
        name = aliases.get(_header_key(text))
        if name is None:
            continue  # other columns (STT, notes) are ignored
        if name in mapping:
            raise ImportFileError(
                "duplicate_column",
                _("The column “%(column)s” appears twice.") % {"column": COLUMN_LABELS[name]},
            )
        mapping[name] = index
    return mapping


# Checking the rows


def _village_division_type(name: str) -> str:
    key = fold(name)
    for division_type in sorted(VILLAGE_DIVISION_TYPES, key=len, reverse=True):
        if key.startswith(fold(division_type) + " "):
            return division_type
    return "thôn"


def _check_household_values(values: dict, errors: list[RowError]) -> None:
    for name in REQUIRED[HOUSEHOLDS]:
        if not values.get(name):
            errors.append(RowError(name, "required", _("This column is required.")))
    for name, limit in MAX_LENGTHS.items():
        if len(values.get(name, "")) > limit:
            errors.append(RowError(name, "too_long", _("At most %(limit)s characters.") % {"limit": limit}))
    if values.get("phone"):
        try:
            values["phone"] = phone_normalise(values["phone"])
            if not VN_MOBILE.match(values["phone"]):
                raise ValidationError("", code="invalid_phone")
        except ValidationError:
            errors.append(RowError("phone", "invalid_phone", _("Not a Vietnamese mobile number.")))
    if values.get("people_count"):
        try:
            count = int(values["people_count"])
            if not 1 <= count <= MAX_PEOPLE:
                raise ValueError
            values["people_count"] = count
        except ValueError:
            errors.append(
                RowError("people_count", "invalid_number", _("A whole number from 1 to %(max)s.") % {"max": MAX_PEOPLE})
            )
    else:
        values["people_count"] = None


def import_preview(*, actor, commune: Area, file, create_villages: bool = False) -> ImportPreview:
    """Read ``file`` and check every row against ``commune``'s villages; stores nothing.

    A file that cannot be read at all gives ``preview.file_error``; otherwise each row carries
    its errors (column and code). Raises ``ValidationError`` only when ``actor`` may not import
    into ``commune``."""
    if commune.kind != AreaKind.COMMUNE or not can_coordinate(actor, commune):
        raise ValidationError(_("Only the coordinators of this commune may import its lists."), code="forbidden")
    preview = ImportPreview(commune_id=commune.pk, create_villages=create_villages)
    try:
        table, preview.format = read_table(file)
        header_index = next((index for index, row in enumerate(table) if any(_cell(value) for value in row)), None)
        if header_index is None:
            raise ImportFileError("empty", _("The file is empty."))
        mapping = _map_columns(table[header_index])
        preview.kind = HOUSEHOLDS if "list_code" in mapping else VILLAGES
        missing = [COLUMN_LABELS[name] for name in REQUIRED[preview.kind] if name not in mapping]
        if missing or "village" not in mapping:
            raise ImportFileError(
                "missing_columns",
                _("Columns missing: %(columns)s. Households need “Mã hộ”, “Thôn/Tổ” and “Chủ hộ”.")
                % {"columns": ", ".join(missing or [COLUMN_LABELS["village"]])},
            )
    except ImportFileError as error:
        preview.file_error = error
        return preview
    preview.columns = [name for name in COLUMNS if name in mapping]

    villages = list(Area.objects.filter(kind=AreaKind.VILLAGE, parent=commune).only("pk", "code", "name"))
    by_code = {village.code.lower(): village.pk for village in villages}
    by_name = {}
    for village in villages:
        by_name.setdefault(fold(village.name), village.pk)
    seen: dict[tuple, int] = {}
    for offset, raw in enumerate(table[header_index + 1 :], start=header_index + 2):
        values = {name: _cell(raw[index]) if index < len(raw) else "" for name, index in mapping.items()}
        if not any(values.values()):
            continue  # blank lines in the sheet
        row = ImportRow(number=offset, values=values)
        village_ref = values.get("village", "")
        row.village_id = by_code.get(village_ref.lower()) or by_name.get(fold(village_ref))
        if row.village_id is None and village_ref:
            if create_villages or preview.kind == VILLAGES:
                row.new_village = village_ref
            else:
                row.errors.append(
                    RowError("village", "unknown_village", _("This commune has no village with this name or code."))
                )
        if preview.kind == HOUSEHOLDS:
            _check_household_values(values, row.errors)
            key = (row.village_id or fold(row.new_village), values.get("list_code", "").lower())
        else:
            if not village_ref:
                row.errors.append(RowError("village", "required", _("This column is required.")))
            if len(village_ref) > MAX_LENGTHS["village"]:
                row.errors.append(RowError("village", "too_long", _("The name is too long.")))
            try:
                count = values.get("household_count")
                values["household_count"] = int(count) if count else None
                if values["household_count"] is not None and values["household_count"] < 0:
                    raise ValueError
            except ValueError:
                row.errors.append(RowError("household_count", "invalid_number", _("A whole number.")))
            key = (row.village_id or fold(row.new_village),)
        if key in seen and all(key):
            row.errors.append(RowError("", "duplicate", _("Same as row %(row)s of this file.") % {"row": seen[key]}))
        else:
            seen.setdefault(key, row.number)
        preview.rows.append(row)
    if not preview.rows:
        preview.file_error = ImportFileError("no_rows", _("The file has headers but no rows."))
    return preview


# Writing


def _audit(*, actor, commune: Area, preview: ImportPreview, written_ids: list, counts: dict) -> None:
    """Counts, field names and household ids only: never a value from the list."""
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        object_type="import",
        object_id=commune.code,
        details={
            "format": preview.format,
            "surface": "admin",
            "rows": len(preview.rows),
            "count": counts["created"] + counts["updated"] + counts["villages_created"],
            "fields": [name for name in preview.columns if name != "village"],
            "ids": written_ids,
        },
    )


def import_apply(
    *,
    actor,
    commune: Area,
    preview: ImportPreview | None = None,
    file=None,
    create_villages: bool = False,
    only_valid: bool = False,
) -> dict:
    """Write the checked rows in one transaction. Unless ``only_valid``, nothing is written when
    any row has an error (``ValidationError`` code ``invalid_rows``). Households are matched by
    (village, list code): new ones are created with consent "imported"; ones still "imported"
    are updated; ones whose consent was given, declined or erased are left alone (what the
    resident told the team beats the list; erased data never comes back).

    Pass the ``preview`` just shown, or the ``file`` to check again (what the admin does, so
    the rows are checked against the villages as they are now)."""
    if preview is None:
        preview = import_preview(actor=actor, commune=commune, file=file, create_villages=create_villages)
    if commune.kind != AreaKind.COMMUNE or not can_coordinate(actor, commune) or preview.commune_id != commune.pk:
        raise ValidationError(_("Only the coordinators of this commune may import its lists."), code="forbidden")
    if preview.file_error is not None:
        raise ValidationError(preview.file_error.message, code=preview.file_error.code)
    if preview.invalid_rows and not only_valid:
        raise ValidationError(
            _("%(count)s rows have errors: nothing was imported.") % {"count": len(preview.invalid_rows)},
            code="invalid_rows",
        )
    rows = preview.valid_rows
    if not rows:
        raise ValidationError(_("There is no valid row to import."), code="no_valid_rows")
    counts = {"created": 0, "updated": 0, "unchanged": 0, "skipped": 0, "villages_created": 0, "rejected": 0}
    counts["rejected"] = len(preview.invalid_rows)
    try:
        with transaction.atomic():
            village_ids = _villages_for(actor=actor, commune=commune, preview=preview, rows=rows, counts=counts)
            written_ids = []
            if preview.kind == HOUSEHOLDS:
                written_ids = _write_households(
                    actor=actor, commune=commune, rows=rows, village_ids=village_ids, counts=counts
                )
            _audit(actor=actor, commune=commune, preview=preview, written_ids=written_ids, counts=counts)
    except IntegrityError:
        raise ValidationError(_("The list changed while it was being imported. Try again."), code="conflict") from None
    return counts


def _villages_for(*, actor, commune: Area, preview: ImportPreview, rows: list[ImportRow], counts: dict) -> dict:
    """Village id per row number; creates the new villages and sets household counts."""
    created: dict[str, Area] = {}
    village_ids = {}
    for row in rows:
        if row.village_id is not None:
            village_ids[row.number] = row.village_id
            continue
        key = fold(row.new_village)
        if key not in created:
            created[key] = village_create(
                actor=actor,
                commune=commune,
                name=row.new_village,
                division_type=_village_division_type(row.new_village),
            )
            counts["villages_created"] += 1
        village_ids[row.number] = created[key].pk
    if preview.kind == VILLAGES:
        for row in rows:
            count = row.values.get("household_count")
            if count is None:
                counts["unchanged"] += 1
                continue
            changed = Area.objects.filter(pk=village_ids[row.number], parent=commune).exclude(household_count=count)
            if changed.update(household_count=count):
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
    return village_ids


def _write_households(*, actor, commune: Area, rows: list[ImportRow], village_ids: dict, counts: dict) -> list:
    """Creates and updates the households; returns the ids written."""
    villages = {village.pk: village for village in Area.objects.filter(pk__in=set(village_ids.values()))}
    existing = {
        (household.village_id, household.list_code.lower()): household
        for household in Household.objects.select_for_update().filter(village_id__in=villages, list_code__isnull=False)
    }
    fields = ("head_name", "address_note", "phone", "people_count")
    to_create, to_update = [], []
    for row in rows:
        village = villages[village_ids[row.number]]
        values = {
            "head_name": row.values.get("head_name", ""),
            "address_note": row.values.get("address_note", ""),
            "phone": row.values.get("phone", ""),
            "people_count": row.values.get("people_count"),
        }
        household = existing.get((village.pk, row.values["list_code"].lower()))
        if household is None:
            to_create.append(
                Household(
                    village=village,
                    list_code=row.values["list_code"],
                    commune_code=village.commune_code,
                    province_code=village.province_code,
                    consent_status=ConsentStatus.IMPORTED,
                    search_text=search_text_for(values["head_name"], values["phone"]),
                    created_by=actor,
                    **values,
                )
            )
        elif household.consent_status != ConsentStatus.IMPORTED:
            counts["skipped"] += 1
        elif all(getattr(household, name) == value for name, value in values.items()):
            counts["unchanged"] += 1
        else:
            for name, value in values.items():
                setattr(household, name, value)
            household.search_text = search_text_for(values["head_name"], values["phone"])
            to_update.append(household)
    Household.objects.bulk_create(to_create, batch_size=500)
    # bulk_update skips auto_now; set it so changed rows sort as recently updated.
    now = timezone.now()
    for household in to_update:
        household.updated_at = now
    Household.objects.bulk_update(to_update, [*fields, "search_text", "updated_at"], batch_size=500)
    counts["created"] += len(to_create)
    counts["updated"] += len(to_update)
    return [household.pk for household in (*to_create, *to_update)]
