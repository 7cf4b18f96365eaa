from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("Team member")
    LEADER = "leader", _("Team leader")
    COMMUNE_COORDINATOR = "commune_coordinator", _("Commune coordinator")
    PROVINCE_COORDINATOR = "province_coordinator", _("Province coordinator")


class Team(models.Model):
    name = models.CharField(_("name"), max_length=150)
    commune = models.ForeignKey(
        "community_teams.Area",
        verbose_name=_("commune or ward"),
        on_delete=models.PROTECT,
        related_name="teams",
        limit_choices_to={"kind": "commune"},
    )
    villages = models.ManyToManyField(
        "community_teams.Area", verbose_name=_("villages"), blank=True, related_name="village_teams"
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person in a team, as member or leader. Deactivated, never deleted: their visits keep
    pointing at them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships"
    )
    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=10, choices=[(Role.MEMBER, Role.MEMBER.label), (Role.LEADER, Role.LEADER.label)]
    )
    is_active = models.BooleanField(_("active"), default=True)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    deactivated_at = models.DateTimeField(_("deactivated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="ct_membership_one_per_team"),
            models.CheckConstraint(
                condition=Q(is_active=True) | Q(deactivated_at__isnull=False), name="ct_membership_deactivated_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.team}"


class CoordinatorScope(models.Model):
    """A commune coordinator sees one commune; a province coordinator one province."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="coordinator_scopes"
    )
    area = models.ForeignKey(
        "community_teams.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="coordinators"
    )
    role = models.CharField(
        _("role"),
        max_length=24,
        choices=[
            (Role.COMMUNE_COORDINATOR, Role.COMMUNE_COORDINATOR.label),
            (Role.PROVINCE_COORDINATOR, Role.PROVINCE_COORDINATOR.label),
        ],
    )

    class Meta:
        verbose_name = _("coordinator scope")
        verbose_name_plural = _("coordinator scopes")
        constraints = [models.UniqueConstraint(fields=["user", "area"], name="ct_coordinator_one_per_area")]

    def __str__(self) -> str:
        return f"{self.user} · {self.area}"
