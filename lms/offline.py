"""The site as an installable web app that keeps working without signal.

Three pieces meet here:

- the **service worker** (``static/js/sw.js``), served at the site root (``/sw.js``) so that it
  controls every page. The script served is the file with a first line added: its version, the
  URLs to keep from installation and the offline page's URL. The version is a hash of the
  worker, of every static file a page loads and of ``CUASO_RELEASE`` (set on deploy), so any
  deploy that changes them makes browsers install the new worker;
- **which pages the worker may keep**, decided by the server, never guessed from URLs: a
  response carrying ``X-Offline-Cache: lesson`` (a lesson: no personal data) is kept and served
  stale while revalidating; ``page`` (the home page, the catalogue, a course, the field page
  shells, the offline page: no household data by design) is served from the network first and
  kept for when there is none.
  Anything else (accounts, the API, admin, field data) never enters Cache Storage. Wagtail pages
  are marked by ``request_offline_mark`` in a ``before_serve_page`` hook; views by
  ``offline_cacheable``; ``OfflineCacheMiddleware`` writes the header;
- the **manifest** and the **offline page**, which lists what the phone holds (read from the
  worker's cache by ``static/js/offline.js``).

Requests the worker makes to download a course for later (``X-Offline-Prefetch: 1``) record no
progress: only a person opening a lesson does.
"""

import hashlib
import json
import os
from functools import lru_cache, wraps

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

HEADER = "X-Offline-Cache"
PREFETCH_HEADER = "X-Offline-Prefetch"
LESSON = "lesson"
PAGE = "page"
_REQUEST_ATTR = "offline_cache"

# Static files every page may need offline; the worker keeps them from installation.
SHELL_STATIC = (
    "css/site.css",
    "js/offline.js",
    "img/favicon.svg",
    "img/icons/icon-192.png",
    "img/icons/maskable-192.png",
)
WORKER_SOURCE = "js/sw.js"
API_ROOT = "/api/v1/"


def is_prefetch(request) -> bool:
    """True for the worker's own downloads of a course (no person is reading)."""
    return request.headers.get(PREFETCH_HEADER) == "1"


def request_offline_mark(request, kind: str) -> None:
    """Let the worker keep this response (``LESSON`` or ``PAGE``)."""
    setattr(request, _REQUEST_ATTR, kind)


def offline_cacheable(kind: str):
    """View decorator: the response may be kept by the worker as ``kind``."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            request_offline_mark(request, kind)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


class OfflineCacheMiddleware:
    """Writes ``X-Offline-Cache`` on successful HTML responses of marked requests."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        kind = getattr(request, _REQUEST_ATTR, None)
        if (
            kind in (LESSON, PAGE)
            and response.status_code == 200
            and request.method == "GET"
            and response.get("Content-Type", "").startswith("text/html")
        ):
            response[HEADER] = kind
        return response


def _read_static(path: str) -> bytes:
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(path)
    with open(found, "rb") as handle:
        return handle.read()


@lru_cache(maxsize=4)
def _worker_parts(language: str) -> tuple[str, str]:
    """(version, worker script): computed once per process and language."""
    digest = hashlib.sha256()
    digest.update(os.environ.get("CUASO_RELEASE", "").encode())
    source = _read_static(WORKER_SOURCE)
    digest.update(source)
    for path in SHELL_STATIC:
        digest.update(path.encode())
        digest.update(_read_static(path))
    version = digest.hexdigest()[:12]
    with override(language):
        offline_url = reverse("offline")
    config = {
        "version": version,
        "offline": offline_url,
        "precache": [offline_url, *(static(path) for path in SHELL_STATIC)],
        "lib": static("js/offline.js"),
        "api": API_ROOT,
        "static": settings.STATIC_URL,
        "media": settings.MEDIA_URL,
    }
    script = f"self.CONFIG = {json.dumps(config)};\n" + source.decode("utf-8")
    return version, script


def worker_version() -> str:
    return _worker_parts(settings.LANGUAGE_CODE)[0]


def worker_script() -> str:
    """The worker served at ``/sw.js``: the site's default language's offline page."""
    return _worker_parts(settings.LANGUAGE_CODE)[1]


def worker_forget() -> None:
    """Recompute the version on the next request (tests that change static files)."""
    _worker_parts.cache_clear()


def offline_context(request) -> dict:
    """What ``static/js/offline.js`` reads from every page (``json_script``): where the worker and
    the API are, whose outbox this is, and its words in the page's language."""
    user = getattr(request, "user", None)
    return {
        "offline_config": {
            "sw": reverse("service_worker"),
            "api": API_ROOT,
            "user": str(user.pk) if user is not None and user.is_authenticated else "",
            "t": {
                "offline": _("No signal: you are reading what this phone saved."),
                "savedOffline": _("Saved on this phone. Your progress is sent when there is signal."),
                "quizOffline": _("Sending the answers needs signal. Your answers stay on this page."),
                "unsynced": _("%s items on this phone are not synced yet. Sync them before you log out."),
                "syncNow": _("Sync now"),
                "logoutAnyway": _("Log out anyway (they stay on this phone)"),
                "downloading": _("Downloading lesson %s of %s…"),
                "downloaded": _("%s lessons saved: you can read them without signal."),
                "downloadFailed": _("%s lessons could not be downloaded. Try again when there is signal."),
                "noneOffline": _("No lesson is saved on this phone yet."),
            },
        }
    }
