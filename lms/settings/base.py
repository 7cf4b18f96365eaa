"""Settings shared by every environment.

Everything comes from the environment. With no environment at all the embedded defaults apply:
SQLite in the git-ignored ``var/`` folder, Celery tasks run in-process, a local-memory cache,
media on local disk.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("CUASO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "embedded-only-insecure-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "lms",
    "courses",
    "community_teams",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "rest_framework",
    "drf_spectacular",
    "django_celery_beat",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "community_teams.sessions.FieldSessionMiddleware",
    "lms.learners.LearnerCookieMiddleware",
    "lms.errors.RateLimitedMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "lms.offline.OfflineCacheMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lms.offline.offline_context",
            ],
        },
    },
]

# Database: DATABASE_URL, else SQLite in var/.
if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: REDIS_URL, else local memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"

# django-allauth: sign up with a phone number (sign-in by SMS code, no password) or an email
# address (with a password). See lms/forms.py and lms/adapters.py.
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["phone", "email", "password1"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_LOGOUT_ON_GET = False
# Residents sign in on their own phones, often once: stay signed in (no "remember me" box).
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_ADAPTER = "lms.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "lms.forms.SignupForm", "request_login_code": "lms.forms.RequestLoginCodeForm"}
ACCOUNT_USER_DISPLAY = "lms.models.accounts.user_display"  # the person's name, not the internal handle
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 600
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_LOGIN_BY_CODE_SUPPORTS_RESEND = True
ACCOUNT_LOGIN_BY_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = 600
ACCOUNT_PHONE_VERIFICATION_MAX_ATTEMPTS = 3
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_RESEND = True
ACCOUNT_PHONE_VERIFICATION_SUPPORTS_CHANGE = True
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
# Rate limits live in the default cache: Redis (shared by every process) in production. Resend
# cooldown: one code per number per 30 s (allauth's "verify_phone"), three login codes a minute.
ACCOUNT_RATE_LIMITS = {
    "verify_phone": "1/30s/key,5/m/ip",
    "request_login_code": "20/m/ip,3/m/key",
}
# account.W001 says no sign-up field is required although phone and email are login methods:
# here one of the two is required, which allauth's settings cannot express; SignupForm.clean
# enforces it (tests/lms/test_phone_signup.py).
SILENCED_SYSTEM_CHECKS = ["account.W001"]
# Text messages: printed on the console in development; tests use an outbox; production names
# its provider's sender class (lms/sms.py).
CUASO_SMS_BACKEND = os.environ.get("CUASO_SMS_BACKEND", "lms.sms.ConsoleBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cửa Số <no-reply@localhost>")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Languages: Vietnamese by default with no URL prefix, English under /en/.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Our catalogue, then Vietnamese for django-allauth (which ships none) and for the Wagtail admin
# (whose own Vietnamese covers a small part); all compiled in git.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_allauth", BASE_DIR / "locale_wagtail"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    # S3-compatible media through django-storages when its variables are set.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "file_overwrite": False,
        },
    }

# Exports of field data hold personal data: their own storage, never under a public URL (the
# owner's download view streams them). A folder shared by the web and worker processes.
STORAGES["exports"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": Path(os.environ.get("CUASO_PRIVATE_ROOT", VAR_DIR / "private"))},
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["exports"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
        },
    }
# Hours an export's file is kept after it is made.
CUASO_EXPORT_TTL_HOURS = int(os.environ.get("CUASO_EXPORT_TTL_HOURS", "24"))
# Rows written between two progress updates of an export.
CUASO_EXPORT_CHUNK_SIZE = int(os.environ.get("CUASO_EXPORT_CHUNK_SIZE", "500"))

# Upload limits, for Django and Wagtail.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 16_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "mp4", "webm", "mp3", "m4a", "ogg", "docx", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024  # short lesson videos and audio clips
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "gif": "png"}

# Wagtail.
WAGTAIL_SITE_NAME = "Cửa Số"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True

# REST API.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["lms.api_auth.CsrfSessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cửa Số API",
    "DESCRIPTION": "Courses and lessons of the Cửa Số learning platform.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["lms.api_auth.public_api_only"],
    # One name per choice set used by several serializers (and by their model fields).
    "ENUM_NAME_OVERRIDES": {
        "ConsentMethodEnum": "community_teams.models.ConsentMethod",
        "ConsentStatusEnum": "community_teams.models.ConsentStatus",
        "AgeGroupEnum": "community_teams.models.AgeGroup",
        "VisitOutcomeEnum": "community_teams.models.VisitOutcome",
    },
}

# Celery: CELERY_BROKER_URL present means a real worker; absent means tasks run in-process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# Security defaults safe for every environment; production tightens the rest.
SESSION_COOKIE_HTTPONLY = True
# Team members sync after days offline: their sessions last this long, sliding
# (community_teams.sessions); everyone else keeps SESSION_COOKIE_AGE.
CUASO_FIELD_SESSION_DAYS = int(os.environ.get("CUASO_FIELD_SESSION_DAYS", "30"))
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Logs carry no personal data: no request bodies, no user identifiers beyond ids.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "INFO"}},
}

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
SITE_NAME = _("Cửa Số")

# seed_demo creates accounts with published passwords: never in production.
CUASO_ALLOW_DEMO = env_bool("CUASO_ALLOW_DEMO", True)
# Demo data of apps that lms may not import, loaded by seed_demo after the courses; each returns
# a summary whose text is printed.
CUASO_DEMO_LOADERS = ["community_teams.demo.community_demo_load"]

LOGGING["loggers"].update(
    {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
    }
)
CSRF_FAILURE_VIEW = "lms.errors.csrf_failure"
