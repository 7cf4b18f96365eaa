"""The household target (one person with all five skills), and skills learned through courses."""

import pytest
from django.utils import timezone

from community_teams import services
from community_teams.models import Household, HouseholdMember, MemberSkill
from courses.models import Skill
from lms.models import User
from lms.services import learner_create_anonymous, learner_for_user, learner_merge, lesson_progress_record
from tests.courses.factories import add_course, add_lesson, step


@pytest.fixture
def household(world, make_household):
    return make_household(world.member_a)


def _give(member, skills, *, learned=False):
    now = timezone.now()
    for skill in skills:
        MemberSkill.objects.create(
            member=member, skill=skill, **({"learned_at": now} if learned else {"observed_at": now})
        )


def test_grandmother_with_two_skills_and_son_with_three_do_not_meet_the_target(world, household, make_member):
    grandmother = make_member(world.member_a, household, label="bà Hường", age_group="60_plus")
    son = make_member(world.member_a, household, label="anh Tuấn")
    _give(grandmother, world.skills[:2])
    _give(son, world.skills[2:])
    assert services.household_target_refresh(household) is False
    household.refresh_from_db()
    assert (household.meets_target, household.target_met_at) == (False, None)
    assert list(HouseholdMember.objects.filter(has_all_skills=True)) == []


def test_a_son_with_all_five_skills_meets_the_target(world, household, make_member):
    grandmother = make_member(world.member_a, household, label="bà Hường", age_group="60_plus")
    son = make_member(world.member_a, household, label="anh Tuấn")
    _give(grandmother, world.skills[:2])
    _give(son, world.skills[:3])
    _give(son, world.skills[3:], learned=True)  # observed or learned both count
    assert services.household_target_refresh(household) is True
    household.refresh_from_db()
    assert household.meets_target is True and household.target_met_at is not None
    assert list(HouseholdMember.objects.filter(has_all_skills=True)) == [son]

    first_met_at = household.target_met_at
    services.household_target_refresh(household)
    household.refresh_from_db()
    assert household.target_met_at == first_met_at  # set once


def test_skills_that_are_not_targets_do_not_count(world, household, make_member):
    son = make_member(world.member_a, household)
    _give(son, [*world.skills[:4], world.other_skill])
    assert services.household_target_refresh(household) is False


def test_with_no_target_skill_defined_nobody_meets_the_target(world, household, make_member):
    son = make_member(world.member_a, household)
    _give(son, world.skills)
    Skill.objects.update(is_household_target=False)
    assert services.household_target_refresh(household) is False
    assert HouseholdMember.objects.get().has_all_skills is False


def test_help_on_visits_brings_a_household_to_the_target(world, household, make_member, make_visit):
    son = make_member(world.member_a, household)
    items = ["cai-vneid", "mua-hang", "quet-qr", "nhan-dien-lua-dao"]
    make_visit(world.member_a, household, help=[{"item": code, "member": str(son.client_uuid)} for code in items])
    assert Household.objects.get().meets_target is False
    make_visit(world.member_a, household, help=[{"item": "ung-dung-tinh", "member": str(son.client_uuid)}])
    assert Household.objects.get().meets_target is True


@pytest.fixture
def course(catalogue, world):
    course = add_course(catalogue, title="Thanh toán trực tuyến", skills=[world.skill["thanh-toan"], world.other_skill])
    add_lesson(course, title="Bài một", body=[step("Mở ứng dụng ngân hàng")])
    return course


def _finish(learner, course, capture):
    from courses.models import LessonPage

    with capture(execute=True):
        for lesson in LessonPage.objects.child_of(course):
            lesson_progress_record(learner=learner, lesson=lesson, position=1.0)


def test_a_course_completed_by_the_linked_learner_marks_its_target_skills_learned(
    world, household, make_member, course, django_capture_on_commit_callbacks
):
    son = make_member(world.member_a, household)
    _give(son, [world.skill[code] for code in ("dvc", "mua-sam", "an-toan", "nen-tang")])
    learner = learner_create_anonymous()
    HouseholdMember.objects.filter(pk=son.pk).update(learner=learner)

    _finish(learner, course, django_capture_on_commit_callbacks)

    learned = MemberSkill.objects.get(member=son, skill=world.skill["thanh-toan"])
    assert learned.learned_at is not None and learned.observed_at is None
    assert not MemberSkill.objects.filter(skill=world.other_skill).exists()
    assert Household.objects.get().meets_target is True

    services.member_skills_learn(learner_id=learner.pk, course_keys=[str(course.translation_key)])  # again
    assert MemberSkill.objects.filter(member=son, skill=world.skill["thanh-toan"]).count() == 1


def test_a_learned_skill_already_observed_keeps_both_dates(
    world, household, make_member, course, django_capture_on_commit_callbacks
):
    son = make_member(world.member_a, household)
    _give(son, [world.skill["thanh-toan"]])
    learner = learner_create_anonymous()
    HouseholdMember.objects.filter(pk=son.pk).update(learner=learner)
    _finish(learner, course, django_capture_on_commit_callbacks)
    skill = MemberSkill.objects.get(member=son)
    assert skill.observed_at is not None and skill.learned_at is not None


def test_merged_learners_carry_the_household_member_link_and_their_skills(
    world, household, make_member, course, django_capture_on_commit_callbacks
):
    son = make_member(world.member_a, household)
    anonymous = learner_create_anonymous()
    _finish(anonymous, course, django_capture_on_commit_callbacks)
    HouseholdMember.objects.filter(pk=son.pk).update(learner=anonymous)
    account = learner_for_user(user=User.objects.create_user(username="nguoi-dan", password="x"))

    with django_capture_on_commit_callbacks(execute=True):
        learner_merge(source=anonymous, target=account)

    son.refresh_from_db()
    assert son.learner == account
    assert MemberSkill.objects.get(member=son).skill == world.skill["thanh-toan"]
