"""One way in: admin, accounts, API, health check, printed URLs, then the pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import api as courses_api

from . import account_views, certificate_views, views
from . import api as lms_api

handler400 = "lms.errors.bad_request"
handler404 = "lms.errors.page_not_found"
handler500 = "lms.errors.server_error"
handler429 = "lms.errors.too_many_requests"  # used by django-allauth

api_patterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    *courses_api.urlpatterns,
    *lms_api.urlpatterns,
    # Included by name: lms never imports community_teams (it only wires its URLs in).
    path("", include("community_teams.api")),
]

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include((api_patterns, "api"), namespace="api")),
    path("healthz", views.healthz, name="healthz"),
    # The installable web app: the worker must sit at the root to control every page.
    path("sw.js", views.service_worker, name="service_worker"),
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
    # Printed on certificates and in their QR codes: outside the language prefixes, never changes.
    path("chung-chi/<str:code>/", certificate_views.certificate_verify, name="certificate_verify"),
    path("chung-chi/<str:code>/tai-ve/", certificate_views.certificate_download, name="certificate_download"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("bai-hoc/<int:page_id>/kiem-tra/", views.quiz_submit, name="quiz_submit"),
    path("bai-hoc/<int:page_id>/hoan-thanh/", views.lesson_complete, name="lesson_complete"),
    path("khoa-hoc-cua-toi/", views.my_courses, name="my_courses"),
    path("ngoai-tuyen/", views.offline_page, name="offline"),
    path("chung-chi/nhan/<int:enrolment_id>/", certificate_views.certificate_claim, name="certificate_claim"),
    path("tai-khoan/", account_views.account_home, name="account_home"),
    path("tai-khoan/du-lieu.json", account_views.account_data, name="account_data"),
    path("tai-khoan/xoa/", account_views.account_delete_view, name="account_delete"),
    path("tai-khoan/gop-tien-do/", account_views.merge_progress, name="merge_progress"),
    path("luu-tien-do/", account_views.save_progress, name="save_progress"),
    path("tiep-tuc/", account_views.resume_enter, name="resume_enter"),
    path("tiep-tuc/<str:code>/", account_views.resume_link, name="resume_link"),
    path("to-cong-nghe-so/", include("community_teams.urls")),
    path("", include("courses.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
