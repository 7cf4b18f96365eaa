"""JSON API of community teams (DRF, under /api/v1/), for the field screens and their offline queue.

Signed-in team members, leaders and coordinators only (anonymous: 403 JSON). Session
authentication with CSRF on every unsafe call (``X-CSRFToken``). Everything is read through
``community_teams.scoping``: an object outside the caller's area is a 404, never a 403, so ids
cannot be probed. Objects made on the phone are named by their client UUID. Household names and
phone numbers never go into a URL: search is a POST. Every response showing a household's
personal data is recorded in the audit log (``audit_household_view``).

Errors: 400 ``{"<field>": ["message"], "non_field_errors": ["message"]}`` (nothing stored);
403/404/409 ``{"detail": "message"}``. Messages are for people, in the request's language.
Inputs take JSON's own types only (5 is not a text, "5" is not a number, 0 is not a UUID).
Lists: ``limit`` 1 to 200 (default 50), ``offset`` from 0; anything else is a 400.

Endpoints (request → response):

- ``GET areas/`` → ``[{code, name, kind: province|commune|village, division_type, parent:
  code|null, household_count}]``: the areas the caller works in, by code.
- ``GET help-items/`` → ``[{code, name, skill: {code, name, is_household_target},
  asks_service_name}]``: the active items for the visit form, in order.
- ``GET households/?village=<code>&limit=&offset=`` → ``{count, next, previous, results:
  [Household]}``, recently changed or visited first. ``Household`` = ``{uuid, village: {code,
  name}, consent_status, head_name, phone, address_note, people_count, meets_target,
  last_visited_at, assigned_to: user id|null, updated_at}``.
- ``POST households/`` ``{client_uuid, village: code, consent_status: given|declined,
  consent_by?, consent_method?: spoken|signed (required with given), consent_at?, head_name?,
  phone?, address_note?, people_count?}`` → 201 ``Household`` (created), 200 ``Household``
  (already stored: same UUID and data), 409 (same UUID, other data), 404 (village unknown or
  outside the caller's area), 400 (invalid; personal data without consent; a phone number that
  is not a Vietnamese mobile).
- ``POST households/search/`` ``{q}`` → ``{results: [Household]}`` (at most 20): every word of
  ``q`` in the head's name, accents ignored, or the digits of the phone number in any format.
- ``GET households/<uuid>/`` → ``Household`` + ``{members: [{uuid, label, age_group,
  has_all_skills, skills: [{code, observed_at, learned_at}]}]}``. ``PATCH households/<uuid>/``
  with any of ``head_name, phone, address_note, people_count`` → the same (anyone who sees the
  household; 400 unless its consent is given).
- ``POST households/<uuid>/consent/`` ``{status: given|declined, method?: spoken|signed
  (required with given), by?, at?}`` → ``Household``: an imported household answers at the
  first visit; a given one withdraws (declined clears all its personal data and its members'
  labels). 400 for any other change.
- ``POST households/<uuid>/erase/`` ``{reason: requested|consent_withdrawn|entered_in_error}`` →
  ``Household`` with its personal data erased, counts kept (leaders of the village, coordinators,
  site administrators; else 403).
- ``POST households/<uuid>/assign/`` ``{member: user id}`` → ``{household: uuid, member,
  assigned_by, assigned_at}`` (leaders of a team of the village and coordinators, else 403;
  ``member`` active in a team covering the village, else 400).
- ``POST households/<uuid>/merge/`` ``{duplicate: uuid}`` → ``Household`` (the one kept):
  the duplicate's members, visits and follow-ups move to it (leaders and coordinators, else 403).
- ``POST memberships/<id>/deactivate/`` ``{reassign_to?: user id|null}`` → ``{id, user, team,
  is_active, deactivated_at, moved: {assignments, follow_ups}}`` (leaders of the team and
  coordinators, else 403; ``reassign_to`` an active member of the same team, else 400).
- ``POST household-members/`` ``{client_uuid, household: uuid, label?, age_group?:
  under_18|18_59|60_plus}`` → 201/200 ``{uuid, household, label, age_group, has_all_skills}``,
  409, 404, 400 (a label for a household that declined consent).
- ``GET visits/?household=<uuid>&limit=&offset=`` → ``{count, next, previous, results:
  [Visit]}``, latest first. ``Visit`` = ``{uuid, household, village, team, author: {id,
  name}, visited_at, received_at, duration_minutes, outcome, notes, follow_up_on,
  members_present: [uuid], team_members: [user id], help: [{item, member: uuid|null,
  service_name}], referral_token, device_time_suspect, author_was_inactive, can_edit}``.
- ``POST visits/`` ``{client_uuid, household: uuid, visited_at (ISO 8601 with offset, the
  phone's time), duration_minutes: 1..600, outcome: helped|partly|not_home|declined, notes?
  (≤ 2000), follow_up_on?: date ≥ the visit's date, members_present?: [uuid], team_members?:
  [user id], help?: [{item: code, member?: uuid, service_name?}]}`` → 201 ``{status: "created",
  visit: Visit}``, 200 ``{status: "already_stored", visit: Visit}``, 409 (same UUID, other
  payload; nothing changed), 404, 403 (not in a team of the village), 400 (invalid; time more
  than 24 h ahead of the server).
- ``GET visits/<uuid>/`` → ``Visit``. ``PATCH visits/<uuid>/`` with any of ``duration_minutes,
  outcome, notes, follow_up_on, members_present, team_members, help`` → ``Visit`` (the author
  within 7 days, or a leader; else 403).
- ``GET follow-ups/?all=1&limit=&offset=`` → ``{count, next, previous, results: [FollowUp]}``
  open ones, mine (``all=1``: every one I may see), overdue first. ``FollowUp`` = ``{id,
  due_on, state: overdue|due|upcoming, household: {uuid, head_name, village_name}, visit: uuid,
  assigned_to: user id}``.
- ``POST follow-ups/<id>/done/`` ``{visit?: uuid}`` → ``FollowUp`` with ``done_at``.
- ``GET me/today/`` → ``{today, follow_ups: [FollowUp] (due or overdue), upcoming_follow_ups:
  n, households: [{uuid, head_name, village_name, meets_target, last_visited_at}] (assigned to
  me), recent_visits: [{uuid, household, head_name, visited_at, outcome, referral_token}]}``.
- ``GET teams/`` → ``[{id, name, commune: {code, name}, villages: [{code, name}], can_manage,
  members: [{membership_id, user_id, name, role: member|leader, is_active}]}]``: the active teams
  the caller sees, active members first; no phone numbers (``api_teams``).
- ``POST teams/<id>/members/`` ``{phone, display_name? (required for a number with no account),
  role?: member|leader}`` → 201 ``{membership_id, user_id, name, role, is_active}`` (put in the
  team, one SMS invitation sent), 200 (already an active member: nothing changed, no SMS), 400
  (not a Vietnamese mobile, name missing), 403 (a member who does not manage the team; a leader
  naming a leader), 404 (a team outside the caller's area).
- ``GET campaigns/`` → ``[{id, name, area: {code, name, kind}, starts_on, ends_on, targets:
  [{kind, label, target, done, percent}]}]``: campaigns of the caller's areas running now or
  ended in the last 30 days.
- ``POST exports/`` ``{kind: households|visits, format: csv|xlsx, filters?: {village?: code,
  team?: id, date_from?: date, date_to?: date}}`` → 202 ``Export`` (made in the background), 403
  (no community role), 400 ``{kind|format|filters|village|team|date_from|date_to: [message]}``.
  ``Export`` = ``{id, kind, format, status: pending|running|done|failed|expired, rows_total,
  rows_done, percent, download_url|null, expires_at|null, error}``. ``GET exports/<id>/`` →
  ``Export`` (the owner's only, else 404). The file: ``download_url`` (``api_exports``).
- ``POST sync/visits/`` ``{households?: [as POST households/], members?: [as POST
  household-members/], visits?: [as POST visits/]}`` (at most 500 items in all) → 200
  ``{households|members|visits: [{uuid, status: 201|200|409|404|410|403|400|503, errors?,
  detail?, retry?, referral_token? (visits)}]}``, one answer per item in the order sent; 400
  (malformed envelope), 413 (too many items). Households first, then members, then visits
  (``api_sync``, rules in ``sync``).
- ``GET dashboard/?period_start=&period_end=&village=<code>&team=<id>&campaign=<id>`` → the
  dashboard's figures for the caller's area (``api_dashboard``); 404 for a filter outside it.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound, PermissionDenied, ValidationError
from rest_framework.fields import get_error_detail
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from courses.api import SkillRefSerializer
from lms.api import ErrorSerializer, StrictUUIDField

from . import api_exports, selectors, services
from .audit import audit_household_view
from .erasure import ErasureReason, household_erase
from .models import AgeGroup, ConsentMethod, ConsentStatus, VisitOutcome
from .scoping import (
    can_edit_visit,
    follow_ups_visible_to,
    households_visible_to,
    memberships_visible_to,
    visits_visible_to,
)

SURFACE = "api"


class ConflictError(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _run(call, **kwargs):
    """Call a service; its exceptions become the API's answers (nothing was stored)."""
    try:
        return call(**kwargs)
    except DjangoValidationError as error:
        detail = get_error_detail(error)
        raise ValidationError(detail if isinstance(detail, dict) else {"non_field_errors": detail}) from None
    except services.NotAllowed as error:
        raise NotFound(str(error)) from None
    except services.NotPermitted as error:
        raise PermissionDenied(str(error)) from None
    except services.Conflict as error:
        raise ConflictError(str(error)) from None


