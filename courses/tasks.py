"""Background work on content."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def page_renditions_generate(page_id: int) -> int:
    """Create every image rendition a published page shows. Idempotent: existing ones are kept."""
    return services.page_renditions_generate(page_id=page_id)
