"""The Celery app. With no CELERY_BROKER_URL the settings make every task run in-process."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Periodic schedules live here, in one place; django-celery-beat shows them in the admin.
app.conf.beat_schedule = {
    # Named, not imported: lms never imports community_teams.
    "community-exports-expire": {"task": "community_teams.tasks.exports_expire", "schedule": 15 * 60},
    # Monday 01:30 Vietnam time (CELERY_TIMEZONE): each commune's report of the week just ended.
    "community-weekly-reports": {
        "task": "community_teams.tasks.weekly_reports_build",
        "schedule": crontab(minute=30, hour=1, day_of_week="mon"),
    },
}
