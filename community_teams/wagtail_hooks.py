"""Community teams in the Wagtail admin: areas, teams, memberships, campaigns, help items, the
list import, and read-only households and visits, grouped under one menu ("Community teams").

Everything is scoped through ``scoping``: a listing shows only the user's rows, and the edit,
delete, inspect, history and usage pages of a row outside the user's scope are a 404. Changing
anything needs the Django model permission *and* the row in scope (a coordinator's area, a
leader's team). Areas, teams and memberships are never deleted here: villages are referred to
by households and visits, teams and memberships are deactivated instead.

Households and visits are field data: the admin only lists and inspects them, for coordinators
and site administrators (team members and leaders use the field pages). Their listings hold no
personal data; a household's inspect page shows it only to those ``can_view_personal_data``
allows, and records each such view in the audit log. No listing offers Wagtail's spreadsheet
export: households and visits are exported on the field export page, under the same rules.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic.models import CopyView, CreateView, DeleteView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lms.phone import VN_MOBILE, phone_normalise

from .admin_import import ImportViewSet
from .areas import VILLAGE_DIVISION_TYPES, village_create
from .audit import audit_household_view
from .campaigns import campaign_progress, campaigns_progress
from .models import Area, AreaKind, Campaign, CampaignTarget, HelpItem, Household, Membership, Team, Visit
from .scoping import (
    areas_visible_to,
    campaigns_visible_to,
    can_view_personal_data,
    coordinated_q,
    households_visible_to,
    scope_of,
    teams_managed_by,
    teams_visible_to,
    visits_visible_to,
)
from .services import member_deactivate, member_invite, membership_add
from .services.errors import NotAllowed, NotPermitted

# Permission policies: Django model permission and scope


def coordinates(user, *, commune_code: str, province_code: str) -> bool:
    scope = scope_of(user)
    return scope.everything or commune_code in scope.commune_codes or province_code in scope.province_codes


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """``user_has_permission``: the Django permission and some community role (or superuser).
    Per object: ``queryset_for(user, action)`` holds it; ``allows(user, action, instance)`` is
    the same rule in Python (no query), for buttons in listings."""

    denied_actions: frozenset = frozenset({"delete"})

    def queryset_for(self, user, action: str) -> QuerySet:
        raise NotImplementedError

    def allows(self, user, action: str, instance) -> bool:
        return self.queryset_for(user, action).filter(pk=instance.pk).exists()

    def user_has_permission(self, user, action):
        if action in self.denied_actions or not super().user_has_permission(user, action):
            return False
        scope = scope_of(user)
        return scope.everything or not scope.is_empty

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.allows(user, action, instance)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model._default_manager.none()
        return self.queryset_for(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        querysets = [self.instances_user_has_permission_for(user, action) for action in actions]
        result = self.model._default_manager.none()
        for queryset in querysets:
            result = result | queryset
        return result.distinct()


class AreaPermissionPolicy(ScopedPermissionPolicy):
    """Everyone sees their areas; coordinators change their villages; nobody deletes."""

    def queryset_for(self, user, action):
        if action in {"view", "inspect"}:
            return areas_visible_to(user)
        return Area.objects.filter(coordinated_q(user), kind=AreaKind.VILLAGE)

    def allows(self, user, action, instance):
        if action in {"view", "inspect"}:
            return super().allows(user, action, instance)
        return instance.kind == AreaKind.VILLAGE and coordinates(
            user, commune_code=instance.commune_code, province_code=instance.province_code
        )


class TeamPermissionPolicy(ScopedPermissionPolicy):
    def queryset_for(self, user, action):
        return teams_visible_to(user) if action in {"view", "inspect"} else teams_managed_by(user)

    def allows(self, user, action, instance):
        if action in {"view", "inspect"}:
            return super().allows(user, action, instance)
        commune = instance.commune
        return instance.pk in scope_of(user).led_team_ids or coordinates(
            user, commune_code=commune.code, province_code=commune.province_code
        )


class MembershipPermissionPolicy(ScopedPermissionPolicy):
    def queryset_for(self, user, action):
        teams = teams_visible_to(user) if action in {"view", "inspect"} else teams_managed_by(user)
        return Membership.objects.filter(team__in=teams)

    def allows(self, user, action, instance):
        if action in {"view", "inspect"}:
            return super().allows(user, action, instance)
        return TeamPermissionPolicy(Team).allows(user, action, instance.team)


class CampaignPermissionPolicy(ScopedPermissionPolicy):
    """Campaigns are seen down the area tree, changed by the coordinators of their area."""

    denied_actions = frozenset()

    def queryset_for(self, user, action):
        if action in {"view", "inspect"}:
            return campaigns_visible_to(user)
        return Campaign.objects.filter(
            coordinated_q(user, commune="area__commune_code", province="area__province_code")
        )

    def allows(self, user, action, instance):
        if action in {"view", "inspect"}:
            return super().allows(user, action, instance)
        area = instance.area
        return coordinates(user, commune_code=area.commune_code, province_code=area.province_code)


class HelpItemPermissionPolicy(ModelPermissionPolicy):
    """An editor-managed list, not field data: Django permissions only. Items are deactivated,
    not deleted (visits refer to them)."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)


