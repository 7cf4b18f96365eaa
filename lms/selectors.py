"""Scoped reads for learners. Each function costs a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from wagtail.models import Locale, Page

from courses.models import CoursePage, LessonPage
from courses.selectors import courses_with_keys

from .models import Enrolment, Learner, LessonProgress, ProgressStatus


def lesson_for_quiz(*, page_id: int) -> LessonPage:
    """A live, public lesson, or 404."""
    lesson = LessonPage.objects.live().public().filter(pk=page_id).select_related("locale").first()
    if lesson is None:
        raise Http404
    return lesson


def lesson_neighbours_after(lesson: LessonPage) -> LessonPage | None:
    return LessonPage.objects.sibling_of(lesson, inclusive=False).live().public().filter(path__gt=lesson.path).first()


@dataclass(frozen=True)
class ResumePoint:
    course: CoursePage
    lesson: LessonPage
    percent: int


def _live_lessons_by_course(course_ids: list[int]) -> dict[int, list[LessonPage]]:
    """Live lessons of several courses in two queries: the courses' paths, then their children."""
    if not course_ids:
        return {}
    paths = dict(CoursePage.objects.filter(pk__in=course_ids).values_list("pk", "path"))
    query = Q()
    for path in paths.values():
        query |= Q(path__startswith=path)
    lessons = (
        LessonPage.objects.live()
        .public()
        .filter(query)
        .order_by("path")
        .only("id", "title", "path", "url_path", "translation_key")
    )
    grouped: dict[int, list[LessonPage]] = {pk: [] for pk in paths}
    by_prefix = {path: pk for pk, path in paths.items()}
    step = Page.steplen
    for lesson in lessons:
        course_pk = by_prefix.get(lesson.path[: len(lesson.path) - step])
        if course_pk is not None:
            grouped[course_pk].append(lesson)
    return grouped


def completed_lesson_keys(learner: Learner | None, course_keys) -> set:
    if learner is None:
        return set()
    return set(
        LessonProgress.objects.filter(
            learner=learner, course_key__in=list(course_keys), status=ProgressStatus.COMPLETED
        ).values_list("lesson_key", flat=True)
    )


def progress_percent(done: int, total: int) -> int:
    return round(100 * done / total) if total else 0


def courses_with_progress(learner: Learner | None, courses: list[CoursePage]) -> list[CoursePage]:
    """Attach ``progress_percent`` and ``progress_started`` to each course. Fixed queries."""
    if learner is None or not courses:
        for course in courses:
            course.progress_percent, course.progress_started = 0, False
        return courses
    keys = [course.translation_key for course in courses]
    lessons = _live_lessons_by_course([course.pk for course in courses])
    done = completed_lesson_keys(learner, keys)
    enrolled = set(Enrolment.objects.filter(learner=learner, course_key__in=keys).values_list("course_key", flat=True))
    for course in courses:
        course_lessons = lessons.get(course.pk, [])
        finished = sum(1 for lesson in course_lessons if lesson.translation_key in done)
        course.progress_percent = progress_percent(finished, len(course_lessons))
        course.progress_started = course.translation_key in enrolled
    return courses


def is_enrolled(learner: Learner, course: CoursePage) -> bool:
    return Enrolment.objects.filter(learner=learner, course_key=course.translation_key).exists()


def lessons_with_status(learner: Learner | None, course: CoursePage, lessons: list[LessonPage]) -> list[LessonPage]:
    done = completed_lesson_keys(learner, [course.translation_key])
    for lesson in lessons:
        lesson.learner_completed = lesson.translation_key in done
    return lessons


def resume_point(learner: Learner | None) -> ResumePoint | None:
    """The next unfinished lesson of the course the learner touched last, in the active language
    when the course has a translation there."""
    if learner is None:
        return None
    unfinished = Enrolment.objects.filter(learner=learner, completed_at__isnull=True).values("course_key")
    latest = (
        LessonProgress.objects.filter(learner=learner, course_key__in=unfinished)
        .order_by("-updated_at")
        .values_list("course_key", flat=True)
        .first()
    )
    if latest is None:
        return None
    courses = list(CoursePage.objects.live().public().filter(translation_key=latest).select_related("locale"))
    if not courses:
        return None
    active = Locale.get_active()
    course = next((c for c in courses if c.locale_id == active.pk), courses[0])
    lessons = _live_lessons_by_course([course.pk]).get(course.pk, [])
    done = completed_lesson_keys(learner, [course.translation_key])
    following = next((lesson for lesson in lessons if lesson.translation_key not in done), None)
    if following is None:
        return None
    finished = sum(1 for lesson in lessons if lesson.translation_key in done)
    return ResumePoint(course=course, lesson=following, percent=progress_percent(finished, len(lessons)))


def enrolments_of(learner: Learner | None) -> tuple[list[CoursePage], list[CoursePage]]:
    """(in progress, completed) courses of the learner, live ones only, with progress attached."""
    if learner is None:
        return [], []
    enrolments = {e.course_key: e for e in Enrolment.objects.filter(learner=learner)}
    active = Locale.get_active()
    chosen: dict = {}
    for course in courses_with_keys(enrolments):
        if course.translation_key not in chosen or course.locale_id == active.pk:
            chosen[course.translation_key] = course
    courses = courses_with_progress(learner, list(chosen.values()))
    in_progress = [c for c in courses if enrolments[c.translation_key].completed_at is None]
    completed = [c for c in courses if enrolments[c.translation_key].completed_at is not None]
    return in_progress, completed
