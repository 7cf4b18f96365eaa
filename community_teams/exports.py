"""Exports of households, visits and the dashboard: asked for on the field pages or the API,
made by a task.

Who gets which rows and columns is decided in ``scoping``, never here:

- rows come only from ``households_visible_to`` and ``visits_visible_to`` (then the filters);
- households: merged duplicates and erased households are left out entirely. The head's name,
  phone and address are columns only when ``export_includes_personal_data`` (leaders,
  coordinators, site administrators), and filled only for rows in ``export_personal_data_q``
  (consent given or imported, in a team they lead or their area); declined rows have none;
- visits: never notes, never the service names of help given (erased with the household), and
  nothing about the household but its village;
- the dashboard: every table of ``dashboard.Dashboard.tables()`` for the filters (period,
  village, team, campaign: checked against the scope as the dashboard checks them, the period
  resolved when asked for and stored), computed at build time with the owner's scope then.
  Figures only: no household's personal data. In XLSX one sheet per table, headings in the
  first row; in CSV one file: per table a row with its title alone, its headings, its rows,
  then a blank row before the next table. Progress counts tables (``dashboard.TABLES``).

Life of an export: ``export_request`` checks the request and stores a pending row, then queues
``tasks.export_build`` once the row is committed. ``export_build`` claims the row (pending →
running by a conditional update, so a second run finds nothing to claim), writes the file chunk
by chunk from keyset-paginated queries (``rows_done`` is saved after every chunk, for the progress
bar), stores it, records one ``export`` audit entry (counts only) and marks the row done with
``expires_at``. Every write of a running row names its ``started_at``: a run that lost its row (to
a newer run, or to an erasure) stops and deletes its file. ``exports_expire`` deletes files past
their expiry.

Erasing a household deletes the files that may hold its personal data (``exports_erase``): every
done export with personal data from the household's commune (``personal_data_communes``), and
every running one whose owner sees the household (it fails and is asked again). A pending export
has read nothing yet and is left alone.
"""

import csv
import logging
import os
import re
import tempfile
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Max, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Greatest
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from courses.models import Skill

from .audit import audit_record
from .dashboard import MAX_PERIOD_DAYS, TABLES, dashboard_for, dashboard_period
from .erasure import eraser
from .models import (
    AuditEntry,
    ConsentStatus,
    Export,
    ExportFormat,
    ExportKind,
    ExportStatus,
    Household,
    MemberSkill,
    Team,
    Visit,
    VisitHelp,
)
from .scoping import (
    campaigns_visible_to,
    can_export,
    export_includes_personal_data,
    export_personal_data_q,
    households_visible_to,
    teams_visible_to,
    villages_visible_to,
    visits_visible_to,
)
from .services.errors import NotPermitted

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
# A person may have this many exports waiting or being made at once.
ACTIVE_LIMIT = 3
# A running export whose run started longer ago than this lost its worker: another run may
# claim it (the task's own time limit is shorter).
STALE_AFTER = timedelta(minutes=40)
FILTER_KEYS = ("village", "team", "date_from", "date_to")
DASHBOARD_FILTER_KEYS = ("period_start", "period_end", "village", "team", "campaign")
# The error code of a filter value outside the person's scope (a page answers 404 to it).
OUTSIDE_SCOPE = "outside_scope"
MAX_ID = 2**63 - 1  # the largest primary key a database holds
# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class _Abandoned(Exception):
    """The row is no longer this run's (a newer run claimed it, or an erasure stopped it)."""


class _OutOfScope(Exception):
    """A filter of the export is no longer within its owner's scope."""


def ttl() -> timedelta:
    return timedelta(hours=settings.CUASO_EXPORT_TTL_HOURS)


# Asking for an export.


