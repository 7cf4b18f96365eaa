"""The site's URLs plus /media/, for the browser tests only.

Test settings run with DEBUG off, so nothing serves uploaded images; in production a web server
or object storage does. The browser tests need the pictures to load, so they serve MEDIA_ROOT here.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from lms import urls as site_urls

handler400 = site_urls.handler400
handler404 = site_urls.handler404
handler500 = site_urls.handler500

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urls.urlpatterns,
]
