"""JSON API of exports (listed with the other endpoints in ``community_teams.api``).

``POST exports/`` asks for a file of households, visits or the dashboard
(``exports.export_request``; who may export what is decided in ``scoping``) and answers 202
before it is made; ``GET exports/<id>/`` is its progress, polled by
the export page. Only the person who asked sees an export: anyone else gets a 404.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.fields import get_error_detail
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from lms.api import ErrorSerializer

from .exports import export_of, export_request
from .models import Export, ExportStatus
from .services.errors import NotPermitted


class ExportFiltersSerializer(serializers.Serializer):
    village = serializers.CharField(required=False, help_text="A village code, e.g. 01273-001.")
    team = serializers.IntegerField(required=False, help_text="A team id.")
    date_from = serializers.DateField(
        required=False, help_text="Households and visits: visits on or after this day (Vietnam time)."
    )
    date_to = serializers.DateField(required=False, help_text="Households and visits: visits on or before this day.")
    period_start = serializers.DateField(
        required=False, help_text="Dashboard: the period's first day (default as on the dashboard page)."
    )
    period_end = serializers.DateField(required=False, help_text="Dashboard: the period's last day.")
    campaign = serializers.IntegerField(required=False, help_text="Dashboard: a campaign id.")


class ExportCreateSerializer(serializers.Serializer):
    """Documents the body; the service checks it and gives the messages."""

    kind = serializers.ChoiceField(choices=["households", "visits", "dashboard"])
    format = serializers.ChoiceField(choices=["csv", "xlsx"])
    filters = ExportFiltersSerializer(required=False)


class ExportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    format = serializers.CharField()
    status = serializers.CharField(help_text="pending, running, done, failed or expired.")
    rows_total = serializers.IntegerField()
    rows_done = serializers.IntegerField()
    percent = serializers.IntegerField(help_text="0 to 100.")
    download_url = serializers.SerializerMethodField()
    expires_at = serializers.DateTimeField(allow_null=True)
    error = serializers.CharField(help_text="Why it failed, for people; empty otherwise.")

    def get_download_url(self, export) -> str | None:
        if export.status != ExportStatus.DONE:
            return None
        return reverse("community_teams:export_download", args=[export.pk])


class ExportFieldErrorSerializer(serializers.Serializer):
    non_field_errors = serializers.ListField(child=serializers.CharField(), required=False)
    kind = serializers.ListField(child=serializers.CharField(), required=False)
    format = serializers.ListField(child=serializers.CharField(), required=False)
    filters = serializers.ListField(child=serializers.CharField(), required=False)
    village = serializers.ListField(child=serializers.CharField(), required=False)
    team = serializers.ListField(child=serializers.CharField(), required=False)
    date_from = serializers.ListField(child=serializers.CharField(), required=False)
    date_to = serializers.ListField(child=serializers.CharField(), required=False)
    period_start = serializers.ListField(child=serializers.CharField(), required=False)
    period_end = serializers.ListField(child=serializers.CharField(), required=False)
    campaign = serializers.ListField(child=serializers.CharField(), required=False)


ERRORS = {
    400: OpenApiResponse(ExportFieldErrorSerializer, description="Invalid request; nothing stored."),
    403: OpenApiResponse(ErrorSerializer, description="Signed out, wrong CSRF token, or no community role."),
}


class ExportAPIView(GenericAPIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [JSONParser]


class ExportCreate(ExportAPIView):
    @extend_schema(
        operation_id="exports_create",
        tags=["community"],
        request=ExportCreateSerializer,
        responses={202: ExportSerializer, **ERRORS},
        description="Ask for a CSV or XLSX file of the households or visits the caller may see, or of "
        "the dashboard's tables (`dashboard`: its filters are `period_start`, `period_end`, `village`, "
        "`team` and `campaign`; figures only). It is made in the background: poll the export until "
        "`download_url` is set (`rows_done` of `rows_total` counts rows, or tables for the dashboard). "
        "Household names, phone numbers and addresses only for team leaders and coordinators; recorded "
        "in the audit log.",
    )
    def post(self, request):
        body = request.data if isinstance(request.data, dict) else {}
        try:
            export = export_request(
                actor=request.user,
                kind=body.get("kind") or "",
                format=body.get("format") or "",
                filters=body.get("filters"),
            )
        except DjangoValidationError as error:
            detail = get_error_detail(error)
            raise ValidationError(detail if isinstance(detail, dict) else {"non_field_errors": detail}) from None
        except NotPermitted as error:
            raise PermissionDenied(str(error)) from None
        export = Export.objects.get(pk=export.pk)  # the task may have run already (no broker)
        return Response(ExportSerializer(export).data, status=status.HTTP_202_ACCEPTED)


class ExportDetail(ExportAPIView):
    @extend_schema(
        operation_id="exports_retrieve",
        tags=["community"],
        responses={200: ExportSerializer, 403: ERRORS[403], 404: OpenApiResponse(ErrorSerializer)},
        description="An export's progress; `download_url` once the file is ready. The owner's only.",
    )
    def get(self, request, export_id: int):
        export = export_of(request.user, export_id)
        if export is None:
            raise NotFound(_("This export does not exist."))
        response = Response(ExportSerializer(export).data)
        response["Cache-Control"] = "private, no-store"
        return response
