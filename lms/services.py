"""Writes on accounts and learner records.

Every "one of X" rule is a database constraint; services create rows through it (insert, and on
a conflict read the winner) and never check-then-insert. Progress only moves forward, so
replaying any call changes nothing.
"""

import logging
import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.grading import QuizResult
from courses.models import CoursePage, LessonPage

from . import signals
from .certificates import CertificateContent, certificate_pdf, certificate_verify_url, nfc
from .models import Certificate, Enrolment, Learner, LessonProgress, ProgressStatus, QuizAnswer, QuizAttempt, User
from .models.certificates import certificate_code_new

logger = logging.getLogger(__name__)

MAX_SECONDS_PER_CALL = 6 * 3600


@transaction.atomic
def demo_user_ensure(
    *, username: str, email: str, password: str, display_name: str, groups: tuple[str, ...] = (), superuser=False
) -> tuple[User, bool]:
    """Create a demo account if missing; an existing one keeps its password. Idempotent."""
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"email": email, "display_name": display_name, "is_staff": superuser, "is_superuser": superuser},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if email:
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user, created


def _create_or_get(model, lookup: dict, defaults: dict):
    """Insert through the unique constraint; on a conflict return the row that won. -> (row, created)"""
    try:
        with transaction.atomic():
            return model.objects.create(**lookup, **defaults), True
    except IntegrityError:
        return model.objects.get(**lookup), False


def learner_for_user(*, user: User) -> Learner:
    learner, _created = _create_or_get(Learner, {"user": user}, {})
    return learner


def learner_create_anonymous() -> Learner:
    return Learner.objects.create()


# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read aloud and copy from a phone screen.
RESUME_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
RESUME_CODE_LENGTH = 8


def resume_code_normalise(raw: str) -> str:
    """What a person typed (any case, spaces or dashes) -> the stored form, or "" if impossible."""
    code = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    if len(code) != RESUME_CODE_LENGTH or any(ch not in RESUME_CODE_ALPHABET for ch in code):
        return ""
    return code


def learner_resume_code_ensure(*, learner: Learner) -> str:
    """The learner's resume code, made once (about 37 bits; lookups are rate limited)."""
    if learner.resume_code:
        return learner.resume_code
    for _attempt in range(5):
        code = "".join(secrets.choice(RESUME_CODE_ALPHABET) for _ in range(RESUME_CODE_LENGTH))
        try:
            with transaction.atomic():
                Learner.objects.filter(pk=learner.pk, resume_code__isnull=True).update(resume_code=code)
        except IntegrityError:  # another learner holds this code: draw again
            continue
        if Learner.objects.filter(pk=learner.pk).exclude(resume_code=None).exists():
            learner.refresh_from_db(fields=["resume_code"])
            return learner.resume_code
    raise RuntimeError("could not allocate a resume code")


