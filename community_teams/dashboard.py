"""The coordinator dashboard: figures for one scope and one period, by database aggregates.

``dashboard_for(user, period_start=, period_end=, village=, team=, campaign=)`` returns a
``Dashboard`` with every figure of the page and the JSON API. Who sees what comes from
``scoping`` only (a member or leader: their teams; a commune coordinator: their communes; a
province coordinator: their province; a site administrator: everything); the filters only
narrow it, and a filter value outside the scope is a 404 (``Http404``).

Visits count by what they stored when they were made (team, village, commune and province
codes), never by today's memberships; households by their village. Dates are Vietnam time; the
period runs from the first day 00:00 to the last day 24:00. Figures:

- coverage per village: households *reached* (at least one visit, ever up to the end of the
  period) out of the village's denominator: the commune statistics' ``household_count`` when
  set, else the number of household rows (declined and erased ones included, merged
  duplicates not), with which one was used;
- households meeting the five-skill target by the end of the period (``meets_target``, set by
  ``services.targets``: one member holding every target skill, observed or learned), and per
  target skill the households with at least one member holding it, observed and learned;
- visits per week (Monday first) per team in the period;
- help given in the period, per help item;
- enrolments attributed to visits of the period, and how many of them are completed;
- open follow-ups overdue today (from visits in scope);
- active members of teams in scope with no visit logged for that team in the last 14 days.

A fixed number of queries whatever the scope's size or the number of rows (the scope's three,
then one per figure, plus the campaign's targets with a campaign filter): every figure is one
``aggregate`` or ``values().annotate()``. On PostgreSQL the households reached are read from
the index ``ct_visit_reach_idx`` alone (``bench/dashboard_scale.py`` measures it all).
``Dashboard.tables()`` gives the same figures as plain row lists (header first) for exports.

The figures are computed from a ``Sources`` (the rows to count, already narrowed), table by
table in ``TABLES`` order, so that an export can report progress (``on_table``), and so that the
weekly report (``community_teams.reports``) computes the same figures for one commune with no
user (``commune_sources``) as of the end of a week (``as_of``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, DateField, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncWeek
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Skill

from .campaigns import TargetProgress, campaign_progress
from .models import (
    Area,
    AreaKind,
    Campaign,
    FollowUp,
    Household,
    Membership,
    MemberSkill,
    ReferralAttribution,
    Visit,
    VisitHelp,
)
from .scoping import (
    campaigns_visible_to,
    follow_ups_visible_to,
    households_visible_to,
    memberships_visible_to,
    teams_visible_to,
    villages_visible_to,
    visits_visible_to,
)

DEFAULT_WEEKS = 8
MAX_PERIOD_DAYS = 371  # 53 weeks: the weekly chart stays readable
IDLE_DAYS = 14

SOURCE_STATISTICS = "commune_statistics"
SOURCE_ROWS = "household_rows"
# The tables of ``Dashboard.tables()``, in the order they are computed and written.
TABLES = ("coverage", "skills", "visits_per_week", "help", "idle_members", "summary")


@dataclass(frozen=True)
class VillageCoverage:
    village_id: int
    code: str
    name: str
    commune_name: str
    households: int  # the denominator
    denominator_source: str  # SOURCE_STATISTICS or SOURCE_ROWS
    household_rows: int
    reached: int
    meeting_target: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.reached / self.households)) if self.households else 0


@dataclass(frozen=True)
class SkillCoverage:
    code: str
    name: str
    households: int  # at least one member holds it, observed or learned
    observed: int
    learned: int


@dataclass(frozen=True)
class TeamWeeks:
    team_id: int
    name: str
    counts: list[int]  # one per ``Dashboard.weeks``

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class HelpCount:
    code: str
    name: str
    skill: str
    count: int


@dataclass(frozen=True)
class IdleMember:
    membership_id: int
    team_id: int
    team: str
    name: str
    last_visit_at: datetime | None


@dataclass(frozen=True)
class Table:
    """One figure as rows for a file: ``header`` then ``rows`` of plain values."""

    key: str
    title: str
    header: list[str]
    rows: list[list]


@dataclass
class Dashboard:
    period_start: date
    period_end: date
    today: date
    village: object = None  # the filter values, resolved within the scope
    team: object = None
    campaign: Campaign | None = None
    villages: list[VillageCoverage] = field(default_factory=list)
    skills: list[SkillCoverage] = field(default_factory=list)
    weeks: list[date] = field(default_factory=list)
    team_weeks: list[TeamWeeks] = field(default_factory=list)
    help: list[HelpCount] = field(default_factory=list)
    enrolments: int = 0
    completions: int = 0
    follow_ups_overdue: int = 0
    idle_members: list[IdleMember] = field(default_factory=list)
    campaign_targets: list[TargetProgress] = field(default_factory=list)

    @property
    def households(self) -> int:
        return sum(row.households for row in self.villages)

    @property
    def reached(self) -> int:
        return sum(row.reached for row in self.villages)

    @property
    def coverage_percent(self) -> int:
        return min(100, round(100 * self.reached / self.households)) if self.households else 0

    @property
    def households_meeting_target(self) -> int:
        return sum(row.meeting_target for row in self.villages)

    @property
    def visits(self) -> int:
        return sum(row.total for row in self.team_weeks)

    @property
    def week_totals(self) -> list[int]:
        return [sum(row.counts[index] for row in self.team_weeks) for index in range(len(self.weeks))]

    def tables(self) -> list[Table]:
        """Every figure as plain rows (for CSV/XLSX exports and reports)."""
        source = {SOURCE_STATISTICS: _("commune statistics"), SOURCE_ROWS: _("household rows")}
        return [
            Table(
                "coverage",
                _("Coverage by village"),
                [
                    _("Village code"),
                    _("Village"),
                    _("Commune"),
                    _("Households reached"),
                    _("Households (denominator)"),
                    _("Denominator from"),
                    _("Coverage (%)"),
                    _("Households meeting the five-skill target"),
                ],
                [
                    [
                        row.code,
                        row.name,
                        row.commune_name,
                        row.reached,
                        row.households,
                        str(source[row.denominator_source]),
                        row.percent,
                        row.meeting_target,
                    ]
                    for row in self.villages
                ],
            ),
            Table(
                "skills",
                _("Households by target skill"),
                [_("Skill"), _("Households with the skill"), _("Seen doing it"), _("Completed a course")],
                [[row.name, row.households, row.observed, row.learned] for row in self.skills],
            ),
            Table(
                "visits_per_week",
                _("Visits per week"),
                [_("Week of"), *[row.name for row in self.team_weeks], _("Total")],
                [
                    [week, *[row.counts[index] for row in self.team_weeks], total]
                    for index, (week, total) in enumerate(zip(self.weeks, self.week_totals, strict=True))
                ],
            ),
            Table(
                "help",
                _("Help given"),
                [_("Help item"), _("Skill"), _("Times")],
                [[row.name, row.skill, row.count] for row in self.help],
            ),
            Table(
                "idle_members",
                _("Members with no visit in the last 14 days"),
                [_("Team"), _("Member"), _("Last visit")],
                [
                    [row.team, row.name, timezone.localtime(row.last_visit_at).date() if row.last_visit_at else ""]
                    for row in self.idle_members
                ],
            ),
            Table(
                "summary",
                _("Summary"),
                [_("Figure"), _("Number")],
                [
                    [_("Households reached"), self.reached],
                    [_("Households (denominator)"), self.households],
                    [_("Households meeting the five-skill target"), self.households_meeting_target],
                    [_("Visits"), self.visits],
                    [_("Enrolments from visits"), self.enrolments],
                    [_("Courses completed after a visit"), self.completions],
                    [_("Overdue follow-ups"), self.follow_ups_overdue],
                ],
            ),
        ]


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last eight weeks: from the Monday seven weeks before this week's to today."""
    today = today or timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(weeks=DEFAULT_WEEKS - 1), today


