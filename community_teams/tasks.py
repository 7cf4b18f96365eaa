"""Background work of community teams: exports and weekly reports.

Tasks take ids, re-fetch, and are idempotent: ``export_build`` claims its row by a conditional
update (pending → running), so a second delivery of the same message finds nothing to do,
``exports_expire`` only touches rows still past their expiry, and a weekly report is rebuilt in
place (one per commune and week, a database constraint).
"""

from datetime import date

from celery import shared_task
from django.conf import settings

from . import exports, reports

# Longer than the default: a province's households can take a while to write.
EXPORT_TIME_LIMIT_SECONDS = 30 * 60
# Every commune of the installation, one after the other.
REPORTS_TIME_LIMIT_SECONDS = 60 * 60


@shared_task(acks_late=True, time_limit=EXPORT_TIME_LIMIT_SECONDS, soft_time_limit=EXPORT_TIME_LIMIT_SECONDS - 60)
def export_build(export_id: int, chunk_size: int | None = None) -> str:
    """Make one export's file. Returns the export's status afterwards ("missing" if deleted)."""
    export = exports.export_build(export_id=export_id, chunk_size=chunk_size or settings.CUASO_EXPORT_CHUNK_SIZE)
    return export.status if export is not None else "missing"


@shared_task(acks_late=True)
def exports_expire() -> int:
    """Delete the files of expired exports (every few minutes, from the beat schedule)."""
    return exports.exports_expire()


@shared_task(acks_late=True, time_limit=REPORTS_TIME_LIMIT_SECONDS, soft_time_limit=REPORTS_TIME_LIMIT_SECONDS - 60)
def weekly_reports_build(week_start: str | None = None) -> int:
    """Build every commune's weekly report for the week starting ``week_start`` (ISO date;
    default: the week just ended). Early on Monday, from the beat schedule. Returns how many."""
    return reports.weekly_reports_build_all(week_start=date.fromisoformat(week_start) if week_start else None)
