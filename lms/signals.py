"""Domain events of learning, for apps that ``lms`` may not import (``community_teams``).

Each is sent once, after the transaction that caused it commits, with ``sender`` = the model
class and keyword arguments of ids and keys only (the receiver re-fetches what it needs):

- ``enrolment_created``: enrolment_id, learner_id, course_key, source
- ``lesson_completed``: learner_id, lesson_key, course_key
- ``course_completed``: enrolment_id, learner_id, course_key
- ``learners_merged``: source_learner_id, target_learner_id
"""

from django.db import transaction
from django.dispatch import Signal

enrolment_created = Signal()
lesson_completed = Signal()
course_completed = Signal()
learners_merged = Signal()


def send_on_commit(signal: Signal, sender, **kwargs) -> None:
    transaction.on_commit(lambda: signal.send(sender=sender, **kwargs))
