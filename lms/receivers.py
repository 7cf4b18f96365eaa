"""Learning's own events, one line each: hand the work to a task. Connected in
``LmsConfig.ready``; the events are sent after their transaction commits."""

from . import signals
from .tasks import certificate_issue_for_enrolment, certificates_issue_for_learner, delay_quietly


def issue_certificate_on_course_completed(sender, enrolment_id: int, **kwargs) -> None:
    delay_quietly(certificate_issue_for_enrolment, enrolment_id)


def issue_certificates_on_learners_merged(sender, target_learner_id: int, **kwargs) -> None:
    delay_quietly(certificates_issue_for_learner, target_learner_id)


signals.course_completed.connect(issue_certificate_on_course_completed, dispatch_uid="lms_certificate_on_completion")
signals.learners_merged.connect(issue_certificates_on_learners_merged, dispatch_uid="lms_certificates_on_merge")
