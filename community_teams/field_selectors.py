"""Reads for the field pages (views.py), always through ``scoping``.

Nothing here returns a household's name, phone or address: the pages that show those get them
from the JSON API by POST, so they never sit in HTML or in a cache.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from .models import HelpItem, ReferralAttribution, Team, VisitHelp
from .scoping import follow_ups_visible_to, teams_visible_to, villages_visible_to, visits_visible_to

RECENT_WEEKS = 8
LIST_LENGTH = 20


def field_form_choices(user) -> tuple[list[HelpItem], list]:
    """Active help items (with their skill) and the villages the user works in. Two queries."""
    help_items = list(HelpItem.objects.filter(is_active=True).select_related("skill"))
    villages = list(villages_visible_to(user).select_related("parent").order_by("parent__name", "name"))
    return help_items, villages


@dataclass
class TeamOverview:
    team: Team
    visits_recent: int = 0
    households_visited: int = 0
    follow_ups_due: int = 0
    follow_ups_overdue: int = 0
    referrals: int = 0
    referrals_completed: int = 0
    recent_visits: list = field(default_factory=list)
    due_follow_ups: list = field(default_factory=list)
    referral_rows: list = field(default_factory=list)


def team_overview(user) -> list[TeamOverview]:
    """Each team the user can see with its last eight weeks: visits, follow-ups due, enrolments
    that came from its visits' QR codes. A fixed number of queries, however many teams or rows.
    Households appear by village only."""
    today = timezone.localdate()
    since = timezone.now() - timedelta(weeks=RECENT_WEEKS)
    teams = list(teams_visible_to(user).filter(is_active=True).select_related("commune").order_by("name"))
    rows = {team.pk: TeamOverview(team=team) for team in teams}
    if not rows:
        return []
    visits = visits_visible_to(user).filter(team_id__in=rows)

    counts = (
        visits.filter(visited_at__gte=since)
        .values("team_id")
        .annotate(n=Count("pk"), households=Count("household_id", distinct=True))
    )
    for row in counts:
        rows[row["team_id"]].visits_recent = row["n"]
        rows[row["team_id"]].households_visited = row["households"]

    recent = (
        visits.select_related("village", "author")
        .prefetch_related(Prefetch("help", queryset=VisitHelp.objects.select_related("item")))
        .order_by("-visited_at")
    )
    # One query for the latest visits of all the teams: a window is overkill at this size.
    for visit in recent[: LIST_LENGTH * len(rows)]:
        overview = rows[visit.team_id]
        if len(overview.recent_visits) < LIST_LENGTH:
            overview.recent_visits.append(visit)

    open_follow_ups = follow_ups_visible_to(user).filter(visit__team_id__in=rows, done_at__isnull=True)
    due = open_follow_ups.filter(due_on__lte=today)
    for row in due.values("visit__team_id").annotate(n=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today))):
        rows[row["visit__team_id"]].follow_ups_due = row["n"]
        rows[row["visit__team_id"]].follow_ups_overdue = row["overdue"]
    for follow_up in due.select_related("household__village", "assigned_to", "visit").order_by("due_on")[
        : LIST_LENGTH * len(rows)
    ]:
        overview = rows[follow_up.visit.team_id]
        if len(overview.due_follow_ups) < LIST_LENGTH:
            follow_up.is_overdue = follow_up.due_on < today
            overview.due_follow_ups.append(follow_up)

    referrals = ReferralAttribution.objects.filter(team_id__in=rows, visit__in=visits)
    for row in referrals.values("team_id").annotate(
        n=Count("pk"), completed=Count("pk", filter=Q(enrolment__completed_at__isnull=False))
    ):
        rows[row["team_id"]].referrals = row["n"]
        rows[row["team_id"]].referrals_completed = row["completed"]
    for referral in referrals.select_related("enrolment__course", "member", "visit__village").order_by(
        "-enrolment__enrolled_at"
    )[: LIST_LENGTH * len(rows)]:
        overview = rows[referral.team_id]
        if len(overview.referral_rows) < LIST_LENGTH:
            overview.referral_rows.append(referral)
    return list(rows.values())
