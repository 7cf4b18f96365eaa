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


def learner_cookie_forged(request: HttpRequest) -> bool:
    """Whether an anonymous request carries a learner cookie whose signature does not verify (edited
    or made up). Writes refuse such a request rather than quietly start another record. A signed-in
    request never uses the cookie, and an expired cookie is genuine, only old: neither is forged."""
    if request.user.is_authenticated or LEARNER_COOKIE not in request.COOKIES:
        return False
    try:
        request.get_signed_cookie(LEARNER_COOKIE, salt=LEARNER_COOKIE_SALT, max_age=LEARNER_COOKIE_MAX_AGE)
    except signing.SignatureExpired:
        return False
    except signing.BadSignature:
        return True
    return False


def existing_learner(request: HttpRequest) -> Learner | None:
    """The learner behind ``request`` if there already is one; never creates a row (for reads)."""
    if request.user.is_authenticated:
        return Learner.objects.filter(user=request.user).first()
    return _anonymous_learner(request)


def anonymous_learner_of(request: HttpRequest) -> Learner | None:
    """The anonymous learner this browser carries, if any (used to offer a merge on login)."""
    return _anonymous_learner(request)


def merge_offer_for(request: HttpRequest) -> Learner | None:
    """The anonymous learner whose progress a just-signed-in person may keep, or None: only
    when this browser has some, and never for staff or team accounts."""
    from .services import merge_allowed_into

    user = request.user
    if not user.is_authenticated or not merge_allowed_into(user):
        return None
    learner = _anonymous_learner(request)
    if learner is None or not learner.enrolments.exists():
        return None
    return learner


def forget_anonymous_learner(response) -> None:
    response.delete_cookie(LEARNER_COOKIE, samesite="Lax")


def remember_learner(request: HttpRequest, learner: Learner) -> None:
    """Make ``learner`` this browser's anonymous learner (set by the middleware on the response)."""
    request._learner_to_remember = learner
    request._learner = learner


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
