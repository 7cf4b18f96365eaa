"""The list import page in the Wagtail admin: upload → preview → import.

Between the preview and the import the uploaded bytes wait in the cache (Redis in production,
shared by every web process; memory in the embedded setup) under a random key for
``PENDING_SECONDS``, bound to the person and the commune, and are removed once imported. Not on
disk under MEDIA_ROOT: that folder is served publicly and, in production, lives in object
storage; not in the session: up to 2 MB would ride along with every admin request. The file is
checked again at import time, against the villages as they are then.
"""

import secrets

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .importing import COLUMN_LABELS, MAX_FILE_BYTES, import_apply, import_preview
from .models import Area, AreaKind
from .scoping import scope_of

PENDING_SECONDS = 3600
PREVIEW_ROWS = 200
_CACHE_PREFIX = "community-import:"


def may_import(user) -> bool:
    scope = scope_of(user)
    return scope.everything or scope.is_coordinator


def communes_for(user):
    scope = scope_of(user)
    communes = Area.objects.filter(kind=AreaKind.COMMUNE)
    if scope.everything:
        return communes
    return communes.filter(code__in=scope.commune_codes) | communes.filter(province_code__in=scope.province_codes)


class UploadForm(forms.Form):
    commune = forms.ModelChoiceField(label=gettext_lazy("Commune or ward"), queryset=Area.objects.none())
    file = forms.FileField(
        label=gettext_lazy("List (CSV or Excel .xlsx)"),
        help_text=gettext_lazy(
            "Columns: Mã hộ, Thôn/Tổ, Chủ hộ, Địa chỉ, Số điện thoại, Số nhân khẩu. "
            "A list of villages needs only Thôn/Tổ (and Số hộ). At most 2 MB and 5000 rows."
        ),
    )
    create_villages = forms.BooleanField(
        label=gettext_lazy("Create the villages the commune does not have yet"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        communes = communes_for(user).order_by("name")
        self.fields["commune"].queryset = communes
        if len(only := communes[:2]) == 1:
            self.fields["commune"].initial = only[0].pk

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": MAX_FILE_BYTES // (1024 * 1024)}, code="too_big"
            )
        return upload


class ImportMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"
    page_title = gettext_lazy("Import households and villages")
    template_name = "community_teams/admin/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render_preview(self, *, preview, commune, token, create_villages):
        rows = preview.rows[:PREVIEW_ROWS]
        context = self.get_context_data(
            preview=preview,
            commune=commune,
            token=token,
            create_villages=create_villages,
            columns=[(name, COLUMN_LABELS[name]) for name in preview.columns],
            shown_rows=[
                {
                    "number": row.number,
                    "is_valid": row.is_valid,
                    "cells": [
                        (row.values.get(name, ""), [error.message for error in row.errors if error.column == name])
                        for name in preview.columns
                    ],
                    "row_errors": [error.message for error in row.errors if not error.column],
                    "new_village": row.new_village,
                }
                for row in rows
            ],
            hidden_rows=max(0, len(preview.rows) - PREVIEW_ROWS),
        )
        return self.render_to_response(context)


class ImportUploadView(ImportMixin, FormView):
    """Upload and preview; nothing is written."""

    form_class = UploadForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        commune = form.cleaned_data["commune"]
        create_villages = form.cleaned_data["create_villages"]
        data = form.cleaned_data["file"].read(MAX_FILE_BYTES + 1)
        preview = import_preview(actor=self.request.user, commune=commune, file=data, create_villages=create_villages)
        token = ""
        if preview.file_error is None and preview.valid_rows:
            token = secrets.token_urlsafe(24)
            cache.set(
                _CACHE_PREFIX + token,
                {"user": self.request.user.pk, "commune": commune.pk, "data": data, "create_villages": create_villages},
                PENDING_SECONDS,
            )
        return self.render_preview(preview=preview, commune=commune, token=token, create_villages=create_villages)


class ImportApplyView(ImportMixin, View):
    """Import the file previewed: all rows (only if all are valid) or only the valid ones."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        token = request.POST.get("token", "")
        key = _CACHE_PREFIX + token
        pending = cache.get(key) if token else None
        if not pending or pending["user"] != request.user.pk:
            messages.error(request, _("The uploaded list has expired. Upload it again."))
            return redirect(reverse("community-import:upload"))
        commune = communes_for(request.user).filter(pk=pending["commune"]).first()
        if commune is None:
            raise PermissionDenied
        only_valid = request.POST.get("rows") == "valid"
        preview = import_preview(
            actor=request.user, commune=commune, file=pending["data"], create_villages=pending["create_villages"]
        )
        try:
            counts = import_apply(actor=request.user, commune=commune, preview=preview, only_valid=only_valid)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_preview(
                preview=preview, commune=commune, token=token, create_villages=pending["create_villages"]
            )
        cache.delete(key)
        messages.success(
            request,
            _(
                "Imported into %(commune)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
                "%(skipped)s left as the residents gave them, %(villages)s new villages, %(rejected)s rows with errors "
                "not imported."
            )
            % {
                "commune": commune.name,
                "created": counts["created"],
                "updated": counts["updated"],
                "unchanged": counts["unchanged"],
                "skipped": counts["skipped"],
                "villages": counts["villages_created"],
                "rejected": counts["rejected"],
            },
        )
        return redirect(reverse("community-import:upload"))


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


class ImportViewSet(ViewSet):
    icon = "upload"
    menu_label = gettext_lazy("Import lists")

    @property
    def menu_item_class(self):
        return ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", ImportUploadView.as_view(), name="upload"),
            path("apply/", ImportApplyView.as_view(), name="apply"),
        ]
