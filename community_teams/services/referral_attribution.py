"""Enrolments that came through a visit's QR code, and learner records that merged."""

from django.db import transaction
from django.utils import timezone

from lms.models import Learner
from lms.services import merge_allowed_into

from ..models import HouseholdMember, ReferralAttribution, Visit
from ..referrals import is_referral_token
from .common import create_or_get
from .targets import member_skills_learn_completed
from .visits import first_member_helped


@transaction.atomic
def referral_record(*, enrolment_id: int, token: str) -> ReferralAttribution | None:
    """Note that enrolment ``enrolment_id`` came through ``token``; attribute it to the visit
    (its author, team and first member helped or present) now if the visit is known, else when
    it arrives (``visits.referrals_attach``). None for a source that is not a referral token.
    Idempotent."""
    if not is_referral_token(token):
        return None
    attribution, _created = create_or_get(ReferralAttribution, {"enrolment_id": enrolment_id}, {"token": token})
    if attribution.visit_id is None:
        visit = Visit.objects.filter(referral_token=attribution.token).first()
        if visit is not None:
            referral_attribute(attribution, visit, first_member_helped(visit))
    return attribution


def referral_attribute(attribution: ReferralAttribution, visit: Visit, member: HouseholdMember | None) -> None:
    """Credit the enrolment to the visit, its author, team and ``member``. The member is linked
    to the enrolment's learner when they have no learner yet and the learner is a resident (not
    a staff or team account: a team member may open the link on their own phone), so courses
    they finish count as learned skills."""
    attribution.visit = visit
    attribution.member_id = visit.author_id
    attribution.team_id = visit.team_id
    attribution.household_member = member
    attribution.attributed_at = timezone.now()
    attribution.save(update_fields=["visit", "member", "team", "household_member", "attributed_at"])
    if member is None or member.learner_id is not None:
        return
    learner = Learner.objects.select_related("user").get(pk=attribution.enrolment.learner_id)
    if learner.merged_into_id is not None or (learner.user is not None and not merge_allowed_into(learner.user)):
        return
    if HouseholdMember.objects.filter(pk=member.pk, learner__isnull=True).update(learner=learner):
        member.learner = learner
        member_skills_learn_completed(learner_id=learner.pk)


@transaction.atomic
def learners_merged_relink(*, source_learner_id: int, target_learner_id: int) -> int:
    """Household members linked to a merged-away learner follow it to the learner it joined,
    and that learner's completed courses count for them. Idempotent. -> members moved."""
    moved = HouseholdMember.objects.filter(learner_id=source_learner_id).update(learner_id=target_learner_id)
    if moved or HouseholdMember.objects.filter(learner_id=target_learner_id).exists():
        member_skills_learn_completed(learner_id=target_learner_id)
    return moved