def dashboard_period(
    period_start: date | None, period_end: date | None, *, campaign: Campaign | None = None, today: date | None = None
) -> tuple[date, date]:
    """The period asked for: missing ends come from the campaign, else the last eight weeks; a
    period longer than ``MAX_PERIOD_DAYS`` keeps its end and loses its first days."""
    default_start, default_end = (campaign.starts_on, campaign.ends_on) if campaign else default_period(today)
    start = period_start or default_start
    end = period_end or max(default_end, start)
    if (end - start).days >= MAX_PERIOD_DAYS:
        start = end - timedelta(days=MAX_PERIOD_DAYS - 1)
    return start, end


def _bounds(period_start: date, period_end: date) -> tuple[datetime, datetime]:
    """Aware datetimes [start, end) of the period in Vietnam time: index-friendly comparisons."""
    start = timezone.make_aware(datetime.combine(period_start, time.min))
    end = timezone.make_aware(datetime.combine(period_end + timedelta(days=1), time.min))
    return start, end


def _area_q(area, *, village: str, commune: str, province: str) -> Q:
    if area.kind == AreaKind.VILLAGE:
        return Q(**{village: area.pk})
    if area.kind == AreaKind.COMMUNE:
        return Q(**{commune: area.code})
    return Q(**{province: area.code})


