"""Production: PostgreSQL, Redis, a Celery worker, gunicorn behind a TLS-terminating proxy.

DJANGO_SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL (the cache behind sessions and rate
limits, shared by every process) and CUASO_SMS_BACKEND (the SMS provider's sender class) are
required; the process refuses to start without them rather than running with an embedded default.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

for _name in ("DJANGO_SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "CUASO_SMS_BACKEND"):
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"{_name} must be set in production.")

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405
CUASO_ALLOW_DEMO = env_bool("CUASO_ALLOW_DEMO", False)

# Wagtail's editor shows the live preview of a page in a same-origin iframe, so frames stay
# SAMEORIGIN rather than DENY; other origins still cannot frame the site.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W019"]  # noqa: F405

# The public address printed on certificates and in their QR codes: SITE_URL, else the first
# allowed host over HTTPS (never the embedded default).
if not os.environ.get("SITE_URL"):
    _host = ALLOWED_HOSTS[0].lstrip(".")  # noqa: F405
    if not _host or "*" in _host:
        raise ImproperlyConfigured("SITE_URL must be set in production when ALLOWED_HOSTS starts with a wildcard.")
    SITE_URL = WAGTAILADMIN_BASE_URL = f"https://{_host}"
