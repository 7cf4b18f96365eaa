"""Field users stay signed in: their sessions last ``CUASO_FIELD_SESSION_DAYS`` (30) days, sliding.

A team member works offline for days and syncs when back in signal; a sign-in page at that
moment would strand the queue. At sign-in (``field_session_start``, on Django's
``user_logged_in``) a field user's session is marked and given that age; on later requests
``FieldSessionMiddleware`` pushes the expiry back once it has run down by more than
``SLIDE_STEP`` (a day), so requests do not each write the session, and checks once then that the
person still has a community role (if not, the session falls back to ``SESSION_COOKIE_AGE``).
Everyone else keeps ``SESSION_COOKIE_AGE`` and costs nothing here.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .scoping import is_field_user, scope_forget

MARK = "field_session"
SLIDE_STEP = timedelta(days=1)


def field_session_age() -> timedelta:
    return timedelta(days=settings.CUASO_FIELD_SESSION_DAYS)


def field_session_start(request, user) -> None:
    """At sign-in: a field user's session lasts ``field_session_age()`` from now."""
    session = getattr(request, "session", None)
    if session is None:
        return
    field_user = is_field_user(user)
    scope_forget(user)  # the signal's user object may live on (tests, scripts): keep no stale scope
    if field_user:
        session[MARK] = True
        session.set_expiry(timezone.now() + field_session_age())


class FieldSessionMiddleware:
    """After authentication: slide a marked session back to ``field_session_age()`` from now."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(MARK):
            now, age = timezone.now(), field_session_age()
            if session.get_expiry_date() - now < age - SLIDE_STEP:
                user = getattr(request, "user", None)
                if user is not None and is_field_user(user):
                    session.set_expiry(now + age)
                else:
                    del session[MARK]
                    session.set_expiry(None)
        return self.get_response(request)