def _audit(request, households) -> None:
    audit_household_view(request.user, households, surface=SURFACE)


# Output.


class AreaSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    division_type = serializers.CharField()
    parent = serializers.CharField(source="parent.code", allow_null=True, default=None)
    household_count = serializers.IntegerField(allow_null=True)


class HelpItemSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    skill = SkillRefSerializer()
    asks_service_name = serializers.BooleanField()


class VillageRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class HouseholdSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="client_uuid")
    village = VillageRefSerializer()
    consent_status = serializers.ChoiceField(choices=ConsentStatus.choices)
    head_name = serializers.CharField()
    phone = serializers.CharField(help_text="E.164, or empty.")
    address_note = serializers.CharField()
    people_count = serializers.IntegerField(allow_null=True)
    meets_target = serializers.BooleanField()
    last_visited_at = serializers.DateTimeField(allow_null=True, default=None)
    assigned_to = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField()

    def get_assigned_to(self, household) -> int | None:
        assignment = getattr(household, "assignment", None)
        return assignment.member_id if assignment else None


class MemberSkillSerializer(serializers.Serializer):
    code = serializers.CharField(source="skill.code")
    observed_at = serializers.DateTimeField(allow_null=True)
    learned_at = serializers.DateTimeField(allow_null=True)


class HouseholdMemberSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="client_uuid")
    household = serializers.UUIDField(source="household.client_uuid")
    label = serializers.CharField()
    age_group = serializers.CharField()
    has_all_skills = serializers.BooleanField()


