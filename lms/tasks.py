"""Background work on learner records: certificates.

Tasks take ids, re-fetch, and are idempotent (the certificate row is unique per learner and
course, and its PDF is drawn under a row lock), so ``acks_late`` and retries are safe.
"""

import logging

from celery import shared_task

from . import selectors, services

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def certificate_render(certificate_id: int) -> bool:
    """Draw a certificate's PDF if it has none. Returns whether the PDF exists now."""
    certificate = services.certificate_pdf_render(certificate_id=certificate_id)
    return bool(certificate is not None and certificate.pdf)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def certificate_issue_for_enrolment(enrolment_id: int) -> int | None:
    """Issue the certificate of a completed enrolment and draw it in the same run: the learner
    is waiting for the file, and both steps are idempotent. Returns the certificate id, or None
    when none can be issued yet (no account, or no name on it)."""
    certificate = services.certificate_issue(enrolment_id=enrolment_id)
    if certificate is None:
        return None
    services.certificate_pdf_render(certificate_id=certificate.pk)
    return certificate.pk


@shared_task(acks_late=True)
def certificates_issue_for_learner(learner_id: int) -> int:
    """After anonymous progress joins an account, one issue task per completed course that has
    no certificate yet. Returns how many were queued."""
    enrolment_ids = selectors.enrolment_ids_awaiting_certificate(learner_id=learner_id)
    for enrolment_id in enrolment_ids:
        certificate_issue_for_enrolment.delay(enrolment_id)
    return len(enrolment_ids)


def delay_quietly(task, *args) -> bool:
    """Queue ``task``, or run it in-process when there is no broker. A broker outage or a failed
    in-process run never fails the request or signal that asked: certificate work is idempotent
    and the certificate page asks for it again. Returns whether it was queued (or ran)."""
    try:
        task.delay(*args)
    except Exception:  # logged; the caller's own work is already committed
        logger.exception("%s could not be queued or run", task.name)
        return False
    return True
