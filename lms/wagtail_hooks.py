"""How pages reach learner state: ``courses`` never imports ``lms``; ``lms`` hooks into serving.
Certificates in the admin, where staff revoke them. And "Where learners struggle" under Reports,
for editors and moderators: the numbers of ``lms.insight``, worded and formatted for people."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from courses.models import CourseIndexPage, CoursePage, HomePage, LessonPage

from .insight import (
    MIN_LEARNERS,
    LessonInsight,
    QuestionInsight,
    can_view_insight,
    courses_for_insight,
    lesson_for_insight,
    lesson_insight,
    question_insight,
)
from .learners import learner_from_request, referral_source
from .models import Certificate
from .offline import LESSON, PAGE, is_prefetch, request_offline_mark
from .services import certificate_revoke, lesson_progress_record

# Pages with no personal data, which the service worker may keep for reading offline.
OFFLINE_PAGE_TYPES = (HomePage, CourseIndexPage, CoursePage, LessonPage)


@hooks.register("before_serve_page")
def record_lesson_view(page, request, serve_args, serve_kwargs):
    """Opening a lesson enrols the learner and records the view (position 0: never backwards).
    The service worker downloading a course for later records nothing."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return None
    if isinstance(page, OFFLINE_PAGE_TYPES):
        request_offline_mark(request, LESSON if isinstance(page, LessonPage) else PAGE)
    if not isinstance(page, LessonPage) or is_prefetch(request):
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


# Editor insight: where learners struggle.


def count_text(number: int) -> str:
    return number_format(number, force_grouping=True)


def percent_text(share: float | None) -> str:
    """0..1 -> "57%" (rounded half up), None -> "—"."""
    return "—" if share is None else f"{int(share * 100 + 0.5)}%"


def duration_text(seconds: float | None) -> str:
    """Seconds -> "3 phút 20 giây" (in the active language), None -> "—"."""
    if seconds is None:
        return "—"
    hours, rest = divmod(int(seconds + 0.5), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if minutes and seconds:
        return gettext("%(minutes)d min %(seconds)d s") % {"minutes": minutes, "seconds": seconds}
    if minutes:
        return gettext("%(minutes)d min") % {"minutes": minutes}
    return gettext("%(seconds)d s") % {"seconds": seconds}


@dataclass(frozen=True)
class LessonRow:
    insight: LessonInsight
    url: str
    started: str
    completed: str
    rate: str
    median: str


@dataclass(frozen=True)
class QuestionRow:
    insight: QuestionInsight
    answers: str
    share_correct: str
    wrong_count: str


class InsightView(WagtailAdminTemplateMixin, TemplateView):
    """Lessons of the chosen course (or of every course the user edits) with what to improve
    first, and the questions of one chosen lesson. Fixed queries, however many lessons."""

    template_name = "lms/admin/insight.html"
    page_title = _("Where learners struggle")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_insight(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def _chosen_id(self, name: str) -> int | None:
        value = self.request.GET.get(name, "")
        return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        courses = courses_for_insight(self.request.user)
        course_id = self._chosen_id("course")
        course = next((c for c in courses if c.pk == course_id), None)
        scope = [course] if course else courses
        lesson_id = self._chosen_id("lesson")
        lesson = lesson_for_insight(scope, lesson_id) if lesson_id else None
        base_url = reverse("lms_insight")
        course_query = f"course={course.pk}&" if course else ""
        context.update(
            courses=courses,
            course=course,
            min_learners=MIN_LEARNERS,
            lesson=lesson,
            lesson_rows=[
                LessonRow(
                    insight=row,
                    url=f"{base_url}?{course_query}lesson={row.lesson.pk}#questions",
                    started=count_text(row.started),
                    completed=count_text(row.completed),
                    rate=percent_text(row.completion_rate),
                    median=duration_text(row.median_seconds),
                )
                for row in lesson_insight(courses=scope)
            ],
            question_rows=[
                QuestionRow(
                    insight=row,
                    answers=count_text(row.answers),
                    share_correct=percent_text(row.share_correct),
                    wrong_count=count_text(row.wrong_option_count),
                )
                for row in (question_insight(lesson) if lesson else [])
            ],
        )
        return context


class InsightMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_insight(request.user)


@hooks.register("register_admin_urls")
def register_insight_url():
    return [path("insight/", InsightView.as_view(), name="lms_insight")]


@hooks.register("register_reports_menu_item")
def register_insight_menu_item():
    return InsightMenuItem(_("Where learners struggle"), reverse("lms_insight"), icon_name="warning", order=50)
