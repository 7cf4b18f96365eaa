"""Scoped reads for learners."""

from django.http import Http404

from courses.models import LessonPage


def lesson_for_quiz(*, page_id: int) -> LessonPage:
    """A live, public lesson, or 404."""
    lesson = LessonPage.objects.live().public().filter(pk=page_id).select_related("locale").first()
    if lesson is None:
        raise Http404
    return lesson
