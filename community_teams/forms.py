"""Forms of the field pages that work without JavaScript: inviting and deactivating members.

They only collect and shape input; the services decide the rules and give the messages
(``add_service_error`` puts a service's ``ValidationError`` beside the field it names).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Role

MEMBER_ROLES = [(Role.MEMBER.value, Role.MEMBER.label), (Role.LEADER.value, Role.LEADER.label)]


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's error beside the field it names (on the whole form otherwise)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class MemberInviteForm(forms.Form):
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "class": "field-input",
                "type": "tel",
                "inputmode": "tel",
                "autocomplete": "off",
                "placeholder": "0912 345 678",
            }
        ),
    )
    display_name = forms.CharField(
        label=_("Their full name"),
        max_length=150,
        required=False,
        help_text=_("Needed when the person has no account yet."),
        widget=forms.TextInput(attrs={"class": "field-input", "autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MEMBER_ROLES,
        initial=Role.MEMBER,
        widget=forms.Select(attrs={"class": "field-input"}),
    )

    def __init__(self, *args, can_name_leaders: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_name_leaders:  # leaders add members only
            del self.fields["role"]

    @property
    def chosen_role(self) -> str:
        return self.cleaned_data.get("role") or Role.MEMBER


class MemberDeactivateForm(forms.Form):
    """Deactivate one membership; its households and open follow-ups go to another active
    member of the team, or nobody."""

    reassign_to = forms.TypedChoiceField(
        label=_("Give their households and follow-ups to"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.Select(attrs={"class": "field-input"}),
    )

    def __init__(self, *args, membership, candidates, **kwargs):
        kwargs.setdefault("auto_id", f"id_deactivate_{membership.pk}_%s")
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.people = {m.user_id: m.user for m in candidates if m.is_active and m.user_id != membership.user_id}
        self.fields["reassign_to"].choices = [
            ("", _("Nobody: the households become unassigned")),
            *((user_id, user.public_name) for user_id, user in self.people.items()),
        ]

    def clean_reassign_to(self):
        user_id = self.cleaned_data["reassign_to"]
        return None if user_id is None else self.people[user_id]
