"""django-allauth adapter: where sign-up meets our user model, phone numbers and SMS."""

from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import User
from .phone import VietnamesePhoneField
from .sms import sms_send


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data.get("display_name", "")[:150]
        if commit:
            user.save()
        return user

    # Phone numbers: typed in local Vietnamese forms, stored in E.164 on the user row.
    def phone_form_field(self, **kwargs):
        return VietnamesePhoneField(**kwargs)

    def set_phone(self, user: User, phone: str, verified: bool) -> None:
        user.phone = phone
        user.phone_verified = verified
        if user.pk is not None:  # during sign-up the row is saved once, after this
            user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user: User) -> tuple[str, bool] | None:
        return (user.phone, user.phone_verified) if user.phone else None

    def set_phone_verified(self, user: User, phone: str) -> None:
        if user.phone == phone and not user.phone_verified:
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])

    def get_user_by_phone(self, phone: str) -> User | None:
        return User.objects.filter(phone=phone, is_active=True).first()

    # Texts are written without diacritics on purpose (in their Vietnamese translation too): a
    # message with them is sent as UCS-2, 70 characters per part instead of 160, and cheap
    # phones sometimes show the marks as boxes.
    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        sms_send(
            phone,
            _("Cua So: your code is %(code)s. It is valid for 10 minutes. Never give this code to anyone.")
            % {"code": code},
        )

    def send_unknown_account_sms(self, phone: str, **kwargs) -> None:
        sms_send(phone, _("Cua So: no account uses this number yet. Sign up on the site to save your progress."))

    def send_account_already_exists_sms(self, phone: str) -> None:
        sms_send(phone, _("Cua So: this number already has an account. Sign in with a code sent by SMS."))

    # After signing in or up, offer to keep what this browser learned without an account.
    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        from .learners import merge_offer_for

        if isinstance(response, HttpResponseRedirect) and merge_offer_for(request) is not None:
            response["Location"] = reverse("merge_progress") + "?" + urlencode({"next": response["Location"]})
        return response
