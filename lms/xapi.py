"""Learner records as xAPI 1.0.3 statements, for a Learning Record Store or a data team.

Three kinds, each read from one table in time order:

- lesson completed: ``LessonProgress.completed_at``, verb ``completed``, result with completion
  and the time spent as an ISO 8601 duration;
- quiz attempt: ``QuizAttempt.submitted_at``, verb ``passed`` or ``failed`` (the ADL verbs for a
  graded assessment; ``answered`` is for a single question), result with the scaled score;
- course completed: ``Enrolment.completed_at``, verb ``completed``.

The actor is an account whose name is an HMAC of the learner key under ``SECRET_KEY``: stable,
not reversible, and never a phone number, email address, username or name. A statement's id is a
UUID derived from its kind and row id, so exporting a range twice gives the same statements and an
LRS stores each once. Two consequences: rotating ``SECRET_KEY`` changes every actor name, and rows
that moved to an account when anonymous progress was merged keep their statement id but get the
account's actor, which an LRS refuses as a conflicting copy of a statement it already holds.

Activities are named by the content's translation key (shared by every language), so an IRI never
changes when a page is renamed, moved or translated.
"""

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from heapq import merge

from django.conf import settings
from django.core import signing
from django.db.models import IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.models import CoursePage, LessonPage

from .models import Enrolment, LessonProgress, ProgressStatus, QuizAttempt

XAPI_VERSION = "1.0.3"
VERBS = {
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
}
# Fixed forever: statement ids are derived from it.
STATEMENT_NAMESPACE = uuid.UUID("6f1c2d0e-3b7a-5c8e-9a41-2d5e8b7c9f30")
ACTOR_SALT = "lms.xapi.actor"
CURSOR_SALT = "lms.xapi.cursor"
PLATFORM = "Cửa Số"
# RFC 5646 tags for the content languages; any other language code is used as it is.
LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-US"}
DAY_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CHUNK_SIZE = 500

# Statements of one instant come in this order of kinds (a lesson completes before its course).
LESSON, QUIZ, COURSE = 0, 1, 2


def public_base_url() -> str:
    """Where activity IRIs and actor accounts live; it must never change once statements left."""
    base = getattr(settings, "CUASO_PUBLIC_BASE_URL", "") or getattr(settings, "SITE_URL", "")
    return (base or "http://127.0.0.1:8000").rstrip("/")


def actor_name(learner_key) -> str:
    """The opaque, stable id of a learner in statements."""
    return salted_hmac(ACTOR_SALT, str(learner_key), algorithm="sha256").hexdigest()


def parse_day(value: str) -> date:
    """``YYYY-MM-DD`` -> date, or ValueError with a message for people."""
    try:
        if not DAY_PATTERN.match(value or ""):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("Enter dates as YYYY-MM-DD, for example 2025-07-01.")) from None


def day_range(since: date, until: date) -> tuple[datetime, datetime]:
    """[start of ``since``, end of ``until``) in the site's time zone: both days are included."""
    if since > until:
        raise ValueError(_("The start date must be on or before the end date."))
    zone = timezone.get_default_timezone()
    return (
        datetime.combine(since, time.min, tzinfo=zone),
        datetime.combine(until + timedelta(days=1), time.min, tzinfo=zone),
    )


@dataclass(frozen=True, order=True)
class Cursor:
    """Where a statement sits in the export order: (time, kind, row id)."""

    at: datetime
    kind: int
    row_id: int

    def dumps(self) -> str:
        return signing.dumps([self.at.isoformat(), self.kind, self.row_id], salt=CURSOR_SALT, compress=True)

    @classmethod
    def loads(cls, value: str) -> "Cursor":
        """A cursor from a ``more`` link, or ValueError if it was not made here."""
        try:
            at, kind, row_id = signing.loads(value, salt=CURSOR_SALT)
            return cls(at=datetime.fromisoformat(at), kind=int(kind), row_id=int(row_id))
        except (signing.BadSignature, TypeError, ValueError):
            raise ValueError(_("This link to more statements is not valid. Start the export again.")) from None


def _after(field: str, kind: int, after: Cursor | None) -> Q:
    """Rows of ``kind`` that come after ``after`` in the export order."""
    if after is None:
        return Q()
    if kind < after.kind:
        return Q(**{f"{field}__gt": after.at})
    if kind > after.kind:
        return Q(**{f"{field}__gte": after.at})
    return Q(**{f"{field}__gt": after.at}) | Q(**{field: after.at, "pk__gt": after.row_id})


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _duration(seconds: int) -> str:
    return f"PT{int(seconds)}S"


class _Builder:
    """Builds statements; holds the page titles so naming an activity costs no query."""

    def __init__(self) -> None:
        self.base = public_base_url()
        self.names: dict[tuple[str, str], dict[str, str]] = {}
        pages = Page.objects.type(CoursePage, LessonPage).values_list(
            "translation_key", "content_type__model", "locale__language_code", "title"
        )
        for key, model, language, title in pages:
            kind = "course" if model == CoursePage._meta.model_name else "lesson"
            self.names.setdefault((kind, str(key)), {})[LANGUAGE_TAGS.get(language, language)] = title

    def activity(self, kind: str, key) -> dict:
        key = str(key)
        path = f"lesson/{key}/quiz" if kind == "quiz" else f"{kind}/{key}"
        definition = {"type": ACTIVITY_TYPES[kind]}
        names = self.names.get(("lesson" if kind == "quiz" else kind, key))
        if names:
            definition["name"] = dict(names)
        return {"objectType": "Activity", "id": f"{self.base}/xapi/activities/{path}", "definition": definition}

    def statement(
        self, *, kind: str, row_id: int, learner_key, verb: str, activity: dict, result: dict, at: datetime, context
    ) -> dict:
        statement_context = {"platform": PLATFORM}
        if context:
            statement_context["contextActivities"] = context
        return {
            "id": str(uuid.uuid5(STATEMENT_NAMESPACE, f"{kind}:{row_id}")),
            "version": XAPI_VERSION,
            "actor": {
                "objectType": "Agent",
                "account": {"homePage": self.base, "name": actor_name(learner_key)},
            },
            "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
            "object": activity,
            "result": result,
            "context": statement_context,
            "timestamp": _timestamp(at),
        }


