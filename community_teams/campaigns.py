"""Campaign progress: each target's count, by database aggregates over what visits stored.

A campaign has a period and an area (province, commune or village). Visits count by the area
codes they stored when made and by their visit date (Vietnam time) inside the period; households
by their village. Figures:

- households meeting the five-skill target: households of the area whose target was met by the
  campaign's last day;
- households visited: distinct households with a visit in the period;
- accounts activated / online applications filed: help given on visits in the period with a help
  item flagged as such (one per person helped);
- courses completed after a visit: enrolments attributed to a visit of the period, completed.

``campaigns_progress`` computes many campaigns at once in a fixed number of queries (one for
the targets, one per target kind in use: each campaign is a filtered ``COUNT`` of the same
query), so a listing of campaigns costs the same whatever its length.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import reduce
from operator import or_

from django.db.models import Count, Q
from django.utils import timezone

from .models import AreaKind, Campaign, CampaignTarget, Household, ReferralAttribution, Visit, VisitHelp
from .scoping import campaigns_visible_to

Kind = CampaignTarget.Kind


@dataclass(frozen=True)
class TargetProgress:
    kind: str
    label: str
    target: int
    done: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.target)) if self.target else 0


def _area_q(campaign: Campaign, *, village: str, commune: str, province: str) -> Q:
    area = campaign.area
    if area.kind == AreaKind.VILLAGE:
        return Q(**{village: area.pk})
    if area.kind == AreaKind.COMMUNE:
        return Q(**{commune: area.code})
    return Q(**{province: area.code})


def _period_end(campaign: Campaign) -> datetime:
    return timezone.make_aware(datetime.combine(campaign.ends_on, time.max))


def _visits_q(campaign: Campaign, prefix: str = "") -> Q:
    """Visits (reached through ``prefix``) of the campaign's area and period."""
    return _area_q(
        campaign,
        village=f"{prefix}village_id",
        commune=f"{prefix}commune_code",
        province=f"{prefix}province_code",
    ) & Q(**{f"{prefix}visited_at__date__gte": campaign.starts_on, f"{prefix}visited_at__date__lte": campaign.ends_on})


def _households_q(campaign: Campaign) -> Q:
    return _area_q(campaign, village="village_id", commune="commune_code", province="province_code") & Q(
        target_met_at__lte=_period_end(campaign)
    )


# Kind -> (the rows counted, the count of one campaign's rows among them).
_COUNTED = {
    Kind.HOUSEHOLDS_MEETING_TARGET: (
        lambda: Household.objects.filter(meets_target=True, merged_into__isnull=True),
        _households_q,
        lambda q: Count("pk", filter=q),
    ),
    Kind.HOUSEHOLDS_VISITED: (
        lambda: Visit.objects.all(),
        _visits_q,
        lambda q: Count("household_id", filter=q, distinct=True),
    ),
    Kind.ACCOUNTS_ACTIVATED: (
        lambda: VisitHelp.objects.filter(item__counts_as_account_activation=True),
        lambda campaign: _visits_q(campaign, "visit__"),
        lambda q: Count("pk", filter=q),
    ),
    Kind.ONLINE_APPLICATIONS: (
        lambda: VisitHelp.objects.filter(item__counts_as_online_application=True),
        lambda campaign: _visits_q(campaign, "visit__"),
        lambda q: Count("pk", filter=q),
    ),
    Kind.COURSES_COMPLETED: (
        lambda: ReferralAttribution.objects.filter(enrolment__completed_at__isnull=False),
        lambda campaign: _visits_q(campaign, "visit__"),
        lambda q: Count("pk", filter=q),
    ),
}


def campaigns_progress(campaigns: Iterable[Campaign]) -> dict[int, list[TargetProgress]]:
    """``{campaign pk: one row per target}`` for ``campaigns`` (their ``area`` loaded, e.g. by
    ``select_related``), in one query for the targets plus one per target kind in use."""
    campaigns = {campaign.pk: campaign for campaign in campaigns}
    targets = list(CampaignTarget.objects.filter(campaign_id__in=campaigns).order_by("campaign_id", "pk"))
    done: dict[tuple[int, str], int] = {}
    for kind, (rows, campaign_q, count) in _COUNTED.items():
        wanted = sorted({target.campaign_id for target in targets if target.kind == kind})
        if not wanted:
            continue
        filters = {pk: campaign_q(campaigns[pk]) for pk in wanted}
        figures = (
            rows().filter(reduce(or_, filters.values())).aggregate(**{f"c{pk}": count(q) for pk, q in filters.items()})
        )
        done.update({(pk, kind): figures[f"c{pk}"] or 0 for pk in wanted})
    progress: dict[int, list[TargetProgress]] = {pk: [] for pk in campaigns}
    for target in targets:
        progress[target.campaign_id].append(
            TargetProgress(
                kind=target.kind,
                label=target.get_kind_display(),
                target=target.value,
                done=done[(target.campaign_id, target.kind)],
            )
        )
    return progress


def campaign_progress(campaign: Campaign) -> list[TargetProgress]:
    """One row per target of ``campaign``; one aggregate query per target kind."""
    return campaigns_progress([campaign])[campaign.pk]


def campaigns_with_progress(user, *, today=None) -> list[tuple[Campaign, list[TargetProgress]]]:
    """Campaigns the user may see that are running or ended in the last 30 days, with progress."""
    today = today or timezone.localdate()
    campaigns = (
        campaigns_visible_to(user)
        .filter(starts_on__lte=today, ends_on__gte=today - timedelta(days=30))
        .select_related("area")
        .order_by("-starts_on")
    )
    progress = campaigns_progress(campaigns)
    return [(campaign, progress[campaign.pk]) for campaign in campaigns]
