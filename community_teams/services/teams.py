"""People in teams and the households in their care."""

import logging

from allauth.account.adapter import get_adapter
from anyascii import anyascii
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms.phone import VN_MOBILE, phone_normalise
from lms.sms import sms_send

from ..models import Assignment, FollowUp, Household, Membership, Role, Team
from ..scoping import households_visible_to, scope_forget, scope_of, teams_managed_by
from .common import create_or_get, invalid
from .errors import NotAllowed, NotPermitted

logger = logging.getLogger(__name__)

# Accounts in this group never take in anonymous learners' progress (``lms.services.
# merge_allowed_into`` refuses accounts with any group): team members show lessons to residents
# on their own phones.
COMMUNITY_TEAM_GROUP = "Community team"


def _managed_team(actor, team: Team) -> Team:
    if not teams_managed_by(actor).filter(pk=team.pk).exists():
        if scope_of(actor).everything or team.pk in scope_of(actor).team_ids:
            raise NotPermitted(_("Only the team leader or a coordinator can change this team."))
        raise NotAllowed(_("This team does not exist or is outside your area."))
    return team


@transaction.atomic
def membership_add(*, actor, team: Team, user, role: str = Role.MEMBER) -> Membership:
    """Put ``user`` in ``team`` (or reactivate them there) with ``role``, and in the
    ``COMMUNITY_TEAM_GROUP``. Leaders add members; coordinators and site administrators add
    members and leaders. Idempotent."""
    _managed_team(actor, team)
    if role not in (Role.MEMBER, Role.LEADER):
        raise ValidationError(_("Choose member or leader."), code="role")
    if role == Role.LEADER and not (scope_of(actor).everything or scope_of(actor).is_coordinator):
        raise NotPermitted(_("Only a coordinator can make someone a team leader."))
    membership, created = create_or_get(Membership, {"user": user, "team": team}, {"role": role})
    if not created and (membership.role != role or not membership.is_active):
        membership.role, membership.is_active, membership.deactivated_at = role, True, None
        membership.save(update_fields=["role", "is_active", "deactivated_at"])
    group, _created = Group.objects.get_or_create(name=COMMUNITY_TEAM_GROUP)
    user.groups.add(group)
    scope_forget(user)
    return membership


def _invited_phone(raw: str) -> str:
    """``raw`` as typed -> E.164 of a Vietnamese mobile (codes go by SMS; foreign numbers are
    refused here, unlike at sign-up, since a team works in one commune)."""
    message = _("Enter a Vietnamese mobile number, for example 0912 345 678.")
    try:
        phone = phone_normalise(raw)
    except ValidationError:
        raise invalid("phone", message, "invalid_phone") from None
    if not VN_MOBILE.match(phone):
        raise invalid("phone", message, "invalid_phone")
    return phone


def _account_for_phone(phone: str, display_name: str):
    """The account using ``phone``, or a new one that signs in by SMS code (no password; the
    phone stays unverified until the first code proves it). -> (user, created)"""
    users = get_user_model().objects
    user = users.filter(phone=phone).first()
    if user is not None:
        if not user.is_active:
            raise invalid(
                "phone", _("This number belongs to a closed account. Ask a site administrator."), "inactive_account"
            )
        return user, False
    name = " ".join((display_name or "").split())[:150]
    if not name:
        raise invalid("display_name", _("No account uses this number yet: enter the person's name."), "required")
    username = get_adapter().generate_unique_username([name, "user"])
    try:
        with transaction.atomic():
            user = users.create_user(username=username, password=None, phone=phone, display_name=name)
    except IntegrityError:  # the same number invited at the same moment
        user = users.get(phone=phone)
    return user, True


def invitation_text(team: Team) -> str:
    """The invitation SMS: the team and where to sign in, nothing else. Without diacritics (as
    lms's login-code texts, for the same reason: 160 characters a part, and cheap phones)."""
    with translation.override(settings.LANGUAGE_CODE):
        url = settings.SITE_URL.rstrip("/") + reverse("account_request_login_code")
        return _("Cua So: you are now in the team %(team)s. Sign in at %(url)s with this phone number.") % {
            "team": anyascii(team.name),
            "url": url,
        }


@transaction.atomic
def member_invite(
    *, actor, team: Team, phone: str, display_name: str = "", role: str = Role.MEMBER
) -> tuple[Membership, bool]:
    """Put the person using ``phone`` in ``team`` (their account is created if there is none:
    ``display_name`` is then required) and text them once that they may sign in with that
    number. Same rules as ``membership_add``. Someone already active in the team: nothing
    changes, no SMS. -> (membership, invited)"""
    _managed_team(actor, team)
    if role not in (Role.MEMBER, Role.LEADER):
        raise invalid("role", _("Choose member or leader."), "role")
    if role == Role.LEADER and not (scope_of(actor).everything or scope_of(actor).is_coordinator):
        raise NotPermitted(_("Only a coordinator can make someone a team leader."))
    phone = _invited_phone(phone)
    user, created = _account_for_phone(phone, display_name)
    # One invitation per person at a time: concurrent invites of the same person queue here.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    existing = Membership.objects.filter(user=user, team=team, is_active=True).first()
    if existing is not None:
        return existing, False
    membership = membership_add(actor=actor, team=team, user=user, role=role)
    text = invitation_text(team)
    transaction.on_commit(lambda: sms_send(phone, text))
    logger.info("Team %s: user %s invited (new account: %s).", team.pk, user.pk, created)
    return membership, True


