"""The export page of the field screens (``/to-cong-nghe-so/xuat/``) and the download of a file.

The page asks for an export of households or visits (``exports.export_request``: rules in
``scoping``) and lists the person's own recent exports with their progress, the dashboard's
included (asked for on the dashboard page: ``dashboard_views.dashboard_export``). Without
JavaScript it reloads itself while one is being made; ``static/js/exports.js`` polls
``GET /api/v1/exports/<id>/`` instead. A file is served only to the person who asked for it
(anyone else: 404), as an attachment, never cached.
With no broker (the embedded mode, no beat) opening the page deletes expired files.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from .exports import export_filename, export_of, export_request, exports_expire, exports_of
from .models import ExportFormat, ExportKind, ExportStatus
from .scoping import export_includes_personal_data, villages_visible_to
from .services.errors import NotPermitted
from .views import field_user_required

RECENT_EXPORTS = 10
REFRESH_SECONDS = 3
_EXPIRE_KEY = "community_teams:exports-expire"


class ExportForm(forms.Form):
    # The dashboard is exported from its own page, with the filters it shows.
    kind = forms.ChoiceField(
        label=gettext_lazy("What to export"),
        choices=[(value, label) for value, label in ExportKind.choices if value != ExportKind.DASHBOARD],
        initial="households",
    )
    format = forms.ChoiceField(label=gettext_lazy("File type"), choices=ExportFormat.choices, initial="xlsx")
    village = forms.ChoiceField(label=gettext_lazy("Village or residential group"), required=False)
    date_from = forms.DateField(label=gettext_lazy("Visited from"), required=False)
    date_to = forms.DateField(label=gettext_lazy("Visited until"), required=False)

    def __init__(self, *args, villages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.villages = list(villages)
        everywhere = [("", gettext_lazy("Every village I work in"))]
        self.fields["village"].choices = everywhere + [(v.code, f"{v.name} · {v.parent.name}") for v in self.villages]


def _expire_now_and_then() -> None:
    """No beat process in the embedded mode: expire files when the page is opened, once a minute."""
    if settings.CELERY_TASK_ALWAYS_EAGER and cache.add(_EXPIRE_KEY, 1, timeout=60):
        exports_expire()


@never_cache
@field_user_required
def exports_page(request):
    _expire_now_and_then()
    villages = villages_visible_to(request.user).select_related("parent").order_by("parent__name", "name")
    form = ExportForm(request.POST or None, villages=villages)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            filters = {key: data[key] for key in ("village", "date_from", "date_to") if data.get(key)}
            try:
                export_request(actor=request.user, kind=data["kind"], format=data["format"], filters=filters)
            except NotPermitted as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Your export is being made. It appears below when it is ready."))
                return redirect("community_teams:exports")
        status = 400
    return render(request, "community_teams/exports.html", _context(request, form), status=status)


def _add_errors(form: ExportForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _context(request, form: ExportForm, *, notice: str = "") -> dict:
    exports = list(exports_of(request.user)[:RECENT_EXPORTS])
    return {
        "form": form,
        "exports": exports,
        "notice": notice,
        "refresh_seconds": REFRESH_SECONDS if any(export.is_active for export in exports) else 0,
        "personal_data": export_includes_personal_data(request.user, ExportKind.HOUSEHOLDS),
    }


@never_cache
@field_user_required
def export_download(request, export_id: int):
    """The file, to the person who asked for it; 404 to anyone else. Expired: a page saying so."""
    export = export_of(request.user, export_id)
    if export is None:
        raise Http404(_("This export does not exist."))
    if export.status == ExportStatus.DONE and export.file:
        response = FileResponse(
            export.file.open("rb"),
            as_attachment=True,
            filename=export_filename(export),
            content_type="text/csv; charset=utf-8"
            if export.format == ExportFormat.CSV
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
    if export.is_active:
        return redirect("community_teams:exports")
    if export.status == ExportStatus.EXPIRED:
        notice = _("This file has expired and was deleted, to protect the households' data. Ask for a new export.")
    else:
        notice = _("This export could not be made. Ask for a new one.")
    villages = villages_visible_to(request.user).select_related("parent").order_by("parent__name", "name")
    response = render(
        request,
        "community_teams/exports.html",
        _context(request, ExportForm(villages=villages), notice=notice),
        status=410,
    )
    response["Cache-Control"] = "private, no-store"
    return response