class HouseholdMemberDetailSerializer(HouseholdMemberSerializer):
    household = None
    skills = MemberSkillSerializer(many=True)


class HouseholdDetailSerializer(HouseholdSerializer):
    members = HouseholdMemberDetailSerializer(many=True)


class HouseholdListSerializer(serializers.Serializer):
    results = HouseholdSerializer(many=True)


class UserRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="display_name")


class VisitHelpSerializer(serializers.Serializer):
    item = serializers.CharField(source="item.code")
    member = serializers.UUIDField(source="member.client_uuid", allow_null=True, default=None)
    service_name = serializers.CharField()


class VisitSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="client_uuid")
    household = serializers.UUIDField(source="household.client_uuid")
    village = serializers.CharField(source="village.code")
    team = serializers.IntegerField(source="team_id")
    author = UserRefSerializer()
    visited_at = serializers.DateTimeField()
    received_at = serializers.DateTimeField()
    duration_minutes = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=VisitOutcome.choices)
    notes = serializers.CharField()
    follow_up_on = serializers.DateField(allow_null=True)
    members_present = serializers.SerializerMethodField()
    team_members = serializers.SerializerMethodField()
    help = VisitHelpSerializer(many=True)
    referral_token = serializers.CharField(help_text="Goes into the course link as ?nguon=<token>.")
    device_time_suspect = serializers.BooleanField()
    author_was_inactive = serializers.BooleanField()
    can_edit = serializers.SerializerMethodField()

    def get_members_present(self, visit) -> list[str]:
        return sorted(str(member.client_uuid) for member in visit.members_present.all())

    def get_team_members(self, visit) -> list[int]:
        return sorted(user.pk for user in visit.team_members.all())

    def get_can_edit(self, visit) -> bool:
        request = self.context.get("request")
        return bool(request) and can_edit_visit(request.user, visit)


class VisitResultSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[services.STATUS_CREATED, services.STATUS_ALREADY_STORED])
    visit = VisitSerializer()


class FollowUpHouseholdSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="client_uuid")
    head_name = serializers.CharField()
    village_name = serializers.CharField(source="village.name")


class FollowUpSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    due_on = serializers.DateField()
    state = serializers.SerializerMethodField()
    household = FollowUpHouseholdSerializer()
    visit = serializers.UUIDField(source="visit.client_uuid")
    assigned_to = serializers.IntegerField(source="assigned_to_id")
    done_at = serializers.DateTimeField(allow_null=True)

    def get_state(self, follow_up) -> str:
        today = self.context.get("today") or timezone.localdate()
        if follow_up.due_on < today:
            return "overdue"
        return "due" if follow_up.due_on == today else "upcoming"


class TodayHouseholdSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="client_uuid")
    head_name = serializers.CharField()
    village_name = serializers.CharField(source="village.name")
    meets_target = serializers.BooleanField()
    last_visited_at = serializers.DateTimeField(allow_null=True)


class TodayVisitSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="client_uuid")
    household = serializers.UUIDField(source="household.client_uuid")
    head_name = serializers.CharField(source="household.head_name")
    visited_at = serializers.DateTimeField()
    outcome = serializers.CharField()
    referral_token = serializers.CharField()


class TodaySerializer(serializers.Serializer):
    today = serializers.DateField()
    follow_ups = FollowUpSerializer(many=True)
    upcoming_follow_ups = serializers.IntegerField()
    households = TodayHouseholdSerializer(many=True)
    recent_visits = TodayVisitSerializer(many=True)


