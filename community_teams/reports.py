"""Weekly reports: each commune's key figures for a week (Monday to Sunday, Vietnam time) against
the week before, stored in ``WeeklyReport`` and shown on the dashboard and as XLSX.

``weekly_report_build(commune=, week_start=)`` computes both weeks with the dashboard's own
aggregates (``dashboard.figures_compute`` over ``dashboard.commune_sources``, as of the end of
each week) and stores them, replacing the figures of an existing report (idempotent).
``weekly_reports_build_all`` does it for every commune with a team; in production Celery beat
runs it early on Monday for the week just ended (``tasks.weekly_reports_build``). With no broker
(the embedded mode) the dashboard builds, in the request, the last complete week's report of a
commune it shows when that report is missing or stale (built before its week ended).

Who reads a report is decided in ``scoping`` (``weekly_reports_visible_to``): the commune's and
province's coordinators and site administrators. A week's figures (``week_figures``): visits,
households visited in the week, households reached so far (at least one visit ever, up to the
week's end) of the denominator and the coverage, households meeting the five-skill target, per
target skill the households holding it, help given per item, enrolments from the week's visits
and how many are completed (by the time it is built), follow-ups overdue at the week's end, and active members with no
visit in the 14 days before it (today's memberships: the past ones are not kept).
"""

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .dashboard import Dashboard, commune_sources, figures_compute
from .models import Area, AreaKind, WeeklyReport
from .scoping import report_communes_visible_to, weekly_reports_visible_to

# The scalar figures of a week, in the order they are shown.
NUMBERS = (
    "visits",
    "households_visited",
    "households_reached",
    "coverage_percent",
    "households_meeting_target",
    "enrolments",
    "completions",
    "follow_ups_overdue",
    "idle_members",
)


def _labels() -> dict:
    return {
        "visits": _("Visits"),
        "households_visited": _("Households visited in the week"),
        "households_reached": _("Households reached so far"),
        "coverage_percent": _("Coverage (%)"),
        "households_meeting_target": _("Households meeting the five-skill target"),
        "enrolments": _("Enrolments from visits"),
        "completions": _("Courses completed after a visit"),
        "follow_ups_overdue": _("Overdue follow-ups"),
        "idle_members": _("Members with no visit in the last 14 days"),
    }


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def week_end(week_start: date) -> datetime:
    """The moment the week ends: the next Monday 00:00, Vietnam time."""
    return _midnight(week_start + timedelta(days=7))


def last_complete_week(today: date | None = None) -> date:
    """The Monday of the last week that has ended (Vietnam time)."""
    today = today or timezone.localdate()
    return today - timedelta(days=today.weekday() + 7)


def week_figures(commune: Area, week_start: date) -> dict:
    """The commune's numbers for the week starting ``week_start`` (see the module docstring)."""
    sources = commune_sources(commune)
    end = week_end(week_start)
    board = Dashboard(period_start=week_start, period_end=week_start + timedelta(days=6), today=end.date())
    figures_compute(board, sources, as_of=end)
    visited = sources.visits.filter(visited_at__gte=_midnight(week_start), visited_at__lt=end).aggregate(
        n=Count("household_id", distinct=True)
    )["n"]
    return {
        "visits": board.visits,
        "households_visited": visited,
        "households_reached": board.reached,
        "households": board.households,
        "coverage_percent": board.coverage_percent,
        "households_meeting_target": board.households_meeting_target,
        "skills": [{"code": row.code, "name": row.name, "households": row.households} for row in board.skills],
        "help": [{"code": row.code, "name": row.name, "count": row.count} for row in board.help],
        "enrolments": board.enrolments,
        "completions": board.completions,
        "follow_ups_overdue": board.follow_ups_overdue,
        "idle_members": len(board.idle_members),
    }


def weekly_report_build(*, commune: Area, week_start: date) -> WeeklyReport:
    """Compute and store the commune's report for the week starting ``week_start`` (a Monday)
    and the week before; an existing report is rebuilt in place."""
    if commune.kind != AreaKind.COMMUNE:
        raise ValidationError(_("A weekly report is made for a commune or ward."), code="invalid")
    if week_start.weekday() != 0:
        raise ValidationError(_("A week starts on a Monday."), code="invalid")
    figures = {
        "week": week_figures(commune, week_start),
        "previous": week_figures(commune, week_start - timedelta(weeks=1)),
    }
    report, _created = WeeklyReport.objects.update_or_create(
        commune=commune, week_start=week_start, defaults={"figures": figures, "built_at": timezone.now()}
    )
    return report


def communes_with_teams() -> QuerySet:
    return Area.objects.filter(kind=AreaKind.COMMUNE, teams__isnull=False).distinct().order_by("code")


