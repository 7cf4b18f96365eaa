"""Reactions to learning's events (``lms.signals``) and to sign-ins, one call each. Connected in
``CommunityTeamsConfig.ready``; the events are sent after their transaction commits.

The services are idempotent, so an event handled twice changes nothing. A failure is logged
and does not fail the learner's request that sent the event (its own work is committed).
"""

import logging

from django.contrib.auth.signals import user_logged_in

from lms import signals

from . import services, sessions

logger = logging.getLogger(__name__)


def _quietly(name: str, call, **kwargs) -> None:
    try:
        call(**kwargs)
    except Exception:  # logged with ids only; the learner's request goes on
        logger.exception("community_teams: %s failed for %s", name, {k: v for k, v in kwargs.items() if k != "token"})


def on_course_completed(sender, learner_id: int, course_key: str, **kwargs) -> None:
    _quietly("member_skills_learn", services.member_skills_learn, learner_id=learner_id, course_keys=[course_key])


def on_enrolment_created(sender, enrolment_id: int, source: str = "", **kwargs) -> None:
    if source:
        _quietly("referral_record", services.referral_record, enrolment_id=enrolment_id, token=source)


def on_learners_merged(sender, source_learner_id: int, target_learner_id: int, **kwargs) -> None:
    _quietly(
        "learners_merged_relink",
        services.learners_merged_relink,
        source_learner_id=source_learner_id,
        target_learner_id=target_learner_id,
    )


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    sessions.field_session_start(request, user)


def connect() -> None:
    user_logged_in.connect(on_user_logged_in, dispatch_uid="community_teams_field_session")
    signals.course_completed.connect(on_course_completed, dispatch_uid="community_teams_course_completed")
    signals.enrolment_created.connect(on_enrolment_created, dispatch_uid="community_teams_enrolment_created")
    signals.learners_merged.connect(on_learners_merged, dispatch_uid="community_teams_learners_merged")