class AssignmentSerializer(serializers.Serializer):
    household = serializers.UUIDField(source="household.client_uuid")
    member = serializers.IntegerField(source="member_id")
    assigned_by = serializers.IntegerField(source="assigned_by_id", allow_null=True)
    assigned_at = serializers.DateTimeField()


class MovedSerializer(serializers.Serializer):
    assignments = serializers.IntegerField(help_text="Households handed over (or left unassigned).")
    follow_ups = serializers.IntegerField(help_text="Open follow-ups handed over.")


class MembershipDeactivatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    user = serializers.IntegerField(source="user_id")
    team = serializers.IntegerField(source="team_id")
    is_active = serializers.BooleanField()
    deactivated_at = serializers.DateTimeField(allow_null=True)
    moved = MovedSerializer()


class FieldErrorSerializer(serializers.Serializer):
    """Field errors, each a list of messages; ``non_field_errors`` for the whole request."""

    non_field_errors = serializers.ListField(child=serializers.CharField(), required=False)
    detail = serializers.CharField(required=False)


# Input. Shapes only: the services check the rules and give the messages. Fields take JSON's own
# types only (DRF would read 5 as the text "5", "5" as the number 5 and 0 as a UUID).


class TextField(serializers.CharField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


# The database's integers (bigger ones overflowed in a query: a 500).
MAX_INTEGER = 2**63 - 1


class WholeNumberField(serializers.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", -MAX_INTEGER)
        kwargs.setdefault("max_value", MAX_INTEGER)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class HouseholdCreateSerializer(serializers.Serializer):
    client_uuid = StrictUUIDField()
    village = TextField(max_length=20, help_text="The village's code, e.g. 01273-001.")
    consent_status = serializers.ChoiceField(
        choices=ConsentStatus.choices, help_text="From the field: given or declined (imported and erased are not)."
    )
    consent_by = TextField(required=False, allow_blank=True)
    consent_method = serializers.ChoiceField(choices=ConsentMethod.choices, required=False, allow_blank=True)
    consent_at = serializers.DateTimeField(required=False, allow_null=True)
    head_name = TextField(required=False, allow_blank=True, help_text="At most 150 characters.")
    phone = TextField(required=False, allow_blank=True, help_text="A Vietnamese mobile number.")
    address_note = TextField(required=False, allow_blank=True, help_text="At most 300 characters.")
    people_count = WholeNumberField(required=False, allow_null=True, help_text="1 to 99.")

    def validate_consent_status(self, value):
        if value not in (ConsentStatus.GIVEN, ConsentStatus.DECLINED):
            raise serializers.ValidationError(_("Record whether the household agreed to its data being kept."))
        return value


class HouseholdSearchSerializer(serializers.Serializer):
    q = TextField(max_length=100, help_text="Part of a name (accents optional) or of a phone number.")


class HouseholdMemberCreateSerializer(serializers.Serializer):
    client_uuid = StrictUUIDField()
    household = StrictUUIDField(help_text="The household's client UUID.")
    label = TextField(required=False, allow_blank=True, help_text="E.g. “bà Hường”; needs consent.")
    age_group = serializers.ChoiceField(choices=AgeGroup.choices, required=False, allow_blank=True)


class VisitHelpInputSerializer(serializers.Serializer):
    item = TextField(max_length=40, help_text="A help item's code.")
    member = StrictUUIDField(required=False, allow_null=True, help_text="The person helped.")
    service_name = TextField(required=False, allow_blank=True)


class VisitEditSerializer(serializers.Serializer):
    duration_minutes = WholeNumberField(help_text="1 to 600.")
    outcome = serializers.ChoiceField(choices=VisitOutcome.choices)
    notes = TextField(allow_blank=True, trim_whitespace=False, help_text="At most 2000 characters.")
    follow_up_on = serializers.DateField(allow_null=True, help_text="On or after the day of the visit.")
    members_present = serializers.ListField(child=StrictUUIDField(), max_length=50)
    team_members = serializers.ListField(child=WholeNumberField(), max_length=50)
    help = VisitHelpInputSerializer(many=True)


class VisitCreateSerializer(VisitEditSerializer):
    client_uuid = StrictUUIDField(help_text="Made once by the phone; resending it is safe.")
    household = StrictUUIDField(help_text="The household's client UUID.")
    visited_at = serializers.DateTimeField(help_text="The phone's time of the visit, with its offset.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("notes", "follow_up_on", "members_present", "team_members", "help"):
            self.fields[name].required = False


class HouseholdUpdateSerializer(serializers.Serializer):
    head_name = TextField(allow_blank=True, help_text="At most 150 characters.")
    phone = TextField(allow_blank=True, help_text="A Vietnamese mobile number, or empty.")
    address_note = TextField(allow_blank=True, help_text="At most 300 characters.")
    people_count = WholeNumberField(allow_null=True, help_text="1 to 99.")


class HouseholdConsentSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[ConsentStatus.GIVEN, ConsentStatus.DECLINED])
    method = serializers.ChoiceField(
        choices=ConsentMethod.choices, required=False, allow_blank=True, help_text="Required with given."
    )
    by = TextField(required=False, allow_blank=True, help_text="Who answered (given only).")
    at = serializers.DateTimeField(required=False, allow_null=True, help_text="Default: now.")


class HouseholdEraseSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=ErasureReason.choices)


class HouseholdAssignSerializer(serializers.Serializer):
    member = WholeNumberField(help_text="The user id of a member of a team covering the village.")


class HouseholdMergeSerializer(serializers.Serializer):
    duplicate = StrictUUIDField(help_text="The client UUID of the household entered twice.")


class MembershipDeactivateSerializer(serializers.Serializer):
    reassign_to = WholeNumberField(
        required=False, allow_null=True, help_text="The user id of an active member of the same team."
    )


class FollowUpDoneSerializer(serializers.Serializer):
    visit = StrictUUIDField(required=False, allow_null=True, help_text="The visit that did it.")


def _valid(serializer_class, request, **kwargs) -> dict:
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _household(request, client_uuid):
    """The household if the caller may see it (merged duplicates too: the services refuse
    changing them with a clear message); else a 404."""
    household = households_visible_to(request.user).filter(client_uuid=client_uuid).first()
    if household is None:
        raise NotFound(_("This household does not exist or is outside your area."))
    return household


def _user(user_id, field: str):
    """A person named by id in a request body; unknown ids are a 400 on ``field``."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise ValidationError({field: [_("There is no such person.")]})
    return user


def _household_answer(request, household) -> Response:
    household = selectors.households_for(request.user).filter(pk=household.pk).first() or household
    _audit(request, [household])
    return Response(HouseholdSerializer(household).data)


# Views.

ERRORS = {
    400: OpenApiResponse(FieldErrorSerializer, description="Invalid input; nothing stored."),
    403: OpenApiResponse(ErrorSerializer, description="Signed out, wrong CSRF token, or not allowed."),
    404: OpenApiResponse(ErrorSerializer, description="Unknown, or outside the caller's area."),
}
CONFLICT = {409: OpenApiResponse(ErrorSerializer, description="This UUID is stored with other data; nothing changed.")}
READ_ERRORS = {403: ERRORS[403]}
LIST_ERRORS = {400: OpenApiResponse(FieldErrorSerializer, description="Invalid paging or filter."), **READ_ERRORS}


def created_by_uuid(serializer) -> dict:
    """Responses of a create-by-client-UUID call: safe to resend."""
    return {
        201: OpenApiResponse(serializer, description="Created."),
        200: OpenApiResponse(serializer, description="Already stored (same UUID, same data)."),
        **ERRORS,
        **CONFLICT,
    }


class FieldPagination(LimitOffsetPagination):
    """``limit`` 1 to 200, ``offset`` from 0; anything else is a 400 (DRF ignored it). An offset
    past any real list is an empty page (a huge one overflowed the database's integers)."""

    max_limit = 200
    max_offset = 1_000_000_000

    def _number(self, request, name: str, minimum: int, default):
        raw = request.query_params.get(name)
        if raw is None:
            return default
        if not raw.isascii() or not raw.isdigit() or int(raw) < minimum:
            raise ValidationError({name: [_("Send a whole number from %(min)d.") % {"min": minimum}]})
        return int(raw)

    def get_limit(self, request):
        return min(self._number(request, self.limit_query_param, 1, self.default_limit), self.max_limit)

    def get_offset(self, request):
        return min(self._number(request, self.offset_query_param, 0, 0), self.max_offset)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        minimum = {self.limit_query_param: 1, self.offset_query_param: 0}
        for parameter in parameters:
            parameter["schema"]["minimum"] = minimum[parameter["name"]]
        return parameters


class FieldAPIView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [JSONParser]
    pagination_class = FieldPagination


class AreaList(FieldAPIView):
    pagination_class = None  # a short list, whole (the schema said paginated)

    @extend_schema(
        operation_id="areas_list",
        tags=["community"],
        responses={200: AreaSerializer(many=True), **READ_ERRORS},
        description="Provinces, communes and villages the caller works in, by code.",
    )
    def get(self, request):
        return Response(AreaSerializer(selectors.areas_for(request.user), many=True).data)


class HelpItemList(FieldAPIView):
    pagination_class = None  # a short list, whole (the schema said paginated)

    @extend_schema(
        operation_id="help_items_list",
        tags=["community"],
        responses={200: HelpItemSerializer(many=True), **READ_ERRORS},
        description="What a visit can help with, in the form's order, each with its skill.",
    )
    def get(self, request):
        return Response(HelpItemSerializer(selectors.help_items_active(), many=True).data)


VILLAGE = OpenApiParameter("village", str, OpenApiParameter.QUERY, required=False, description="A village code.")


class HouseholdListCreate(FieldAPIView):
    serializer_class = HouseholdSerializer

    @extend_schema(
        operation_id="households_list",
        tags=["community"],
        parameters=[VILLAGE],
        responses={200: HouseholdSerializer(many=True), **LIST_ERRORS},
        description="Households the caller may see, recently changed or visited first.",
    )
    def get(self, request):
        households = selectors.households_for(request.user, village_code=request.query_params.get("village") or None)
        page = self.paginate_queryset(households)
        _audit(request, page)
        return self.get_paginated_response(HouseholdSerializer(page, many=True).data)

    @extend_schema(
        operation_id="households_create",
        tags=["community"],
        request=HouseholdCreateSerializer,
        responses=created_by_uuid(HouseholdSerializer),
        description="Create a household by its client UUID; safe to resend.",
    )
    def post(self, request):
        data = dict(_valid(HouseholdCreateSerializer, request))
        data["village_code"] = data.pop("village")
        household, created = _run(services.household_create, actor=request.user, data=data)
        household = selectors.households_for(request.user).filter(pk=household.pk).first() or household
        _audit(request, [household])
        return Response(
            HouseholdSerializer(household).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )


class HouseholdSearch(FieldAPIView):
    @extend_schema(
        operation_id="households_search",
        tags=["community"],
        request=HouseholdSearchSerializer,
        responses={200: HouseholdListSerializer, **ERRORS},
        description="Search by the head's name (accents optional) or phone digits, recent first, at most "
        "20. A POST, so names and numbers stay out of URLs and access logs.",
    )
    def post(self, request):
        query = _valid(HouseholdSearchSerializer, request)["q"]
        households = selectors.household_search(request.user, query)
        _audit(request, households)
        return Response({"results": HouseholdSerializer(households, many=True).data})


class HouseholdDetail(FieldAPIView):
    @extend_schema(
        operation_id="households_retrieve",
        tags=["community"],
        responses={200: HouseholdDetailSerializer, **READ_ERRORS, 404: ERRORS[404]},
        description="One household with its members and their skills.",
    )
    def get(self, request, client_uuid):
        household = selectors.household_detail(request.user, client_uuid)
        if household is None:
            raise NotFound(_("This household does not exist or is outside your area."))
        _audit(request, [household])
        return Response(HouseholdDetailSerializer(household).data)

    @extend_schema(
        operation_id="households_partial_update",
        tags=["community"],
        request=HouseholdUpdateSerializer,
        responses={200: HouseholdDetailSerializer, **ERRORS},
        description="Change the head's name, phone, address note or number of people of a household "
        "that gave consent (400 otherwise). Recorded in the audit log.",
    )
    def patch(self, request, client_uuid):
        household = _household(request, client_uuid)
        data = _valid(HouseholdUpdateSerializer, request, partial=True)
        _run(services.household_update, actor=request.user, household=household, data=data)
        household = selectors.household_detail(request.user, client_uuid) or household
        _audit(request, [household])
        return Response(HouseholdDetailSerializer(household).data)


class HouseholdConsent(FieldAPIView):
    @extend_schema(
        operation_id="households_consent",
        tags=["community"],
        request=HouseholdConsentSerializer,
        responses={200: HouseholdSerializer, **ERRORS},
        description="Record the household's answer: an imported household agrees (its list data is "
        "kept) or declines; a household that agreed withdraws. Declined clears all its personal data.",
    )
    def post(self, request, client_uuid):
        household = _household(request, client_uuid)
        data = _valid(HouseholdConsentSerializer, request)
        household = _run(
            services.household_consent_record,
            actor=request.user,
            household=household,
            status=data["status"],
            method=data.get("method") or "",
            by=data.get("by") or "",
            at=data.get("at"),
        )
        return _household_answer(request, household)


class HouseholdErase(FieldAPIView):
    @extend_schema(
        operation_id="households_erase",
        tags=["community"],
        request=HouseholdEraseSerializer,
        responses={200: HouseholdSerializer, **ERRORS},
        description="Erase the household's personal data (name, phone, address, people's labels, visit "
        "notes); counts stay. Team leaders of the village, coordinators of its area and site administrators.",
    )
    def post(self, request, client_uuid):
        household = _household(request, client_uuid)
        reason = _valid(HouseholdEraseSerializer, request)["reason"]
        household = _run(household_erase, actor=request.user, household=household, reason=reason)
        return _household_answer(request, household)


class HouseholdAssign(FieldAPIView):
    @extend_schema(
        operation_id="households_assign",
        tags=["community"],
        request=HouseholdAssignSerializer,
        responses={200: AssignmentSerializer, **ERRORS},
        description="Put a household in a member's care (its open follow-ups go with it). Team leaders "
        "and coordinators.",
    )
    def post(self, request, client_uuid):
        household = _household(request, client_uuid)
        member = _user(_valid(HouseholdAssignSerializer, request)["member"], "member")
        assignment = _run(services.assignment_set, actor=request.user, household=household, member=member)
        return Response(AssignmentSerializer(assignment).data)


class HouseholdMerge(FieldAPIView):
    @extend_schema(
        operation_id="households_merge",
        tags=["community"],
        request=HouseholdMergeSerializer,
        responses={200: HouseholdSerializer, **ERRORS},
        description="Merge a duplicate into this household: members, visits and follow-ups move here. "
        "Team leaders and coordinators.",
    )
    def post(self, request, client_uuid):
        keep = _household(request, client_uuid)
        duplicate = _household(request, _valid(HouseholdMergeSerializer, request)["duplicate"])
        keep = _run(services.household_merge, actor=request.user, keep=keep, duplicate=duplicate)
        return _household_answer(request, keep)


class MembershipDeactivate(FieldAPIView):
    @extend_schema(
        operation_id="memberships_deactivate",
        tags=["community"],
        request=MembershipDeactivateSerializer,
        responses={200: MembershipDeactivatedSerializer, **ERRORS},
        description="Deactivate a team membership; the person's households and open follow-ups go to "
        "``reassign_to`` (households become unassigned without one). Team leaders and coordinators.",
    )
    def post(self, request, membership_id: int):
        membership = memberships_visible_to(request.user).filter(pk=min(membership_id, MAX_INTEGER)).first()
        if membership is None:
            raise NotFound(_("This team member does not exist or is outside your area."))
        reassign_to = _valid(MembershipDeactivateSerializer, request).get("reassign_to")
        if reassign_to is not None:
            reassign_to = _user(reassign_to, "reassign_to")
        moved = _run(services.member_deactivate, actor=request.user, membership=membership, reassign_to=reassign_to)
        membership.refresh_from_db()
        membership.moved = moved
        return Response(MembershipDeactivatedSerializer(membership).data)


class HouseholdMemberCreate(FieldAPIView):
    @extend_schema(
        operation_id="household_members_create",
        tags=["community"],
        request=HouseholdMemberCreateSerializer,
        responses=created_by_uuid(HouseholdMemberSerializer),
        description="Add a person to a household by their client UUID; safe to resend.",
    )
    def post(self, request):
        data = _valid(HouseholdMemberCreateSerializer, request)
        member, created = _run(services.household_member_create, actor=request.user, data=data)
        return Response(
            HouseholdMemberSerializer(member).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )


class VisitListCreate(FieldAPIView):
    serializer_class = VisitSerializer

    @extend_schema(
        operation_id="visits_list",
        tags=["community"],
        parameters=[OpenApiParameter("household", {"type": "string", "format": "uuid"}, OpenApiParameter.QUERY)],
        responses={200: VisitSerializer(many=True), **LIST_ERRORS},
        description="Visits the caller may see, latest first.",
    )
    def get(self, request):
        household = request.query_params.get("household") or None
        if household is not None:
            household = serializers.UUIDField().run_validation(household)
        page = self.paginate_queryset(selectors.visits_for(request.user, household_uuid=household))
        return self.get_paginated_response(VisitSerializer(page, many=True, context={"request": request}).data)

    @extend_schema(
        operation_id="visits_create",
        tags=["community"],
        request=VisitCreateSerializer,
        responses=created_by_uuid(VisitResultSerializer),
        description="Record a visit by its client UUID; resending the same payload is safe (200, "
        "`already_stored`), even after the visit was edited.",
    )
    def post(self, request):
        data = _valid(VisitCreateSerializer, request)
        visit, outcome = _run(services.visit_create, actor=request.user, data=data)
        visit = selectors.visits_for(request.user).filter(pk=visit.pk).first() or visit
        body = {"status": outcome, "visit": VisitSerializer(visit, context={"request": request}).data}
        created = outcome == services.STATUS_CREATED
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class VisitDetail(FieldAPIView):
    def _visit(self, request, client_uuid):
        visit = selectors.visits_for(request.user).filter(client_uuid=client_uuid).first()
        if visit is None:
            raise NotFound(_("This visit does not exist or is outside your area."))
        return visit

    @extend_schema(
        operation_id="visits_retrieve",
        tags=["community"],
        responses={200: VisitSerializer, **READ_ERRORS, 404: ERRORS[404]},
    )
    def get(self, request, client_uuid):
        return Response(VisitSerializer(self._visit(request, client_uuid), context={"request": request}).data)

    @extend_schema(
        operation_id="visits_partial_update",
        tags=["community"],
        request=VisitEditSerializer,
        responses={200: VisitSerializer, **ERRORS},
        description="Change a visit: the author within 7 days, or a leader of its team. The previous "
        "values are kept as a revision.",
    )
    def patch(self, request, client_uuid):
        visit = self._visit(request, client_uuid)
        data = _valid(VisitEditSerializer, request, partial=True)
        _run(services.visit_edit, actor=request.user, visit=visit, data=data)
        return Response(VisitSerializer(self._visit(request, client_uuid), context={"request": request}).data)


class FollowUpList(FieldAPIView):
    serializer_class = FollowUpSerializer

    @extend_schema(
        operation_id="follow_ups_list",
        tags=["community"],
        parameters=[
            OpenApiParameter(
                "all", bool, OpenApiParameter.QUERY, description="Every open follow-up I may see (leaders)."
            )
        ],
        responses={200: FollowUpSerializer(many=True), **LIST_ERRORS},
        description="Open follow-ups assigned to me, overdue first.",
    )
    def get(self, request):
        everyone = request.query_params.get("all", "false")
        if everyone not in ("1", "true", "0", "false"):
            raise ValidationError({"all": [_("Send true or false.")]})
        everyone = everyone in ("1", "true")
        page = self.paginate_queryset(selectors.follow_ups_for(request.user, everyone=everyone))
        _audit(request, [follow_up.household for follow_up in page])
        context = {"today": timezone.localdate()}
        return self.get_paginated_response(FollowUpSerializer(page, many=True, context=context).data)


class FollowUpDone(FieldAPIView):
    @extend_schema(
        operation_id="follow_ups_done",
        tags=["community"],
        request=FollowUpDoneSerializer,
        responses={200: FollowUpSerializer, **ERRORS},
        description="Mark a follow-up done (once; doing it again changes nothing).",
    )
    def post(self, request, follow_up_id: int):
        follow_up = follow_ups_visible_to(request.user).filter(pk=min(follow_up_id, MAX_INTEGER)).first()
        if follow_up is None:
            raise NotFound(_("This follow-up does not exist or is not yours."))
        visit = None
        visit_uuid = _valid(FollowUpDoneSerializer, request).get("visit")
        if visit_uuid is not None:
            visit = visits_visible_to(request.user).filter(client_uuid=visit_uuid).first()
            if visit is None:
                raise NotFound(_("This visit does not exist or is outside your area."))
        _run(services.follow_up_done, actor=request.user, follow_up=follow_up, visit=visit)
        row = follow_ups_visible_to(request.user).select_related("household__village", "visit").get(pk=follow_up_id)
        return Response(FollowUpSerializer(row).data)


class Today(FieldAPIView):
    @extend_schema(
        operation_id="me_today",
        tags=["community"],
        responses={200: TodaySerializer, **READ_ERRORS},
        description="The “Hôm nay” page: my follow-ups due or overdue, my households, my recent visits.",
    )
    def get(self, request):
        today = selectors.today_for(request.user)
        shown = {household.pk: household for household in today.households}
        shown.update({follow_up.household.pk: follow_up.household for follow_up in today.follow_ups})
        shown.update({visit.household.pk: visit.household for visit in today.recent_visits})
        _audit(request, shown.values())
        return Response(TodaySerializer(today, context={"today": today.today}).data)


from . import api_dashboard, api_sync, api_teams  # noqa: E402 (their views build on this module's)

urlpatterns = [
    path("areas/", AreaList.as_view(), name="areas"),
    path("help-items/", HelpItemList.as_view(), name="help-items"),
    path("households/", HouseholdListCreate.as_view(), name="households"),
    path("households/search/", HouseholdSearch.as_view(), name="households-search"),
    path("households/<uuid:client_uuid>/", HouseholdDetail.as_view(), name="household-detail"),
    path("households/<uuid:client_uuid>/consent/", HouseholdConsent.as_view(), name="household-consent"),
    path("households/<uuid:client_uuid>/erase/", HouseholdErase.as_view(), name="household-erase"),
    path("households/<uuid:client_uuid>/assign/", HouseholdAssign.as_view(), name="household-assign"),
    path("households/<uuid:client_uuid>/merge/", HouseholdMerge.as_view(), name="household-merge"),
    path("memberships/<int:membership_id>/deactivate/", MembershipDeactivate.as_view(), name="membership-deactivate"),
    path("household-members/", HouseholdMemberCreate.as_view(), name="household-members"),
    path("visits/", VisitListCreate.as_view(), name="visits"),
    path("visits/<uuid:client_uuid>/", VisitDetail.as_view(), name="visit-detail"),
    path("follow-ups/", FollowUpList.as_view(), name="follow-ups"),
    path("follow-ups/<int:follow_up_id>/done/", FollowUpDone.as_view(), name="follow-up-done"),
    path("me/today/", Today.as_view(), name="me-today"),
    path("sync/visits/", api_sync.VisitSync.as_view(), name="sync-visits"),
    path("teams/", api_teams.TeamList.as_view(), name="teams"),
    path("teams/<int:team_id>/members/", api_teams.TeamMemberInvite.as_view(), name="team-members"),
    path("campaigns/", api_teams.CampaignList.as_view(), name="campaigns"),
    path("exports/", api_exports.ExportCreate.as_view(), name="exports"),
    path("exports/<int:export_id>/", api_exports.ExportDetail.as_view(), name="export-detail"),
    path("dashboard/", api_dashboard.DashboardView.as_view(), name="dashboard"),
]
