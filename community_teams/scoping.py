"""Who may see what: the one place that decides, deny by default.

Every page, JSON endpoint, admin view and export reads households, visits and the rest through
these functions; an object outside the result is a 404 to that person.

- member → their teams' villages' households, their teams' visits, follow-ups assigned to them
  or to their teams' households;
- team leader → the same for the teams they lead, and they manage those teams;
- commune coordinator → everything in their communes; province coordinator → their provinces;
- site administrator (superuser) → everything;
- anyone else → nothing.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from .models import (
    Area,
    AreaKind,
    Campaign,
    CoordinatorScope,
    FollowUp,
    Household,
    HouseholdMember,
    Membership,
    Role,
    Team,
    Visit,
)


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    team_ids: frozenset = field(default_factory=frozenset)
    led_team_ids: frozenset = field(default_factory=frozenset)
    village_ids: frozenset = field(default_factory=frozenset)
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
        village_ids = frozenset(
            Team.villages.through.objects.filter(team_id__in=team_ids).values_list("area_id", flat=True)
        )
        communes, provinces = set(), set()
        for role, code in CoordinatorScope.objects.filter(user=user).values_list("role", "area__code"):
            (provinces if role == Role.PROVINCE_COORDINATOR else communes).add(code)
        scope = Scope(
            team_ids=team_ids,
            led_team_ids=led,
            village_ids=village_ids,
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
    scope = scope_of(user)
    if scope.everything:
        return FollowUp.objects.all()
    q = _area_q(scope, commune="household__commune_code", province="household__province_code")
    if scope.led_team_ids:
        q |= Q(visit__team_id__in=scope.led_team_ids)
    if scope.team_ids:
        q |= Q(assigned_to=user)
    return FollowUp.objects.filter(q)


def teams_visible_to(user) -> QuerySet:
    scope = scope_of(user)
    if scope.everything:
        return Team.objects.all()
    q = _area_q(scope, commune="commune__code", province="commune__province_code") | Q(pk__in=scope.team_ids)
    return Team.objects.filter(q)


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
    """Provinces, communes and villages the user works in (coordinators: their whole area)."""
    scope = scope_of(user)
    if scope.everything:
        return Area.objects.all()
    team_communes = Team.objects.filter(pk__in=scope.team_ids).values("commune_id")
    q = (
        _area_q(scope)
        | Q(pk__in=scope.village_ids)
        | Q(pk__in=team_communes)
        | Q(kind=AreaKind.PROVINCE, code__in=scope.province_codes)
    )
    if scope.commune_codes:
        q |= Q(
            kind=AreaKind.PROVINCE, code__in=Area.objects.filter(code__in=scope.commune_codes).values("province_code")
        )
    return Area.objects.filter(q)


def campaigns_visible_to(user) -> QuerySet:
    """Campaigns of areas the user works in or above: a member sees their commune's and
    province's campaigns."""
    return Campaign.objects.filter(
        Q(area__in=areas_visible_to(user))
        | Q(area__code__in=villages_visible_to(user).values("commune_code"))
        | Q(area__code__in=villages_visible_to(user).values("province_code"))
    )


def can_manage_team(user, team: Team) -> bool:
    return teams_managed_by(user).filter(pk=team.pk).exists()


def is_field_user(user) -> bool:
    """Anyone with a community role: they never merge anonymous progress, and see "Hôm nay"."""
    return not scope_of(user).is_empty
