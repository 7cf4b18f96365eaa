"""The weekly report: each commune's key figures for one week (Monday to Sunday, Vietnam time)
and the week before, stored once built (``community_teams.reports``).

``figures`` is ``{"week": {...}, "previous": {...}}``, each holding the same numbers (see
``reports.week_figures``). One report per commune and week, a database constraint; building it
again replaces its figures in place.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WeeklyReport(models.Model):
    # CASCADE: a commune's reports go with the commune (nothing personal, nothing else points here).
    commune = models.ForeignKey(
        "community_teams.Area",
        verbose_name=_("commune or ward"),
        on_delete=models.CASCADE,
        related_name="weekly_reports",
        limit_choices_to={"kind": "commune"},
    )
    week_start = models.DateField(_("week starting"), help_text=_("A Monday, Vietnam time."))
    figures = models.JSONField(_("figures"), default=dict)
    built_at = models.DateTimeField(_("built at"))

    class Meta:
        verbose_name = _("weekly report")
        verbose_name_plural = _("weekly reports")
        ordering = ["-week_start", "commune"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "week_start"], name="ct_weekly_report_commune_week"),
        ]

    def __str__(self) -> str:
        return f"{self.commune_id} {self.week_start}"
