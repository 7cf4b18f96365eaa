"""JSON API of teams and campaigns (DRF, under /api/v1/, wired in by ``api.urlpatterns``).

Same rules as ``community_teams.api``: session authentication with CSRF on every unsafe call,
everything read through ``scoping`` (a team the caller cannot see is a 404), service errors
turned into 400/403/404 by ``api._run``. The shapes are listed in ``api``'s docstring. Team
members appear by name only: phone numbers never leave the server here.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from . import services
from .api import ERRORS, READ_ERRORS, FieldAPIView, VillageRefSerializer, _run, _valid
from .campaigns import campaigns_with_progress
from .forms import MEMBER_ROLES
from .models import Role
from .scoping import teams_visible_to
from .team_selectors import teams_with_members


class TeamMemberSerializer(serializers.Serializer):
    membership_id = serializers.IntegerField(source="pk")
    user_id = serializers.IntegerField()
    name = serializers.CharField(source="user.public_name")
    role = serializers.CharField(help_text="member or leader.")
    is_active = serializers.BooleanField()


class TeamSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    commune = VillageRefSerializer()
    villages = VillageRefSerializer(many=True, source="reached_villages")
    can_manage = serializers.BooleanField(help_text="Whether the caller may invite, deactivate and assign.")
    members = TeamMemberSerializer(many=True, source="memberships.all", help_text="Active members first.")


class MemberInviteSerializer(serializers.Serializer):
    phone = serializers.CharField(max_length=20, help_text="A Vietnamese mobile number, in any local format.")
    display_name = serializers.CharField(
        required=False, allow_blank=True, max_length=150, help_text="Required when the number has no account yet."
    )
    role = serializers.ChoiceField(
        choices=MEMBER_ROLES, required=False, default=Role.MEMBER, help_text="leader: coordinators only."
    )


class AreaRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField(help_text="province, commune or village.")


class TargetProgressSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    target = serializers.IntegerField()
    done = serializers.IntegerField()
    percent = serializers.IntegerField(help_text="0 to 100.")


class CampaignSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    area = AreaRefSerializer()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    targets = TargetProgressSerializer(many=True, source="progress")


class TeamList(FieldAPIView):
    @extend_schema(
        operation_id="teams_list",
        tags=["community"],
        responses={200: TeamSerializer(many=True), **READ_ERRORS},
        description="The active teams the caller sees, with their villages and people (by name).",
    )
    def get(self, request):
        return Response(TeamSerializer(teams_with_members(request.user), many=True).data)


class TeamMemberInvite(FieldAPIView):
    @extend_schema(
        operation_id="teams_members_invite",
        tags=["community"],
        request=MemberInviteSerializer,
        responses={
            201: OpenApiResponse(TeamMemberSerializer, description="Put in the team; one SMS invitation sent."),
            200: OpenApiResponse(TeamMemberSerializer, description="Already an active member; nothing changed."),
            **ERRORS,
        },
        description="Invite someone by phone number: their account is made if there is none (then "
        "``display_name`` is required). Team leaders (members only) and coordinators.",
    )
    def post(self, request, team_id: int):
        team = teams_visible_to(request.user).filter(pk=team_id, is_active=True).first()
        if team is None:
            raise NotFound(_("This team does not exist or is outside your area."))
        data = _valid(MemberInviteSerializer, request)
        membership, invited = _run(
            services.member_invite,
            actor=request.user,
            team=team,
            phone=data["phone"],
            display_name=data.get("display_name") or "",
            role=data["role"],
        )
        return Response(
            TeamMemberSerializer(membership).data, status=status.HTTP_201_CREATED if invited else status.HTTP_200_OK
        )


class CampaignList(FieldAPIView):
    @extend_schema(
        operation_id="campaigns_list",
        tags=["community"],
        responses={200: CampaignSerializer(many=True), **READ_ERRORS},
        description="Campaigns of the caller's areas running now or ended in the last 30 days, with "
        "each target's progress.",
    )
    def get(self, request):
        campaigns = []
        for campaign, progress in campaigns_with_progress(request.user):
            campaign.progress = progress
            campaigns.append(campaign)
        return Response(CampaignSerializer(campaigns, many=True).data)