def _date(value, field: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError({field: _("Enter a date as YYYY-MM-DD.")}, code="invalid") from None


def _id(value) -> int | None:
    """A positive database id, or None (text, booleans, out of range)."""
    if isinstance(value, bool):
        return None
    try:
        value = int(value)
    except (TypeError, ValueError):
        return None
    return value if 0 < value <= MAX_ID else None


def _unknown(filters: dict, keys: tuple) -> None:
    unknown = sorted(set(filters) - set(keys))
    if unknown:
        raise ValidationError({"filters": _("Unknown filter: %(name)s.") % {"name": unknown[0]}}, code="invalid")


def _village_team_clean(user, filters: dict, cleaned: dict) -> None:
    village = filters.get("village")
    if village not in (None, ""):
        if not isinstance(village, str) or not villages_visible_to(user).filter(code=village).exists():
            raise ValidationError({"village": ValidationError(_("Choose a village in your area."), code=OUTSIDE_SCOPE)})
        cleaned["village"] = village
    team = filters.get("team")
    if team not in (None, ""):
        team = _id(team)
        if team is None or not teams_visible_to(user).filter(pk=team).exists():
            raise ValidationError({"team": ValidationError(_("Choose a team you work with."), code=OUTSIDE_SCOPE)})
        cleaned["team"] = team


def export_filters_clean(user, filters, kind: str = ExportKind.HOUSEHOLDS) -> dict:
    """``filters`` checked against what ``user`` may see; the stored form (codes, ids and ISO
    dates). Raises ``ValidationError`` keyed by filter name (code ``OUTSIDE_SCOPE`` for a value
    outside the scope)."""
    if kind == ExportKind.DASHBOARD:
        return _dashboard_filters_clean(user, filters)
    if filters in (None, ""):
        return {}
    if not isinstance(filters, dict):
        raise ValidationError({"filters": _("Filters must be an object.")}, code="invalid")
    _unknown(filters, FILTER_KEYS)
    cleaned = {}
    _village_team_clean(user, filters, cleaned)
    for name in ("date_from", "date_to"):
        if filters.get(name) not in (None, ""):
            cleaned[name] = _date(filters[name], name)
    if "date_from" in cleaned and "date_to" in cleaned and cleaned["date_from"] > cleaned["date_to"]:
        raise ValidationError({"date_to": _("The end date is before the start date.")}, code="invalid")
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in cleaned.items()}


def _dashboard_filters_clean(user, filters) -> dict:
    """The dashboard's filters, as ``dashboard_for`` takes them; the period always stored (a
    missing end comes from the campaign, else the dashboard's default), so that the file holds
    what the page showed when it was asked for."""
    if filters in (None, ""):
        filters = {}
    if not isinstance(filters, dict):
        raise ValidationError({"filters": _("Filters must be an object.")}, code="invalid")
    _unknown(filters, DASHBOARD_FILTER_KEYS)
    cleaned = {}
    _village_team_clean(user, filters, cleaned)
    campaign = None
    if filters.get("campaign") not in (None, ""):
        campaign_id = _id(filters["campaign"])
        campaign = campaigns_visible_to(user).filter(pk=campaign_id).first() if campaign_id else None
        if campaign is None:
            raise ValidationError(
                {"campaign": ValidationError(_("Choose a campaign in your area."), code=OUTSIDE_SCOPE)}
            )
        cleaned["campaign"] = campaign.pk
    asked = {}
    for name in ("period_start", "period_end"):
        if filters.get(name) not in (None, ""):
            asked[name] = _date(filters[name], name)
    if "period_start" in asked and "period_end" in asked and asked["period_end"] < asked["period_start"]:
        raise ValidationError({"period_end": _("The end of the period is before its start.")}, code="invalid")
    if (
        "period_start" in asked
        and "period_end" in asked
        and ((asked["period_end"] - asked["period_start"]).days >= MAX_PERIOD_DAYS)
    ):
        raise ValidationError({"period_end": _("Choose a period of at most 53 weeks.")}, code="invalid")
    start, end = dashboard_period(asked.get("period_start"), asked.get("period_end"), campaign=campaign)
    if end < start:
        raise ValidationError({"period_end": _("The end of the period is before its start.")}, code="invalid")
    return {"period_start": start.isoformat(), "period_end": end.isoformat(), **cleaned}