@transaction.atomic
def member_deactivate(*, actor, membership: Membership, reassign_to=None) -> dict:
    """Deactivate a membership (never deleted: their visits keep pointing at them). Their
    households in the team's villages and their open follow-ups from the team's visits go to
    ``reassign_to`` (an active member of the same team); without one, the households become
    unassigned and the follow-ups stay with the team's leader's list. -> counts moved."""
    membership = Membership.objects.select_for_update().select_related("team").get(pk=membership.pk)
    team = _managed_team(actor, membership.team)
    if reassign_to is not None and (
        reassign_to.pk == membership.user_id
        or not Membership.objects.filter(team=team, user=reassign_to, is_active=True).exists()
    ):
        raise invalid("reassign_to", _("Hand the work to an active member of the same team."), "reassign_to")
    if membership.is_active:
        membership.is_active = False
        membership.deactivated_at = timezone.now()
        membership.save(update_fields=["is_active", "deactivated_at"])
    assignments = Assignment.objects.filter(member_id=membership.user_id, household__village__village_teams=team)
    follow_ups = FollowUp.objects.filter(assigned_to_id=membership.user_id, done_at__isnull=True, visit__team=team)
    if reassign_to is not None:
        moved = {
            "assignments": assignments.update(member=reassign_to, assigned_by=actor, assigned_at=timezone.now()),
            "follow_ups": follow_ups.update(assigned_to=reassign_to),
        }
    else:
        moved = {"assignments": assignments.delete()[0], "follow_ups": 0}
    scope_forget(membership.user)
    return moved


@transaction.atomic
def assignment_set(*, actor, household: Household, member) -> Assignment:
    """Put ``household`` in ``member``'s care (one member at a time); its open follow-ups go
    with it. Leaders of a team covering the village, coordinators and site administrators;
    ``member`` must be active in a team covering the village."""
    household = households_visible_to(actor).filter(pk=household.pk).first()
    if household is None:
        raise NotAllowed(_("This household does not exist or is outside your area."))
    if not teams_managed_by(actor).filter(villages=household.village_id).exists():
        raise NotPermitted(_("Only the team leader or a coordinator can assign households."))
    if not Membership.objects.filter(
        user=member, is_active=True, team__is_active=True, team__villages=household.village_id
    ).exists():
        raise invalid("member", _("This person is not in a team working in the household's village."), "member")
    assignment, created = create_or_get(Assignment, {"household": household}, {"member": member, "assigned_by": actor})
    if not created and assignment.member_id != member.pk:
        previous = assignment.member_id
        assignment.member, assignment.assigned_by = member, actor
        assignment.save(update_fields=["member", "assigned_by", "assigned_at"])
        FollowUp.objects.filter(household=household, assigned_to_id=previous, done_at__isnull=True).update(
            assigned_to=member
        )
    return assignment


# Coordinators work in the Wagtail admin (areas, teams, memberships, campaigns, imports; households
# and visits read only).
COORDINATOR_GROUP = "Community coordinators"
COORDINATOR_PERMISSIONS = (
    ("wagtailadmin", "admin", "access_admin"),
    *(
        ("community_teams", model, f"{action}_{model}")
        for model in ("area", "team", "membership", "campaign", "campaigntarget")
        for action in ("view", "add", "change")
    ),
    ("community_teams", "campaign", "delete_campaign"),
    ("community_teams", "helpitem", "view_helpitem"),
    # Field data, read only in the admin (and only in the coordinator's area).
    ("community_teams", "household", "view_household"),
    ("community_teams", "visit", "view_visit"),
)


def coordinator_group_ensure() -> Group:
    """The group that lets coordinators into the admin; what they see there is scoped."""
    from django.contrib.auth.models import Permission

    group, _created = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    wanted = Permission.objects.none()
    for app_label, _model, codename in COORDINATOR_PERMISSIONS:
        wanted |= Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*wanted)
    return group


@transaction.atomic
def coordinator_scope_add(*, actor, user, area, role: str):
    """Make ``user`` a commune or province coordinator of ``area`` (site administrators, or a
    province coordinator for communes of their province). Idempotent."""
    from ..models import AreaKind, CoordinatorScope

    expected_kind = AreaKind.PROVINCE if role == Role.PROVINCE_COORDINATOR else AreaKind.COMMUNE
    if role not in (Role.COMMUNE_COORDINATOR, Role.PROVINCE_COORDINATOR) or area.kind != expected_kind:
        raise ValidationError(_("A commune coordinator works in a commune; a province coordinator in a province."))
    scope = scope_of(actor)
    if not (scope.everything or (role == Role.COMMUNE_COORDINATOR and area.province_code in scope.province_codes)):
        raise NotPermitted(_("Only a site administrator or the province coordinator can name coordinators."))
    coordinator, _created = create_or_get(CoordinatorScope, {"user": user, "area": area}, {"role": role})
    user.groups.add(coordinator_group_ensure(), Group.objects.get_or_create(name=COMMUNITY_TEAM_GROUP)[0])
    scope_forget(user)
    return coordinator
