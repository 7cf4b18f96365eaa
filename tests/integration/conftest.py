"""The integration pass: PostgreSQL, real Redis and a real Celery worker.

`make test` runs this folder a second time with DATABASE_URL on PostgreSQL, REDIS_URL and
CELERY_BROKER_URL on their own Redis database numbers. Run alone on SQLite, it skips with why.
"""

import os

import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def _needs_postgresql_and_redis(request):
    reasons = []
    if connection.vendor != "postgresql":
        reasons.append("DATABASE_URL is not PostgreSQL")
    if not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"):
        reasons.append("CELERY_BROKER_URL is not Redis")
    if reasons:
        message = "integration pass only (run `make test`): " + "; ".join(reasons)
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
