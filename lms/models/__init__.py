"""The platform's own records: accounts and learner state.

- ``User`` (accounts): one person, email and/or phone.
- ``Learner`` (learning): whoever is learning, anonymous (a random key in a signed cookie) or
  tied to one ``User``. Merging an anonymous learner into an account moves its rows and records
  ``merged_into``; a merged learner keeps no rows of its own.
- ``Enrolment``: one per learner and course; ``source`` is the opaque referral token the learner
  arrived with (a team's QR code, say).
- ``LessonProgress``: one per learner and lesson: furthest position (0..1), time spent, status.
- ``QuizAttempt`` with one ``QuizAnswer`` per chosen option, so reports aggregate in SQL.
- ``Certificate`` (certificates): one per learner and course once the course is complete and the
  learner has a named account; an unguessable public code, the name and title as issued, the
  PDF once rendered, and a revocation date.

Content is referenced by the page's ``translation_key`` (shared by all languages, stable across
renames and moves) plus a nullable foreign key with ``SET_NULL``: deleting or unpublishing a
page never deletes learner history.
"""

from .accounts import User, e164_validator
from .certificates import Certificate
from .learning import Enrolment, Learner, LessonProgress, ProgressStatus, QuizAnswer, QuizAttempt

__all__ = [
    "Certificate",
    "Enrolment",
    "Learner",
    "LessonProgress",
    "ProgressStatus",
    "QuizAnswer",
    "QuizAttempt",
    "User",
    "e164_validator",
]