def _course_of(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.get(pk=lesson.get_parent().pk)


@transaction.atomic
def enrolment_create(*, learner: Learner, course: CoursePage, source: str = "") -> tuple[Enrolment, bool]:
    """Enrol ``learner`` in ``course`` once; the first source is kept."""
    enrolment, created = _create_or_get(
        Enrolment,
        {"learner": learner, "course_key": course.translation_key},
        {"course": course, "source": (source or "")[:64]},
    )
    if created:
        signals.send_on_commit(
            signals.enrolment_created,
            Enrolment,
            enrolment_id=enrolment.pk,
            learner_id=learner.pk,
            course_key=str(course.translation_key),
            source=enrolment.source,
        )
    return enrolment, created


def _lesson_has_quiz(lesson: LessonPage) -> bool:
    return any(block.block_type == "question" for block in lesson.quiz)


@transaction.atomic
def lesson_progress_record(
    *,
    learner: Learner,
    lesson: LessonPage,
    position: float = 0.0,
    seconds: int = 0,
    source: str = "",
    course: CoursePage | None = None,
) -> LessonProgress:
    """Record a view of ``lesson`` at ``position`` (0..1) plus ``seconds`` spent.

    Enrols on first view. Reaching the end (position 1) completes a lesson without a quiz; a
    lesson with a quiz completes only through ``quiz_attempt_submit``. Never moves backwards.
    """
    try:
        position = float(position)
    except (TypeError, ValueError) as error:
        raise ValidationError(_("The position must be a number between 0 and 1.")) from error
    if not 0.0 <= position <= 1.0:
        raise ValidationError(_("The position must be a number between 0 and 1."))
    if not isinstance(seconds, int) or seconds < 0:
        raise ValidationError(_("Time spent must be a whole number of seconds, 0 or more."))
    course = course or _course_of(lesson)
    enrolment_create(learner=learner, course=course, source=source)
    _create_or_get(
        LessonProgress,
        {"learner": learner, "lesson_key": lesson.translation_key},
        {"course_key": course.translation_key, "lesson": lesson},
    )
    progress = LessonProgress.objects.select_for_update().get(learner=learner, lesson_key=lesson.translation_key)
    progress.position = max(progress.position, position)
    progress.time_spent_seconds += min(seconds, MAX_SECONDS_PER_CALL)
    progress.lesson = lesson
    progress.save(update_fields=["position", "time_spent_seconds", "lesson", "updated_at"])
    if position >= 1.0 and not _lesson_has_quiz(lesson):
        _lesson_complete(progress, course)
    return progress


def _lesson_complete(progress: LessonProgress, course: CoursePage) -> None:
    """Mark ``progress`` (locked by the caller) completed once, then check the course."""
    if progress.status == ProgressStatus.COMPLETED:
        return
    progress.status = ProgressStatus.COMPLETED
    progress.completed_at = timezone.now()
    progress.position = 1.0
    progress.save(update_fields=["status", "completed_at", "position", "updated_at"])
    signals.send_on_commit(
        signals.lesson_completed,
        LessonProgress,
        learner_id=progress.learner_id,
        lesson_key=str(progress.lesson_key),
        course_key=str(progress.course_key),
    )
    _course_completion_check(learner_id=progress.learner_id, course=course)


def _course_completion_check(*, learner_id: int, course: CoursePage) -> None:
    lesson_keys = set(LessonPage.objects.child_of(course).live().values_list("translation_key", flat=True))
    if not lesson_keys:
        return
    done = set(
        LessonProgress.objects.filter(
            learner_id=learner_id, lesson_key__in=lesson_keys, status=ProgressStatus.COMPLETED
        ).values_list("lesson_key", flat=True)
    )
    if done != lesson_keys:
        return
    enrolment = Enrolment.objects.select_for_update().get(learner_id=learner_id, course_key=course.translation_key)
    if enrolment.completed_at is not None:
        return
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    signals.send_on_commit(
        signals.course_completed,
        Enrolment,
        enrolment_id=enrolment.pk,
        learner_id=learner_id,
        course_key=str(course.translation_key),
    )


@transaction.atomic
def quiz_attempt_submit(
    *, learner: Learner, lesson: LessonPage, result: QuizResult, course: CoursePage | None = None
) -> QuizAttempt:
    """Store a graded attempt with one answer row per chosen option; a pass at the course's
    pass mark completes the lesson. Unlimited retries; the best score is kept."""
    course = course or _course_of(lesson)
    progress = lesson_progress_record(learner=learner, lesson=lesson, position=1.0, course=course)
    passed = result.passed(course.pass_mark_percent)
    attempt = QuizAttempt.objects.create(
        learner=learner,
        lesson_key=lesson.translation_key,
        lesson=lesson,
        score_percent=result.score_percent,
        passed=passed,
    )
    QuizAnswer.objects.bulk_create(
        [
            QuizAnswer(
                attempt=attempt,
                lesson_key=lesson.translation_key,
                question_id=question.id,
                option_id=option.id,
                correct=option.is_correct,
            )
            for question in result.questions
            for option in question.options
            if option.selected
        ]
    )
    if progress.best_score_percent is None or result.score_percent > progress.best_score_percent:
        progress.best_score_percent = result.score_percent
        progress.save(update_fields=["best_score_percent", "updated_at"])
    if passed:
        _lesson_complete(progress, course)
    return attempt


def merge_allowed_into(user: User) -> bool:
    """Anonymous progress never joins staff or role accounts: team members and editors show
    lessons to residents on their own phones. (Team roles join this rule when they exist.)"""
    return not (user.is_staff or user.is_superuser or user.groups.exists())


@transaction.atomic
def learner_merge(*, source: Learner, target: Learner) -> bool:
    """Move ``source``'s rows to ``target`` in one transaction; returns False if nothing to do.

    Best progress and best score win, time spent adds up, the earliest enrolment (and its
    source token) is kept, attempts move over. ``source.merged_into`` records where it went.
    """
    if source.pk == target.pk:
        return False
    source, target = (
        Learner.objects.select_for_update().get(pk=source.pk),
        Learner.objects.select_for_update().get(pk=target.pk),
    )
    if source.merged_into_id is not None:
        return False
    if target.merged_into_id is not None:
        raise ValidationError(_("This learner record was merged into another one."))
    if source.user_id is not None:
        raise ValidationError(_("Only progress made without an account can be merged."))
    if target.user is not None and not merge_allowed_into(target.user):
        raise ValidationError(_("Progress is never merged into staff or team accounts."))

    targets = {e.course_key: e for e in Enrolment.objects.select_for_update().filter(learner=target)}
    for enrolment in Enrolment.objects.select_for_update().filter(learner=source):
        kept = targets.get(enrolment.course_key)
        if kept is None:
            enrolment.learner = target
            enrolment.save(update_fields=["learner"])
            continue
        if enrolment.enrolled_at < kept.enrolled_at and enrolment.source and not kept.source:
            kept.source = enrolment.source
        if enrolment.completed_at and (kept.completed_at is None or enrolment.completed_at < kept.completed_at):
            kept.completed_at = enrolment.completed_at
        kept.course_id = kept.course_id or enrolment.course_id
        kept.save(update_fields=["source", "completed_at", "course"])
        enrolment.delete()

    kept_progress = {p.lesson_key: p for p in LessonProgress.objects.select_for_update().filter(learner=target)}
    for progress in LessonProgress.objects.select_for_update().filter(learner=source):
        kept = kept_progress.get(progress.lesson_key)
        if kept is None:
            progress.learner = target
            progress.save(update_fields=["learner"])
            continue
        kept.position = max(kept.position, progress.position)
        kept.time_spent_seconds += progress.time_spent_seconds
        scores = [s for s in (kept.best_score_percent, progress.best_score_percent) if s is not None]
        kept.best_score_percent = max(scores) if scores else None
        if progress.status == ProgressStatus.COMPLETED and (
            kept.status != ProgressStatus.COMPLETED or progress.completed_at < kept.completed_at
        ):
            kept.status, kept.completed_at = ProgressStatus.COMPLETED, progress.completed_at
        kept.save()
        progress.delete()

    QuizAttempt.objects.filter(learner=source).update(learner=target)
    source.merged_into = target
    source.merged_at = timezone.now()
    source.save(update_fields=["merged_into", "merged_at"])
    signals.send_on_commit(signals.learners_merged, Learner, source_learner_id=source.pk, target_learner_id=target.pk)
    # Completed courses may now be complete for the target too.
    for enrolment in Enrolment.objects.filter(learner=target, completed_at__isnull=True).select_related("course"):
        if enrolment.course is not None:
            _course_completion_check(learner_id=target.pk, course=enrolment.course)
    return True


# Certificates.


def _certificate_course_title(enrolment: Enrolment) -> str:
    """The course's title in the site's default language (a certificate is a Vietnamese
    document), else the page the learner enrolled through; "" when the course is gone."""
    pages = {
        page.locale.language_code: page
        for page in CoursePage.objects.filter(translation_key=enrolment.course_key).select_related("locale")
    }
    page = pages.get(settings.LANGUAGE_CODE) or enrolment.course or next(iter(pages.values()), None)
    return nfc(page.title) if page is not None else ""


def certificate_issue(*, enrolment_id: int) -> Certificate | None:
    """The certificate of a completed enrolment, made once. None while it cannot be issued: the
    course is not complete, the learner has no account, or the account has no name.

    Idempotent and safe to run concurrently: the row is inserted through the one-per-learner-
    and-course constraint and a caller that loses reads the winner. An existing certificate is
    returned as it is (revoked or not, whatever the account's name is now).
    """
    enrolment = Enrolment.objects.select_related("learner__user", "course").filter(pk=enrolment_id).first()
    if enrolment is None or enrolment.completed_at is None:
        return None
    lookup = {"learner_id": enrolment.learner_id, "course_key": enrolment.course_key}
    existing = Certificate.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    user = enrolment.learner.user
    holder_name = nfc(user.display_name) if user is not None else ""
    course_title = _certificate_course_title(enrolment)
    if not holder_name or not course_title:
        return None
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    **lookup,
                    code=certificate_code_new(),
                    course=enrolment.course,
                    holder_name=holder_name[:150],
                    course_title=course_title[:255],
                )
        except IntegrityError:
            winner = Certificate.objects.filter(**lookup).first()
            if winner is not None:
                return winner
            continue  # the code was taken by another certificate: draw again
        logger.info("certificate %s issued for enrolment %s", certificate.pk, enrolment_id)
        return certificate
    raise RuntimeError("could not allocate a certificate code")


