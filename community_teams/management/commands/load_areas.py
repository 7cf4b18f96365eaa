"""Load the official provinces and communes (``vietnam-provinces``) into ``Area``."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from community_teams.areas import areas_load
from community_teams.models import AreaKind


class Command(BaseCommand):
    help = (
        "Create or update provinces and communes from the official list. Idempotent; never deletes: "
        "areas the list no longer has are kept and reported as stale."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--province", metavar="CODE", help="One province by its official code, e.g. 04.")
        which.add_argument("--all", action="store_true", help="Every province.")

    def handle(self, *args, province=None, all=False, **options):
        try:
            result = areas_load(province_code=None if all else province)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"vietnam-provinces {result['version']}")
        for kind, label in ((AreaKind.PROVINCE, "provinces"), (AreaKind.COMMUNE, "communes")):
            counts = result[kind]
            self.stdout.write(
                f"{label}: {counts['created']} created, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged, {counts['stale']} stale (kept)"
            )
