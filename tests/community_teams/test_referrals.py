"""Referral tokens made from a visit's UUID, and enrolments attributed to visits in either order."""

import hashlib
import re
import uuid

import pytest

from community_teams import services
from community_teams.models import ReferralAttribution
from community_teams.referrals import REFERRAL_ALGORITHM, referral_link, referral_token_for
from lms.learners import SOURCE_PATTERN
from lms.services import enrolment_create, learner_create_anonymous, learner_for_user
from tests.community_teams.conftest import visit_payload
from tests.courses.factories import add_course, add_lesson, step

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def _by_the_documented_steps(visit_uuid: str) -> str:
    """The algorithm as written for the browser, bit by bit (an independent implementation)."""
    digest = hashlib.sha256(b"cuaso-ref:" + uuid.UUID(visit_uuid).bytes).digest()
    bits = "".join(f"{byte:08b}" for byte in digest)[:50]
    return "".join(CROCKFORD[int(bits[i : i + 5], 2)] for i in range(0, 50, 5))


def test_token_of_a_known_uuid_is_fixed():
    assert referral_token_for("00000000-0000-0000-0000-000000000000") == "gnm70mj96h"
    assert referral_token_for(uuid.UUID("6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e")) == "6cngdsp46g"
    assert "gnm70mj96h" in REFERRAL_ALGORITHM


def test_tokens_follow_the_documented_algorithm_and_fit_the_enrolment_source():
    for _ in range(200):
        value = str(uuid.uuid4())
        token = referral_token_for(value)
        assert token == _by_the_documented_steps(value)
        assert len(token) == 10
        assert re.fullmatch(r"[0-9a-hjkmnp-tv-z]{10}", token)
        assert SOURCE_PATTERN.match(token)
        assert value.replace("-", "")[:10] not in token


def test_the_course_link_carries_the_token():
    assert (
        referral_link("https://cuaso.vn/khoa-hoc/qr/", "gnm70mj96h") == "https://cuaso.vn/khoa-hoc/qr/?nguon=gnm70mj96h"
    )
    assert referral_link("https://cuaso.vn/k/?a=1", "gnm70mj96h") == "https://cuaso.vn/k/?a=1&nguon=gnm70mj96h"


@pytest.fixture
def course(catalogue, world):
    course = add_course(catalogue, title="Cài VNeID", skills=[world.skill["dvc"]])
    add_lesson(course, title="Bài một", body=[step("Mở ứng dụng")])
    return course


@pytest.fixture
def household_with_member(world, make_household, make_member):
    household = make_household(world.member_a)
    return household, make_member(world.member_a, household, label="bà Hường")


def _enrol(learner, course, source, capture):
    with capture(execute=True):
        enrolment, _created = enrolment_create(learner=learner, course=course, source=source)
    return enrolment


def test_enrolment_after_the_visit_is_attributed_at_once(
    world, course, household_with_member, django_capture_on_commit_callbacks
):
    household, grandmother = household_with_member
    visit, _status = services.visit_create(
        actor=world.member_a,
        data=visit_payload(household, help=[{"item": "cai-vneid", "member": str(grandmother.client_uuid)}]),
    )
    learner = learner_create_anonymous()
    enrolment = _enrol(learner, course, visit.referral_token, django_capture_on_commit_callbacks)

    attribution = ReferralAttribution.objects.get(enrolment=enrolment)
    assert (attribution.token, attribution.visit, attribution.member, attribution.team) == (
        visit.referral_token,
        visit,
        world.member_a,
        world.team_a,
    )
    assert attribution.household_member == grandmother
    assert attribution.attributed_at is not None
    grandmother.refresh_from_db()
    assert grandmother.learner == learner


def test_enrolment_before_the_visit_is_attributed_when_the_visit_arrives(
    world, course, household_with_member, django_capture_on_commit_callbacks
):
    household, grandmother = household_with_member
    visit_uuid = uuid.uuid4()
    token = referral_token_for(visit_uuid)  # what the phone showed, offline
    enrolment = _enrol(learner_create_anonymous(), course, token, django_capture_on_commit_callbacks)
    pending = ReferralAttribution.objects.get(enrolment=enrolment)
    assert (pending.token, pending.visit, pending.member, pending.household_member) == (token, None, None, None)

    visit, status = services.visit_create(
        actor=world.member_a,
        data=visit_payload(household, client_uuid=str(visit_uuid), members_present=[str(grandmother.client_uuid)]),
    )
    assert status == "created"
    assert visit.referral_token == token
    pending.refresh_from_db()
    assert (pending.visit, pending.member, pending.team, pending.household_member) == (
        visit,
        world.member_a,
        world.team_a,
        grandmother,
    )


def test_a_source_that_is_not_a_token_is_not_a_referral(world, course, django_capture_on_commit_callbacks):
    _enrol(learner_create_anonymous(), course, "facebook", django_capture_on_commit_callbacks)
    assert ReferralAttribution.objects.count() == 0


def test_the_event_handled_twice_makes_one_attribution(world, course, django_capture_on_commit_callbacks):
    enrolment = _enrol(learner_create_anonymous(), course, "gnm70mj96h", django_capture_on_commit_callbacks)
    services.referral_record(enrolment_id=enrolment.pk, token="gnm70mj96h")
    assert ReferralAttribution.objects.filter(enrolment=enrolment).count() == 1


def test_a_team_account_opening_the_link_is_not_linked_to_the_household_member(
    world, course, household_with_member, django_capture_on_commit_callbacks
):
    household, grandmother = household_with_member
    visit, _status = services.visit_create(
        actor=world.member_a,
        data=visit_payload(household, help=[{"item": "cai-vneid", "member": str(grandmother.client_uuid)}]),
    )
    _enrol(learner_for_user(user=world.member_a), course, visit.referral_token, django_capture_on_commit_callbacks)
    assert ReferralAttribution.objects.get().visit == visit
    grandmother.refresh_from_db()
    assert grandmother.learner is None
