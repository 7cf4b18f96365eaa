"""Reads for managing teams (the members page and the teams API), always through ``scoping``.

A team's people are shown by name and a masked phone number only; households by count. A fixed
number of queries, however many teams, members or households.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from .models import Area, AreaKind, Assignment, FollowUp, Membership, Team
from .scoping import teams_managed_by, teams_visible_to


def phone_masked(phone: str | None) -> str:
    """``+84912345678`` -> ``091•••678``: enough for a leader to tell two people apart."""
    if not phone:
        return ""
    local = "0" + phone[3:] if phone.startswith("+84") else phone
    return f"{local[:3]}•••{local[-3:]}"


def _teams(queryset):
    villages = Area.objects.filter(kind=AreaKind.VILLAGE).order_by("name", "code")
    memberships = Membership.objects.select_related("user").order_by("-is_active", "role", "user__display_name", "pk")
    return (
        queryset.filter(is_active=True)
        .select_related("commune")
        .prefetch_related(Prefetch("villages", queryset=villages), Prefetch("memberships", queryset=memberships))
        .order_by("name", "pk")
    )


def team_villages(team: Team) -> list[Area]:
    """The villages a team reaches: those of its own commune (as ``scoping`` counts them)."""
    return [village for village in team.villages.all() if village.parent_id == team.commune_id]


def teams_with_members(user) -> list[Team]:
    """Active teams the user sees, each with ``can_manage``, its villages and every membership
    (active ones first). Five queries after the user's scope."""
    teams = list(_teams(teams_visible_to(user)))
    managed = set(teams_managed_by(user).filter(pk__in=[team.pk for team in teams]).values_list("pk", flat=True))
    for team in teams:
        team.can_manage = team.pk in managed
        team.reached_villages = team_villages(team)
    return teams


@dataclass
class MemberRow:
    membership: Membership
    phone: str
    households: int = 0
    follow_ups: int = 0


@dataclass
class ManagedTeam:
    team: Team
    members: list[MemberRow] = field(default_factory=list)


def teams_to_manage(user) -> list[ManagedTeam]:
    """Active teams the user leads or coordinates, each with its active members and how many
    households and open follow-ups of the team each has in their care."""
    teams = list(_teams(teams_managed_by(user)))
    if not teams:
        return []
    ids = [team.pk for team in teams]
    households = {
        (row["household__village__village_teams"], row["member_id"]): row["n"]
        for row in Assignment.objects.filter(household__village__village_teams__in=ids)
        .values("household__village__village_teams", "member_id")
        .annotate(n=Count("pk"))
    }
    follow_ups = {
        (row["visit__team_id"], row["assigned_to_id"]): row["n"]
        for row in FollowUp.objects.filter(visit__team_id__in=ids, done_at__isnull=True)
        .values("visit__team_id", "assigned_to_id")
        .annotate(n=Count("pk"))
    }
    rows = []
    for team in teams:
        managed = ManagedTeam(team=team)
        for membership in team.memberships.all():
            if not membership.is_active:
                continue
            key = (team.pk, membership.user_id)
            managed.members.append(
                MemberRow(
                    membership=membership,
                    phone=phone_masked(membership.user.phone),
                    households=households.get(key, 0),
                    follow_ups=follow_ups.get(key, 0),
                )
            )
        rows.append(managed)
    return rows