def export_request(*, actor, kind: str, format: str, filters=None) -> Export:
    """Store a pending export for ``actor`` and queue its file once committed. Raises
    ``NotPermitted`` (no community role) or ``ValidationError`` keyed by field."""
    if kind not in ExportKind.values:
        raise ValidationError({"kind": _("Choose households, visits or the dashboard.")}, code="invalid")
    if format not in ExportFormat.values:
        raise ValidationError({"format": _("Choose CSV or XLSX.")}, code="invalid")
    if not can_export(actor, kind):
        raise NotPermitted(_("You may not export these data."))
    cleaned = export_filters_clean(actor, filters, kind)
    with transaction.atomic():
        active = Export.objects.select_for_update().filter(
            requested_by=actor, status__in=[ExportStatus.PENDING, ExportStatus.RUNNING]
        )
        if len(active) >= ACTIVE_LIMIT:
            raise ValidationError(
                _("You already have exports being made. Wait for one of them to finish."), code="too_many"
            )
        export = Export.objects.create(
            requested_by=actor,
            kind=kind,
            format=format,
            filters=cleaned,
            includes_personal_data=export_includes_personal_data(actor, kind),
        )
        transaction.on_commit(lambda: _queue(export.pk))
    logger.info("Export %s requested (%s, %s).", export.pk, kind, format)
    return export


def _queue(export_id: int) -> None:
    from lms.tasks import delay_quietly

    from .tasks import export_build

    delay_quietly(export_build, export_id)


def exports_of(user) -> QuerySet:
    """The user's own exports, newest first (nobody else's are ever shown or served)."""
    if user is None or not user.is_authenticated:
        return Export.objects.none()
    return Export.objects.filter(requested_by=user).order_by("-created_at", "-pk")


def export_of(user, export_id: int) -> Export | None:
    """One of the user's own exports, or None (anyone else's, or no such id)."""
    if not 0 < export_id <= MAX_ID:
        return None
    return exports_of(user).filter(pk=export_id).first()


# The rows.


def _day_start(day: str) -> datetime:
    return timezone.make_aware(datetime.combine(date.fromisoformat(day), time.min))


def _visited_between(filters: dict, field: str = "visited_at") -> Q:
    q = Q()
    if filters.get("date_from"):
        q &= Q(**{f"{field}__gte": _day_start(filters["date_from"])})
    if filters.get("date_to"):
        q &= Q(**{f"{field}__lt": _day_start(filters["date_to"]) + timedelta(days=1)})
    return q


def households_for_export(user, filters: dict) -> QuerySet:
    """Households of the export: visible, not merged into another, not erased; in the village or
    the team's villages; with a visit in the date range when one is given."""
    households = (
        households_visible_to(user).filter(merged_into__isnull=True).exclude(consent_status=ConsentStatus.ERASED)
    )
    if filters.get("village"):
        households = households.filter(village__code=filters["village"])
    if filters.get("team"):
        team_villages = Team.villages.through.objects.filter(team_id=filters["team"]).values("area_id")
        households = households.filter(village_id__in=team_villages)
    if filters.get("date_from") or filters.get("date_to"):
        households = households.filter(pk__in=Visit.objects.filter(_visited_between(filters)).values("household_id"))
    return households


def visits_for_export(user, filters: dict) -> QuerySet:
    visits = visits_visible_to(user).filter(_visited_between(filters))
    if filters.get("village"):
        visits = visits.filter(village__code=filters["village"])
    if filters.get("team"):
        visits = visits.filter(team_id=filters["team"])
    return visits


def _text(value) -> str:
    """Free text made safe for spreadsheets: never read as a formula, no control characters."""
    value = ILLEGAL_CHARACTERS_RE.sub("", str(value or ""))
    return "'" + value if value.startswith(_FORMULA_START) else value


def _phone(value: str) -> str:
    """``+84912345678`` → ``0912 345 678`` (a spreadsheet keeps it as text); others as stored."""
    if value.startswith("+84") and len(value) == 12:
        digits = "0" + value[3:]
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    return _text(value)