class FieldDataPermissionPolicy(ScopedPermissionPolicy):
    """Households and visits: read only, and only for coordinators and site administrators (with
    the Django "view" permission); the rows are those ``scoping`` gives the user."""

    denied_actions = frozenset({"add", "change", "delete"})
    visible_to = None  # a scoping function

    def user_has_permission(self, user, action):
        if not super().user_has_permission(user, action):
            return False
        scope = scope_of(user)
        return scope.everything or scope.is_coordinator

    def queryset_for(self, user, action):
        if action not in {"view", "inspect"}:
            return self.model._default_manager.none()
        return self.visible_to(user)

    def allows(self, user, action, instance):
        return action in {"view", "inspect"} and super().allows(user, action, instance)


class HouseholdPermissionPolicy(FieldDataPermissionPolicy):
    visible_to = staticmethod(households_visible_to)


class VisitPermissionPolicy(FieldDataPermissionPolicy):
    visible_to = staticmethod(visits_visible_to)


register_permission_policy(Area, AreaPermissionPolicy(Area))
register_permission_policy(Team, TeamPermissionPolicy(Team))
register_permission_policy(Membership, MembershipPermissionPolicy(Membership))
register_permission_policy(Campaign, CampaignPermissionPolicy(Campaign))
register_permission_policy(HelpItem, HelpItemPermissionPolicy(HelpItem))
register_permission_policy(Household, HouseholdPermissionPolicy(Household))
register_permission_policy(Visit, VisitPermissionPolicy(Visit))


# Views that read and write through the scope


class ScopedObjectMixin:
    """An object outside ``queryset_for(user, scope_action)`` is a 404."""

    scope_action = "view"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        in_scope = self.permission_policy.queryset_for(self.request.user, self.scope_action)
        if not in_scope.filter(pk=instance.pk).exists():
            raise Http404
        return instance


