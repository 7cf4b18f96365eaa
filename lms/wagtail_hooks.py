"""How pages reach learner state: ``courses`` never imports ``lms``; ``lms`` hooks into serving.
And certificates in the admin, where staff revoke them."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from courses.models import LessonPage

from .learners import learner_from_request, referral_source
from .models import Certificate
from .services import certificate_revoke, lesson_progress_record


@hooks.register("before_serve_page")
def record_lesson_view(page, request, serve_args, serve_kwargs):
    """Opening a lesson enrols the learner and records the view (position 0: never backwards)."""
    if request.method != "GET" or not isinstance(page, LessonPage) or getattr(request, "is_preview", False):
        return None
    learner = learner_from_request(request, create=True)
    lesson_progress_record(learner=learner, lesson=page, position=0.0, source=referral_source(request))
    return None


# Certificates: staff revoke them; nothing else about a certificate is editable.

REVOKE_ACTION = "lms.certificate.revoke"


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are made only by ``certificate_issue`` and never deleted (a printed one keeps
    its check page): the admin offers revoking, which needs ``lms.change_certificate``."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


class CertificateRevokeForm(WagtailAdminModelForm):
    revoke = forms.BooleanField(label=_("Revoke this certificate"), required=False)
    field_order = ["revoke", "revoked_reason"]

    class Meta:
        model = Certificate
        fields = ["revoked_reason"]
        widgets = {"revoked_reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoke"].help_text = _(
            "%(holder)s, %(course)s. The public check page will then say that it was revoked. This cannot be undone."
        ) % {"holder": self.instance.holder_name or "—", "course": self.instance.course_title}
        if self.instance.is_revoked:
            self.fields["revoke"].initial = True
            self.fields["revoke"].disabled = True

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("revoke") and not (cleaned_data.get("revoked_reason") or "").strip():
            self.add_error("revoked_reason", _("Give a reason for revoking the certificate."))
        return cleaned_data


class CertificateEditView(EditView):
    """Saves nothing but a revocation, through the service."""

    def save_instance(self):
        if not self.form.cleaned_data.get("revoke"):
            return Certificate.objects.get(pk=self.object.pk)
        certificate = certificate_revoke(certificate=self.object, reason=self.form.cleaned_data["revoked_reason"])
        log(instance=certificate, action=REVOKE_ACTION, user=self.request.user)
        return certificate


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 350
    add_to_admin_menu = True
    copy_view_enabled = False
    edit_view_class = CertificateEditView
    list_display = [
        "__str__",
        "holder_name",
        "course_title",
        DateColumn("issued_at", label=_("Issued")),
        Column("status_label", label=_("Status")),
    ]
    list_per_page = 50
    search_fields = ["code", "holder_name", "course_title"]
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return CertificateRevokeForm


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificates")


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action(REVOKE_ACTION, _("Revoke certificate"), _("Certificate revoked"))