def weekly_reports_build_all(*, week_start: date | None = None) -> int:
    """Build the report of every commune with a team for ``week_start`` (default: the last
    complete week). Returns how many."""
    week_start = week_start or last_complete_week()
    count = 0
    for commune in communes_with_teams():
        weekly_report_build(commune=commune, week_start=week_start)
        count += 1
    return count


def is_stale(report: WeeklyReport | None) -> bool:
    """Missing, or built before its week ended."""
    return report is None or report.built_at < week_end(report.week_start)


@dataclass
class CommuneWeek:
    commune: Area
    report: WeeklyReport | None


def weekly_reports_for(user, *, communes: QuerySet | None = None, build_when_stale: bool = False) -> list:
    """The last complete week's report of each commune with a team that ``user`` reads
    (narrowed to ``communes`` when given), by commune name; with ``build_when_stale`` (no
    broker), missing or stale ones are built first."""
    week = last_complete_week()
    visible = report_communes_visible_to(user).filter(pk__in=communes_with_teams().values("pk"))
    if communes is not None:
        visible = visible.filter(pk__in=communes.values("pk"))
    rows = [CommuneWeek(commune, None) for commune in visible.order_by("name", "code")]
    reports = {
        report.commune_id: report
        for report in weekly_reports_visible_to(user).filter(week_start=week, commune__in=[r.commune for r in rows])
    }
    for row in rows:
        row.report = reports.get(row.commune.pk)
        if build_when_stale and is_stale(row.report):
            row.report = weekly_report_build(commune=row.commune, week_start=week)
    return rows


def weekly_report_of(user, report_id: int) -> WeeklyReport | None:
    if not 0 < report_id <= 2**63 - 1:
        return None
    return weekly_reports_visible_to(user).select_related("commune").filter(pk=report_id).first()


@dataclass(frozen=True)
class ReportRow:
    key: str
    label: str
    week: int
    previous: int
    group: str = ""  # "skills", "help" or "" for the main figures

    @property
    def change(self) -> int:
        return self.week - self.previous

    @property
    def amount(self) -> int:
        return abs(self.change)

    @property
    def direction(self) -> str:
        return "up" if self.change > 0 else "down" if self.change < 0 else "same"


def report_rows(figures: dict) -> list[ReportRow]:
    """Each number of the week next to the week before's: the main figures, then households per
    target skill, then help given per item (items of either week)."""
    week, previous = figures.get("week", {}), figures.get("previous", {})
    labels = _labels()
    rows = [ReportRow(key, str(labels[key]), week.get(key, 0), previous.get(key, 0)) for key in NUMBERS]
    for group, number in (("skills", "households"), ("help", "count")):
        names, this, before = {}, {}, {}
        for source, counts in ((previous, before), (week, this)):
            for item in source.get(group, []):
                names[item["code"]] = item["name"]
                counts[item["code"]] = item[number]
        order = [item["code"] for item in week.get(group, [])]
        order += [code for code in names if code not in order]
        rows += [
            ReportRow(f"{group}:{code}", names[code], this.get(code, 0), before.get(code, 0), group) for code in order
        ]
    return rows


def report_groups() -> dict:
    return {"skills": _("Households by target skill"), "help": _("Help given")}


def weekly_report_filename(report: WeeklyReport) -> str:
    return f"bao-cao-tuan-{report.commune.code}-{report.week_start:%Y%m%d}.xlsx"


def weekly_report_xlsx(report: WeeklyReport) -> bytes:
    """The report as one sheet: title, week, then a row per number (this week, the week before,
    the change), groups headed by their name. Made from the stored figures, no query."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Weekly report")[:31]
    bold = Font(bold=True)
    sheet.append([_("Weekly report: %(commune)s") % {"commune": report.commune.name}])
    sheet["A1"].font = Font(bold=True, size=14)
    last = report.week_start + timedelta(days=6)
    sheet.append(
        [_("Week from %(start)s to %(end)s") % {"start": f"{report.week_start:%d/%m/%Y}", "end": f"{last:%d/%m/%Y}"}]
    )
    sheet.append([_("Built at %(at)s") % {"at": f"{timezone.localtime(report.built_at):%d/%m/%Y %H:%M}"}])
    sheet.append([])
    sheet.append([_("Figure"), _("Report week"), _("Week before"), _("Change")])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    groups = report_groups()
    group = ""
    for row in report_rows(report.figures):
        if row.group != group:
            group = row.group
            sheet.append([str(groups[group])])
            sheet.cell(row=sheet.max_row, column=1).font = bold
        sheet.append([row.label, row.week, row.previous, row.change])
    sheet.column_dimensions["A"].width = 48
    for column in "BCD":
        sheet.column_dimensions[column].width = 14
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