def filter_choices(user) -> tuple[list, list, list]:
    """The villages, active teams and campaigns the user may filter by (three queries)."""
    villages = list(villages_visible_to(user).select_related("parent").order_by("parent__name", "name", "code"))
    teams = list(teams_visible_to(user).filter(is_active=True).select_related("commune").order_by("name"))
    campaigns = list(campaigns_visible_to(user).select_related("area").order_by("-starts_on", "name"))
    return villages, teams, campaigns


@dataclass(frozen=True)
class Sources:
    """The rows a dashboard counts, already narrowed to a scope and the filters."""

    visits: QuerySet
    households: QuerySet  # merged duplicates left out
    villages: QuerySet
    memberships: QuerySet  # active, of active teams
    follow_ups: QuerySet


def _user_sources(user) -> Sources:
    return Sources(
        visits=visits_visible_to(user),
        households=households_visible_to(user).filter(merged_into__isnull=True),
        villages=villages_visible_to(user),
        memberships=memberships_visible_to(user).filter(is_active=True, team__is_active=True),
        follow_ups=follow_ups_visible_to(user),
    )


def commune_sources(commune: Area) -> Sources:
    """Everything of one commune, for the weekly report (no user: the caller decides who reads
    the result). Visits by their stored commune, households and villages by theirs, memberships
    of the commune's teams."""
    return Sources(
        visits=Visit.objects.filter(commune_code=commune.code),
        households=Household.objects.filter(commune_code=commune.code, merged_into__isnull=True),
        villages=Area.objects.filter(kind=AreaKind.VILLAGE, commune_code=commune.code),
        memberships=Membership.objects.filter(is_active=True, team__is_active=True, team__commune_id=commune.pk),
        follow_ups=FollowUp.objects.filter(household__commune_code=commune.code),
    )


def dashboard_for(
    user,
    *,
    period_start: date,
    period_end: date,
    village: str | None = None,
    team: int | None = None,
    campaign: int | None = None,
    today: date | None = None,
    on_table: Callable[[str], None] | None = None,
) -> Dashboard:
    """Every figure for ``user``'s scope narrowed by the filters (village code, team id, campaign
    id). A filter value outside the scope raises ``Http404``. ``on_table(key)`` is called once
    each table's figures are computed (``TABLES`` order)."""
    today = today or timezone.localdate()
    if period_end < period_start:
        raise ValueError("period_end before period_start")
    sources = _user_sources(user)
    visits, households, villages = sources.visits, sources.households, sources.villages
    memberships = sources.memberships
    teams = teams_visible_to(user)
    result = Dashboard(period_start=period_start, period_end=period_end, today=today)

    if village:
        result.village = villages.select_related("parent").filter(code=village).first()
        if result.village is None:
            raise Http404("village outside the scope")
        visits = visits.filter(village_id=result.village.pk)
        households = households.filter(village_id=result.village.pk)
        villages = villages.filter(pk=result.village.pk)
        memberships = memberships.filter(team__villages=result.village.pk)
    if team is not None:
        result.team = teams.filter(pk=team).first()
        if result.team is None:
            raise Http404("team outside the scope")
        team_villages = result.team.villages.filter(kind=AreaKind.VILLAGE).values("pk")
        visits = visits.filter(team_id=result.team.pk)
        households = households.filter(village_id__in=team_villages)
        villages = villages.filter(pk__in=team_villages)
        memberships = memberships.filter(team_id=result.team.pk)
    if campaign is not None:
        result.campaign = campaigns_visible_to(user).select_related("area").filter(pk=campaign).first()
        if result.campaign is None:
            raise Http404("campaign outside the scope")
        area = result.campaign.area
        visits = visits.filter(_area_q(area, village="village_id", commune="commune_code", province="province_code"))
        households = households.filter(
            _area_q(area, village="village_id", commune="commune_code", province="province_code")
        )
        villages = villages.filter(_area_q(area, village="pk", commune="commune_code", province="province_code"))
        memberships = memberships.filter(
            _area_q(
                area,
                village="team__villages",
                commune="team__commune__code",
                province="team__commune__province_code",
            )
        )
        result.campaign_targets = campaign_progress(result.campaign)

    narrowed = Sources(visits, households, villages, memberships.distinct(), sources.follow_ups)
    return figures_compute(result, narrowed, on_table=on_table)


