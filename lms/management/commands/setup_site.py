"""The fixed structure every installation needs. Idempotent; safe in production."""

from django.core.management.base import BaseCommand

from courses.services import site_setup


class Command(BaseCommand):
    help = "Create the locales, the home page and catalogue, the editor groups and the review workflow."

    def handle(self, *args, **options):
        home = site_setup()
        self.stdout.write(f"Site ready: home page {home.pk}, groups and review workflow in place.")
