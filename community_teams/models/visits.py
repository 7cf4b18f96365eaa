import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_VISIT_MINUTES = 600
MAX_NOTES_LENGTH = 2000


class HelpItem(models.Model):
    """What a team member helped with (editor-managed), each tagged to a target skill."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    skill = models.ForeignKey("courses.Skill", verbose_name=_("skill"), on_delete=models.PROTECT, related_name="+")
    asks_service_name = models.BooleanField(
        _("asks which service"), default=False, help_text=_("For online applications: which public service.")
    )
    counts_as_account_activation = models.BooleanField(_("counts as an account activated"), default=False)
    counts_as_online_application = models.BooleanField(_("counts as an online application"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("help item")
        verbose_name_plural = _("help items")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class VisitOutcome(models.TextChoices):
    HELPED = "helped", _("Helped")
    PARTLY = "partly", _("Partly done, to continue")
    NOT_HOME = "not_home", _("Nobody at home")
    DECLINED = "declined", _("Declined help")


class Visit(models.Model):
    """One visit to one household. Team, village, commune and province are copied at creation:
    history is never recomputed from today's memberships. ``payload_hash`` is the SHA-256 of
    the normalised payload first received, so a resend is recognised even after an edit."""

    client_uuid = models.UUIDField(_("client id"), unique=True, default=uuid.uuid4)
    household = models.ForeignKey(
        "community_teams.Household", verbose_name=_("household"), on_delete=models.PROTECT, related_name="visits"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("logged by"), on_delete=models.PROTECT, related_name="visits_logged"
    )
    team = models.ForeignKey("community_teams.Team", verbose_name=_("team"), on_delete=models.PROTECT, related_name="+")
    village = models.ForeignKey(
        "community_teams.Area", verbose_name=_("village"), on_delete=models.PROTECT, related_name="+"
    )
    commune_code = models.CharField(_("commune code"), max_length=5, db_index=True)
    province_code = models.CharField(_("province code"), max_length=2, db_index=True)
    team_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("team members"), blank=True, related_name="visits_joined"
    )
    members_present = models.ManyToManyField(
        "community_teams.HouseholdMember", verbose_name=_("members present"), blank=True, related_name="visits"
    )
    visited_at = models.DateTimeField(_("visited at (device time)"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    device_time_suspect = models.BooleanField(_("device clock looks wrong"), default=False)
    author_was_inactive = models.BooleanField(_("logged by a deactivated member"), default=False)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=VisitOutcome.choices)
    notes = models.TextField(_("notes"), blank=True, max_length=MAX_NOTES_LENGTH)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    referral_token = models.CharField(_("referral token"), max_length=16, unique=True)
    payload_hash = models.CharField(_("payload hash"), max_length=64)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1, duration_minutes__lte=MAX_VISIT_MINUTES),
                name="ct_visit_duration",
            ),
        ]
        indexes = [
            models.Index(fields=["commune_code", "visited_at"], name="ct_visit_commune_idx"),
            models.Index(fields=["team", "visited_at"], name="ct_visit_team_idx"),
            models.Index(fields=["author", "visited_at"], name="ct_visit_author_idx"),
            # The dashboard: visits of a province by period; households reached per village read
            # from the index alone (an index-only scan, whatever the scope's columns).
            models.Index(fields=["province_code", "visited_at"], name="ct_visit_province_idx"),
            models.Index(
                fields=["village", "household", "visited_at", "team", "commune_code", "province_code"],
                name="ct_visit_reach_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Visit {self.pk}"


class VisitHelp(models.Model):
    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="help")
    item = models.ForeignKey(HelpItem, verbose_name=_("help item"), on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(
        "community_teams.HouseholdMember",
        verbose_name=_("person helped"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service_name = models.CharField(_("service"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("help given")
        verbose_name_plural = _("help given")
        constraints = [models.UniqueConstraint(fields=["visit", "item", "member"], name="ct_visit_help_once")]

    def __str__(self) -> str:
        return f"{self.item_id} on visit {self.visit_id}"


class VisitRevision(models.Model):
    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="revisions")
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("edited by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(_("edited at"), auto_now_add=True)
    previous = models.JSONField(_("previous values"))

    class Meta:
        verbose_name = _("visit revision")
        verbose_name_plural = _("visit revisions")
        ordering = ["-edited_at"]

    def __str__(self) -> str:
        return f"Revision {self.pk}"


class FollowUp(models.Model):
    household = models.ForeignKey(
        "community_teams.Household", verbose_name=_("household"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    visit = models.OneToOneField(
        Visit, verbose_name=_("from visit"), on_delete=models.CASCADE, related_name="follow_up"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assigned to"), on_delete=models.PROTECT, related_name="follow_ups"
    )
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_visit = models.ForeignKey(
        Visit, verbose_name=_("done on visit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [
            models.Index(fields=["assigned_to", "done_at", "due_on"], name="ct_followup_due_idx"),
            # The dashboard's overdue follow-ups: open ones only.
            models.Index(fields=["due_on"], condition=Q(done_at__isnull=True), name="ct_followup_open_due_idx"),
        ]

    def __str__(self) -> str:
        return f"Follow-up {self.pk}"


class Assignment(models.Model):
    """A household in a member's care; one member at a time."""

    household = models.OneToOneField(
        "community_teams.Household", verbose_name=_("household"), on_delete=models.CASCADE, related_name="assignment"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assigned by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"Assignment {self.pk}"


class Campaign(models.Model):
    name = models.CharField(_("name"), max_length=150)
    area = models.ForeignKey(
        "community_teams.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="campaigns"
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="ct_campaign_period")
        ]

    def __str__(self) -> str:
        return self.name


class CampaignTarget(models.Model):
    class Kind(models.TextChoices):
        HOUSEHOLDS_MEETING_TARGET = "households_target", _("Households meeting the five-skill target")
        HOUSEHOLDS_VISITED = "households_visited", _("Households visited")
        ACCOUNTS_ACTIVATED = "accounts_activated", _("Accounts activated")
        ONLINE_APPLICATIONS = "online_applications", _("Online applications filed")
        COURSES_COMPLETED = "courses_completed", _("Courses completed after a visit")

    campaign = models.ForeignKey(Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    value = models.PositiveIntegerField(_("target"))

    class Meta:
        verbose_name = _("campaign target")
        verbose_name_plural = _("campaign targets")
        constraints = [models.UniqueConstraint(fields=["campaign", "kind"], name="ct_campaign_target_once")]

    def __str__(self) -> str:
        return f"{self.kind} {self.value}"


class ReferralAttribution(models.Model):
    """An enrolment that came through a visit's QR code. ``visit`` is empty until the visit
    reaches the server (it may sync after the resident enrolled)."""

    enrolment = models.OneToOneField(
        "lms.Enrolment", verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="referral"
    )
    token = models.CharField(_("referral token"), max_length=16, db_index=True)
    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("team member"), null=True, blank=True, on_delete=models.SET_NULL
    )
    team = models.ForeignKey(
        "community_teams.Team", verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL
    )
    household_member = models.ForeignKey(
        "community_teams.HouseholdMember",
        verbose_name=_("household member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    attributed_at = models.DateTimeField(_("attributed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"Referral {self.pk}"


class AuditEntry(models.Model):
    """Who viewed, changed, exported or erased household personal data. ``details`` holds ids
    and field names only, never the data itself."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        CHANGE = "change", _("Changed")
        EXPORT = "export", _("Exported")
        ERASE = "erase", _("Erased")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=40)
    object_id = models.CharField(_("object id"), max_length=40)
    details = models.JSONField(_("details"), default=dict, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.action} {self.object_type} {self.object_id}"
