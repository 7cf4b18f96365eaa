"""The dashboard page and the campaign page (``/to-cong-nghe-so/bang-tong-hop/``,
``/to-cong-nghe-so/chien-dich/<id>/``), server-rendered, no JavaScript.

The figures come from ``dashboard.dashboard_for`` (scoped; a filter value or a campaign outside
the user's scope is a 404). The charts are SVG drawn by ``templates/components/charts/``; this
module only turns figures into chart geometry (percent widths, pixel heights), so the
components never compute or query. Every chart has its numbers in a table next to it.

The page also shows the last complete week's report of each commune the person coordinates
(``reports.weekly_reports_for``; with no broker a missing or stale one is built in the request),
offers it as XLSX (``weekly_report_download``: a report outside the scope is a 404), and asks
for an export of its tables with the filters it shows (``dashboard_export``, a POST form: the
export page then shows its progress and the download link).
"""

import math
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .campaigns import campaign_progress
from .dashboard import MAX_PERIOD_DAYS, SOURCE_STATISTICS, dashboard_for, dashboard_period, filter_choices
from .exports import OUTSIDE_SCOPE, export_request
from .models import Area, AreaKind, ExportFormat, ExportKind
from .reports import (
    last_complete_week,
    report_groups,
    report_rows,
    weekly_report_filename,
    weekly_report_of,
    weekly_report_xlsx,
    weekly_reports_for,
)
from .scoping import campaigns_visible_to, scope_of
from .services.errors import NotPermitted
from .views import field_user_required

SERIES = 6  # colours --chart-1 … --chart-6, then round again
LABEL_CHARS = 34
BAR_PX, BAR_GAP_PX, LABEL_PX, ROW_GAP_PX = 14, 4, 22, 12
COLUMNS_PLOT_TOP, COLUMNS_PLOT_PX, COLUMNS_AXIS_PX = 24, 150, 28


class DashboardFilterForm(forms.Form):
    """The filters as typed; their scope is checked by ``dashboard_for`` (outside it: 404)."""

    period_start = forms.DateField(label=gettext_lazy("From"), required=False)
    period_end = forms.DateField(label=gettext_lazy("To"), required=False)
    village = forms.CharField(label=gettext_lazy("Village"), required=False, max_length=20)
    team = forms.IntegerField(label=gettext_lazy("Team"), required=False, min_value=1, max_value=2**31 - 1)
    campaign = forms.IntegerField(label=gettext_lazy("Campaign"), required=False, min_value=1, max_value=2**31 - 1)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end of the period is before its start."))
            if (end - start).days >= MAX_PERIOD_DAYS:
                raise forms.ValidationError(_("Choose a period of at most 53 weeks."))
        return data


def period_from(data: dict, campaign=None, today=None) -> tuple:
    """The period asked for; missing ends come from the campaign, else the last eight weeks."""
    return dashboard_period(data.get("period_start"), data.get("period_end"), campaign=campaign, today=today)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def bar_chart(rows: list[dict], *, title: str, summary: str) -> dict:
    """Horizontal bars. ``rows``: ``{"label", "bars": [{"value", "of"?, "text", "series"?}]}``;
    a bar without ``of`` is scaled to the largest value of the chart."""
    largest = max([bar["value"] for row in rows for bar in row["bars"]] + [1])
    y = 0
    drawn = []
    for row in rows:
        label_y = y + LABEL_PX - 6
        y += LABEL_PX
        bars = []
        for bar in row["bars"]:
            scale = bar.get("of") or largest
            width = min(100.0, 100.0 * bar["value"] / scale) if scale else 0.0
            bars.append(
                {
                    "y": y,
                    "text_y": y + BAR_PX - 2,
                    "width": f"{width * 0.7:.2f}",  # the bars use 70 % of the width, the numbers follow
                    "text": bar["text"],
                    "series": bar.get("series", 1),
                }
            )
            y += BAR_PX + BAR_GAP_PX
        drawn.append({"label": _short(row["label"]), "label_y": label_y, "bars": bars})
        y += ROW_GAP_PX
    return {"title": title, "summary": summary, "rows": drawn, "height": max(y, 1)}


