"""Vietnamese phone numbers as people type them, stored in E.164.

Residents type ``0912 345 678``, ``091.234.5678``, ``84912345678`` or ``+84 912 345 678``; all
become ``+84912345678``. Codes go by SMS, so a Vietnamese number must be a mobile one (after
the 2018 renumbering: 10 digits, ``03``, ``05``, ``07``, ``08`` or ``09``). Foreign numbers are
accepted in international form only.
"""

import re

from allauth.account.fields import PhoneField
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s.\-()/]+")
VN_MOBILE = re.compile(r"^\+84[35789]\d{8}$")
E164 = re.compile(r"^\+[1-9]\d{7,14}$")

INVALID_MESSAGE = _("Enter a mobile phone number, for example 0912 345 678.")


def phone_normalise(raw: str) -> str:
    """``raw`` as typed -> E.164. Raises ``ValidationError`` for anything that is not a number
    we can send an SMS to."""
    value = _SEPARATORS.sub("", (raw or "").strip())
    if value.startswith("00"):
        value = "+" + value[2:]
    if value.startswith("+840"):  # "+84 0912 ..." as some people write it
        value = "+84" + value[4:]
    if re.fullmatch(r"0\d{9}", value):
        value = "+84" + value[1:]
    elif re.fullmatch(r"84\d{9}", value):
        value = "+" + value
    if value.startswith("+84"):
        if not VN_MOBILE.match(value):
            raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
        return value
    if not E164.match(value):
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    return value


class VietnamesePhoneField(PhoneField):
    """allauth's phone field, taking local Vietnamese formats and handing on E.164."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["validators"] = []
        kwargs.setdefault("label", _("Phone number"))
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"placeholder": "0912 345 678", "inputmode": "tel", "autocomplete": "tel"})
        self.help_text = kwargs.get("help_text", "")

    def to_python(self, value):
        value = super().to_python(value)
        return phone_normalise(value) if value else value
