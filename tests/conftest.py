import pytest
from django.core.cache import caches

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