def _local(value: datetime | None, fmt: str) -> str:
    return timezone.localtime(value).strftime(fmt) if value else ""


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


class _Rows:
    """Column headings and rows of one export, read chunk by chunk."""

    def __init__(self, export: Export, user, includes_personal_data: bool):
        self.export = export
        self.user = user
        self.personal = includes_personal_data
        self.personal_communes: set[str] = set()
        self.personal_rows = 0

    def base(self) -> QuerySet:
        raise NotImplementedError

    def headings(self) -> list[str]:
        raise NotImplementedError

    def chunk(self, queryset: QuerySet, last_pk: int, size: int) -> list:
        raise NotImplementedError


class _HouseholdRows(_Rows):
    def __init__(self, *args):
        super().__init__(*args)
        self.skills = list(Skill.objects.filter(is_household_target=True).order_by("sort_order", "pk"))
        self.personal_q = export_personal_data_q(self.user) if self.personal else None

    def base(self):
        return households_for_export(self.user, self.export.filters)

    def headings(self):
        headings = [_("Household ID"), _("Code in the commune list"), _("Village"), _("Commune or ward"), _("Consent")]
        if self.personal:
            headings += [_("Head of household"), _("Phone number"), _("Address note")]
        headings += [_("Number of people"), _("Meets the five-skill target")]
        headings += [skill.name for skill in self.skills]
        headings.append(_("Last visit"))
        return headings

    def chunk(self, queryset, last_pk, size):
        households = (
            queryset.filter(pk__gt=last_pk)
            .order_by("pk")
            .select_related("village__parent")
            .annotate(last_visited_at=Max("visits__visited_at"))
        )
        if self.personal:
            households = households.annotate(
                shows_personal_data=ExpressionWrapper(self.personal_q, output_field=BooleanField())
            )
        households = list(households[:size])
        if not households:
            return []
        pairs = (
            MemberSkill.objects.filter(member__household__in=[h.pk for h in households], skill__in=self.skills)
            .values_list("member__household_id", "skill_id")
            .distinct()
        )
        has_skill = set(pairs)
        rows = []
        for household in households:
            row = [
                str(household.client_uuid),
                _text(household.list_code),
                _text(household.village.name),
                _text(household.village.parent.name if household.village.parent else ""),
                household.get_consent_status_display(),
            ]
            if self.personal:
                if household.shows_personal_data:
                    row += [_text(household.head_name), _phone(household.phone), _text(household.address_note)]
                    if household.head_name or household.phone or household.address_note:
                        self.personal_rows += 1
                        self.personal_communes.add(household.commune_code)
                else:
                    row += ["", "", ""]
            row += [
                household.people_count if household.people_count is not None else "",
                _yes_no(household.meets_target),
            ]
            row += [_yes_no((household.pk, skill.pk) in has_skill) for skill in self.skills]
            row.append(_local(household.last_visited_at, "%Y-%m-%d"))
            rows.append((household.pk, row))
        return rows


class _VisitRows(_Rows):
    def base(self):
        return visits_for_export(self.user, self.export.filters)

    def headings(self):
        return [
            _("Visit ID"),
            _("Visited at"),
            _("Village"),
            _("Commune or ward"),
            _("Team"),
            _("Logged by"),
            _("Duration (minutes)"),
            _("Outcome"),
            _("Help given"),
            _("Follow up on"),
        ]

    def chunk(self, queryset, last_pk, size):
        help_rows = VisitHelp.objects.select_related("item").order_by("item__sort_order", "item__name", "pk")
        visits = list(
            queryset.filter(pk__gt=last_pk)
            .order_by("pk")
            .select_related("village__parent", "team", "author")
            .prefetch_related(Prefetch("help", queryset=help_rows))[:size]
        )
        rows = []
        for visit in visits:
            items = list(dict.fromkeys(help_row.item.name for help_row in visit.help.all()))
            rows.append(
                (
                    visit.pk,
                    [
                        str(visit.client_uuid),
                        _local(visit.visited_at, "%Y-%m-%d %H:%M"),
                        _text(visit.village.name),
                        _text(visit.village.parent.name if visit.village.parent else ""),
                        _text(visit.team.name),
                        _text(visit.author.display_name) or f"#{visit.author_id}",
                        visit.duration_minutes,
                        visit.get_outcome_display(),
                        _text("; ".join(items)),
                        visit.follow_up_on.isoformat() if visit.follow_up_on else "",
                    ],
                )
            )
        return rows


