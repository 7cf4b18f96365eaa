"""Scoped reads for learners. Each function costs a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from wagtail.models import Locale, Page

from courses.models import CoursePage, LessonPage
from courses.selectors import MAX_PAGE_ID, courses_with_keys

from .models import Certificate, Enrolment, Learner, LessonProgress, ProgressStatus
from .models.certificates import certificate_code_normalise


def lesson_for_quiz(*, page_id: int) -> LessonPage:
    """A live, public lesson, or 404."""
    if not 0 < page_id <= MAX_PAGE_ID:
        raise Http404
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


@dataclass(frozen=True)
class LessonProgressSummary:
    """One learner's record for one lesson (``progress`` None when never opened) and the percent
    of its course's live lessons they have completed."""

    lesson: LessonPage
    progress: LessonProgress | None
    course_percent: int


def lesson_progress_summary(learner: Learner | None, lesson: LessonPage) -> LessonProgressSummary:
    """Fixed queries: the progress row, the course's live lessons, the completed ones among them."""
    if learner is None:
        return LessonProgressSummary(lesson=lesson, progress=None, course_percent=0)
    progress = LessonProgress.objects.filter(learner=learner, lesson_key=lesson.translation_key).first()
    keys = list(LessonPage.objects.sibling_of(lesson).live().public().values_list("translation_key", flat=True))
    done = LessonProgress.objects.filter(learner=learner, lesson_key__in=keys, status=ProgressStatus.COMPLETED).count()
    return LessonProgressSummary(lesson=lesson, progress=progress, course_percent=progress_percent(done, len(keys)))


@dataclass(frozen=True)
class CourseProgress:
    course: CoursePage
    enrolment: Enrolment
    percent: int
    next_lesson: LessonPage | None


def course_progress_of(learner: Learner | None) -> list[CourseProgress]:
    """The learner's live enrolled courses in catalogue order (in the active language when the
    course has a translation there), each with percent done and the next unfinished lesson.
    Fixed queries, however many enrolments."""
    if learner is None:
        return []
    enrolments = {e.course_key: e for e in Enrolment.objects.filter(learner=learner)}
    if not enrolments:
        return []
    active = Locale.get_active()
    chosen: dict = {}
    courses = (
        CoursePage.objects.live()
        .public()
        .filter(translation_key__in=list(enrolments))
        .select_related("locale")
        .defer_streamfields()
        .order_by("path")
    )
    for course in courses:
        if course.translation_key not in chosen or course.locale_id == active.pk:
            chosen[course.translation_key] = course
    lessons = _live_lessons_by_course([course.pk for course in chosen.values()])
    done = completed_lesson_keys(learner, enrolments)
    rows = []
    for course in sorted(chosen.values(), key=lambda c: c.path):
        course_lessons = lessons.get(course.pk, [])
        finished = sum(1 for lesson in course_lessons if lesson.translation_key in done)
        following = next((lesson for lesson in course_lessons if lesson.translation_key not in done), None)
        rows.append(
            CourseProgress(
                course=course,
                enrolment=enrolments[course.translation_key],
                percent=progress_percent(finished, len(course_lessons)),
                next_lesson=following,
            )
        )
    return rows


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


@dataclass(frozen=True)
class LearnerSummary:
    courses: int
    lessons_completed: int


def learner_summary(learner: Learner) -> LearnerSummary:
    return LearnerSummary(
        courses=Enrolment.objects.filter(learner=learner).count(),
        lessons_completed=LessonProgress.objects.filter(learner=learner, status=ProgressStatus.COMPLETED).count(),
    )


def learner_by_resume_code(code: str) -> Learner | None:
    """The learner a resume code names, following merges to the one that holds the rows now."""
    learner = Learner.objects.filter(resume_code=code).first()
    seen = set()
    while learner is not None and learner.merged_into_id is not None and learner.pk not in seen:
        seen.add(learner.pk)
        learner = Learner.objects.filter(pk=learner.merged_into_id).first()
    return learner


def has_completed_a_lesson(learner: Learner) -> bool:
    return LessonProgress.objects.filter(learner=learner, status=ProgressStatus.COMPLETED).exists()


# Certificates.


def certificate_by_code(code: str) -> Certificate:
    """The certificate a public code names (typed in any case, with or without dashes), or 404."""
    normalised = certificate_code_normalise(code)
    certificate = Certificate.objects.filter(code=normalised).select_related("learner").first() if normalised else None
    if certificate is None:
        raise Http404
    return certificate


def can_manage_certificates(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm("lms.change_certificate")


def certificate_for_download(*, code: str, user, learner: Learner | None) -> Certificate:
    """A certificate its owner (the account, or the learner record this browser carries) or
    certificate staff may download; anyone else gets 404, as for an unknown code."""
    certificate = certificate_by_code(code)
    owner = (user.is_authenticated and certificate.learner.user_id == user.pk) or (
        learner is not None and certificate.learner_id == learner.pk
    )
    if not owner and not can_manage_certificates(user):
        raise Http404
    return certificate


def completed_enrolment_of(*, learner: Learner | None, enrolment_id: int) -> Enrolment:
    """One of ``learner``'s completed enrolments, or 404 (another learner's is a 404 too)."""
    enrolment = None
    if learner is not None and 0 < enrolment_id < 2**63:  # larger ids overflow SQLite: no row
        enrolment = (
            Enrolment.objects.filter(pk=enrolment_id, completed_at__isnull=False, learner=learner)
            .select_related("learner")
            .first()
        )
    if enrolment is None:
        raise Http404
    return enrolment


def enrolment_ids_awaiting_certificate(*, learner_id: int) -> list[int]:
    """Completed enrolments of the learner with no certificate yet."""
    issued = Certificate.objects.filter(learner_id=learner_id).values("course_key")
    return list(
        Enrolment.objects.filter(learner_id=learner_id, completed_at__isnull=False)
        .exclude(course_key__in=issued)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@dataclass(frozen=True)
class CertificateRow:
    course: CoursePage
    enrolment_id: int
    certificate: Certificate | None


def certificate_rows(learner: Learner | None, completed: list[CoursePage]) -> list[CertificateRow]:
    """For each completed course (from ``enrolments_of``): its enrolment and certificate, if
    any. Two queries for any learner, however many courses (and whether any is complete)."""
    if learner is None:
        return []
    enrolment_ids = dict(
        Enrolment.objects.filter(learner=learner, completed_at__isnull=False).values_list("course_key", "pk")
    )
    certificates = {c.course_key: c for c in Certificate.objects.filter(learner=learner)}
    return [
        CertificateRow(
            course=course,
            enrolment_id=enrolment_ids[course.translation_key],
            certificate=certificates.get(course.translation_key),
        )
        for course in completed
        if course.translation_key in enrolment_ids
    ]
