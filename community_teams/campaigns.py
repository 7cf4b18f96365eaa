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
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Q
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


def _visits_of(campaign: Campaign):
    return Visit.objects.filter(
        _area_q(campaign, village="village_id", commune="commune_code", province="province_code"),
        visited_at__date__gte=campaign.starts_on,
        visited_at__date__lte=campaign.ends_on,
    )


def campaign_progress(campaign: Campaign) -> list[TargetProgress]:
    """One row per target of ``campaign``; one aggregate query per target kind."""
    visits = _visits_of(campaign)
    rows = []
    for target in campaign.targets.all():
        if target.kind == Kind.HOUSEHOLDS_MEETING_TARGET:
            done = Household.objects.filter(
                _area_q(campaign, village="village_id", commune="commune_code", province="province_code"),
                meets_target=True,
                target_met_at__lte=_period_end(campaign),
                merged_into__isnull=True,
            ).count()
        elif target.kind == Kind.HOUSEHOLDS_VISITED:
            done = visits.values("household_id").distinct().count()
        elif target.kind == Kind.ACCOUNTS_ACTIVATED:
            done = VisitHelp.objects.filter(visit__in=visits, item__counts_as_account_activation=True).count()
        elif target.kind == Kind.ONLINE_APPLICATIONS:
            done = VisitHelp.objects.filter(visit__in=visits, item__counts_as_online_application=True).count()
        else:  # courses completed after a visit
            done = ReferralAttribution.objects.filter(visit__in=visits, enrolment__completed_at__isnull=False).count()
        rows.append(TargetProgress(kind=target.kind, label=target.get_kind_display(), target=target.value, done=done))
    return rows


def campaigns_with_progress(user, *, today=None) -> list[tuple[Campaign, list[TargetProgress]]]:
    """Campaigns the user may see that are running or ended in the last 30 days, with progress."""
    today = today or timezone.localdate()
    campaigns = (
        campaigns_visible_to(user)
        .filter(starts_on__lte=today, ends_on__gte=today - timedelta(days=30))
        .select_related("area")
        .prefetch_related("targets")
        .order_by("-starts_on")
    )
    return [(campaign, campaign_progress(campaign)) for campaign in campaigns]
