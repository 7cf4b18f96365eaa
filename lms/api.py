"""JSON API over learner records (DRF, under /api/v1/): what the lesson pages' JavaScript needs to
record progress and position, and the staff-only xAPI export.

Progress calls act for whoever the request is: the signed-in account, else the anonymous learner
of the signed cookie (created on the first write, never on a read). Unsafe calls need the CSRF
token for anonymous learners too (see ``lms.api_auth``). A rejected call stores nothing.

Replays: progress only moves forward, so a resent position changes nothing. Time spent adds up,
so a call may carry an ``event_id`` (a UUID the client makes once per event and resends with it);
a second call with the same id within ``EVENT_TTL_SECONDS`` adds no time. The ids are kept in the
cache, not the database: a cache flush or eviction within the window lets a replay count twice
(at most ``MAX_SECONDS_PER_CALL`` each), which is the price of needing no table.
"""

from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response
from rest_framework.views import APIView

from courses.models import LessonPage

from . import xapi
from .learners import existing_learner, learner_cookie_forged, learner_from_request, referral_source
from .models import ProgressStatus
from .selectors import (
    MAX_PAGE_ID,
    CourseProgress,
    LessonProgressSummary,
    course_progress_of,
    lesson_for_quiz,
    lesson_progress_summary,
)
from .services import MAX_SECONDS_PER_CALL, lesson_progress_record

EVENT_TTL_SECONDS = 7 * 24 * 3600
NOT_STARTED = "not_started"

POSITION_ERROR = gettext_lazy("The position must be a number between 0 and 1.")
SECONDS_ERROR = gettext_lazy("Time spent must be a whole number of seconds, 0 or more.")


def _published_lesson(lesson_id: int) -> LessonPage:
    try:
        return lesson_for_quiz(page_id=lesson_id)
    except Http404:
        raise NotFound(_("This lesson does not exist or is not published.")) from None


# Input.