# The file.

SHEET_TITLES = {ExportKind.HOUSEHOLDS: gettext_lazy("Households"), ExportKind.VISITS: gettext_lazy("Visits")}
# Sheet names of the dashboard's tables (at most 31 characters, none of []:*?/\).
DASHBOARD_SHEETS = {
    "coverage": gettext_lazy("Coverage"),
    "skills": gettext_lazy("Five skills"),
    "visits_per_week": gettext_lazy("Visits per week"),
    "help": gettext_lazy("Help given"),
    "idle_members": gettext_lazy("Members not visiting"),
    "summary": gettext_lazy("Summary"),
}


class _CsvFile:
    """UTF-8 with a byte order mark, so that Excel reads Vietnamese right."""

    def __init__(self, path: str, title: str):
        self.handle = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self.writer = csv.writer(self.handle)

    def write(self, values: list) -> None:
        self.writer.writerow(values)

    def table(self, title: str, sheet: str, header: list, rows: list) -> None:
        """A table of a file of several: a blank row before all but the first, its title alone
        on a row, its headings, its rows."""
        if self.handle.tell():
            self.writer.writerow([])
        self.writer.writerow([_cell(title)])
        self.writer.writerow([_cell(value) for value in header])
        for row in rows:
            self.writer.writerow([_cell(value) for value in row])

    def close(self) -> None:
        self.handle.close()


class _XlsxFile:
    """openpyxl's write-only workbook: rows go to disk as they come."""

    def __init__(self, path: str, title: str | None):
        self.path = path
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet(title=title[:31]) if title else None

    def write(self, values: list) -> None:
        self.sheet.append(values)

    def table(self, title: str, sheet: str, header: list, rows: list) -> None:
        """A table of a file of several: its own sheet, headings in the first row."""
        name = _SHEET_FORBIDDEN.sub(" ", sheet)[:31].strip() or str(len(self.workbook.worksheets) + 1)
        self.sheet = self.workbook.create_sheet(title=name)
        self.sheet.append([_cell(value) for value in header])
        for row in rows:
            self.sheet.append([_cell(value) for value in row])

    def close(self) -> None:
        self.workbook.save(self.path)


def _cell(value):
    """A value of a dashboard table as a cell: text made safe, numbers and dates as they are."""
    if isinstance(value, str):
        return _text(value)
    return value


def export_filename(export: Export) -> str:
    """The name the file is downloaded under: ``ho-gia-dinh-20260129-0930.xlsx``; the dashboard's
    names its period: ``bang-tong-hop-20261005-20261129.xlsx``."""
    if export.kind == ExportKind.DASHBOARD:
        period = "-".join(export.filters.get(key, "").replace("-", "") for key in ("period_start", "period_end"))
        return f"bang-tong-hop-{period}.{export.format}"
    stem = "ho-gia-dinh" if export.kind == ExportKind.HOUSEHOLDS else "chuyen-tham"
    return f"{stem}-{_local(export.finished_at or export.created_at, '%Y%m%d-%H%M')}.{export.format}"


def _running(export: Export) -> QuerySet:
    return Export.objects.filter(pk=export.pk, status=ExportStatus.RUNNING, started_at=export.started_at)


def _progress(export: Export, done: int, total: int | None = None) -> None:
    fields = {"rows_done": done, "rows_total": Greatest("rows_total", Value(done))}
    if total is not None:
        fields["rows_total"] = Value(max(total, done))
    if not _running(export).update(**fields):
        raise _Abandoned


