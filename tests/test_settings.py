"""Settings come from the environment; the defaults are the embedded ones."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN = {
    k: v
    for k, v in os.environ.items()
    if k
    not in {
        "DATABASE_URL",
        "REDIS_URL",
        "CELERY_BROKER_URL",
        "DJANGO_SECRET_KEY",
        "ALLOWED_HOSTS",
        "CUASO_SMS_BACKEND",
    }
}


def settings_value(module: str, expression: str, **env) -> subprocess.CompletedProcess:
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": module, **env},
        capture_output=True,
        text=True,
    )


def test_embedded_defaults_are_sqlite_in_process_tasks_and_local_cache(tmp_path):
    result = settings_value(
        "lms.settings.dev",
        "settings.DATABASES['default']['ENGINE'], settings.CELERY_TASK_ALWAYS_EAGER, "
        "settings.CACHES['default']['BACKEND']",
        CUASO_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout and "True" in result.stdout and "LocMemCache" in result.stdout


def test_environment_selects_postgresql_redis_and_a_worker():
    result = settings_value(
        "lms.settings.dev",
        "settings.DATABASES['default']['ENGINE'], settings.CELERY_TASK_ALWAYS_EAGER, "
        "settings.CACHES['default']['BACKEND']",
        DATABASE_URL="postgres://u@db:5432/cuaso",
        REDIS_URL="redis://cache:6379/1",
        CELERY_BROKER_URL="redis://cache:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout and "False" in result.stdout and "RedisCache" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_value("lms.settings.production", "settings.DEBUG", ALLOWED_HOSTS="x", DATABASE_URL="sqlite://")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_media_goes_to_s3_when_its_variables_are_set():
    result = settings_value(
        "lms.settings.production",
        "settings.STORAGES['default']['BACKEND']",
        DJANGO_SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="hoc.example.vn",
        DATABASE_URL="sqlite://",
        REDIS_URL="redis://cache:6379/1",
        CUASO_SMS_BACKEND="lms.sms.ConsoleBackend",
        AWS_STORAGE_BUCKET_NAME="cuaso-media",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "storages.backends.s3.S3Storage"


def test_production_requires_a_shared_cache_and_an_sms_sender():
    base = {"DJANGO_SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "hoc.example.vn", "DATABASE_URL": "sqlite://"}
    result = settings_value("lms.settings.production", "settings.DEBUG", **base, CUASO_SMS_BACKEND="lms.sms.X")
    assert result.returncode != 0 and "REDIS_URL must be set" in result.stderr
    result = settings_value("lms.settings.production", "settings.DEBUG", **base, REDIS_URL="redis://cache:6379/1")
    assert result.returncode != 0 and "CUASO_SMS_BACKEND must be set" in result.stderr
