"""Certificates for people: the public check page (its address is printed in the QR code), the
download for the holder, and asking for a certificate from "My courses"."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .learners import learner_from_request
from .models import Certificate
from .selectors import can_manage_certificates, certificate_by_code, certificate_for_download, completed_enrolment_of
from .services import certificate_claim as certificate_claim_service
from .tasks import certificate_render, delay_quietly

PENDING_REFRESH_SECONDS = 5
# A certificate still without its PDF after this long lost its render (a worker died, say):
# the waiting page asks for it again, at most once a minute.
RENDER_STUCK_AFTER = timedelta(seconds=30)


def _noindex(response):
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_GET
def certificate_verify(request, code: str):
    """Valid or revoked, with the holder's name, the course and the date; nothing else."""
    certificate = certificate_by_code(code)
    return _noindex(render(request, "lms/certificate_verify.html", {"certificate": certificate}))


def _render_again_if_stuck(certificate: Certificate) -> None:
    if timezone.now() - certificate.issued_at < RENDER_STUCK_AFTER:
        return
    if cache.add(f"lms:certificate-render:{certificate.pk}", 1, timeout=60):
        delay_quietly(certificate_render, certificate.pk)


@never_cache
@require_GET
def certificate_download(request, code: str):
    """The PDF, for its holder or certificate staff; a page that checks again every few seconds
    while it is being made. A revoked certificate leads its holder to the check page."""
    learner = None if request.user.is_authenticated else learner_from_request(request)
    certificate = certificate_for_download(code=code, user=request.user, learner=learner)
    if certificate.is_revoked and not can_manage_certificates(request.user):
        return redirect("certificate_verify", code=certificate.code)
    if not certificate.pdf:
        _render_again_if_stuck(certificate)
        context = {"certificate": certificate, "refresh_seconds": PENDING_REFRESH_SECONDS}
        return _noindex(render(request, "lms/certificate_pending.html", context))
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"chung-chi-{certificate.code}.pdf",
        content_type="application/pdf",
    )
    return _noindex(response)


@require_POST
def certificate_claim(request, enrolment_id: int):
    """ "Get my certificate" for a finished course: sign up first without an account; give a name
    first when the account has none."""
    enrolment = completed_enrolment_of(learner=learner_from_request(request), enrolment_id=enrolment_id)
    back = reverse("my_courses") + "#chung-chi"
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_signup')}?{urlencode({'next': reverse('my_courses')})}")
    try:
        certificate = certificate_claim_service(
            enrolment=enrolment, user=request.user, display_name=request.POST.get("display_name", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    if not certificate.pdf and not certificate.is_revoked:
        delay_quietly(certificate_render, certificate.pk)
    messages.success(request, _("Your certificate has been issued."))
    return redirect(back)