def _fail(export: Export, message: str, *, started_at=None) -> None:
    rows = Export.objects.filter(pk=export.pk, status__in=[ExportStatus.PENDING, ExportStatus.RUNNING])
    if started_at is not None:
        rows = rows.filter(started_at=started_at)
    rows.update(status=ExportStatus.FAILED, finished_at=timezone.now(), error=message[:300])


def export_build(*, export_id: int, chunk_size: int = CHUNK_SIZE, on_progress=None) -> Export | None:
    """Make the export's file (see the module docstring). Idempotent: a done, failed or expired
    export, or one another run is making, is returned as it is. ``on_progress(export_id,
    rows_done, rows_total)`` is called after every chunk is saved."""
    now = timezone.now()
    claimable = Q(status=ExportStatus.PENDING) | Q(status=ExportStatus.RUNNING, started_at__lt=now - STALE_AFTER)
    claimed = Export.objects.filter(claimable, pk=export_id).update(
        status=ExportStatus.RUNNING, started_at=now, rows_done=0, rows_total=0
    )
    export = Export.objects.select_related("requested_by").filter(pk=export_id).first()
    if not claimed or export is None:
        return export
    user = export.requested_by
    if user is None or not user.is_active or not can_export(user, export.kind):
        _fail(export, _("You may no longer export these data."), started_at=export.started_at)
        return Export.objects.get(pk=export_id)
    fd, path = tempfile.mkstemp(prefix="export-", suffix=f".{export.format}")
    os.close(fd)
    try:
        _write(export, user, path, chunk_size, on_progress)
        logger.info("Export %s done.", export.pk)
    except _Abandoned:
        logger.info("Export %s was taken over or stopped; its file is discarded.", export.pk)
    except _OutOfScope:
        _fail(export, _("You may no longer export these data."), started_at=export.started_at)
    except Exception as error:  # noqa: BLE001 (the row says it failed; no value of a row is logged)
        logger.error("Export %s failed: %s", export.pk, type(error).__name__)
        _fail(export, _("The file could not be made. Ask for it again."), started_at=export.started_at)
    finally:
        os.unlink(path)
    return Export.objects.get(pk=export_id)


def _write(export: Export, user, path: str, chunk_size: int, on_progress) -> str:
    """Write the file to ``path``, store it and mark the row done; the stored name."""
    if export.kind == ExportKind.DASHBOARD:
        done = _write_dashboard(export, user, path, on_progress)
        return _store(export, user, path, done, personal=False, communes=[], personal_rows=0)
    personal = export_includes_personal_data(user, export.kind)
    rows = (_HouseholdRows if export.kind == ExportKind.HOUSEHOLDS else _VisitRows)(export, user, personal)
    base = rows.base()
    max_pk = base.aggregate(last=Max("pk"))["last"] or 0
    base = base.filter(pk__lte=max_pk)
    total = base.count()
    _progress(export, 0, total)
    output = (_XlsxFile if export.format == ExportFormat.XLSX else _CsvFile)(path, str(SHEET_TITLES[export.kind]))
    done, last_pk = 0, 0
    try:
        output.write(rows.headings())
        while True:
            chunk = rows.chunk(base, last_pk, chunk_size)
            if not chunk:
                break
            for _pk, values in chunk:
                output.write(values)
            last_pk = chunk[-1][0]
            done += len(chunk)
            _progress(export, done)
            if on_progress is not None:
                on_progress(export.pk, done, max(total, done))
    finally:
        output.close()
    return _store(
        export,
        user,
        path,
        done,
        personal=personal,
        communes=sorted(rows.personal_communes),
        personal_rows=rows.personal_rows,
    )


