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

from . import views

handler400 = "lms.errors.bad_request"
handler404 = "lms.errors.page_not_found"
handler500 = "lms.errors.server_error"

api_patterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    *courses_api.urlpatterns,
]

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include((api_patterns, "api"), namespace="api")),
    path("healthz", views.healthz, name="healthz"),
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
    path("", include("courses.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
