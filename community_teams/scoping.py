"""Who may see what: the one place that decides, deny by default.

Every page, JSON endpoint, admin view and export reads households, visits and the rest through
these functions; an object outside the result is a 404 to that person.

- member → their teams' villages' households, their teams' visits, follow-ups assigned to them
  within their teams' work;
- team leader → the same for the teams they lead, every follow-up of those teams, and they
  manage those teams;
- commune coordinator → everything in their communes; province coordinator → their provinces;
- site administrator (superuser) → everything;
- anyone else (signed out, deactivated account, deactivated membership, inactive team) → nothing.

Only active memberships of active teams count, a team only reaches villages of its own commune,
and a coordinator scope only counts when its area is of the matching kind (a commune for a
commune coordinator, a province for a province coordinator).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from .models import (
    Area,
    AreaKind,
    Campaign,
    ConsentStatus,
    CoordinatorScope,
    FollowUp,
    Household,
    HouseholdMember,
    Membership,
    Role,
    Team,
    Visit,
    WeeklyReport,
)


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    team_ids: frozenset = field(default_factory=frozenset)
    led_team_ids: frozenset = field(default_factory=frozenset)
    village_ids: frozenset = field(default_factory=frozenset)
    led_village_ids: frozenset = field(default_factory=frozenset)
    commune_codes: frozenset = field(default_factory=frozenset)
    province_codes: frozenset = field(default_factory=frozenset)

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.team_ids or self.commune_codes or self.province_codes)

    @property
    def is_coordinator(self) -> bool:
        return bool(self.commune_codes or self.province_codes)


NOTHING = Scope()
_CACHE_ATTR = "_community_scope"

# The author of a visit may edit it for this long after it reached the server; leaders always.
VISIT_EDIT_WINDOW = timedelta(days=7)
_COORDINATOR_AREA_KIND = {Role.COMMUNE_COORDINATOR: AreaKind.COMMUNE, Role.PROVINCE_COORDINATOR: AreaKind.PROVINCE}


def scope_of(user) -> Scope:
    """The user's scope, computed once per user object (one request) in three queries."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user.is_superuser:
        scope = Scope(everything=True)
    else:
        memberships = list(
            Membership.objects.filter(user=user, is_active=True, team__is_active=True).values_list("team_id", "role")
        )
        team_ids = frozenset(team_id for team_id, _role in memberships)
        led = frozenset(team_id for team_id, role in memberships if role == Role.LEADER)
        # A team reaches only villages of its own commune, whatever its village list says.
        team_villages = list(
            Team.villages.through.objects.filter(
                team_id__in=team_ids, area__kind=AreaKind.VILLAGE, area__parent_id=F("team__commune_id")
            ).values_list("team_id", "area_id")
        )
        communes, provinces = set(), set()
        coordinator_rows = CoordinatorScope.objects.filter(user=user).values_list("role", "area__kind", "area__code")
        for role, kind, code in coordinator_rows:
            if _COORDINATOR_AREA_KIND.get(role) != kind:
                continue  # a scope on an area of the wrong kind grants nothing
            (provinces if role == Role.PROVINCE_COORDINATOR else communes).add(code)
        scope = Scope(
            team_ids=team_ids,
            led_team_ids=led,
            village_ids=frozenset(area_id for _team_id, area_id in team_villages),
            led_village_ids=frozenset(area_id for team_id, area_id in team_villages if team_id in led),
            commune_codes=frozenset(communes),
            province_codes=frozenset(provinces),
        )
    setattr(user, _CACHE_ATTR, scope)
    return scope


