import pytest
from django.core import signals
from django.core.cache import caches
from django.core.signals import got_request_exception
from django.db import close_old_connections

from courses.services import site_setup


@pytest.fixture(autouse=True)
def _clear_caches():
    """Rate-limit counters, Wagtail settings and rendition caches never leak between tests."""
    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture
def sms_outbox():
    """Text messages sent during the test (``CUASO_SMS_BACKEND`` is the outbox in tests)."""
    from lms import sms

    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture
def home(db):
    """The site's fixed structure: Vietnamese home page, catalogue, editor groups, workflow."""
    return site_setup()


@pytest.fixture
def catalogue(home):
    from courses.models import CourseIndexPage

    return CourseIndexPage.objects.child_of(home).get()


# For schemathesis runs through the WSGI handler (tests/*/test_*_schemathesis.py).


@pytest.fixture
def wsgi_in_test_transaction():
    """Let requests through the WSGI handler share the test's transaction, as Django's test
    client does: no closing of connections at request start and end."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def server_errors():
    """Tracebacks of unhandled exceptions, so a 500 names its cause."""
    errors = []

    def record(sender, request=None, **kwargs):
        import traceback

        errors.append(f"{request.method} {request.get_full_path()}\n{traceback.format_exc()}")

    got_request_exception.connect(record)
    yield errors
    got_request_exception.disconnect(record)
