"""The household target: one person in the household with every target skill.

A member ``has_all_skills`` when they hold a ``MemberSkill`` (observed on a visit or learned
through a course) for every ``courses.Skill`` with ``is_household_target``; with no target skill
defined nobody meets it. A household ``meets_target`` when any of its members has them all;
``target_met_at`` is set the first time and kept.
"""

from django.db import transaction
from django.db.models import Case, Count, Value, When
from django.utils import timezone

from courses.models import CourseSkill, Skill
from lms.models import Enrolment

from ..models import Household, HouseholdMember, MemberSkill
from .common import create_or_get


def _target_skill_count() -> int:
    return Skill.objects.filter(is_household_target=True).count()


@transaction.atomic
def household_target_refresh(household: Household) -> bool:
    """Recompute the members' ``has_all_skills`` and the household's ``meets_target`` in the
    database (four queries, whatever the number of members or skills). Returns ``meets_target``."""
    needed = _target_skill_count()
    members = HouseholdMember.objects.filter(household_id=household.pk)
    if needed:
        complete = (
            MemberSkill.objects.filter(member__household_id=household.pk, skill__is_household_target=True)
            .values("member_id")
            .annotate(n=Count("skill_id", distinct=True))
            .filter(n__gte=needed)
            .values("member_id")
        )
        members.update(
            has_all_skills=Case(When(pk__in=complete, then=Value(True)), default=Value(False)),
        )
    else:
        members.filter(has_all_skills=True).update(has_all_skills=False)
    meets = needed > 0 and members.filter(has_all_skills=True).exists()
    Household.objects.filter(pk=household.pk).update(meets_target=meets)
    if meets:
        Household.objects.filter(pk=household.pk, target_met_at__isnull=True).update(target_met_at=timezone.now())
    household.refresh_from_db(fields=["meets_target", "target_met_at"])
    return meets


def member_skill_observe(*, member: HouseholdMember, skill: Skill, visit, at) -> None:
    """Record that a team member saw ``member`` use ``skill`` on ``visit``; the first
    observation is kept."""
    row, created = create_or_get(
        MemberSkill, {"member": member, "skill": skill}, {"observed_at": at, "observed_visit": visit}
    )
    if not created and row.observed_at is None:
        MemberSkill.objects.filter(pk=row.pk, observed_at__isnull=True).update(observed_at=at, observed_visit=visit)


def _target_skill_ids_of_course(course_key) -> list[int]:
    return list(
        CourseSkill.objects.filter(page__translation_key=course_key, skill__is_household_target=True)
        .values_list("skill_id", flat=True)
        .distinct()
    )


@transaction.atomic
def member_skills_learn(*, learner_id: int, course_keys: list) -> int:
    """Household members linked to ``learner_id`` learned the target skills the courses are
    tagged with: set ``learned_at`` once, then refresh their households. Idempotent. Returns the
    number of member skills newly marked learned."""
    members = list(HouseholdMember.objects.filter(learner_id=learner_id).select_related("household"))
    if not members or not course_keys:
        return 0
    skill_ids = set()
    for course_key in course_keys:
        skill_ids.update(_target_skill_ids_of_course(course_key))
    if not skill_ids:
        return 0
    now = timezone.now()
    marked = 0
    for member in members:
        for skill_id in sorted(skill_ids):
            row, created = create_or_get(MemberSkill, {"member": member, "skill_id": skill_id}, {"learned_at": now})
            if created:
                marked += 1
            elif row.learned_at is None:
                marked += MemberSkill.objects.filter(pk=row.pk, learned_at__isnull=True).update(learned_at=now)
    for household in {member.household_id: member.household for member in members}.values():
        household_target_refresh(household)
    return marked


def member_skills_learn_completed(*, learner_id: int) -> int:
    """Every course ``learner_id`` has completed counts (after a learner merge or a new link)."""
    keys = list(
        Enrolment.objects.filter(learner_id=learner_id, completed_at__isnull=False).values_list("course_key", flat=True)
    )
    return member_skills_learn(learner_id=learner_id, course_keys=keys)
