"""Editor insight: where learners struggle, per lesson and per quiz question.

Every number is a database aggregate over the learner rows (``LessonProgress``, ``QuizAnswer``);
Python only loops over the aggregated rows (one per lesson, question or option) to join them to
the current page content and sort them. Each function costs a fixed number of queries, however
many lessons, learners or answers there are.

Contracts:

- Rows are keyed by the lesson's ``translation_key``, so learners of every language count
  together, as their progress does. A lesson is shown through its page in the site's default
  language when that page is live, else through another live translation.
- Only live lessons of live courses are shown. History of a deleted or unpublished lesson stays
  in the tables and shows again if the lesson (same translation key) is published again.
- Learners merged into another record are left out (their rows moved to the record they joined).
- The median time spent is taken over learners who completed the lesson, in the database: rows
  are numbered within each lesson by time spent (``ROW_NUMBER()`` and ``COUNT()`` windows, which
  SQLite and PostgreSQL both support) and the middle one or two are averaged.
- A question's answers are its answer rows: one per chosen option, so a multiple-answer question
  counts each chosen option. "Answered correctly" is the share of those rows that were correct.
- "What to improve first": lessons with at least ``MIN_LEARNERS`` starters by lowest completion
  rate, then those with fewer ("too few learners"); questions with at least ``MIN_ANSWERS``
  answers by lowest share correct, then those with fewer.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, F, Q
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.models import CoursePage, LessonPage

from .models import LessonProgress, ProgressStatus, QuizAnswer

MIN_LEARNERS = 5
MIN_ANSWERS = 5


def _one_per_translation(pages: Iterable[Page]) -> list[Page]:
    """One page per translation key, the default language's when there is one; tree order kept."""
    chosen: dict = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or (
            page.locale.language_code == settings.LANGUAGE_CODE
            and current.locale.language_code != settings.LANGUAGE_CODE
        ):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.path)


def courses_for_insight(user=None) -> list[CoursePage]:
    """Live courses, one per translation key, in catalogue order. With ``user``: only courses
    under pages the user may add, edit or publish (editors and moderators). One or two queries."""
    courses = CoursePage.objects.live().select_related("locale").defer_streamfields().order_by("path")
    if user is not None:
        from wagtail.permission_policies.pages import PagePermissionPolicy

        editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"add", "change", "publish"})
        courses = courses.filter(pk__in=editable.values("pk"))
    return _one_per_translation(courses.only("id", "title", "path", "depth", "translation_key", "locale"))


