import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import redis
from django.conf import settings
from django.db import connection
from wagtail.images import get_image_model

from courses.constants import lesson_rendition_filters
from tests.courses.factories import ImageFactory, add_course, add_lesson, image_block, step

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
Rendition = get_image_model().get_rendition_model()


def database_url(name: str) -> str:
    data = connection.settings_dict
    user = data.get("USER") or "postgres"
    host = data.get("HOST") or "127.0.0.1"
    port = data.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{name}"


def admin_connection():
    return psycopg.connect(database_url("postgres").replace("postgres://", "postgresql://"), autocommit=True)


def test_migrations_apply_to_a_fresh_postgresql_database():
    name = f"cuaso_fresh_{uuid.uuid4().hex[:8]}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        env = {**os.environ, "DATABASE_URL": database_url(name), "DJANGO_SETTINGS_MODULE": "lms.settings.test"}
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert migrate.returncode == 0, migrate.stderr[-3000:]
        check = subprocess.run(
            [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr
        url = database_url(name).replace("postgres://", "postgresql://")
        with psycopg.connect(url) as conn:
            tables = {row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")}
        assert {"lms_user", "courses_lessonpage", "courses_skill", "wagtailcore_page"} <= tables
    finally:
        with admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_healthz_reports_postgresql_redis_cache_and_broker(client, db):
    data = client.get("/healthz").json()
    assert data["checks"] == {"database": "ok", "cache": "ok", "broker": "ok"}
    assert "redis" in settings.CACHES["default"]["BACKEND"].lower()


@pytest.fixture
def worker(transactional_db, tmp_path):
    """A real `celery worker` process on the test database and its own purged Redis database."""
    broker = settings.CELERY_BROKER_URL
    redis.Redis.from_url(broker).flushdb()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": database_url(connection.settings_dict["NAME"]),
        "CELERY_BROKER_URL": broker,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            f"--hostname=test-{uuid.uuid4().hex[:6]}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    yield process, tmp_path / "worker.log"
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def test_a_real_worker_generates_renditions_when_a_lesson_is_published(worker, transactional_db):
    from courses.models import CourseIndexPage
    from courses.services import site_setup

    process, log_path = worker
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    catalogue = CourseIndexPage.objects.child_of(site_setup()).get()
    course = add_course(catalogue)
    images = [ImageFactory(), ImageFactory()]
    add_lesson(course, body=[step("Bước 1", images[0]), image_block(images[1])])
    expected = {(image.pk, spec) for image in images for spec in lesson_rendition_filters()}

    deadline = time.monotonic() + 90
    made = set()
    while time.monotonic() < deadline and process.poll() is None:
        made = set(Rendition.objects.filter(image__in=images).values_list("image_id", "filter_spec"))
        if expected <= made:
            break
        time.sleep(0.5)
    log = log_path.read_text()
    assert process.poll() is None, f"worker exited early:\n{log[-3000:]}"
    assert expected <= made, f"worker did not generate renditions:\n{log[-3000:]}"
    assert "courses.tasks.page_renditions_generate" in log
    for rendition in Rendition.objects.filter(image__in=images):
        assert Path(rendition.file.path).exists()
