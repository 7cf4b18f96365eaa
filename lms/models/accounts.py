"""Accounts.

- ``User``: one person. Email and phone are both optional and each unique when set; the phone is
  stored in E.164 (``+84912345678``) with NULL for none, so uniqueness holds among the set ones.
  ``username`` is an internal handle that allauth fills in; people sign in with email (and,
  next, phone).
"""

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

e164_validator = RegexValidator(
    regex=r"^\+[1-9]\d{7,14}$",
    message=_("Enter the phone number in international form, for example +84912345678."),
)


class User(AbstractUser):
    email = models.EmailField(_("email address"), blank=True, default="")
    phone = models.CharField(
        _("phone number"),
        max_length=16,
        null=True,
        blank=True,
        unique=True,
        validators=[e164_validator],
        help_text=_("E.164, for example +84912345678."),
    )
    phone_verified = models.BooleanField(_("phone verified"), default=False)
    display_name = models.CharField(_("display name"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="lms_user_email_unique_when_set",
                violation_error_message=_("A user with this email address already exists."),
            ),
            models.CheckConstraint(
                condition=Q(phone__isnull=True) | Q(phone__regex=r"^\+[1-9][0-9]{7,14}$"),
                name="lms_user_phone_e164",
                violation_error_message=_("The phone number must be stored in E.164 form."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email or self.username

    def save(self, *args, **kwargs) -> None:
        # NULL, never "", so the unique constraint holds only among set numbers.
        if not self.phone:
            self.phone = None
        super().save(*args, **kwargs)

    @property
    def public_name(self) -> str:
        if self.display_name:
            return self.display_name
        if self.email:
            return self.email.split("@")[0]
        if self.phone:
            return f"{self.phone[:5]}••••{self.phone[-3:]}"
        return self.username


def user_display(user) -> str:
    """How the site names a signed-in person (allauth's messages): their name, else a hint."""
    return getattr(user, "public_name", "") or str(user)
