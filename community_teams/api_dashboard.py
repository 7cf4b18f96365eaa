"""JSON API of the dashboard (DRF, under /api/v1/, wired in by ``api.urlpatterns``).

Same rules as ``community_teams.api``: signed-in people with a community role, figures from
``dashboard.dashboard_for`` (scoped; a village, team or campaign outside the caller's area is a
404). Query parameters are dates (``YYYY-MM-DD``), a village code and team and campaign ids;
anything malformed is a 400. The same figures as the page, as numbers.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from lms.api import ErrorSerializer

from .api import ERRORS, FieldAPIView
from .api_teams import TargetProgressSerializer
from .dashboard import MAX_PERIOD_DAYS, dashboard_for, default_period
from .models import Campaign
from .scoping import campaigns_visible_to, is_field_user

MAX_ID = 2**31 - 1


class DashboardQuerySerializer(serializers.Serializer):
    period_start = serializers.DateField(required=False, help_text="Default: the Monday seven weeks ago.")
    period_end = serializers.DateField(required=False, help_text="Default: today. At most 53 weeks after the start.")
    village = serializers.CharField(required=False, max_length=20, help_text="A village code.")
    team = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    campaign = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="Also the default period: the campaign's."
    )

    def validate(self, data):
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            raise ValidationError({"period_end": [_("The end of the period is before its start.")]})
        if start and end and (end - start).days >= MAX_PERIOD_DAYS:
            raise ValidationError({"period_end": [_("Choose a period of at most 53 weeks.")]})
        return data


class VillageCoverageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    commune_name = serializers.CharField()
    reached = serializers.IntegerField(help_text="Households with a visit, ever up to the end of the period.")
    households = serializers.IntegerField(help_text="The denominator.")
    denominator_source = serializers.CharField(help_text="commune_statistics or household_rows.")
    household_rows = serializers.IntegerField()
    percent = serializers.IntegerField()
    meeting_target = serializers.IntegerField()


class SkillCoverageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    households = serializers.IntegerField(help_text="With at least one member holding it.")
    observed = serializers.IntegerField()
    learned = serializers.IntegerField()


class TeamWeeksSerializer(serializers.Serializer):
    team_id = serializers.IntegerField()
    name = serializers.CharField()
    counts = serializers.ListField(child=serializers.IntegerField(), help_text="One per week of ``weeks``.")
    total = serializers.IntegerField()


class HelpCountSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    skill = serializers.CharField()
    count = serializers.IntegerField()


class IdleMemberSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField()
    team_id = serializers.IntegerField()
    team = serializers.CharField()
    name = serializers.CharField()
    last_visit_at = serializers.DateTimeField(allow_null=True)


class DashboardSerializer(serializers.Serializer):
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    village = serializers.CharField(source="village.code", allow_null=True, default=None)
    team = serializers.IntegerField(source="team.pk", allow_null=True, default=None)
    campaign = serializers.IntegerField(source="campaign.pk", allow_null=True, default=None)
    households = serializers.IntegerField()
    reached = serializers.IntegerField()
    coverage_percent = serializers.IntegerField()
    households_meeting_target = serializers.IntegerField()
    visits = serializers.IntegerField()
    enrolments = serializers.IntegerField()
    completions = serializers.IntegerField()
    follow_ups_overdue = serializers.IntegerField()
    villages = VillageCoverageSerializer(many=True)
    skills = SkillCoverageSerializer(many=True)
    weeks = serializers.ListField(child=serializers.DateField(), help_text="Mondays.")
    team_weeks = TeamWeeksSerializer(many=True)
    help = HelpCountSerializer(many=True)
    idle_members = IdleMemberSerializer(many=True)
    campaign_targets = TargetProgressSerializer(many=True)


class DashboardView(FieldAPIView):
    pagination_class = None

    @extend_schema(
        operation_id="dashboard_read",
        tags=["community"],
        parameters=[
            OpenApiParameter("period_start", str, description="YYYY-MM-DD"),
            OpenApiParameter("period_end", str, description="YYYY-MM-DD"),
            OpenApiParameter("village", str, description="A village code."),
            OpenApiParameter("team", int),
            OpenApiParameter("campaign", int),
        ],
        responses={
            200: DashboardSerializer,
            400: ERRORS[400],
            403: ERRORS[403],
            404: OpenApiResponse(ErrorSerializer, description="A village, team or campaign outside the caller's area."),
        },
        description="The dashboard's figures for the caller's area, narrowed by the filters.",
    )
    def get(self, request):
        if not is_field_user(request.user):
            raise PermissionDenied(_("Only community team members and coordinators see this."))
        query = DashboardQuerySerializer(data=request.query_params)
        if not query.is_valid():
            raise ValidationError(query.errors)
        data = query.validated_data
        campaign: Campaign | None = None
        if data.get("campaign"):
            campaign = campaigns_visible_to(request.user).filter(pk=data["campaign"]).first()
            if campaign is None:
                raise NotFound(_("This campaign does not exist or is outside your area."))
        default_start, default_end = (campaign.starts_on, campaign.ends_on) if campaign else default_period()
        start = data.get("period_start") or default_start
        end = data.get("period_end") or max(default_end, start)
        if (end - start).days >= MAX_PERIOD_DAYS:
            raise ValidationError({"period_end": [_("Choose a period of at most 53 weeks.")]})
        board = dashboard_for(
            request.user,
            period_start=start,
            period_end=end,
            village=data.get("village") or None,
            team=data.get("team"),
            campaign=data.get("campaign"),
        )
        return Response(DashboardSerializer(board).data)
