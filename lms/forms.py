from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Printed on your certificates."),
    )

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter your name."))
        return name


class SignupForm(AllauthSignupForm):
    """Sign up with a phone number (no password: sign-in is by SMS code) or an email address
    (with a password). One of the two is required; allauth's own check cannot say so, which is
    why ``account.W001`` is silenced in the settings."""

    display_name = DisplayNameForm.base_fields["display_name"]

    field_order = ["display_name", "phone", "email", "password1"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].help_text = _("We send a 6-digit code by SMS. No password needed.")
        self.fields["email"].label = _("Or an email address")
        self.fields["password1"].label = _("Password (only with an email address)")
        self.fields["password1"].help_text = ""

    clean_display_name = DisplayNameForm.clean_display_name

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        if not phone and not email and not self.errors.get("phone") and not self.errors.get("email"):
            self.add_error("phone", _("Enter a phone number or an email address."))
        if email and not phone and not cleaned.get("password1") and not self.errors.get("password1"):
            self.add_error("password1", _("Choose a password to sign in with your email address."))
        return cleaned


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """allauth's form accepts an empty phone and email together and then fails; ask for one."""

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("phone") and not cleaned.get("email"):
            raise forms.ValidationError(_("Enter a phone number or an email address."))
        return cleaned