@transaction.atomic
def certificate_claim(*, enrolment: Enrolment, user: User, display_name: str = "") -> Certificate:
    """Issue on the learner's request ("My courses"), for an account that finished the course
    before it had a name: the name given is saved on the account first, if it has none."""
    if enrolment.learner.user_id != user.pk:
        raise ValidationError(_("This course is not in your account."))
    if enrolment.completed_at is None:
        raise ValidationError(_("Finish every lesson of the course first."))
    if not nfc(user.display_name):
        name = nfc(display_name)
        if not name:
            raise ValidationError(_("Enter your name as it should appear on the certificate."))
        if len(name) > 150:
            raise ValidationError(_("The name can be at most 150 characters long."))
        user.display_name = name
        user.save(update_fields=["display_name"])
    certificate = certificate_issue(enrolment_id=enrolment.pk)
    if certificate is None:
        raise ValidationError(_("A certificate cannot be issued for this course."))
    return certificate


def certificate_pdf_render(*, certificate_id: int) -> Certificate | None:
    """Draw and store the certificate's PDF once. The row lock makes a concurrent run wait for
    the first and then find the file, so there is one file; a revoked certificate is not drawn."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
        if certificate is None or certificate.pdf or certificate.is_revoked:
            return certificate
        content = CertificateContent(
            holder_name=certificate.holder_name,
            course_title=certificate.course_title,
            issued_on=timezone.localdate(certificate.issued_at),
            code=certificate.display_code,
            verify_url=certificate_verify_url(certificate.code),
        )
        certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(certificate_pdf(content)), save=False)
        try:
            certificate.save(update_fields=["pdf"])
        except Exception:
            certificate.pdf.delete(save=False)
            raise
    logger.info("certificate %s rendered", certificate.pk)
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    """Revoke (staff, in the admin). The first revocation date is kept; the reason may be
    reworded. The public page then says the certificate was revoked."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason for revoking the certificate."))
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.revoked_at is None:
        locked.revoked_at = timezone.now()
    locked.revoked_reason = reason
    locked.save(update_fields=["revoked_at", "revoked_reason"])
    logger.info("certificate %s revoked", locked.pk)
    return locked