def _write_dashboard(export: Export, user, path: str, on_progress) -> int:
    """The dashboard's tables, computed one by one (progress after each), then written; how
    many tables. A filter now outside the owner's scope: ``_OutOfScope``."""
    total = len(TABLES)
    _progress(export, 0, total)
    done = 0

    def table_done(key: str) -> None:
        nonlocal done
        done += 1
        _progress(export, done)
        if on_progress is not None:
            on_progress(export.pk, done, total)

    filters = export.filters
    try:
        board = dashboard_for(
            user,
            period_start=date.fromisoformat(filters["period_start"]),
            period_end=date.fromisoformat(filters["period_end"]),
            village=filters.get("village") or None,
            team=filters.get("team"),
            campaign=filters.get("campaign"),
            on_table=table_done,
        )
    except Http404:
        raise _OutOfScope from None
    output = (_XlsxFile if export.format == ExportFormat.XLSX else _CsvFile)(path, None)
    try:
        for table in board.tables():
            output.table(table.title, str(DASHBOARD_SHEETS.get(table.key, table.title)), table.header, table.rows)
    finally:
        output.close()
    return done


def _store(export: Export, user, path: str, done: int, *, personal: bool, communes: list, personal_rows: int) -> str:
    """Store the written file, mark the row done and record the audit entry (counts only)."""
    field = Export._meta.get_field("file")
    storage = field.storage
    with open(path, "rb") as handle:
        name = storage.save(field.generate_filename(export, f"export.{export.format}"), File(handle))
    finished = timezone.now()
    try:
        with transaction.atomic():
            claimed = _running(export).update(
                status=ExportStatus.DONE,
                file=name,
                rows_done=done,
                rows_total=done,
                includes_personal_data=personal,
                personal_data_communes=communes,
                finished_at=finished,
                expires_at=finished + ttl(),
                error="",
            )
            if not claimed:
                raise _Abandoned
            audit_record(
                actor=user,
                action=AuditEntry.Action.EXPORT,
                object_type="export",
                object_id=export.pk,
                details={"format": export.format, "count": personal_rows, "rows": done},
            )
    except BaseException:
        storage.delete(name)
        raise
    return name


# Expiry and erasure.


def _expire(queryset: QuerySet) -> int:
    """Mark done exports expired and delete their files once that is committed."""
    count = 0
    for export in queryset.filter(status=ExportStatus.DONE).only("pk", "file"):
        name = export.file.name
        if Export.objects.filter(pk=export.pk, status=ExportStatus.DONE).update(status=ExportStatus.EXPIRED, file=""):
            count += 1
            if name:
                storage = export.file.storage
                transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    return count


@transaction.atomic
def exports_expire(*, now: datetime | None = None) -> int:
    """Delete the files of exports past their expiry; an export still waiting or being made
    after a whole expiry period never will be (its worker is gone): it fails. Returns how many
    files were deleted."""
    now = now or timezone.now()
    count = _expire(Export.objects.filter(expires_at__lte=now))
    stuck = Export.objects.filter(status__in=[ExportStatus.PENDING, ExportStatus.RUNNING], created_at__lt=now - ttl())
    for export in stuck.only("pk"):
        _fail(export, _("The file could not be made. Ask for it again."))
    if count:
        logger.info("%d exports expired.", count)
    return count


@eraser("exports")
def exports_erase(household: Household) -> None:
    """Delete the exports that may hold ``household``'s personal data (see the module docstring).
    Runs inside the erasing transaction; files go once it commits."""
    holding = Export.objects.select_for_update(of=("self",)).filter(
        includes_personal_data=True, status__in=[ExportStatus.DONE, ExportStatus.RUNNING]
    )
    done_ids, running = [], []
    for export in holding.select_related("requested_by"):
        if export.status == ExportStatus.DONE and household.commune_code in (export.personal_data_communes or []):
            done_ids.append(export.pk)
        elif export.status == ExportStatus.RUNNING:
            owner = export.requested_by
            if owner is None or households_visible_to(owner).filter(pk=household.pk).exists():
                running.append(export)
    _expire(Export.objects.filter(pk__in=done_ids))
    for export in running:
        _fail(export, _("A household's data was erased while this file was made. Ask for it again."))
