"""Export learner records of a date range as xAPI 1.0.3 statements (a JSON array or JSON lines)."""

import json

from django.core.management.base import BaseCommand, CommandError

from lms import xapi


class Command(BaseCommand):
    help = (
        "Write xAPI 1.0.3 statements for lessons completed, quiz attempts and courses completed between "
        "two dates (both included, site time zone). Actors are opaque ids, never personal data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="First day, YYYY-MM-DD.")
        parser.add_argument("--until", required=True, help="Last day, YYYY-MM-DD (included).")
        parser.add_argument("--output", help="File to write; standard output when left out.")
        parser.add_argument("--jsonl", action="store_true", help="One statement per line instead of a JSON array.")

    def handle(self, *args, since, until, output=None, jsonl=False, **options):
        try:
            start, end = xapi.day_range(xapi.parse_day(since), xapi.parse_day(until))
        except ValueError as error:
            raise CommandError(str(error)) from None
        statements = xapi.statements_between(start, end)
        if output:
            try:
                with open(output, "w", encoding="utf-8") as stream:
                    count = self._write(stream.write, statements, jsonl=jsonl)
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error.strerror}") from None
            self.stderr.write(f"{count} statements written to {output}.")
        else:
            count = self._write(lambda text: self.stdout.write(text, ending=""), statements, jsonl=jsonl)
            self.stderr.write(f"{count} statements.")

    @staticmethod
    def _write(write, statements, *, jsonl: bool) -> int:
        """Stream the statements out one by one, so a large range needs little memory."""
        count = 0
        if not jsonl:
            write("[")
        for statement in statements:
            text = json.dumps(statement, ensure_ascii=False, separators=(",", ":"))
            if jsonl:
                write(text + "\n")
            else:
                write(("," if count else "") + "\n" + text)
            count += 1
        if not jsonl:
            write("\n]\n")
        return count
