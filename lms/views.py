"""Learner-facing views that are not Wagtail pages, and the health check."""

import logging

from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from courses.grading import QuizSubmissionError, grade_quiz

from . import offline
from .learners import learner_cookie_forged, learner_from_request, referral_source
from .selectors import certificate_rows, enrolments_of, lesson_for_quiz, lesson_neighbours_after
from .services import lesson_progress_record, quiz_attempt_submit

logger = logging.getLogger(__name__)

MAX_QUIZ_FIELDS = 20
QUESTION_FIELD_PREFIX = "q-"


def _submitted_answers(post) -> dict[str, list[str]]:
    answers = {}
    for key in post:
        if key.startswith(QUESTION_FIELD_PREFIX):
            answers[key[len(QUESTION_FIELD_PREFIX) :]] = post.getlist(key)
    if len(answers) > MAX_QUIZ_FIELDS:
        raise QuizSubmissionError(_("The answers do not match this quiz. Reload the lesson and try again."))
    return answers


@require_POST
def quiz_submit(request, page_id: int):
    """Grade a lesson's quiz on the server and show the feedback. Works without JavaScript."""
    lesson = lesson_for_quiz(page_id=page_id)
    if learner_cookie_forged(request):
        return render(request, "lms/learner_unverified.html", {"page": lesson}, status=403)
    questions = lesson.questions
    course = lesson.get_parent().specific
    answers = {}
    try:
        answers = _submitted_answers(request.POST)
        result = grade_quiz(questions, answers)
    except QuizSubmissionError as error:
        context = {"page": lesson, "course": course, "questions": questions, "selected": answers, "error": str(error)}
        return render(request, "lms/quiz_invalid.html", context, status=400)
    learner = learner_from_request(request, create=True)
    quiz_attempt_submit(learner=learner, lesson=lesson, result=result, course=course)
    passed = result.passed(course.pass_mark_percent)
    context = {"page": lesson, "course": course, "result": result, "passed": passed, "questions": questions}
    return render(request, "lms/quiz_result.html", context)


@require_POST
def lesson_complete(request, page_id: int):
    """ "I have finished this lesson" for lessons without a quiz; works without JavaScript."""
    lesson = lesson_for_quiz(page_id=page_id)
    if learner_cookie_forged(request):
        return render(request, "lms/learner_unverified.html", {"page": lesson}, status=403)
    if lesson.questions:
        messages.info(request, _("Answer the questions at the end to finish this lesson."))
        return redirect(lesson.url + "#kiem-tra")
    learner = learner_from_request(request, create=True)
    lesson_progress_record(learner=learner, lesson=lesson, position=1.0, source=referral_source(request))
    following = lesson_neighbours_after(lesson)
    return redirect(following.url if following else lesson.get_parent().url)


@require_GET
def my_courses(request):
    """Courses in progress and done, for whoever this browser or account is."""
    learner = learner_from_request(request)
    in_progress, completed = enrolments_of(learner)
    certificates = certificate_rows(learner, completed)
    context = {"in_progress": in_progress, "completed": completed, "certificates": certificates}
    return render(request, "lms/my_courses.html", context)


@never_cache
@require_GET
def healthz(request):
    """Database, cache and broker state. 200 while the database answers, 503 when it does not."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "down"
        logger.warning("healthz: database unreachable")
        checks["database"] = "error"
    try:
        cache.set("healthz", "1", 5)
        checks["cache"] = "ok" if cache.get("healthz") == "1" else "error"
    except Exception:  # noqa: BLE001
        checks["cache"] = "error"
    checks["broker"] = _broker_state()
    status = 200 if checks["database"] == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", "checks": checks}, status=status)


def _broker_state() -> str:
    from django.conf import settings

    if not settings.CELERY_BROKER_URL:
        return "in-process"
    from .celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception:  # noqa: BLE001
        return "error"


# The installable web app (see ``lms.offline``).


@require_GET
def service_worker(request):
    """The service worker, at the root so that it controls every page. Browsers check it for a
    new version at least daily; ``no-cache`` makes them ask every time a page opens."""
    response = HttpResponse(offline.worker_script(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def web_manifest(request):
    manifest = {
        "name": "Cửa Số",
        "short_name": "Cửa Số",
        "description": _("Short lessons to use online public services and pay online safely."),
        "lang": request.LANGUAGE_CODE,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b4f9c",
        "icons": [
            {"src": static("img/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            *(
                {
                    "src": static(f"img/icons/maskable-{size}.png"),
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": "maskable",
                }
                for size in (192, 512)
            ),
        ],
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
@offline.offline_cacheable(offline.PAGE)
def offline_page(request):
    """What this phone can show without signal; ``offline.js`` lists it from the worker's cache."""
    return render(request, "lms/offline.html")
