"""Learner state. See the package docstring for how the objects relate."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def page_reference(model: str, verbose_name) -> models.ForeignKey:
    """A pointer to a page that never blocks deleting it: learner history outlives content.
    The stable reference is the ``*_key`` (translation key) beside it."""
    return models.ForeignKey(
        model, verbose_name=verbose_name, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )


class Learner(models.Model):
    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learner",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
    )
    resume_code = models.CharField(
        _("resume code"),
        max_length=12,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Short code that carries anonymous progress to another browser."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    merged_at = models.DateTimeField(_("merged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("learner")
        verbose_name_plural = _("learners")
        constraints = [
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | ~Q(merged_into=models.F("pk")),
                name="lms_learner_not_merged_into_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"Learner {self.pk}"

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None


class ProgressStatus(models.TextChoices):
    VIEWED = "viewed", _("Viewed")
    COMPLETED = "completed", _("Completed")


class Enrolment(models.Model):
    learner = models.ForeignKey(Learner, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="enrolments")
    course_key = models.UUIDField(_("course key"))
    course = page_reference("courses.CoursePage", _("course"))
    source = models.CharField(_("source"), max_length=64, blank=True, help_text=_("Referral token, if any."))
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course_key"], name="lms_enrolment_one_per_learner_course"),
        ]
        indexes = [models.Index(fields=["course_key", "completed_at"], name="lms_enrol_course_done_idx")]

    def __str__(self) -> str:
        return f"Enrolment {self.pk}"


class LessonProgress(models.Model):
    learner = models.ForeignKey(
        Learner, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson_key = models.UUIDField(_("lesson key"))
    course_key = models.UUIDField(_("course key"))
    lesson = page_reference("courses.LessonPage", _("lesson"))
    status = models.CharField(_("status"), max_length=16, choices=ProgressStatus.choices, default=ProgressStatus.VIEWED)
    position = models.FloatField(_("furthest position"), default=0.0, help_text=_("0 = start, 1 = end."))
    time_spent_seconds = models.PositiveIntegerField(_("time spent (seconds)"), default=0)
    best_score_percent = models.PositiveSmallIntegerField(_("best quiz score (%)"), null=True, blank=True)
    first_viewed_at = models.DateTimeField(_("first viewed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson_key"], name="lms_progress_one_per_learner_lesson"),
            models.CheckConstraint(condition=Q(position__gte=0) & Q(position__lte=1), name="lms_progress_position_0_1"),
            models.CheckConstraint(
                condition=Q(best_score_percent__isnull=True) | Q(best_score_percent__lte=100),
                name="lms_progress_score_at_most_100",
            ),
            models.CheckConstraint(
                condition=~Q(status=ProgressStatus.COMPLETED) | Q(completed_at__isnull=False),
                name="lms_progress_completed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["learner", "course_key"], name="lms_progress_learner_idx")]

    def __str__(self) -> str:
        return f"Progress {self.pk}"

    @property
    def is_completed(self) -> bool:
        return self.status == ProgressStatus.COMPLETED


class QuizAttempt(models.Model):
    learner = models.ForeignKey(
        Learner, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson_key = models.UUIDField(_("lesson key"))
    lesson = page_reference("courses.LessonPage", _("lesson"))
    score_percent = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.CheckConstraint(condition=Q(score_percent__lte=100), name="lms_attempt_score_at_most_100"),
        ]
        indexes = [models.Index(fields=["lesson_key", "submitted_at"], name="lms_attempt_lesson_time_idx")]

    def __str__(self) -> str:
        return f"Quiz attempt {self.pk}"


class QuizAnswer(models.Model):
    """One chosen option of one question in one attempt. Keys, not positions: (lesson key,
    question block id, option id) survive edits of the lesson."""

    attempt = models.ForeignKey(
        QuizAttempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="answers"
    )
    lesson_key = models.UUIDField(_("lesson key"))
    question_id = models.CharField(_("question id"), max_length=64)
    option_id = models.CharField(_("option id"), max_length=64)
    correct = models.BooleanField(_("correct option"))

    class Meta:
        verbose_name = _("quiz answer")
        verbose_name_plural = _("quiz answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question_id", "option_id"], name="lms_answer_one_per_option"),
        ]
        indexes = [models.Index(fields=["lesson_key", "question_id"], name="lms_answer_question_idx")]

    def __str__(self) -> str:
        return f"Answer {self.pk}"
