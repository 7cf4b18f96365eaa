"""JSON API of community teams (DRF, under /api/v1/), for the field screens and their offline queue.

Signed-in team members, leaders and coordinators only (anonymous: 403 JSON). Session
authentication with CSRF on every unsafe call (``X-CSRFToken``). Everything is read through
``community_teams.scoping``: an object outside the caller's area is a 404, never a 403, so ids
cannot be probed. Objects made on the phone are named by their client UUID. Household names and
phone numbers never go into a URL: search is a POST. Every response showing a household's
personal data is recorded in the audit log (``audit_household_view``).

Errors: 400 ``{"<field>": ["message"], "non_field_errors": ["message"]}`` (nothing stored);
403/404/409 ``{"detail": "message"}``. Messages are for people, in the request's language.

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
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from courses.api import SkillRefSerializer
from lms.api import ErrorSerializer

from . import selectors, services
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


# Input. Shapes only: the services check the rules and give the messages.


class HouseholdCreateSerializer(serializers.Serializer):
    client_uuid = serializers.UUIDField()
    village = serializers.CharField(max_length=20, help_text="The village's code, e.g. 01273-001.")
    consent_status = serializers.ChoiceField(
        choices=ConsentStatus.choices, help_text="From the field: given or declined (imported and erased are not)."
    )
    consent_by = serializers.CharField(required=False, allow_blank=True)
    consent_method = serializers.ChoiceField(choices=ConsentMethod.choices, required=False, allow_blank=True)
    consent_at = serializers.DateTimeField(required=False, allow_null=True)
    head_name = serializers.CharField(required=False, allow_blank=True, help_text="At most 150 characters.")
    phone = serializers.CharField(required=False, allow_blank=True, help_text="A Vietnamese mobile number.")
    address_note = serializers.CharField(required=False, allow_blank=True, help_text="At most 300 characters.")
    people_count = serializers.IntegerField(required=False, allow_null=True, help_text="1 to 99.")

    def validate_consent_status(self, value):
        if value not in (ConsentStatus.GIVEN, ConsentStatus.DECLINED):
            raise serializers.ValidationError(_("Record whether the household agreed to its data being kept."))
        return value


class HouseholdSearchSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=100, help_text="Part of a name (accents optional) or of a phone number.")


class HouseholdMemberCreateSerializer(serializers.Serializer):
    client_uuid = serializers.UUIDField()
    household = serializers.UUIDField(help_text="The household's client UUID.")
    label = serializers.CharField(required=False, allow_blank=True, help_text="E.g. “bà Hường”; needs consent.")
    age_group = serializers.ChoiceField(choices=AgeGroup.choices, required=False, allow_blank=True)


class VisitHelpInputSerializer(serializers.Serializer):
    item = serializers.CharField(max_length=40, help_text="A help item's code.")
    member = serializers.UUIDField(required=False, allow_null=True, help_text="The person helped.")
    service_name = serializers.CharField(required=False, allow_blank=True)


class VisitEditSerializer(serializers.Serializer):
    duration_minutes = serializers.IntegerField(help_text="1 to 600.")
    outcome = serializers.ChoiceField(choices=VisitOutcome.choices)
    notes = serializers.CharField(allow_blank=True, trim_whitespace=False, help_text="At most 2000 characters.")
    follow_up_on = serializers.DateField(allow_null=True, help_text="On or after the day of the visit.")
    members_present = serializers.ListField(child=serializers.UUIDField(), max_length=50)
    team_members = serializers.ListField(child=serializers.IntegerField(), max_length=50)
    help = VisitHelpInputSerializer(many=True)


class VisitCreateSerializer(VisitEditSerializer):
    client_uuid = serializers.UUIDField(help_text="Made once by the phone; resending it is safe.")
    household = serializers.UUIDField(help_text="The household's client UUID.")
    visited_at = serializers.DateTimeField(help_text="The phone's time of the visit, with its offset.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("notes", "follow_up_on", "members_present", "team_members", "help"):
            self.fields[name].required = False


class HouseholdUpdateSerializer(serializers.Serializer):
    head_name = serializers.CharField(allow_blank=True, help_text="At most 150 characters.")
    phone = serializers.CharField(allow_blank=True, help_text="A Vietnamese mobile number, or empty.")
    address_note = serializers.CharField(allow_blank=True, help_text="At most 300 characters.")
    people_count = serializers.IntegerField(allow_null=True, help_text="1 to 99.")


class HouseholdConsentSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[ConsentStatus.GIVEN, ConsentStatus.DECLINED])
    method = serializers.ChoiceField(
        choices=ConsentMethod.choices, required=False, allow_blank=True, help_text="Required with given."
    )
    by = serializers.CharField(required=False, allow_blank=True, help_text="Who answered (given only).")
    at = serializers.DateTimeField(required=False, allow_null=True, help_text="Default: now.")


class HouseholdEraseSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=ErasureReason.choices)


class HouseholdAssignSerializer(serializers.Serializer):
    member = serializers.IntegerField(help_text="The user id of a member of a team covering the village.")


class HouseholdMergeSerializer(serializers.Serializer):
    duplicate = serializers.UUIDField(help_text="The client UUID of the household entered twice.")


class MembershipDeactivateSerializer(serializers.Serializer):
    reassign_to = serializers.IntegerField(
        required=False, allow_null=True, help_text="The user id of an active member of the same team."
    )


class FollowUpDoneSerializer(serializers.Serializer):
    visit = serializers.UUIDField(required=False, allow_null=True, help_text="The visit that did it.")


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


def created_by_uuid(serializer) -> dict:
    """Responses of a create-by-client-UUID call: safe to resend."""
    return {
        201: OpenApiResponse(serializer, description="Created."),
        200: OpenApiResponse(serializer, description="Already stored (same UUID, same data)."),
        **ERRORS,
        **CONFLICT,
    }


class FieldAPIView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [JSONParser]


class AreaList(FieldAPIView):
    @extend_schema(
        operation_id="areas_list",
        tags=["community"],
        responses={200: AreaSerializer(many=True), **READ_ERRORS},
        description="Provinces, communes and villages the caller works in, by code.",
    )
    def get(self, request):
        return Response(AreaSerializer(selectors.areas_for(request.user), many=True).data)


class HelpItemList(FieldAPIView):
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
        responses={200: HouseholdSerializer(many=True), **READ_ERRORS},
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
        membership = memberships_visible_to(request.user).filter(pk=membership_id).first()
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
        responses={200: VisitSerializer(many=True), **READ_ERRORS},
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
        responses={200: FollowUpSerializer(many=True), **READ_ERRORS},
        description="Open follow-ups assigned to me, overdue first.",
    )
    def get(self, request):
        everyone = request.query_params.get("all") in ("1", "true")
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
        follow_up = follow_ups_visible_to(request.user).filter(pk=follow_up_id).first()
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
]
