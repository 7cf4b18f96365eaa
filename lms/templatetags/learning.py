"""How page templates reach learner state without ``courses`` importing ``lms``.

Tags only read: a visitor who has not started anything gets no learner row from them.
"""

from django import template

from lms import selectors
from lms.learners import learner_from_request

register = template.Library()


def _learner(context):
    request = context.get("request")
    return learner_from_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
def resume_point(context):
    """The lesson to continue with, or None."""
    return selectors.resume_point(_learner(context))


@register.simple_tag(takes_context=True)
def with_progress(context, courses):
    """The same courses, each with ``progress_percent`` and ``progress_started``."""
    return selectors.courses_with_progress(_learner(context), list(courses))


@register.simple_tag(takes_context=True)
def course_progress(context, course, lessons):
    """Marks each lesson's ``learner_completed``; returns started, percent and the next lesson."""
    learner = _learner(context)
    lessons = selectors.lessons_with_status(learner, course, list(lessons))
    done = sum(1 for lesson in lessons if lesson.learner_completed)
    started = learner is not None and selectors.is_enrolled(learner, course)
    return {
        "started": started,
        "percent": selectors.progress_percent(done, len(lessons)),
        "next_lesson": next((lesson for lesson in lessons if not lesson.learner_completed), None),
    }


@register.inclusion_tag("components/save_progress.html", takes_context=True)
def save_progress_offer(context):
    """ "Lưu tiến độ" for a visitor without an account once they have finished a lesson: chat
    apps' in-app browsers often lose the cookie, so offer sign-up or a resume code."""
    request = context.get("request")
    show = False
    if request is not None and not request.user.is_authenticated:
        learner = learner_from_request(request)
        show = learner is not None and selectors.has_completed_a_lesson(learner)
    return {"show": show}
