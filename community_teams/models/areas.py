from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AreaKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    COMMUNE = "commune", _("Commune or ward")
    VILLAGE = "village", _("Village or residential group")


class Area(models.Model):
    """Province and commune rows come from the official list (codes zero-padded as published:
    province ``04``, commune ``01273``); villages are added by coordinators with the code
    ``<commune code>-<sequence>`` (``01273-001``)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=10, choices=AreaKind.choices)
    division_type = models.CharField(
        _("division type"),
        max_length=30,
        blank=True,
        help_text=_("tỉnh, thành phố, xã, phường, thôn, bản, tổ dân phố…"),
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    province_code = models.CharField(_("province code"), max_length=2, db_index=True)
    commune_code = models.CharField(_("commune code"), max_length=5, blank=True, db_index=True)
    source_version = models.CharField(
        _("source version"), max_length=40, blank=True, help_text=_("Version of the official list this row came from.")
    )
    household_count = models.PositiveIntegerField(
        _("households (commune statistics)"),
        null=True,
        blank=True,
        help_text=_("The coverage denominator. Empty: the number of household rows is used."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=AreaKind.PROVINCE, parent__isnull=True, commune_code=""))
                | (Q(kind=AreaKind.COMMUNE, parent__isnull=False) & ~Q(commune_code=""))
                | (Q(kind=AreaKind.VILLAGE, parent__isnull=False) & ~Q(commune_code="")),
                name="ct_area_kind_shape",
            ),
            models.CheckConstraint(
                condition=~Q(kind=AreaKind.VILLAGE) | Q(household_count__isnull=True) | Q(household_count__gte=0),
                name="ct_area_household_count",
            ),
        ]

    def __str__(self) -> str:
        return self.name