def _lessons(builder: _Builder, start, end, after) -> Iterator[tuple[Cursor, dict]]:
    rows = (
        LessonProgress.objects.filter(
            Q(status=ProgressStatus.COMPLETED, completed_at__gte=start, completed_at__lt=end)
            & _after("completed_at", LESSON, after)
        )
        .order_by("completed_at", "pk")
        .values_list("pk", "completed_at", "lesson_key", "course_key", "time_spent_seconds", "learner__key")
    )
    for pk, at, lesson_key, course_key, seconds, learner_key in rows.iterator(chunk_size=CHUNK_SIZE):
        yield (
            Cursor(at, LESSON, pk),
            builder.statement(
                kind="lesson-completed",
                row_id=pk,
                learner_key=learner_key,
                verb="completed",
                activity=builder.activity("lesson", lesson_key),
                result={"completion": True, "duration": _duration(seconds)},
                at=at,
                context={"parent": [builder.activity("course", course_key)]},
            ),
        )


def _quizzes(builder: _Builder, start, end, after) -> Iterator[tuple[Cursor, dict]]:
    course_key = LessonProgress.objects.filter(learner=OuterRef("learner"), lesson_key=OuterRef("lesson_key")).values(
        "course_key"
    )[:1]
    rows = (
        QuizAttempt.objects.filter(
            Q(submitted_at__gte=start, submitted_at__lt=end) & _after("submitted_at", QUIZ, after)
        )
        .annotate(course_key=Subquery(course_key))
        .order_by("submitted_at", "pk")
        .values_list("pk", "submitted_at", "lesson_key", "course_key", "score_percent", "passed", "learner__key")
    )
    for pk, at, lesson_key, course, score, passed, learner_key in rows.iterator(chunk_size=CHUNK_SIZE):
        context = {"parent": [builder.activity("lesson", lesson_key)]}
        if course is not None:
            context["grouping"] = [builder.activity("course", course)]
        yield (
            Cursor(at, QUIZ, pk),
            builder.statement(
                kind="quiz-attempt",
                row_id=pk,
                learner_key=learner_key,
                verb="passed" if passed else "failed",
                activity=builder.activity("quiz", lesson_key),
                result={
                    "score": {"scaled": score / 100, "raw": score, "min": 0, "max": 100},
                    "success": passed,
                    "completion": True,
                },
                at=at,
                context=context,
            ),
        )


def _courses(builder: _Builder, start, end, after) -> Iterator[tuple[Cursor, dict]]:
    seconds = (
        LessonProgress.objects.filter(learner=OuterRef("learner"), course_key=OuterRef("course_key"))
        .order_by()
        .values("learner")
        .annotate(total=Sum("time_spent_seconds"))
        .values("total")
    )
    rows: QuerySet = (
        Enrolment.objects.filter(
            Q(completed_at__gte=start, completed_at__lt=end) & _after("completed_at", COURSE, after)
        )
        .annotate(seconds=Coalesce(Subquery(seconds, output_field=IntegerField()), 0))
        .order_by("completed_at", "pk")
        .values_list("pk", "completed_at", "course_key", "seconds", "learner__key")
    )
    for pk, at, course_key, total, learner_key in rows.iterator(chunk_size=CHUNK_SIZE):
        yield (
            Cursor(at, COURSE, pk),
            builder.statement(
                kind="course-completed",
                row_id=pk,
                learner_key=learner_key,
                verb="completed",
                activity=builder.activity("course", course_key),
                result={"completion": True, "duration": _duration(total)},
                at=at,
                context={},
            ),
        )


def keyed_statements_between(
    start: datetime, end: datetime, *, after: Cursor | None = None
) -> Iterator[tuple[Cursor, dict]]:
    """(cursor, statement) in time order for events in [start, end), strictly after ``after``.
    A fixed number of queries whatever the number of rows: page titles, then one streamed query
    per kind."""
    builder = _Builder()
    yield from merge(
        _lessons(builder, start, end, after),
        _quizzes(builder, start, end, after),
        _courses(builder, start, end, after),
        key=lambda pair: pair[0],
    )


def statements_between(start: datetime, end: datetime) -> Iterator[dict]:
    """xAPI statements for lessons completed, quiz attempts and courses completed in [start, end)."""
    for _cursor, statement in keyed_statements_between(start, end):
        yield statement


def statements_page(
    start: datetime, end: datetime, *, limit: int, after: Cursor | None = None
) -> tuple[list[dict], Cursor | None]:
    """Up to ``limit`` statements after ``after``, and the cursor to continue from (None at the end)."""
    statements: list[dict] = []
    last = None
    for cursor, statement in keyed_statements_between(start, end, after=after):
        if len(statements) == limit:
            return statements, last
        statements.append(statement)
        last = cursor
    return statements, None
