import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ConsentStatus(models.TextChoices):
    GIVEN = "given", _("Consent given")
    DECLINED = "declined", _("Declined (no personal data kept)")
    IMPORTED = "imported", _("Imported from the commune list (consent to ask)")
    ERASED = "erased", _("Erased (personal data removed)")


class ConsentMethod(models.TextChoices):
    SPOKEN = "spoken", _("Spoken")
    SIGNED = "signed", _("Signed")


class AgeGroup(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    ADULT = "18_59", _("18 to 59")
    SENIOR = "60_plus", _("60 or older")


NO_PERSONAL_DATA = Q(head_name="", address_note="", phone="", search_text="")


class Household(models.Model):
    """A household in a village. Declined and erased rows hold no personal data (the database
    says so), so repeat visits still count once and coverage stays right."""

    client_uuid = models.UUIDField(_("client id"), unique=True, default=uuid.uuid4)
    village = models.ForeignKey(
        "community_teams.Area", verbose_name=_("village"), on_delete=models.PROTECT, related_name="households"
    )
    commune_code = models.CharField(_("commune code"), max_length=5, db_index=True)
    province_code = models.CharField(_("province code"), max_length=2, db_index=True)
    # NULL for none, so the unique constraint holds only among set codes.
    list_code = models.CharField(_("code in the commune list"), max_length=40, null=True, blank=True)  # noqa: DJ001
    consent_status = models.CharField(_("consent"), max_length=10, choices=ConsentStatus.choices)
    consent_by = models.CharField(_("consent given by"), max_length=150, blank=True)
    consent_method = models.CharField(_("consent given how"), max_length=10, choices=ConsentMethod.choices, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    head_name = models.CharField(_("head of household"), max_length=150, blank=True)
    search_text = models.CharField(_("search text"), max_length=400, blank=True, editable=False)
    address_note = models.CharField(_("address note"), max_length=300, blank=True)
    phone = models.CharField(_("phone number"), max_length=16, blank=True, help_text=_("E.164."))
    people_count = models.PositiveSmallIntegerField(_("number of people"), null=True, blank=True)
    meets_target = models.BooleanField(_("meets the five-skill target"), default=False)
    target_met_at = models.DateTimeField(_("target met at"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        constraints = [
            models.UniqueConstraint(
                fields=["village", "list_code"], condition=Q(list_code__isnull=False), name="ct_household_list_code"
            ),
            models.CheckConstraint(
                condition=~Q(consent_status__in=[ConsentStatus.DECLINED, ConsentStatus.ERASED]) | NO_PERSONAL_DATA,
                name="ct_household_no_personal_data_without_consent",
            ),
            models.CheckConstraint(
                condition=~Q(consent_status=ConsentStatus.GIVEN) | Q(consent_at__isnull=False) & ~Q(consent_method=""),
                name="ct_household_consent_recorded",
            ),
            models.CheckConstraint(
                condition=~Q(consent_status=ConsentStatus.ERASED) | Q(erased_at__isnull=False),
                name="ct_household_erased_date",
            ),
        ]
        indexes = [models.Index(fields=["village", "updated_at"], name="ct_household_village_idx")]

    def __str__(self) -> str:
        return f"Household {self.pk}"


class HouseholdMember(models.Model):
    client_uuid = models.UUIDField(_("client id"), unique=True, default=uuid.uuid4)
    household = models.ForeignKey(
        Household, verbose_name=_("household"), on_delete=models.CASCADE, related_name="members"
    )
    label = models.CharField(_("label"), max_length=80, blank=True, help_text=_("For example “bà Hường”."))
    age_group = models.CharField(_("age group"), max_length=10, choices=AgeGroup.choices, blank=True)
    learner = models.ForeignKey(
        "lms.Learner",
        verbose_name=_("learner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="household_members",
    )
    has_all_skills = models.BooleanField(_("has all five skills"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")

    def __str__(self) -> str:
        return f"Member {self.pk}"


class MemberSkill(models.Model):
    """One target skill of one person: observed on a visit and/or learned through a course."""

    member = models.ForeignKey(
        HouseholdMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="skills"
    )
    skill = models.ForeignKey("courses.Skill", verbose_name=_("skill"), on_delete=models.PROTECT, related_name="+")
    observed_at = models.DateTimeField(_("observed at"), null=True, blank=True)
    observed_visit = models.ForeignKey(
        "community_teams.Visit",
        verbose_name=_("observed on visit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    learned_at = models.DateTimeField(_("learned at"), null=True, blank=True)

    class Meta:
        verbose_name = _("member skill")
        verbose_name_plural = _("member skills")
        constraints = [
            models.UniqueConstraint(fields=["member", "skill"], name="ct_member_skill_once"),
            models.CheckConstraint(
                condition=Q(observed_at__isnull=False) | Q(learned_at__isnull=False), name="ct_member_skill_has_source"
            ),
        ]

    def __str__(self) -> str:
        return f"Skill {self.skill_id} of member {self.member_id}"
