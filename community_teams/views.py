"""Field pages of community teams: "Hôm nay", the visit form, the team page, the team's
members and its households.

"Hôm nay", the visit form and the households page are page shells: no household's name or phone
is ever in their HTML (the next step caches them for offline use). ``static/js/field.js`` and
``static/js/households.js`` fill them from the JSON API, with personal data sent by POST only.
The members page is server-rendered plain forms (post/redirect/get) so leaders can manage their
team without JavaScript. Without a community role a person gets a 403; the members page also
needs a team to manage, and a team or member outside those is a 404.
"""

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST

from lms.offline import PAGE, offline_cacheable

from . import services
from .campaigns import campaigns_with_progress
from .erasure import ErasureReason
from .field_selectors import field_form_choices, team_overview
from .forms import MemberDeactivateForm, MemberInviteForm, add_service_error
from .models import AgeGroup, ConsentMethod, Membership, VisitOutcome
from .scoping import is_field_user, scope_of, teams_managed_by, villages_visible_to
from .team_selectors import teams_to_manage

DEFAULT_DURATION_MINUTES = 15


def field_user_required(view):
    """Logged in (else the login page) and with a community role (else a 403 page)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_field_user(request.user):
            return render(request, "community_teams/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


@field_user_required
@ensure_csrf_cookie
@offline_cacheable(PAGE)  # a shell with no household data: kept by the phone for use without signal
def today(request):
    outcomes = json.dumps({value: str(label) for value, label in VisitOutcome.choices}, ensure_ascii=False)
    return render(request, "community_teams/today.html", {"outcomes_json": outcomes})


@field_user_required
@ensure_csrf_cookie
@offline_cacheable(PAGE)  # a shell with no household data: kept by the phone for use without signal
def visit_new(request):
    help_items, villages = field_form_choices(request.user)
    context = {
        "help_items": help_items,
        "villages": villages,
        "outcomes": VisitOutcome.choices,
        "age_groups": AgeGroup.choices,
        "consent_methods": ConsentMethod.choices,
        "default_duration": DEFAULT_DURATION_MINUTES,
    }
    return render(request, "community_teams/visit_form.html", context)


@field_user_required
def team(request):
    context = {
        "teams": team_overview(request.user),
        "campaigns": campaigns_with_progress(request.user),
        "can_manage": teams_managed_by(request.user).filter(is_active=True).exists(),
    }
    return render(request, "community_teams/team.html", context)


@field_user_required
@ensure_csrf_cookie
def households(request):
    villages = villages_visible_to(request.user).select_related("parent").order_by("parent__name", "name", "code")
    reasons = [{"value": value, "label": str(label)} for value, label in ErasureReason.choices]
    context = {"villages": villages, "reasons_json": json.dumps(reasons, ensure_ascii=False)}
    return render(request, "community_teams/households.html", context)


def team_manager_required(view):
    """A field user who leads or coordinates at least one active team (else a 403 page)."""

    @field_user_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not teams_managed_by(request.user).filter(is_active=True).exists():
            return render(request, "community_teams/forbidden.html", {"managers_only": True}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _can_name_leaders(user) -> bool:
    scope = scope_of(user)
    return scope.everything or scope.is_coordinator


def _members_page(request, *, bound=None):
    """The members page; ``bound`` is a form that failed, shown in its place with its errors."""
    managed_teams = teams_to_manage(request.user)
    leaders_too = _can_name_leaders(request.user)
    for managed in managed_teams:
        team_id = managed.team.pk
        if isinstance(bound, MemberInviteForm) and bound.team_id == team_id:
            managed.invite_form = bound
        else:
            managed.invite_form = MemberInviteForm(can_name_leaders=leaders_too, auto_id=f"id_invite_{team_id}_%s")
        active = [row.membership for row in managed.members]
        for row in managed.members:
            membership = row.membership
            if membership.user_id == request.user.pk:
                row.form = None  # nobody locks themselves out here
            elif isinstance(bound, MemberDeactivateForm) and bound.membership.pk == membership.pk:
                row.form = bound
            else:
                row.form = MemberDeactivateForm(membership=membership, candidates=active)
    return render(request, "community_teams/team_members.html", {"teams": managed_teams})


def _run(call, **kwargs):
    """A service's "outside your area" is a 404 here, "not allowed" a 403 page."""
    try:
        return call(**kwargs)
    except services.NotAllowed:
        raise Http404 from None


def _forbidden(request):
    return render(request, "community_teams/forbidden.html", {"managers_only": True}, status=403)


def _back_to(team_id: int):
    return redirect(reverse("community_teams:team_members") + f"#team-{team_id}")


@team_manager_required
def team_members(request):
    return _members_page(request)


@require_POST
@team_manager_required
def team_member_invite(request, team_id: int):
    team = get_object_or_404(teams_managed_by(request.user).filter(is_active=True), pk=team_id)
    form = MemberInviteForm(
        request.POST, can_name_leaders=_can_name_leaders(request.user), auto_id=f"id_invite_{team.pk}_%s"
    )
    form.team_id = team.pk
    if form.is_valid():
        try:
            _membership, invited = _run(
                services.member_invite,
                actor=request.user,
                team=team,
                phone=form.cleaned_data["phone"],
                display_name=form.cleaned_data["display_name"],
                role=form.chosen_role,
            )
        except ValidationError as error:
            add_service_error(form, error)
        except services.NotPermitted:
            return _forbidden(request)
        else:
            if invited:
                messages.success(request, _("Invitation sent: they can now sign in with a code sent to their phone."))
            else:
                messages.info(request, _("This person is already an active member of the team. Nothing changed."))
            return _back_to(team.pk)
    return _members_page(request, bound=form)


@require_POST
@team_manager_required
def team_member_deactivate(request, membership_id: int):
    memberships = Membership.objects.filter(team__in=teams_managed_by(request.user)).select_related("team", "user")
    membership = get_object_or_404(memberships, pk=membership_id)
    candidates = Membership.objects.filter(team=membership.team, is_active=True).select_related("user")
    if membership.user_id == request.user.pk:
        return _forbidden(request)
    form = MemberDeactivateForm(request.POST, membership=membership, candidates=candidates)
    if form.is_valid():
        reassign_to = form.cleaned_data["reassign_to"]
        try:
            moved = _run(services.member_deactivate, actor=request.user, membership=membership, reassign_to=reassign_to)
        except ValidationError as error:
            add_service_error(form, error)
        except services.NotPermitted:
            return _forbidden(request)
        else:
            counts = {"households": moved["assignments"], "follow_ups": moved["follow_ups"]}
            if reassign_to is not None:
                message = _(
                    "The member is no longer active. Handed over: %(households)d households, "
                    "%(follow_ups)d open follow-ups."
                )
            else:
                message = _("The member is no longer active. Households left unassigned: %(households)d.")
            messages.success(request, message % counts)
            return _back_to(membership.team_id)
    return _members_page(request, bound=form)
