"""Scoped reads of published content. Every query here has a fixed cost, whatever the counts."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.models import Page

from .models import CourseIndexPage, CoursePage, CourseSkill, HomePage, LessonPage, Skill
from .text import fold

MAX_SEARCH_QUERY_LENGTH = 200


def _live_lesson_count() -> Subquery:
    lessons = (
        LessonPage.objects.live()
        .public()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
        .values("depth")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(lessons, output_field=IntegerField()), 0)


def _courses_with_details(queryset: QuerySet) -> QuerySet:
    return (
        queryset.live()
        .public()
        .select_related("cover_image")
        .prefetch_related(
            Prefetch("skill_links", queryset=CourseSkill.objects.select_related("skill").order_by("sort_order")),
            "cover_image__renditions",
        )
        .annotate(lesson_count=_live_lesson_count())
    )


def course_index_for(home: HomePage) -> CourseIndexPage | None:
    return CourseIndexPage.objects.child_of(home).live().public().first()


def featured_courses(home: HomePage, limit: int = 6) -> list[CoursePage]:
    queryset = CoursePage.objects.descendant_of(home).filter(featured=True).order_by("path")
    return list(_courses_with_details(queryset).filter(lesson_count__gt=0)[:limit])


def courses_in_catalogue(index: CourseIndexPage, skill: Skill | None = None) -> list[CoursePage]:
    queryset = CoursePage.objects.child_of(index).order_by("path")
    if skill is not None:
        queryset = queryset.filter(skill_links__skill=skill)
    return list(_courses_with_details(queryset))


def skills_with_courses() -> QuerySet:
    """Skills that tag at least one live course, for filters and the home page's topics."""
    live_course_ids = CoursePage.objects.live().public().values("pk")
    return (
        Skill.objects.filter(course_links__page__in=live_course_ids)
        .annotate(course_count=Count("course_links__page", distinct=True))
        .order_by("sort_order", "name")
    )


def skills_of_course(course: CoursePage) -> list[Skill]:
    return [link.skill for link in course.skill_links.select_related("skill").order_by("sort_order")]


def lessons_of_course(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(course).live().public().order_by("path").defer_streamfields())


def lesson_neighbours(lesson: LessonPage) -> tuple[LessonPage | None, LessonPage | None, int, int]:
    """(previous, next, position from 1, total) among the live lessons of the lesson's course."""
    siblings = list(
        LessonPage.objects.sibling_of(lesson).live().public().order_by("path").only("id", "title", "url_path", "path")
    )
    ids = [page.pk for page in siblings]
    if lesson.pk not in ids:
        return None, None, 0, len(siblings)
    position = ids.index(lesson.pk)
    previous = siblings[position - 1] if position > 0 else None
    following = siblings[position + 1] if position + 1 < len(siblings) else None
    return previous, following, position + 1, len(siblings)


def search_pages(query: str, locale=None) -> list[Page]:
    """Courses and lessons matching ``query``, diacritics and case ignored."""
    folded = fold(query)[:MAX_SEARCH_QUERY_LENGTH].strip()
    if not folded:
        return []
    results = []
    for model in (CoursePage, LessonPage):
        queryset = model.objects.live().public()
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        results.extend(queryset.search(folded, operator="and")[:20])
    return results


def api_courses(language: str | None = None) -> QuerySet:
    queryset = CoursePage.objects.all()
    if language:
        queryset = queryset.filter(locale__language_code=language[:10])
    return _courses_with_details(queryset).select_related("locale").order_by("path")


# Page ids are 32-bit; a larger number from a URL is simply no page (SQLite would overflow).
MAX_PAGE_ID = 2**31 - 1


def api_lessons_of_course(*, course_id: int) -> QuerySet:
    if not 0 < course_id <= MAX_PAGE_ID:
        raise Http404
    course = CoursePage.objects.live().public().filter(pk=course_id).first()
    if course is None:
        raise Http404
    return (
        LessonPage.objects.child_of(course)
        .live()
        .public()
        .select_related("locale")
        .defer_streamfields()
        .annotate(course_id=Value(course.pk, output_field=IntegerField()))
        .order_by("path")
    )


def courses_with_keys(keys) -> list[CoursePage]:
    """Live courses whose translation key is in ``keys`` (every language), with card details."""
    return list(_courses_with_details(CoursePage.objects.filter(translation_key__in=list(keys))).order_by("path"))
