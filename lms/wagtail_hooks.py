"""How pages reach learner state: ``courses`` never imports ``lms``; ``lms`` hooks into serving."""

from wagtail import hooks

from courses.models import LessonPage

from .learners import learner_from_request, referral_source
from .services import lesson_progress_record


@hooks.register("before_serve_page")
def record_lesson_view(page, request, serve_args, serve_kwargs):
    """Opening a lesson enrols the learner and records the view (position 0: never backwards)."""
    if request.method != "GET" or not isinstance(page, LessonPage) or getattr(request, "is_preview", False):
        return None
    learner = learner_from_request(request, create=True)
    lesson_progress_record(learner=learner, lesson=page, position=0.0, source=referral_source(request))
    return None
