"""Reads for the JSON API, always through ``scoping`` (a foreign object is never returned).

Each returns a queryset (or rows) with what its screen shows joined or prefetched, so the number
of queries does not grow with the number of households, visits or follow-ups.
"""

import re
from dataclasses import dataclass

from django.db.models import Max, Prefetch, Q, QuerySet
from django.utils import timezone

from courses.text import fold

from .models import HelpItem, Household, HouseholdMember, MemberSkill, VisitHelp
from .scoping import areas_visible_to, follow_ups_visible_to, households_visible_to, visits_visible_to

SEARCH_LIMIT = 20
TODAY_HOUSEHOLDS_LIMIT = 100
TODAY_FOLLOW_UPS_LIMIT = 100
TODAY_VISITS_LIMIT = 10
_PHONE_QUERY = re.compile(r"^[+\d\s.\-()]+$")
_NOT_DIGITS = re.compile(r"\D")


def areas_for(user) -> QuerySet:
    return areas_visible_to(user).select_related("parent").order_by("code")


def help_items_active() -> QuerySet:
    return HelpItem.objects.filter(is_active=True).select_related("skill")


def households_for(user, *, village_code: str | None = None) -> QuerySet:
    """Households the user may see (merged duplicates left out), recently changed or visited
    first, with their village, assignment and last visit."""
    households = (
        households_visible_to(user)
        .filter(merged_into__isnull=True)
        .select_related("village", "assignment")
        .annotate(last_visited_at=Max("visits__visited_at"))
        .order_by("-updated_at", "-pk")
    )
    if village_code:
        households = households.filter(village__code=village_code)
    return households


def household_search(user, query: str) -> list[Household]:
    """At most ``SEARCH_LIMIT`` households whose head's name (accents ignored: "nguyen" finds
    "Nguyễn") or phone number (any local format) holds every word of ``query``; recent first."""
    query = (query or "").strip()
    if _PHONE_QUERY.match(query) and sum(ch.isdigit() for ch in query) >= 3:
        digits = _NOT_DIGITS.sub("", query)
        if digits.startswith("84") and len(digits) > 9:
            digits = "0" + digits[2:]
        words = [digits]
    else:
        words = fold(query).split()
    if not words:
        return []
    condition = Q()
    for word in words[:6]:
        condition &= Q(search_text__contains=word)
    return list(households_for(user).filter(condition)[:SEARCH_LIMIT])


def household_detail(user, client_uuid) -> Household | None:
    members = HouseholdMember.objects.order_by("pk").prefetch_related(
        Prefetch("skills", queryset=MemberSkill.objects.select_related("skill").order_by("skill__sort_order"))
    )
    return (
        households_for(user)
        .prefetch_related(Prefetch("members", queryset=members))
        .filter(client_uuid=client_uuid)
        .first()
    )


def visits_for(user, *, household_uuid=None) -> QuerySet:
    visits = (
        visits_visible_to(user)
        .select_related("household", "village", "author")
        .prefetch_related(
            Prefetch("help", queryset=VisitHelp.objects.select_related("item", "member").order_by("item__code")),
            Prefetch("members_present", queryset=HouseholdMember.objects.only("pk", "client_uuid")),
            "team_members",
        )
        .order_by("-visited_at", "-pk")
    )
    if household_uuid is not None:
        visits = visits.filter(
            Q(household__client_uuid=household_uuid) | Q(household__merged_into__client_uuid=household_uuid)
        )
    return visits


def follow_ups_for(user, *, everyone: bool = False) -> QuerySet:
    """Open follow-ups: the user's own, or (``everyone``) all the user may see (a leader: the
    team's). Overdue first, then due today, then later ones."""
    follow_ups = follow_ups_visible_to(user).filter(done_at__isnull=True)
    if not everyone:
        follow_ups = follow_ups.filter(assigned_to=user)
    return follow_ups.select_related("household__village", "visit", "assigned_to").order_by("due_on", "pk")


@dataclass
class Today:
    today: object
    follow_ups: list
    upcoming_follow_ups: int
    households: list
    recent_visits: list


def today_for(user) -> Today:
    """The "Hôm nay" page: my follow-ups due or overdue, my households, my recent visits."""
    today = timezone.localdate()
    mine = follow_ups_for(user)
    return Today(
        today=today,
        follow_ups=list(mine.filter(due_on__lte=today)[:TODAY_FOLLOW_UPS_LIMIT]),
        upcoming_follow_ups=mine.filter(due_on__gt=today).count(),
        households=list(households_for(user).filter(assignment__member=user)[:TODAY_HOUSEHOLDS_LIMIT]),
        recent_visits=list(
            visits_visible_to(user)
            .filter(author=user)
            .select_related("household", "village")
            .order_by("-visited_at", "-pk")[:TODAY_VISITS_LIMIT]
        ),
    )
