"""Background work of community teams: exports.

Tasks take ids, re-fetch, and are idempotent: ``export_build`` claims its row by a conditional
update (pending → running), so a second delivery of the same message finds nothing to do, and
``exports_expire`` only touches rows still past their expiry.
"""

from celery import shared_task
from django.conf import settings

from . import exports

# Longer than the default: a province's households can take a while to write.
EXPORT_TIME_LIMIT_SECONDS = 30 * 60


@shared_task(acks_late=True, time_limit=EXPORT_TIME_LIMIT_SECONDS, soft_time_limit=EXPORT_TIME_LIMIT_SECONDS - 60)
def export_build(export_id: int, chunk_size: int | None = None) -> str:
    """Make one export's file. Returns the export's status afterwards ("missing" if deleted)."""
    export = exports.export_build(export_id=export_id, chunk_size=chunk_size or settings.CUASO_EXPORT_CHUNK_SIZE)
    return export.status if export is not None else "missing"


@shared_task(acks_late=True)
def exports_expire() -> int:
    """Delete the files of expired exports (every few minutes, from the beat schedule)."""
    return exports.exports_expire()