def scope_forget(user) -> None:
    """After a change of roles within the same request."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def _area_q(scope: Scope, *, commune: str = "commune_code", province: str = "province_code") -> Q:
    q = Q(pk__in=[])
    if scope.commune_codes:
        q |= Q(**{f"{commune}__in": scope.commune_codes})
    if scope.province_codes:
        q |= Q(**{f"{province}__in": scope.province_codes})
    return q


def coordinated_q(user, *, commune: str = "commune_code", province: str = "province_code") -> Q:
    """Rows of the communes and provinces ``user`` coordinates (everything for superusers)."""
    scope = scope_of(user)
    return Q() if scope.everything else _area_q(scope, commune=commune, province=province)


def households_visible_to(user) -> QuerySet:
    scope = scope_of(user)
    if scope.everything:
        return Household.objects.all()
    q = _area_q(scope)
    if scope.village_ids:
        q |= Q(village_id__in=scope.village_ids)
    return Household.objects.filter(q)


def household_members_visible_to(user) -> QuerySet:
    return HouseholdMember.objects.filter(household__in=households_visible_to(user))


def visits_visible_to(user) -> QuerySet:
    scope = scope_of(user)
    if scope.everything:
        return Visit.objects.all()
    q = _area_q(scope)
    if scope.team_ids:
        q |= Q(team_id__in=scope.team_ids)
    return Visit.objects.filter(q)


def follow_ups_visible_to(user) -> QuerySet:
    """Coordinators: their area's; leaders: every follow-up from their teams' visits; members:
    those assigned to them from their teams' visits or on their teams' households (a follow-up
    left over from a team they have left stays with that team's leader)."""
    scope = scope_of(user)
    if scope.everything:
        return FollowUp.objects.all()
    q = _area_q(scope, commune="household__commune_code", province="household__province_code")
    if scope.led_team_ids:
        q |= Q(visit__team_id__in=scope.led_team_ids)
    if scope.team_ids:
        own_work = Q(visit__team_id__in=scope.team_ids) | Q(household__village_id__in=scope.village_ids)
        q |= Q(assigned_to=user) & own_work
    return FollowUp.objects.filter(q)


def teams_visible_to(user) -> QuerySet:
    scope = scope_of(user)
    if scope.everything:
        return Team.objects.all()
    q = _area_q(scope, commune="commune__code", province="commune__province_code") | Q(pk__in=scope.team_ids)
    return Team.objects.filter(q)


def memberships_visible_to(user) -> QuerySet:
    """Memberships of the teams the user sees (``teams_visible_to``); changing one takes
    ``teams_managed_by``."""
    return Membership.objects.filter(team__in=teams_visible_to(user))


def teams_managed_by(user) -> QuerySet:
    """Teams whose people and assignments this user may change: led teams, and every team of a
    coordinator's area."""
    scope = scope_of(user)
    if scope.everything:
        return Team.objects.all()
    q = _area_q(scope, commune="commune__code", province="commune__province_code") | Q(pk__in=scope.led_team_ids)
    return Team.objects.filter(q)


def villages_visible_to(user) -> QuerySet:
    scope = scope_of(user)
    villages = Area.objects.filter(kind=AreaKind.VILLAGE)
    if scope.everything:
        return villages
    q = _area_q(scope) | Q(pk__in=scope.village_ids)
    return villages.filter(q)


def areas_visible_to(user) -> QuerySet:
    """Areas the user works in: a team's villages, its commune and province; a coordinator's
    whole area and the province above a commune."""
    scope = scope_of(user)
    if scope.everything:
        return Area.objects.all()
    communes = Area.objects.filter(kind=AreaKind.COMMUNE).filter(
        Q(pk__in=Team.objects.filter(pk__in=scope.team_ids).values("commune_id")) | Q(code__in=scope.commune_codes)
    )
    q = (
        _area_q(scope)
        | Q(pk__in=scope.village_ids)
        | Q(pk__in=communes.values("pk"))
        | Q(kind=AreaKind.PROVINCE, code__in=scope.province_codes)
        | Q(kind=AreaKind.PROVINCE, code__in=communes.values("province_code"))
    )
    return Area.objects.filter(q)


def campaigns_visible_to(user) -> QuerySet:
    """Campaigns of the areas the user works in (``areas_visible_to``): a member sees their
    villages', commune's and province's campaigns, not those of another team's village."""
    return Campaign.objects.filter(area__in=areas_visible_to(user))


def can_manage_team(user, team: Team) -> bool:
    return teams_managed_by(user).filter(pk=team.pk).exists()


def can_view_personal_data(user, household: Household) -> bool:
    """Whether ``user`` may see the household's name, phone and address (every read is audited:
    ``community_teams.audit.audit_household_view``). Declined and erased rows hold none."""
    if household.consent_status in (ConsentStatus.DECLINED, ConsentStatus.ERASED):
        return False
    return households_visible_to(user).filter(pk=household.pk).exists()


def can_edit_visit(user, visit: Visit) -> bool:
    """The author, still in the visit's team, within ``VISIT_EDIT_WINDOW`` of it reaching the
    server; a leader of the visit's team at any time; a site administrator. Coordinators read."""
    scope = scope_of(user)
    if scope.everything:
        return True
    if visit.team_id in scope.led_team_ids:
        return True
    return (
        visit.author_id == user.pk
        and visit.team_id in scope.team_ids
        and visit.received_at is not None
        and timezone.now() - visit.received_at <= VISIT_EDIT_WINDOW
    )


def can_erase_household(user, household: Household) -> bool:
    """Leaders of a team covering the household's village, coordinators of its area, site
    administrators. Members never erase."""
    scope = scope_of(user)
    if scope.everything:
        return True
    return (
        household.village_id in scope.led_village_ids
        or household.commune_code in scope.commune_codes
        or household.province_code in scope.province_codes
    )


def is_field_user(user) -> bool:
    """Anyone with a community role: they never merge anonymous progress, and see "Hôm nay"."""
    return not scope_of(user).is_empty


# Exports (``community_teams.exports``): the rows come from the querysets above; these decide
# who may export what, and whose personal data goes into the file.

EXPORT_KINDS = frozenset({"households", "visits", "dashboard"})


def can_export(user, kind: str) -> bool:
    """Anyone with a community role may export the households, visits and dashboard figures they
    see; members get them without personal data (``export_includes_personal_data``). Anyone
    else: nothing."""
    return kind in EXPORT_KINDS and not scope_of(user).is_empty


def export_includes_personal_data(user, kind: str) -> bool:
    """Household exports of team leaders, coordinators and site administrators hold names, phone
    numbers and addresses; members' exports and visit exports never do."""
    scope = scope_of(user)
    return kind == "households" and (scope.everything or bool(scope.led_team_ids) or scope.is_coordinator)


def export_personal_data_q(user) -> Q:
    """Households whose personal data ``user``'s export may hold: consent given or imported, in a
    village of a team they lead or in their coordinated area (everything for site
    administrators). A leader who is also a plain member of another team gets that team's
    households without personal data. Declined and erased rows hold none."""
    scope = scope_of(user)
    consent = Q(consent_status__in=[ConsentStatus.GIVEN, ConsentStatus.IMPORTED])
    if scope.everything:
        return consent
    q = _area_q(scope)
    if scope.led_village_ids:
        q |= Q(village_id__in=scope.led_village_ids)
    return consent & q


# Weekly reports (``community_teams.reports``): a commune's figures, for whoever coordinates it.


def report_communes_visible_to(user) -> QuerySet:
    """Communes whose weekly reports ``user`` reads: a commune coordinator's communes, every
    commune of a province coordinator's provinces, every commune for site administrators.
    Members and leaders: none (a commune's figures include other teams' work)."""
    scope = scope_of(user)
    communes = Area.objects.filter(kind=AreaKind.COMMUNE)
    if scope.everything:
        return communes
    return communes.filter(_area_q(scope, commune="code"))


def weekly_reports_visible_to(user) -> QuerySet:
    return WeeklyReport.objects.filter(commune__in=report_communes_visible_to(user))