def can_view_insight(user) -> bool:
    """Editors and moderators: admin access and the right to edit some pages."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("wagtailadmin.access_admin")
        and PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})
    )


def _lessons_of(courses: list[CoursePage], *, with_quiz: bool = False) -> list[tuple[LessonPage, CoursePage]]:
    """Live lessons of ``courses`` in tree order, one per translation key, each with its course.
    One query."""
    if not courses:
        return []
    under = Q()
    for course in courses:
        under |= Q(path__startswith=course.path, depth=course.depth + 1)
    lessons = LessonPage.objects.live().filter(under).select_related("locale").order_by("path")
    if not with_quiz:
        lessons = lessons.defer_streamfields()
    by_path = {course.path: course for course in courses}
    step = Page.steplen
    return [(lesson, by_path[lesson.path[:-step]]) for lesson in _one_per_translation(lessons)]


def _counted_learners():
    return LessonProgress.objects.filter(learner__merged_into__isnull=True)


@dataclass(frozen=True)
class LessonInsight:
    lesson: LessonPage
    course: CoursePage
    started: int
    completed: int
    median_seconds: float | None  # None when nobody completed the lesson

    @property
    def completion_rate(self) -> float | None:
        """0..1, or None when nobody started the lesson."""
        return self.completed / self.started if self.started else None

    @property
    def enough_learners(self) -> bool:
        return self.started >= MIN_LEARNERS


def _lesson_sort_key(row: LessonInsight):
    if row.enough_learners:
        return (0, row.completion_rate, -row.started, row.lesson.path)
    return (1, 0, -row.started, row.lesson.path)


def lesson_insight(course: CoursePage | None = None, *, courses: list[CoursePage] | None = None) -> list[LessonInsight]:
    """Per live lesson of ``course`` (or of ``courses``, or of every live course): learners who
    started and completed it and the median time spent by those who completed it; sorted with
    what to improve first. Three or four queries."""
    if course is not None:
        courses = [course]
    elif courses is None:
        courses = courses_for_insight()
    lessons = _lessons_of(courses)
    keys = [lesson.translation_key for lesson, _course in lessons]
    if not keys:
        return []
    rows = _counted_learners().filter(lesson_key__in=keys)
    counts = {
        row["lesson_key"]: row
        for row in rows.values("lesson_key").annotate(
            started=Count("learner_id", distinct=True),
            completed=Count("learner_id", distinct=True, filter=Q(status=ProgressStatus.COMPLETED)),
        )
    }
    medians = dict(median_seconds_by_lesson(rows).values_list("lesson_key", "median"))
    insight = [
        LessonInsight(
            lesson=lesson,
            course=lesson_course,
            started=counts.get(lesson.translation_key, {}).get("started", 0),
            completed=counts.get(lesson.translation_key, {}).get("completed", 0),
            median_seconds=medians.get(lesson.translation_key),
        )
        for lesson, lesson_course in lessons
    ]
    return sorted(insight, key=_lesson_sort_key)


def median_seconds_by_lesson(progress):
    """``progress`` rows narrowed to completed ones -> rows of (``lesson_key``, ``median``).

    Within each lesson the rows are numbered by time spent; with n rows, the middle ones are
    those numbered r with n <= 2r <= n + 2: row (n + 1) / 2 when n is odd, rows n / 2 and
    n / 2 + 1 when it is even. Their average is the median."""
    ranked = (
        progress.filter(status=ProgressStatus.COMPLETED)
        .annotate(
            double_rank=Window(
                RowNumber(), partition_by=[F("lesson_key")], order_by=[F("time_spent_seconds").asc(), F("pk").asc()]
            )
            * 2,
            finishers=Window(Count("pk"), partition_by=[F("lesson_key")]),
        )
        .filter(double_rank__gte=F("finishers"), double_rank__lte=F("finishers") + 2)
    )
    return (
        LessonProgress.objects.filter(pk__in=ranked.values("pk"))
        .values("lesson_key")
        .annotate(median=Avg("time_spent_seconds"))
        .order_by()
    )


@dataclass(frozen=True)
class QuestionInsight:
    lesson: LessonPage
    question_id: str
    number: int  # position in the lesson's quiz, from 1
    prompt: str
    answers: int
    correct: int
    wrong_option: str | None  # text of the most chosen wrong option, if any was chosen
    wrong_option_count: int

    @property
    def share_correct(self) -> float | None:
        """0..1, or None when nobody answered."""
        return self.correct / self.answers if self.answers else None

    @property
    def enough_answers(self) -> bool:
        return self.answers >= MIN_ANSWERS


def _question_sort_key(row: QuestionInsight):
    if row.enough_answers:
        return (0, row.share_correct, -row.answers, row.lesson.path, row.number)
    return (1, 0, -row.answers, row.lesson.path, row.number)


def question_insight(lessons: LessonPage | CoursePage | Iterable[LessonPage]) -> list[QuestionInsight]:
    """Per question in the current content of ``lessons`` (pages with their quiz loaded, or every
    live lesson of a course): answers, share answered correctly and the most chosen wrong option
    (its current text, or "(option removed)"), sorted with what to improve first. Two queries
    (three for a course), however many answers. Questions no longer in the content are left out;
    their answers stay in the table. Ties between wrong options go to the smaller option id."""
    if isinstance(lessons, CoursePage):
        lessons = [lesson for lesson, _course in _lessons_of([lessons], with_quiz=True)]
    elif isinstance(lessons, LessonPage):
        lessons = [lessons]
    lessons = list(lessons)
    keys = [lesson.translation_key for lesson in lessons]
    if not keys:
        return []
    answers = QuizAnswer.objects.filter(lesson_key__in=keys, attempt__learner__merged_into__isnull=True)
    totals = {
        (row["lesson_key"], row["question_id"]): row
        for row in answers.values("lesson_key", "question_id")
        .annotate(answers=Count("pk"), correct=Count("pk", filter=Q(correct=True)))
        .order_by()
    }
    # Wrong options by how often they were chosen: the first seen per question is the most chosen.
    most_wrong: dict = {}
    wrong_rows = (
        answers.filter(correct=False)
        .values("lesson_key", "question_id", "option_id")
        .annotate(chosen=Count("pk"))
        .order_by("lesson_key", "question_id", "-chosen", "option_id")
    )
    for row in wrong_rows:
        most_wrong.setdefault((row["lesson_key"], row["question_id"]), (row["option_id"], row["chosen"]))

    insight = []
    for lesson in lessons:
        for number, block in enumerate(lesson.questions, start=1):
            key = (lesson.translation_key, str(block.id))
            options = {str(option.id): option.value["text"] for option in block.value["options"].bound_blocks}
            wrong_id, wrong_count = most_wrong.get(key, (None, 0))
            wrong_text = None if wrong_id is None else options.get(wrong_id, _("(option removed)"))
            total = totals.get(key, {})
            insight.append(
                QuestionInsight(
                    lesson=lesson,
                    question_id=str(block.id),
                    number=number,
                    prompt=block.value["prompt"],
                    answers=total.get("answers", 0),
                    correct=total.get("correct", 0),
                    wrong_option=wrong_text,
                    wrong_option_count=wrong_count,
                )
            )
    return sorted(insight, key=_question_sort_key)


def lesson_for_insight(courses: list[CoursePage], lesson_id: int) -> LessonPage | None:
    """The live lesson ``lesson_id`` (quiz loaded) if it belongs to one of ``courses``. One query."""
    if not courses or not 0 < lesson_id < 2**31:
        return None
    under = Q()
    for course in courses:
        under |= Q(path__startswith=course.path, depth=course.depth + 1)
    return LessonPage.objects.live().filter(under, pk=lesson_id).select_related("locale").first()