@transaction.atomic
def certificates_revoke_for_learner(*, learner: Learner, reason: str, forget_holder: bool = False) -> int:
    """Revoke every certificate of ``learner`` (account deletion); returns how many. With
    ``forget_holder`` the name is blanked and the PDF deleted (after commit), so the public page
    keeps only "revoked", the course and the date."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason for revoking the certificate."))
    now = timezone.now()
    certificates = list(Certificate.objects.select_for_update().filter(learner=learner))
    for certificate in certificates:
        certificate.revoked_at = certificate.revoked_at or now
        certificate.revoked_reason = reason
        fields = ["revoked_at", "revoked_reason"]
        if forget_holder:
            if certificate.pdf:
                storage, name = certificate.pdf.storage, certificate.pdf.name
                transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
            certificate.holder_name = ""
            certificate.pdf = ""
            fields += ["holder_name", "pdf"]
        certificate.save(update_fields=fields)
    return len(certificates)


def user_display_name_set(*, user: User, name: str) -> None:
    """The name printed on certificates: NFC, spaces collapsed. Certificates already issued
    keep the name they were issued with."""
    import unicodedata

    name = unicodedata.normalize("NFC", " ".join((name or "").split()))[:150]
    if not name:
        raise ValidationError(_("Enter your name."))
    user.display_name = name
    user.save(update_fields=["display_name"])