def column_chart(weeks: list, series: list[dict], *, title: str, summary: str) -> dict:
    """Stacked columns, one per week; ``series``: ``{"label", "counts"}`` aligned with ``weeks``."""
    totals = [sum(item["counts"][index] for item in series) for index in range(len(weeks))]
    largest = max([*totals, 1])
    slot = 100.0 / max(len(weeks), 1)
    every = max(1, math.ceil(len(weeks) / 9))
    base = COLUMNS_PLOT_TOP + COLUMNS_PLOT_PX
    columns = []
    for index, week in enumerate(weeks):
        top = base
        segments = []
        for number, item in enumerate(series):
            count = item["counts"][index]
            if not count:
                continue
            height = COLUMNS_PLOT_PX * count / largest
            top -= height
            segments.append({"y": f"{top:.1f}", "height": f"{height:.1f}", "series": number % SERIES + 1})
        columns.append(
            {
                "x": f"{slot * index + slot * 0.2:.3f}",
                "width": f"{slot * 0.6:.3f}",
                "centre": f"{slot * index + slot / 2:.3f}",
                "segments": segments,
                "total": totals[index],
                "total_y": f"{top - 5:.1f}",
                "label": week.strftime("%d/%m") if index % every == 0 else "",
            }
        )
    legend = [{"label": item["label"], "series": number % SERIES + 1} for number, item in enumerate(series)]
    return {
        "title": title,
        "summary": summary,
        "columns": columns,
        "legend": legend,
        "largest": largest,
        "show_totals": len(weeks) <= 16,
        "base": base,
        "label_y": base + COLUMNS_AXIS_PX - 8,
        "height": base + COLUMNS_AXIS_PX,
    }


def _charts(board) -> dict:
    several_communes = len({row.commune_name for row in board.villages}) > 1
    coverage = bar_chart(
        [
            {
                "label": f"{row.name} · {row.commune_name}" if several_communes else row.name,
                "bars": [
                    {"value": row.reached, "of": row.households, "text": f"{row.reached}/{row.households}"},
                ],
            }
            for row in board.villages
        ],
        title=_("Households reached per village"),
        summary=_("%(reached)s of %(households)s households reached (%(percent)s%%) in %(villages)s villages.")
        % {
            "reached": board.reached,
            "households": board.households,
            "percent": board.coverage_percent,
            "villages": len(board.villages),
        },
    )
    skills = bar_chart(
        [
            {
                "label": row.name,
                "bars": [
                    {"value": row.observed, "text": str(row.observed), "series": 1},
                    {"value": row.learned, "text": str(row.learned), "series": 3},
                ],
            }
            for row in board.skills
        ],
        title=_("Households per target skill: seen doing it and completed a course"),
        summary="; ".join(
            _("%(skill)s: %(observed)s seen, %(learned)s learned")
            % {"skill": row.name, "observed": row.observed, "learned": row.learned}
            for row in board.skills
        ),
    )
    weekly = column_chart(
        board.weeks,
        [{"label": row.name, "counts": row.counts} for row in board.team_weeks],
        title=_("Visits per week per team"),
        summary=_("%(visits)s visits in %(weeks)s weeks; the busiest week had %(largest)s.")
        % {"visits": board.visits, "weeks": len(board.weeks), "largest": max([*board.week_totals, 0])},
    )
    help_given = bar_chart(
        [{"label": row.name, "bars": [{"value": row.count, "text": str(row.count)}]} for row in board.help],
        title=_("Help given by kind"),
        summary="; ".join(f"{row.name}: {row.count}" for row in board.help),
    )
    return {"coverage": coverage, "skills": skills, "weekly": weekly, "help": help_given}


def _scope_names(user, villages, teams) -> str:
    scope = scope_of(user)
    if scope.everything:
        return _("Every area")
    if scope.is_coordinator:
        return ", ".join(sorted({village.parent.name for village in villages if village.parent}))
    return ", ".join(team.name for team in teams)


