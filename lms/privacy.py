"""Learner rights: a copy of one's data (a read) and deleting one's account (a write).

Deleting an account removes the person, not the statistics: the ``User`` row goes (with its
email addresses and sessions), the learner row is cut loose from it and given a new random key,
so enrolments, progress and quiz answers still count in reports but lead to nobody.
Certificates are revoked and their name and file removed; their public page says "revoked".
"""

import uuid

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Certificate, Enrolment, Learner, LessonProgress, QuizAttempt, User

ACCOUNT_DELETED_REASON = "account deleted by its holder"


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def learner_data_export(*, user: User) -> dict:
    """Everything the platform keeps about ``user``, as JSON-ready data. Fixed query count."""
    learner = Learner.objects.filter(user=user).first()
    data = {
        "format": "cuaso-learner-data/1",
        "exported_at": timezone.now().isoformat(),
        "account": {
            "display_name": user.display_name,
            "email": user.email,
            "phone": user.phone,
            "phone_verified": user.phone_verified,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "learner": None,
        "enrolments": [],
        "lesson_progress": [],
        "quiz_attempts": [],
        "certificates": [],
    }
    if learner is None:
        return data
    data["learner"] = {"created_at": _iso(learner.created_at), "has_resume_code": bool(learner.resume_code)}
    for enrolment in Enrolment.objects.filter(learner=learner).select_related("course").order_by("enrolled_at"):
        data["enrolments"].append(
            {
                "course_key": str(enrolment.course_key),
                "course": enrolment.course.title if enrolment.course else None,
                "source": enrolment.source,
                "enrolled_at": _iso(enrolment.enrolled_at),
                "completed_at": _iso(enrolment.completed_at),
            }
        )
    for progress in LessonProgress.objects.filter(learner=learner).select_related("lesson").order_by("first_viewed_at"):
        data["lesson_progress"].append(
            {
                "lesson_key": str(progress.lesson_key),
                "lesson": progress.lesson.title if progress.lesson else None,
                "status": progress.status,
                "position": progress.position,
                "time_spent_seconds": progress.time_spent_seconds,
                "best_score_percent": progress.best_score_percent,
                "first_viewed_at": _iso(progress.first_viewed_at),
                "completed_at": _iso(progress.completed_at),
            }
        )
    attempts = QuizAttempt.objects.filter(learner=learner).prefetch_related("answers").order_by("submitted_at")
    for attempt in attempts:
        data["quiz_attempts"].append(
            {
                "lesson_key": str(attempt.lesson_key),
                "score_percent": attempt.score_percent,
                "passed": attempt.passed,
                "submitted_at": _iso(attempt.submitted_at),
                "answers": [
                    {"question_id": a.question_id, "option_id": a.option_id, "correct": a.correct}
                    for a in attempt.answers.all()
                ],
            }
        )
    for certificate in Certificate.objects.filter(learner=learner).order_by("issued_at"):
        data["certificates"].append(
            {
                "code": certificate.display_code,
                "holder_name": certificate.holder_name,
                "course": certificate.course_title,
                "issued_at": _iso(certificate.issued_at),
                "revoked_at": _iso(certificate.revoked_at),
            }
        )
    return data


def account_deletion_allowed(user: User) -> bool:
    """Staff and team accounts are closed by an administrator, who hands their work on first."""
    return not (user.is_staff or user.is_superuser or user.groups.exists())


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete ``user``'s account; learning records stay, anonymised (see the module docstring)."""
    from .services import certificates_revoke_for_learner

    if not account_deletion_allowed(user):
        raise PermissionDenied(_("Staff and team accounts are closed by an administrator."))
    learner = Learner.objects.select_for_update().filter(user=user).first()
    if learner is not None:
        certificates_revoke_for_learner(learner=learner, reason=ACCOUNT_DELETED_REASON, forget_holder=True)
        learner.user = None
        learner.key = uuid.uuid4()
        learner.resume_code = None
        learner.save(update_fields=["user", "key", "resume_code"])
    EmailAddress.objects.filter(user=user).delete()
    # Other signed-in sessions end by themselves: their user no longer exists.
    try:
        user.delete()
    except (ProtectedError, RestrictedError):
        # Work others rely on still points at the account (visits logged in a community team,
        # even after leaving it): an administrator hands it on first. Nothing above is kept.
        raise PermissionDenied(_("Staff and team accounts are closed by an administrator.")) from None
