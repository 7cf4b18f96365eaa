from unittest import mock

from django.db import OperationalError


def test_healthz_reports_each_service(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["checks"] == {"database": "ok", "cache": "ok", "broker": "in-process"}


def test_healthz_is_503_when_the_database_is_down(client, db):
    with mock.patch("lms.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "error"


def test_healthz_reports_an_unreachable_broker(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    from lms.celery import app

    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        data = client.get("/healthz").json()
    finally:
        app.conf.broker_url = None
    assert data["checks"]["broker"] == "error"