class PositionField(serializers.FloatField):
    """A JSON number from 0 to 1; no strings or booleans (DRF would read "0.5" and true)."""

    default_error_messages = {
        "invalid": POSITION_ERROR,
        "min_value": POSITION_ERROR,
        "max_value": POSITION_ERROR,
        "overflow": POSITION_ERROR,
        "required": gettext_lazy("Send the position reached, a number between 0 and 1."),
        "null": POSITION_ERROR,
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=0.0, max_value=1.0, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class SecondsField(serializers.IntegerField):
    """A whole JSON number of seconds (2.0 is whole; "2", 2.5 and true are not)."""

    default_error_messages = {
        "invalid": SECONDS_ERROR,
        "min_value": SECONDS_ERROR,
        "max_value": gettext_lazy("Time spent in one call can be at most {max_value} seconds."),
        "null": SECONDS_ERROR,
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=0, max_value=MAX_SECONDS_PER_CALL, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        if isinstance(data, float):
            if not data.is_integer():
                self.fail("invalid")
            data = int(data)
        return super().to_internal_value(data)


class StrictUUIDField(serializers.UUIDField):
    """A UUID as text only: DRF would take ``false`` or ``0`` as the integer 0, a valid UUID."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid", value=data)
        return super().to_internal_value(data)


class ProgressInputSerializer(serializers.Serializer):
    position = PositionField(help_text="How far through the lesson, from 0 (start) to 1 (end). Never goes back.")
    seconds = SecondsField(default=0, help_text="Seconds spent since the last call.")
    event_id = StrictUUIDField(
        required=False,
        allow_null=True,
        help_text="Made once per event by the client and resent with it: a replay adds no time.",
        error_messages={"invalid": gettext_lazy("The event id must be a UUID.")},
    )


# Output.


class LessonProgressSerializer(serializers.Serializer):
    lesson_id = serializers.IntegerField(source="lesson.pk")
    lesson_key = serializers.UUIDField(source="lesson.translation_key")
    status = serializers.ChoiceField(choices=[NOT_STARTED, *ProgressStatus.values])
    position = serializers.FloatField(min_value=0, max_value=1)
    time_spent_seconds = serializers.IntegerField(min_value=0)
    best_score_percent = serializers.IntegerField(min_value=0, max_value=100, allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)
    course_percent = serializers.IntegerField(
        min_value=0, max_value=100, help_text="Live lessons of the course completed, in percent."
    )

    def to_representation(self, summary: LessonProgressSummary) -> dict:
        progress = summary.progress
        return super().to_representation(
            {
                "lesson": summary.lesson,
                "status": progress.status if progress else NOT_STARTED,
                "position": progress.position if progress else 0.0,
                "time_spent_seconds": progress.time_spent_seconds if progress else 0,
                "best_score_percent": progress.best_score_percent if progress else None,
                "completed_at": progress.completed_at if progress else None,
                "course_percent": summary.course_percent,
            }
        )


class LessonRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()


class CourseProgressSerializer(serializers.Serializer):
    course_id = serializers.IntegerField()
    course_key = serializers.UUIDField()
    title = serializers.CharField()
    url = serializers.CharField()
    language = serializers.CharField()
    status = serializers.ChoiceField(choices=["in_progress", "completed"])
    percent = serializers.IntegerField(min_value=0, max_value=100)
    enrolled_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)
    next_lesson = LessonRefSerializer(allow_null=True, help_text="The first live lesson not completed yet.")

    def to_representation(self, row: CourseProgress) -> dict:
        request = self.context.get("request")
        course, following = row.course, row.next_lesson
        return super().to_representation(
            {
                "course_id": course.pk,
                "course_key": course.translation_key,
                "title": course.title,
                "url": course.get_full_url(request=request) or "",
                "language": course.locale.language_code,
                "status": "completed" if row.enrolment.completed_at else "in_progress",
                "percent": row.percent,
                "enrolled_at": row.enrolment.enrolled_at,
                "completed_at": row.enrolment.completed_at,
                "next_lesson": following
                and {
                    "id": following.pk,
                    "title": following.title,
                    "url": following.get_full_url(request=request) or "",
                },
            }
        )


class CourseProgressListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = CourseProgressSerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, for people.")


class ProgressErrorSerializer(serializers.Serializer):
    """Field errors (each a list of messages), or ``detail`` for a body that is not JSON."""

    position = serializers.ListField(child=serializers.CharField(), required=False)
    seconds = serializers.ListField(child=serializers.CharField(), required=False)
    event_id = serializers.ListField(child=serializers.CharField(), required=False)
    non_field_errors = serializers.ListField(child=serializers.CharField(), required=False)
    detail = serializers.CharField(required=False)


LESSON_ID = OpenApiParameter(
    "lesson_id",
    {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_ID},
    OpenApiParameter.PATH,
    description="The lesson page's id (as in the course's lesson list).",
)
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="Unknown or unpublished lesson.")


# Views.


class LessonProgressView(APIView):
    """One lesson's progress for whoever is learning (the account, else the browser's learner)."""

    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="progress_lesson_retrieve",
        tags=["progress"],
        parameters=[LESSON_ID],
        responses={200: LessonProgressSerializer, 404: NOT_FOUND},
        description="The learner's progress in one lesson: zeros and `not_started` when never opened. Creates nothing.",
    )
    def get(self, request, lesson_id: int):
        lesson = _published_lesson(lesson_id)
        summary = lesson_progress_summary(existing_learner(request._request), lesson)
        return Response(LessonProgressSerializer(summary).data)

    @extend_schema(
        operation_id="progress_lesson_record",
        tags=["progress"],
        parameters=[LESSON_ID],
        request=ProgressInputSerializer,
        responses={
            200: LessonProgressSerializer,
            400: OpenApiResponse(ProgressErrorSerializer, description="Invalid input; nothing stored."),
            403: OpenApiResponse(
                ErrorSerializer,
                description="Missing or wrong CSRF token (anonymous learners too), or a learner cookie "
                "that fails its signature check; nothing stored.",
            ),
            404: NOT_FOUND,
        },
        description="Record the position reached and the time spent in a lesson, then return the learner's "
        "progress. Enrols on the first call; an anonymous learner gets a signed cookie. Progress never "
        "moves back; reaching 1 completes a lesson without a quiz. Send the CSRF token in `X-CSRFToken`.",
    )
    def post(self, request, lesson_id: int):
        lesson = _published_lesson(lesson_id)
        if learner_cookie_forged(request._request):
            raise PermissionDenied(
                _("Your learning record on this device could not be verified. Reload the lesson and try again."),
                code="learner_unverified",
            )
        serializer = ProgressInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with transaction.atomic():
            learner = learner_from_request(request._request, create=True)
            seconds = data["seconds"]
            event_key = f"lms:progress-event:{learner.pk}:{data['event_id']}" if data.get("event_id") else None
            claimed = bool(event_key and seconds) and cache.add(event_key, 1, EVENT_TTL_SECONDS)
            if event_key and seconds and not claimed:
                seconds = 0  # a replay: its time counted the first time
            try:
                lesson_progress_record(
                    learner=learner,
                    lesson=lesson,
                    position=data["position"],
                    seconds=seconds,
                    source=referral_source(request._request),
                )
            except Exception:
                if claimed:
                    cache.delete(event_key)
                raise
        return Response(LessonProgressSerializer(lesson_progress_summary(learner, lesson)).data)


class CourseProgressView(APIView):
    """The learner's courses with progress, for a "my courses" or "continue" view."""

    @extend_schema(
        operation_id="progress_courses_list",
        tags=["progress"],
        responses={200: CourseProgressListSerializer},
        description="Courses the learner is enrolled in (live ones, catalogue order) with percent done and "
        "the next lesson. Empty for a browser that has learnt nothing yet; creates nothing.",
    )
    def get(self, request):
        rows = course_progress_of(existing_learner(request._request))
        results = CourseProgressSerializer(rows, many=True, context={"request": request}).data
        return Response({"count": len(rows), "results": results})


class XapiQuerySerializer(serializers.Serializer):
    since = serializers.CharField()
    until = serializers.CharField()
    limit = serializers.IntegerField(min_value=1, max_value=1000, default=500)
    cursor = serializers.CharField(required=False)

    def validate(self, attrs):
        try:
            since, until = xapi.parse_day(attrs["since"]), xapi.parse_day(attrs["until"])
            attrs["start"], attrs["end"] = xapi.day_range(since, until)
            attrs["after"] = xapi.Cursor.loads(attrs["cursor"]) if attrs.get("cursor") else None
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from None
        return attrs


class XapiStatementList(APIView):
    """xAPI statements of a date range (both days included, site time zone), for staff.

    The body is an xAPI StatementResult: ``{"statements": [...], "more": ""}``, ``more`` being the
    relative URL of the next page, or empty at the end. Left out of the public schema: it is not
    for the pages' JavaScript, and its shape is the xAPI specification's.
    """

    permission_classes = [IsAdminUser]

    @extend_schema(exclude=True)
    def get(self, request):
        query = XapiQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        statements, last = xapi.statements_page(
            params["start"], params["end"], limit=params["limit"], after=params["after"]
        )
        more = ""
        if last is not None:
            following = {
                "since": params["since"],
                "until": params["until"],
                "limit": params["limit"],
                "cursor": last.dumps(),
            }
            more = f"{request.path}?{urlencode(following)}"
        response = Response({"statements": statements, "more": more}, status=status.HTTP_200_OK)
        response["X-Experience-API-Version"] = xapi.XAPI_VERSION
        return response


urlpatterns = [
    path("progress/lessons/<int:lesson_id>/", LessonProgressView.as_view(), name="progress-lesson"),
    path("progress/courses/", CourseProgressView.as_view(), name="progress-courses"),
    path("xapi/statements/", XapiStatementList.as_view(), name="xapi-statements"),
]