def figures_compute(
    result: Dashboard,
    sources: Sources,
    *,
    as_of: datetime | None = None,
    on_table: Callable[[str], None] | None = None,
) -> Dashboard:
    """Fill ``result``'s figures from ``sources`` for its period, table by table. ``as_of``: the
    moment the overdue follow-ups and idle members are counted at (default: now, with the
    follow-ups still open today); the weekly report gives the end of its week."""
    start, end = _bounds(result.period_start, result.period_end)
    visits = sources.visits
    step = on_table or (lambda key: None)

    result.villages = _coverage(sources.villages, sources.households, visits, end)
    step("coverage")
    result.skills = _skills(sources.households, end)
    step("skills")
    result.weeks, result.team_weeks = _visits_per_week(visits, start, end)
    step("visits_per_week")
    in_period = visits.filter(visited_at__gte=start, visited_at__lt=end)
    result.help = _help(in_period)
    step("help")
    result.idle_members = _idle_members(sources.memberships, as_of)
    step("idle_members")
    referrals = ReferralAttribution.objects.filter(visit__in=in_period.values("pk")).aggregate(
        enrolments=Count("pk"), completions=Count("pk", filter=Q(enrolment__completed_at__isnull=False))
    )
    result.enrolments, result.completions = referrals["enrolments"], referrals["completions"]
    overdue = sources.follow_ups.filter(visit__in=visits.values("pk"))
    if as_of is None:
        overdue = overdue.filter(done_at__isnull=True, due_on__lt=result.today)
    else:  # open at that moment: due before its day, made before it, not done by then
        overdue = overdue.filter(
            Q(done_at__isnull=True) | Q(done_at__gte=as_of),
            due_on__lt=timezone.localtime(as_of).date(),
            visit__visited_at__lt=as_of,
        )
    result.follow_ups_overdue = overdue.aggregate(n=Count("pk"))["n"]
    step("summary")
    return result


def _coverage(villages: QuerySet, households: QuerySet, visits: QuerySet, end: datetime) -> list[VillageCoverage]:
    """Three queries: the villages, their household rows and targets met, households reached."""
    rows = list(villages.select_related("parent").order_by("code"))
    counts = {
        row["village_id"]: row
        for row in households.filter(village_id__in=[village.pk for village in rows])
        .values("village_id")
        .annotate(n=Count("pk"), meeting=Count("pk", filter=Q(meets_target=True, target_met_at__lt=end)))
        .order_by()
    }
    reached = {
        row["village_id"]: row["n"]
        for row in visits.filter(visited_at__lt=end, village_id__in=[village.pk for village in rows])
        .values("village_id")
        .annotate(n=Count("household_id", distinct=True))
        .order_by()
    }
    coverage = []
    for village in rows:
        household_rows = counts.get(village.pk, {}).get("n", 0)
        statistics = village.household_count is not None
        coverage.append(
            VillageCoverage(
                village_id=village.pk,
                code=village.code,
                name=village.name,
                commune_name=village.parent.name if village.parent else "",
                households=village.household_count if statistics else household_rows,
                denominator_source=SOURCE_STATISTICS if statistics else SOURCE_ROWS,
                household_rows=household_rows,
                reached=reached.get(village.pk, 0),
                meeting_target=counts.get(village.pk, {}).get("meeting", 0),
            )
        )
    return coverage


