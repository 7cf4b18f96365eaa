"""``POST /api/v1/sync/visits/``: a phone's offline queue in one request (rules: ``sync``).

The items have exactly the shapes of ``POST households/``, ``POST household-members/`` and
``POST visits/`` and are checked by the same serializers, each on its own: a bad item is answered
400 with its field errors and the others go on. The batch answers 200 once processed, whatever
its items' statuses; 400 only for a malformed envelope (not an object, a list that is not a
list, an unknown key); 413 above ``sync.MAX_SYNC_ITEMS`` items in all. Nothing personal is shown
back, so nothing is audited here.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from lms.api import ErrorSerializer

from . import sync
from .api import (
    ERRORS,
    FieldAPIView,
    HouseholdCreateSerializer,
    HouseholdMemberCreateSerializer,
    VisitCreateSerializer,
)

KINDS = {
    "households": HouseholdCreateSerializer,
    "members": HouseholdMemberCreateSerializer,
    "visits": VisitCreateSerializer,
}


class SyncRequestSerializer(serializers.Serializer):
    """The schema of the request (items are checked one by one, not through this)."""

    households = HouseholdCreateSerializer(many=True, required=False, help_text="As for POST households/.")
    members = HouseholdMemberCreateSerializer(many=True, required=False, help_text="As for POST household-members/.")
    visits = VisitCreateSerializer(many=True, required=False, help_text="As for POST visits/.")


class SyncItemResultSerializer(serializers.Serializer):
    uuid = serializers.CharField(allow_null=True, help_text="The item's client UUID as sent.")
    status = serializers.IntegerField(
        help_text="201 created, 200 already stored, 409 stored with other data, 404 unknown or outside "
        "the caller's area, 410 household erased (drop it from the phone), 403 not allowed, 400 invalid, "
        "503 not processed in time (send again).",
    )
    errors = serializers.DictField(required=False, help_text="With 400: the field errors, as the single endpoints.")
    detail = serializers.CharField(required=False, help_text="With 403, 404, 409, 410 and 503: a message for people.")
    retry = serializers.BooleanField(required=False, help_text="With 503: send this item again.")


class SyncVisitResultSerializer(SyncItemResultSerializer):
    referral_token = serializers.CharField(required=False, help_text="With 201 and 200: the visit's referral token.")


class SyncResponseSerializer(serializers.Serializer):
    households = SyncItemResultSerializer(many=True)
    members = SyncItemResultSerializer(many=True)
    visits = SyncVisitResultSerializer(many=True)


def _envelope(body) -> dict[str, list]:
    if not isinstance(body, dict):
        message = _("Send an object with the lists households, members and visits.")
        raise ValidationError({"non_field_errors": [message]})
    unknown = sorted(set(body) - set(KINDS))
    if unknown:
        raise ValidationError({name: [_("This cannot be sent here.")] for name in unknown})
    lists = {}
    for name in KINDS:
        value = body.get(name)
        if value is None:
            value = []
        if not isinstance(value, list):
            raise ValidationError({name: [_("This must be a list.")]})
        lists[name] = value
    return lists


def _checked(serializer_class, items: list) -> tuple[list, list]:
    """-> (valid items with their position, answers of the invalid ones by position)."""
    serializer = serializer_class()
    valid, answers = [], {}
    for index, item in enumerate(items):
        try:
            valid.append((index, serializer.run_validation(item)))
        except ValidationError as error:
            raw = item.get("client_uuid") if isinstance(item, dict) else None
            answers[index] = sync.ItemResult(raw if isinstance(raw, str) else None, sync.INVALID, errors=error.detail)
    return valid, answers


class VisitSync(FieldAPIView):
    @extend_schema(
        operation_id="sync_visits",
        tags=["community"],
        request=SyncRequestSerializer,
        responses={
            200: OpenApiResponse(SyncResponseSerializer, description="Processed: one answer per item, in order."),
            400: OpenApiResponse(ErrorSerializer, description="The envelope is malformed; nothing stored."),
            403: ERRORS[403],
            413: OpenApiResponse(
                ErrorSerializer, description=f"More than {sync.MAX_SYNC_ITEMS} items in all; nothing stored."
            ),
        },
        description=(
            "Store a phone's queued households, household members and visits in one request, at most "
            f"{sync.MAX_SYNC_ITEMS} items in all. Items have the shapes of the single-item endpoints. "
            "Households are stored first, then members, then visits, so a visit may name a household of "
            "the same batch. Each item is answered on its own, in the order sent: 201 created, 200 already "
            "stored (safe to resend), 409 same UUID with other data (nothing changed), 404 unknown or "
            "outside the caller's area, 410 the household was erased (drop it and what names it from the "
            "phone; a member or visit is still counted, without personal data), 403 not in a team of the "
            "village, 400 invalid with field errors. Items not processed within "
            f"{int(sync.TIME_BUDGET_SECONDS)} seconds are answered 503 with retry: true."
        ),
    )
    def post(self, request):
        lists = _envelope(request.data)
        total = sum(len(items) for items in lists.values())
        if total > sync.MAX_SYNC_ITEMS:
            message = _("Send at most %(max)d items at a time (this batch has %(count)d).") % {
                "max": sync.MAX_SYNC_ITEMS,
                "count": total,
            }
            return Response({"detail": message}, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        checked = {name: _checked(KINDS[name], items) for name, items in lists.items()}
        for _index, data in checked["households"][0]:
            data["village_code"] = data.pop("village")
        result = sync.visits_sync(
            actor=request.user, **{name: [data for _index, data in valid] for name, (valid, _bad) in checked.items()}
        )
        body = {}
        for name, (valid, answers) in checked.items():
            for (index, _data), answer in zip(valid, getattr(result, name), strict=True):
                answers[index] = answer
            body[name] = [answers[index].as_dict() for index in range(len(lists[name]))]
        return Response(body, status=status.HTTP_200_OK)