class ScopedIndexView(IndexView):
    list_select_related: tuple = ()

    field_export_link = False  # households and visits: "Export" leads to the field export page

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # No spreadsheet export here (``?export=csv`` would bypass the rules): field data is
        # exported on the field export page, scoped and audited (``community_teams.exports``).
        self.is_export = False

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.field_export_link:
            url = reverse("community_teams:exports")
            buttons = [*buttons, Button(gettext("Export"), url=url, icon_name="download", priority=90)]
        return buttons

    def get_base_queryset(self):
        queryset = self.permission_policy.queryset_for(self.request.user, "view")
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        return queryset

    def get_edit_url(self, instance):
        if self.permission_policy.allows(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.permission_policy.allows(self.request.user, "delete", instance):
            return super().get_delete_url(instance)
        return None

    def get_copy_url(self, instance):
        return None


class ServiceErrorsMixin:
    """A service's refusal shows on the form, like a validation error; nothing is saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
        except (NotAllowed, NotPermitted) as error:
            form.add_error(None, str(error))
        except IntegrityError:
            form.add_error(None, _("This already exists."))
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)


class ScopedCreateView(ServiceErrorsMixin, CreateView):
    pass


class ScopedEditView(ServiceErrorsMixin, ScopedObjectMixin, EditView):
    scope_action = "change"


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    scope_action = "delete"


class ScopedInspectView(ScopedObjectMixin, InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class ScopedCopyView(ScopedObjectMixin, CopyView):
    pass


class ScopedViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_class = ScopedCopyView
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    list_per_page = 50
    list_select_related: tuple = ()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(list_select_related=self.list_select_related, **kwargs)


# Forms: choices limited to the user's scope


class ScopedForm(WagtailAdminModelForm):
    """``for_user`` is the person editing (Wagtail passes it)."""

    @property
    def user(self):
        return self.for_user


class VillageForm(ScopedForm):
    commune = forms.ModelChoiceField(label=_("Commune or ward"), queryset=Area.objects.none())
    division_type = forms.ChoiceField(
        label=_("Division type"), choices=[(value, value) for value in VILLAGE_DIVISION_TYPES]
    )

    class Meta:
        model = Area
        fields = ["name", "division_type", "household_count"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["commune"]
            current = self.instance.division_type
            if current and current not in VILLAGE_DIVISION_TYPES:
                self.fields["division_type"].choices += [(current, current)]
        else:
            self.fields["commune"].queryset = Area.objects.filter(coordinated_q(self.user), kind=AreaKind.COMMUNE)
            self.order_fields(["commune", "name", "division_type", "household_count"])


class VillageCreateView(ScopedCreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return village_create(
            actor=self.request.user,
            commune=data["commune"],
            name=data["name"],
            division_type=data["division_type"],
            household_count=data.get("household_count"),
        )


class AreaViewSet(ScopedViewSet):
    model = Area
    icon = "site"
    menu_label = _("Areas")
    add_view_class = VillageCreateView
    list_display = ["name", "code", "kind", "division_type", "household_count"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    inspect_view_fields = [
        "code",
        "name",
        "kind",
        "division_type",
        "province_code",
        "commune_code",
        "household_count",
        "source_version",
    ]

    def get_form_class(self, for_update=False):
        return VillageForm


class TeamForm(ScopedForm):
    class Meta:
        model = Team
        fields = ["name", "commune", "villages", "is_active"]
        widgets = {"villages": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        communes = Area.objects.filter(coordinated_q(self.user), kind=AreaKind.COMMUNE)
        villages = Area.objects.filter(coordinated_q(self.user), kind=AreaKind.VILLAGE)
        if self.instance.pk:
            # A leader keeps the team's commune and chooses among its villages.
            communes = communes | Area.objects.filter(pk=self.instance.commune_id)
            villages = villages | Area.objects.filter(kind=AreaKind.VILLAGE, parent_id=self.instance.commune_id)
            if not coordinates(
                self.user,
                commune_code=self.instance.commune.code,
                province_code=self.instance.commune.province_code,
            ):
                self.fields["commune"].disabled = True
        self.fields["commune"].queryset = communes.distinct()
        self.fields["villages"].queryset = villages.distinct().order_by("code")

    def clean(self):
        cleaned_data = super().clean()
        commune = cleaned_data.get("commune")
        villages = cleaned_data.get("villages") or []
        if commune and any(village.parent_id != commune.pk for village in villages):
            self.add_error("villages", _("Choose villages of the team's commune only."))
        return cleaned_data


class TeamViewSet(ScopedViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    list_display = ["name", "commune", "is_active"]
    list_filter = ["is_active"]
    list_select_related = ("commune",)
    search_fields = ["name"]
    inspect_view_fields = ["name", "commune", "villages", "is_active", "created_at"]

    def get_form_class(self, for_update=False):
        return TeamForm


class MembershipForm(ScopedForm):
    """Add a person by e-mail (an existing account) or by phone number: a number with no
    account gets one, named as given, and the person an SMS inviting them to sign in, as from
    the leaders' field page (``services.member_invite``)."""

    person = forms.CharField(
        label=_("Phone number or e-mail"),
        max_length=254,
        help_text=_("A phone number with no account yet gets one, with the name below, and an SMS invitation."),
    )
    display_name = forms.CharField(
        label=_("Name"),
        max_length=150,
        required=False,
        help_text=_("Needed only when the phone number has no account yet."),
    )

    class Meta:
        model = Membership
        fields = ["team", "role", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams_managed_by(self.user).filter(is_active=True)
        if self.instance.pk:
            del self.fields["person"]
            del self.fields["display_name"]
            self.fields["team"].disabled = True
        else:
            self.order_fields(["person", "display_name", "team", "role", "is_active"])

    def clean_person(self):
        """-> an active account (by e-mail or phone), or the phone number in E.164 to invite."""
        from django.contrib.auth import get_user_model

        raw = self.cleaned_data["person"].strip()
        users = get_user_model().objects.filter(is_active=True)
        if "@" in raw:
            user = users.filter(email__iexact=raw).first()
            if user is None:
                raise ValidationError(_("No active account has this e-mail."), code="unknown_person")
            return user
        try:
            phone = phone_normalise(raw)
        except ValidationError:
            phone = ""
        if not VN_MOBILE.match(phone):  # as on the field page: a team works in one commune
            raise ValidationError(
                _("Enter a Vietnamese mobile number, for example 0912 345 678, or an e-mail."), code="phone"
            )
        return users.filter(phone=phone).first() or phone

    def clean(self):
        cleaned_data = super().clean()
        person, team = cleaned_data.get("person"), cleaned_data.get("team")
        if isinstance(person, str) and not cleaned_data.get("display_name", "").strip():
            self.add_error("display_name", _("This number has no account yet: enter the person's name."))
        elif (
            person
            and team
            and not isinstance(person, str)
            and Membership.objects.filter(user=person, team=team).exists()
        ):
            self.add_error("person", _("This person is already in this team."))
        return cleaned_data


class MembershipCreateView(ScopedCreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        if isinstance(data["person"], str):  # a phone number: invite, making the account if needed
            membership, _invited = member_invite(
                actor=self.request.user,
                team=data["team"],
                phone=data["person"],
                display_name=data["display_name"].strip(),
                role=data["role"],
            )
            return membership
        return membership_add(actor=self.request.user, team=data["team"], user=data["person"], role=data["role"])


class MembershipEditView(ScopedEditView):
    """Role and activity change through the team services: deactivating hands the person's
    households back to the team, as in the field pages."""

    def save_instance(self):
        data = self.form.cleaned_data
        membership = Membership.objects.get(pk=self.object.pk)
        if data["is_active"]:
            return membership_add(
                actor=self.request.user, team=membership.team, user=membership.user, role=data["role"]
            )
        if membership.role != data["role"]:
            membership_add(actor=self.request.user, team=membership.team, user=membership.user, role=data["role"])
        member_deactivate(actor=self.request.user, membership=membership)
        membership.refresh_from_db()
        return membership


class MembershipViewSet(ScopedViewSet):
    model = Membership
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    icon = "user"
    menu_label = _("Team memberships")
    list_display = ["user", "team", "role", "is_active"]
    list_filter = ["role", "is_active"]
    list_select_related = ("user", "team", "team__commune")
    inspect_view_fields = ["user", "team", "role", "is_active", "joined_at", "deactivated_at"]

    def get_form_class(self, for_update=False):
        return MembershipForm


TARGET_FIELD_PREFIX = "target_"


class CampaignForm(ScopedForm):
    """The campaign and, in the same form, one optional target per kind."""

    class Meta:
        model = Campaign
        fields = ["name", "area", "starts_on", "ends_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(coordinated_q(self.user)).order_by("code")
        current, done = {}, {}
        if self.instance.pk:
            current = dict(self.instance.targets.values_list("kind", "value"))
            done = {row.kind: row for row in campaign_progress(self.instance)}
        for kind, label in CampaignTarget.Kind.choices:
            self.fields[TARGET_FIELD_PREFIX + kind] = forms.IntegerField(
                label=label,
                required=False,
                min_value=0,
                initial=current.get(kind),
                help_text=_progress_text(done[kind]) if kind in done else "",
            )

    def clean(self):
        cleaned_data = super().clean()
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The campaign cannot end before it starts."))
        return cleaned_data

    def save(self, commit=True):
        if not self.instance.pk:
            self.instance.created_by = self.user
        campaign = super().save(commit=True)
        for kind in CampaignTarget.Kind.values:
            value = self.cleaned_data.get(TARGET_FIELD_PREFIX + kind)
            if value is None:
                campaign.targets.filter(kind=kind).delete()
            else:
                CampaignTarget.objects.update_or_create(campaign=campaign, kind=kind, defaults={"value": value})
        return campaign


def _progress_text(row) -> str:
    return gettext("Done so far: %(done)d of %(target)d (%(percent)d%%).") % {
        "done": row.done,
        "target": row.target,
        "percent": row.percent,
    }


class CampaignProgressColumn(Column):
    """Each target's done / target / percent, from ``target_progress`` that the index view
    sets on the page's campaigns (computed for the whole page at once)."""

    cell_template_name = "community_teams/admin/campaign_progress_cell.html"


class CampaignIndexView(ScopedIndexView):
    def get_table(self, object_list):
        object_list = list(object_list)
        progress = campaigns_progress(object_list)
        for campaign in object_list:
            campaign.target_progress = progress[campaign.pk]
        return super().get_table(object_list)


class CampaignInspectView(ScopedInspectView):
    def get_field_label(self, field_name, field):
        if field_name == "progress":
            return gettext("Progress")
        return super().get_field_label(field_name, field)

    def get_progress_display_value(self):
        return render_to_string(
            "community_teams/admin/campaign_progress.html", {"targets": campaign_progress(self.object)}
        )


class CampaignViewSet(ScopedViewSet):
    model = Campaign
    icon = "date"
    menu_label = _("Campaigns")
    index_view_class = CampaignIndexView
    inspect_view_class = CampaignInspectView
    list_display = ["name", "area", "starts_on", "ends_on", CampaignProgressColumn("progress", label=_("Progress"))]
    list_select_related = ("area",)
    search_fields = ["name"]
    inspect_view_fields = ["name", "area", "starts_on", "ends_on", "progress"]

    def get_form_class(self, for_update=False):
        return CampaignForm


class HelpItemViewSet(ModelViewSet):
    model = HelpItem
    icon = "tick"
    menu_label = _("Help items")
    list_display = ["name", "code", "skill", "is_active", "sort_order"]
    list_filter = ["is_active", "skill"]
    search_fields = ["name", "code"]
    search_backend_name = None
    copy_view_enabled = False
    form_fields = [
        "code",
        "name",
        "skill",
        "asks_service_name",
        "counts_as_account_activation",
        "counts_as_online_application",
        "sort_order",
        "is_active",
    ]


# Households and visits: list and inspect only


class ReadOnlyScopedViewSet(ScopedViewSet):
    """Only the listing and the inspect page; no add, edit, delete, history or usage URLs. Field
    data stays out of Wagtail's reference index (no extra writes on every visit saved) and has
    no edit URL for the admin URL finder."""

    add_to_reference_index = False

    def register_admin_url_finder(self):
        pass

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect"),
        ]

    default_ordering = None

    def get_form_class(self, for_update=False):
        raise NotImplementedError("Read only.")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(default_ordering=self.default_ordering, **kwargs)


class PersonalDataInspectView(ScopedInspectView):
    """Shows ``personal_fields`` only when ``can_view_personal_data(user, household)``, and then
    records the view in the audit log (surface "admin")."""

    personal_fields: tuple = ()
    extra_labels: dict = {}

    def get_household(self) -> Household:
        raise NotImplementedError

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.shows_personal_data = can_view_personal_data(request.user, self.get_household())
        if self.shows_personal_data:
            self.fields = [*self.fields, *self.personal_fields]

    def get_field_label(self, field_name, field):
        if field_name in self.extra_labels:
            return self.extra_labels[field_name]
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        """Yes/no, a dash for nothing, and times in the site's time zone."""
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "-"
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return value

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.shows_personal_data and self.records_view():
            audit_household_view(request.user, [self.get_household()], surface="admin")
        return response

    def records_view(self) -> bool:
        return True


class HouseholdInspectView(PersonalDataInspectView):
    personal_fields = (
        "head_name",
        "address_note",
        "phone",
        "consent_by",
        "consent_method",
        "consent_at",
        "household_members",
    )
    extra_labels = {"member_count": _("Household members recorded"), "household_members": _("Household members")}

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        return Household.objects.select_related("village").get(pk=instance.pk)

    def get_household(self):
        return self.object

    def get_member_count_display_value(self):
        return self.object.members.count()

    def get_household_members_display_value(self):
        members = self.object.members.order_by("pk")
        return ", ".join(f"{m.label or m.pk} ({m.get_age_group_display() or '-'})" for m in members) or "-"


class HouseholdIndexView(ScopedIndexView):
    field_export_link = True


class HouseholdViewSet(ReadOnlyScopedViewSet):
    model = Household
    icon = "home"
    menu_label = _("Households")
    index_view_class = HouseholdIndexView
    inspect_view_class = HouseholdInspectView
    # No name, phone or address in the listing, and no search by them.
    list_display = [
        "__str__",
        "village",
        "consent_status",
        BooleanColumn("meets_target", label=_("Meets the five-skill target")),
        "updated_at",
    ]
    list_filter = ["consent_status", "meets_target"]
    list_select_related = ("village",)
    default_ordering = "-updated_at"
    inspect_view_fields = [
        "village",
        "list_code",
        "consent_status",
        "people_count",
        "member_count",
        "meets_target",
        "target_met_at",
        "created_at",
        "updated_at",
        "erased_at",
    ]


def _help_given(visit) -> str:
    items = []
    for help_row in sorted(visit.help.all(), key=lambda row: (row.item.sort_order, row.item.name)):
        name = help_row.item.name
        items.append(f"{name} ({help_row.service_name})" if help_row.service_name else name)
    return ", ".join(items) or "-"


class VisitIndexView(ScopedIndexView):
    field_export_link = True

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("help__item")


class VisitInspectView(PersonalDataInspectView):
    """Notes are free text about the household: shown (and audited) like its personal data."""

    personal_fields = ("notes",)
    extra_labels = {"help_given": _("Help given")}

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        return (
            Visit.objects.select_related("household", "village", "team", "author")
            .prefetch_related("help__item")
            .get(pk=instance.pk)
        )

    def get_household(self):
        return self.object.household

    def get_help_given_display_value(self):
        return _help_given(self.object)

    def records_view(self):
        return bool(self.object.notes)


class VisitViewSet(ReadOnlyScopedViewSet):
    model = Visit
    icon = "doc-full"
    menu_label = _("Visits")
    index_view_class = VisitIndexView
    inspect_view_class = VisitInspectView
    list_display = [
        "__str__",
        "village",
        "team",
        "author",
        "visited_at",
        "outcome",
        Column("help_given", label=_("Help given"), accessor=_help_given),
    ]
    list_filter = ["outcome", "visited_at"]
    list_select_related = ("village", "team", "author")
    default_ordering = "-visited_at"
    inspect_view_fields = [
        "household",
        "village",
        "team",
        "author",
        "visited_at",
        "received_at",
        "device_time_suspect",
        "author_was_inactive",
        "duration_minutes",
        "outcome",
        "help_given",
        "follow_up_on",
    ]


class CommunityTeamsGroup(ViewSetGroup):
    menu_label = _("Community teams")
    menu_icon = "group"
    menu_order = 300
    items = (
        AreaViewSet("community-areas"),
        TeamViewSet("community-teams"),
        MembershipViewSet("community-memberships"),
        CampaignViewSet("community-campaigns"),
        HouseholdViewSet("community-households"),
        VisitViewSet("community-visits"),
        HelpItemViewSet("community-help-items"),
        ImportViewSet("community-import"),
    )


@hooks.register("register_admin_viewset")
def register_community_teams_viewsets():
    return CommunityTeamsGroup()