def _skills(households: QuerySet, end: datetime) -> list[SkillCoverage]:
    """Two queries: the target skills, then per skill the households holding it."""
    skills = list(Skill.objects.filter(is_household_target=True).order_by("sort_order", "pk"))
    held_by_end = Q(observed_at__lt=end) | Q(learned_at__lt=end)
    household = "member__household_id"
    figures = {
        row["skill_id"]: row
        for row in MemberSkill.objects.filter(held_by_end, skill_id__in=[skill.pk for skill in skills])
        .filter(member__household__in=households.values("pk"))
        .values("skill_id")
        .annotate(
            households=Count(household, distinct=True),
            observed=Count(household, distinct=True, filter=Q(observed_at__lt=end)),
            learned=Count(household, distinct=True, filter=Q(learned_at__lt=end)),
        )
        .order_by()
    }
    return [
        SkillCoverage(
            code=skill.code,
            name=skill.name,
            households=figures.get(skill.pk, {}).get("households", 0),
            observed=figures.get(skill.pk, {}).get("observed", 0),
            learned=figures.get(skill.pk, {}).get("learned", 0),
        )
        for skill in skills
    ]


def _visits_per_week(visits: QuerySet, start: datetime, end: datetime) -> tuple[list[date], list[TeamWeeks]]:
    """One query: visits of the period by week (Monday, Vietnam time) and stored team."""
    first = timezone.localtime(start).date()
    last = timezone.localtime(end).date() - timedelta(days=1)
    monday = first - timedelta(days=first.weekday())
    weeks = [monday + timedelta(weeks=index) for index in range((last - monday).days // 7 + 1)]
    position = {week: index for index, week in enumerate(weeks)}
    teams: dict[int, TeamWeeks] = {}
    rows = (
        visits.filter(visited_at__gte=start, visited_at__lt=end)
        .annotate(week=TruncWeek("visited_at", output_field=DateField()))
        .values("week", "team_id", "team__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        week = row["week"]
        if isinstance(week, datetime):  # some backends hand back a datetime
            week = week.date()
        row_team = teams.setdefault(row["team_id"], TeamWeeks(row["team_id"], row["team__name"], [0] * len(weeks)))
        row_team.counts[position[week]] += row["n"]
    return weeks, sorted(teams.values(), key=lambda row: (row.name, row.team_id))


def _help(visits: QuerySet) -> list[HelpCount]:
    """One query: help given on the visits, per help item, in the form's order."""
    rows = (
        VisitHelp.objects.filter(visit__in=visits.values("pk"))
        .values("item__code", "item__name", "item__skill__name", "item__sort_order")
        .annotate(n=Count("pk"))
        .order_by("item__sort_order", "item__name")
    )
    return [HelpCount(row["item__code"], row["item__name"], row["item__skill__name"], row["n"]) for row in rows]


def _idle_members(memberships: QuerySet, as_of: datetime | None = None) -> list[IdleMember]:
    """One query: active memberships whose person logged no visit for that team in the 14 days
    before ``as_of`` (default now; with ``as_of``, visits after it are not looked at)."""
    since = (as_of or timezone.now()) - timedelta(days=IDLE_DAYS)
    team_visits = Visit.objects.filter(author_id=OuterRef("user_id"), team_id=OuterRef("team_id"))
    if as_of is not None:
        team_visits = team_visits.filter(visited_at__lt=as_of)
    rows = (
        memberships.annotate(
            recent=Exists(team_visits.filter(visited_at__gte=since)),
            last_visit_at=Subquery(team_visits.order_by("-visited_at").values("visited_at")[:1]),
        )
        .filter(recent=False)
        .values("pk", "team_id", "team__name", "user__display_name", "user__username", "last_visit_at")
        .order_by("team__name", "user__display_name", "pk")
    )
    return [
        IdleMember(
            membership_id=row["pk"],
            team_id=row["team_id"],
            team=row["team__name"],
            name=row["user__display_name"] or row["user__username"],
            last_visit_at=row["last_visit_at"],
        )
        for row in rows
    ]
