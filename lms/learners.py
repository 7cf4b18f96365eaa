"""Who is learning: the signed-in user's learner, or the anonymous one in a signed cookie.

The cookie holds only a random key, signed (a forged or edited value is ignored), HttpOnly,
long-lived. A new anonymous learner is created on demand and remembered by the middleware.
"""

import re

from django.core import signing
from django.http import HttpRequest

from .models import Learner
from .services import learner_create_anonymous, learner_for_user

LEARNER_COOKIE = "cuaso_hoc"
LEARNER_COOKIE_SALT = "lms.learner"
LEARNER_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600
SOURCE_PARAM = "nguon"
SOURCE_COOKIE = "cuaso_nguon"
SOURCE_COOKIE_MAX_AGE = 30 * 24 * 3600
SOURCE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _anonymous_learner(request: HttpRequest) -> Learner | None:
    try:
        key = request.get_signed_cookie(LEARNER_COOKIE, salt=LEARNER_COOKIE_SALT, max_age=LEARNER_COOKIE_MAX_AGE)
    except (KeyError, signing.BadSignature):
        return None
    return Learner.objects.filter(key=key, user__isnull=True, merged_into__isnull=True).first()


def anonymous_learner_of(request: HttpRequest) -> Learner | None:
    """The anonymous learner this browser carries, if any (used to offer a merge on login)."""
    return _anonymous_learner(request)


def learner_from_request(request: HttpRequest, *, create: bool = False) -> Learner | None:
    """The learner behind ``request``; with ``create``, a new anonymous one when there is none."""
    cached = getattr(request, "_learner", None)
    if cached is not None:
        return cached
    if request.user.is_authenticated:
        learner = learner_for_user(user=request.user)
    else:
        learner = _anonymous_learner(request)
        if learner is None and create:
            learner = learner_create_anonymous()
            request._learner_to_remember = learner
    request._learner = learner
    return learner


def referral_source(request: HttpRequest) -> str:
    """The opaque referral token from the landing URL (``?nguon=``) or kept from an earlier visit."""
    for value in (request.GET.get(SOURCE_PARAM, ""), request.COOKIES.get(SOURCE_COOKIE, "")):
        if SOURCE_PATTERN.match(value):
            return value
    return ""


class LearnerCookieMiddleware:
    """Remember a newly created anonymous learner, and a referral token from the landing URL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        learner = getattr(request, "_learner_to_remember", None)
        if learner is not None:
            response.set_signed_cookie(
                LEARNER_COOKIE,
                str(learner.key),
                salt=LEARNER_COOKIE_SALT,
                max_age=LEARNER_COOKIE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        source = request.GET.get(SOURCE_PARAM, "")
        if SOURCE_PATTERN.match(source):
            response.set_cookie(
                SOURCE_COOKIE,
                source,
                max_age=SOURCE_COOKIE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
