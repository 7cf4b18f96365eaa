"""Certificates of course completion. See the package docstring for how the objects relate."""

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .learning import Learner, page_reference

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read aloud and to copy from paper. 16 characters from 25
# make about 74 bits, so a code cannot be guessed; it is the only key to the public check page.
CERTIFICATE_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
CERTIFICATE_CODE_LENGTH = 16
CERTIFICATE_CODE_GROUP = 4


def certificate_code_new() -> str:
    return "".join(secrets.choice(CERTIFICATE_CODE_ALPHABET) for _ in range(CERTIFICATE_CODE_LENGTH))


def certificate_code_normalise(raw: str) -> str:
    """What a person typed (any case, spaces or dashes) -> the stored form, or "" if impossible."""
    code = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    if len(code) != CERTIFICATE_CODE_LENGTH or any(ch not in CERTIFICATE_CODE_ALPHABET for ch in code):
        return ""
    return code


def certificate_pdf_path(instance, filename: str) -> str:
    # A random name, not the code: the file's storage address never follows from the code.
    return f"certificates/{secrets.token_urlsafe(18)}.pdf"


class Certificate(models.Model):
    """One per learner and course, issued once the course is complete and the learner has an
    account with a name. Name and title are copied at issue, so later edits of either never
    change a certificate already printed.

    The learner is protected: deleting an account keeps its learner row (``Learner.user`` is
    ``SET_NULL``), so certificates outlive it, revoked and anonymised by the account-deletion
    flow (``certificates_revoke_for_learner``); deleting a learner that holds certificates is a
    mistake and fails loudly rather than voiding them silently.
    """

    code = models.CharField(_("code"), max_length=CERTIFICATE_CODE_LENGTH, unique=True, editable=False)
    learner = models.ForeignKey(
        Learner, verbose_name=_("learner"), on_delete=models.PROTECT, related_name="certificates", editable=False
    )
    course_key = models.UUIDField(_("course key"), editable=False)
    course = page_reference("courses.CoursePage", _("course"))
    holder_name = models.CharField(_("holder name"), max_length=150, editable=False)
    course_title = models.CharField(_("course title"), max_length=255, editable=False)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    pdf = models.FileField(_("PDF file"), upload_to=certificate_pdf_path, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_reason = models.TextField(
        _("reason for revoking"), blank=True, help_text=_("Kept for staff; never shown on the public page.")
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "course_key"], name="lms_certificate_one_per_learner_course"),
            models.CheckConstraint(
                condition=Q(code__regex=rf"^[{CERTIFICATE_CODE_ALPHABET}]{{{CERTIFICATE_CODE_LENGTH}}}$"),
                name="lms_certificate_code_form",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="lms_certificate_revoked_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.display_code

    @property
    def display_code(self) -> str:
        """The code in groups of four (``ABCD-EFGH-…``), as printed."""
        step = CERTIFICATE_CODE_GROUP
        return "-".join(self.code[i : i + step] for i in range(0, len(self.code), step))

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_rendered(self) -> bool:
        return bool(self.pdf)

    @property
    def status_label(self) -> str:
        if self.is_revoked:
            return str(_("Revoked"))
        return str(_("Valid")) if self.is_rendered else str(_("Being made"))