@field_user_required
def dashboard(request):
    villages, teams, campaigns = filter_choices(request.user)
    form = DashboardFilterForm(request.GET)
    valid = form.is_valid()
    # An invalid form keeps the filters that were right; a wrong period falls back to the default.
    data = {key: value for key, value in form.cleaned_data.items() if valid or not key.startswith("period_")}
    campaign = None
    if data.get("campaign"):
        campaign = next((row for row in campaigns if row.pk == data["campaign"]), None)
        if campaign is None:
            raise Http404(_("This campaign does not exist or is outside your area."))
    start, end = period_from(data, campaign)
    board = dashboard_for(
        request.user,
        period_start=start,
        period_end=end,
        village=data.get("village") or None,
        team=data.get("team"),
        campaign=data.get("campaign"),
    )
    context = {
        "weekly": _weekly(request.user, board),
        "board": board,
        "charts": _charts(board),
        "weekly_rows": [
            (week, [row.counts[index] for row in board.team_weeks], total)
            for index, (week, total) in enumerate(zip(board.weeks, board.week_totals, strict=True))
        ],
        "form": form,
        "villages": villages,
        "teams": teams,
        "campaigns": campaigns,
        "scope_names": _scope_names(request.user, villages, teams),
        "statistics": SOURCE_STATISTICS,
        "filtered": bool(data.get("village") or data.get("team") or data.get("campaign")),
    }
    return render(request, "community_teams/dashboard.html", context)


def _weekly(user, board) -> dict:
    """The weekly section: the communes in scope (narrowed to the filter's commune), each with
    its report's rows; built on demand when there is no broker."""
    communes = None
    if board.village is not None:
        communes = Area.objects.filter(kind=AreaKind.COMMUNE, code=board.village.commune_code)
    elif board.team is not None:
        communes = Area.objects.filter(pk=board.team.commune_id)
    elif board.campaign is not None and board.campaign.area.kind != AreaKind.PROVINCE:
        communes = Area.objects.filter(kind=AreaKind.COMMUNE, code=board.campaign.area.commune_code)
    rows = weekly_reports_for(user, communes=communes, build_when_stale=settings.CELERY_TASK_ALWAYS_EAGER)
    items = []
    for row in rows:
        figures = report_rows(row.report.figures) if row.report else []
        items.append(
            {"commune": row.commune, "report": row.report, "rows": figures, "main": {r.key: r for r in figures}}
        )
    week = last_complete_week()
    return {"items": items, "week_start": week, "week_end": week + timedelta(days=6), "groups": report_groups()}


@require_POST
@field_user_required
def dashboard_export(request):
    """Ask for an export of the dashboard's tables with the filters the page shows, then go to
    the export page (progress, then the download link). A filter outside the scope: 404."""
    fmt = request.POST.get("format", "")
    if fmt not in ExportFormat.values:
        fmt = ExportFormat.XLSX
    filters = {
        key: request.POST[key]
        for key in ("period_start", "period_end", "village", "team", "campaign")
        if request.POST.get(key)
    }
    try:
        export_request(actor=request.user, kind=ExportKind.DASHBOARD, format=fmt, filters=filters)
    except NotPermitted as error:
        messages.error(request, str(error))
    except ValidationError as error:
        if any(item.code == OUTSIDE_SCOPE for items in getattr(error, "error_dict", {}).values() for item in items):
            raise Http404(_("This village, team or campaign is outside your area.")) from None
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("The dashboard export is being made. It appears below when it is ready."))
    return redirect("community_teams:exports")


@never_cache
@field_user_required
def weekly_report_download(request, report_id: int):
    """A weekly report as XLSX, made from its stored figures; a report outside the scope: 404."""
    report = weekly_report_of(request.user, report_id)
    if report is None:
        raise Http404(_("This report does not exist or is outside your area."))
    response = HttpResponse(
        weekly_report_xlsx(report),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{weekly_report_filename(report)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@field_user_required
def campaign(request, campaign_id: int):
    row = campaigns_visible_to(request.user).select_related("area").filter(pk=min(campaign_id, 2**31 - 1)).first()
    if row is None:
        raise Http404(_("This campaign does not exist or is outside your area."))
    targets = campaign_progress(row)
    chart = bar_chart(
        [
            {
                "label": target.label,
                "bars": [
                    {
                        "value": target.done,
                        "of": target.target,
                        "text": f"{target.done}/{target.target}",
                        "series": 3 if target.done >= target.target else 1,
                    }
                ],
            }
            for target in targets
        ],
        title=_("Progress against each target"),
        summary="; ".join(
            _("%(label)s: %(done)s of %(target)s") % {"label": t.label, "done": t.done, "target": t.target}
            for t in targets
        ),
    )
    return render(request, "community_teams/campaign.html", {"campaign": row, "targets": targets, "chart": chart})
