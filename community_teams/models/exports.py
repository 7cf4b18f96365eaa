"""Exports of households, visits and the dashboard: one row per file asked for, made in the
background.

The file holds personal data when ``includes_personal_data`` is set, so it lives in the
``exports`` storage (never under a public URL) and is served only by the owner's download view.
It expires ``CUASO_EXPORT_TTL_HOURS`` after it is made, and erasing a household in its scope
deletes it (``community_teams.exports``).
"""

import secrets
from datetime import date

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


def export_storage():
    return storages["exports"]


def export_file_path(instance, filename: str) -> str:
    # A random name: nothing about the owner, the area or the date in the storage address.
    extension = filename.rsplit(".", 1)[-1]
    return f"exports/{secrets.token_urlsafe(18)}.{extension}"


class ExportKind(models.TextChoices):
    HOUSEHOLDS = "households", _("Households")
    VISITS = "visits", _("Visits")
    DASHBOARD = "dashboard", _("Dashboard")


class ExportFormat(models.TextChoices):
    CSV = "csv", _("CSV (spreadsheet, plain text)")
    XLSX = "xlsx", _("Excel (XLSX)")


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")
    EXPIRED = "expired", _("Expired")


class Export(models.Model):
    """``filters`` is the validated filter set (``village``: code, ``team``: id, ``date_from``
    and ``date_to``: ISO dates; for the dashboard ``period_start`` and ``period_end``, always
    set, and ``campaign``: id). ``personal_data_communes`` lists the commune codes of the
    households whose personal data the file holds (what the eraser looks at). ``rows_total``
    and ``rows_done`` count rows, or for the dashboard its tables."""

    # SET_NULL: a deleted account's files still expire (and nobody can download them).
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ExportKind.choices)
    format = models.CharField(_("format"), max_length=5, choices=ExportFormat.choices)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING)
    rows_total = models.PositiveIntegerField(_("rows in all"), default=0)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(_("file"), storage=export_storage, upload_to=export_file_path, blank=True, editable=False)
    includes_personal_data = models.BooleanField(_("includes personal data"), default=False)
    personal_data_communes = models.JSONField(_("communes with personal data"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(rows_done__lte=F("rows_total")), name="ct_export_rows_done"),
            models.CheckConstraint(
                condition=~Q(status=ExportStatus.DONE) | Q(finished_at__isnull=False, expires_at__isnull=False),
                name="ct_export_done_dates",
            ),
            models.CheckConstraint(
                condition=~Q(status=ExportStatus.RUNNING) | Q(started_at__isnull=False),
                name="ct_export_running_started",
            ),
            models.CheckConstraint(
                condition=Q(status=ExportStatus.DONE) | Q(file=""), name="ct_export_file_only_when_done"
            ),
        ]
        indexes = [
            models.Index(fields=["requested_by", "created_at"], name="ct_export_owner_idx"),
            models.Index(fields=["status", "expires_at"], name="ct_export_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"Export {self.pk}"

    @property
    def percent(self) -> int:
        if self.status in (ExportStatus.DONE, ExportStatus.EXPIRED):
            return 100
        if not self.rows_total:
            return 0
        return min(100, self.rows_done * 100 // self.rows_total)

    @property
    def period(self) -> tuple[date, date] | None:
        """A dashboard export's period, as dates."""
        try:
            return date.fromisoformat(self.filters["period_start"]), date.fromisoformat(self.filters["period_end"])
        except (KeyError, TypeError, ValueError):
            return None

    @property
    def is_active(self) -> bool:
        return self.status in (ExportStatus.PENDING, ExportStatus.RUNNING)
