"""Visits of a member whose membership was deactivated: accepted (and flagged) only when made
before leaving, allowing a phone clock up to 12 hours fast, and sent within 30 days of leaving."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community_teams import services
from community_teams.models import Membership, Visit
from tests.community_teams.conftest import visit_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def household(world, make_household):
    return make_household(world.member_a)


@pytest.fixture
def left(world):
    """member_a left team a; returns when (the membership's ``deactivated_at``)."""
    services.member_deactivate(actor=world.leader_a, membership=world.membership_member_a)
    world.member_a = type(world.member_a).objects.get(pk=world.member_a.pk)  # a new request
    return Membership.objects.get(pk=world.membership_member_a.pk).deactivated_at


def _left_days_ago(world, days: int):
    deactivated_at = timezone.now() - timedelta(days=days)
    Membership.objects.filter(pk=world.membership_member_a.pk).update(deactivated_at=deactivated_at)
    return deactivated_at


def _send(world, household, visited_at):
    return services.visit_create(actor=world.member_a, data=visit_payload(household, visited_at=visited_at.isoformat()))


def test_a_visit_made_before_leaving_is_stored_with_the_old_team_and_flagged(world, household, left):
    visit, status = _send(world, household, left - timedelta(hours=2))
    assert (status, visit.team, visit.author_was_inactive) == ("created", world.team_a, True)


def test_a_fast_phone_clock_up_to_twelve_hours_after_leaving_is_accepted(world, household, left):
    visit, status = _send(world, household, left + timedelta(hours=11, minutes=50))
    assert (status, visit.author_was_inactive) == ("created", True)


def test_a_visit_dated_after_leaving_is_refused(world, household, left):
    with pytest.raises(services.NotPermitted, match="sau khi bạn đã rời tổ"):
        _send(world, household, left + timedelta(hours=12, minutes=10))
    assert not Visit.objects.exists()


def test_a_visit_made_before_leaving_but_sent_31_days_later_is_refused(world, household, left):
    deactivated_at = _left_days_ago(world, 31)
    with pytest.raises(services.NotPermitted, match="30 ngày"):
        _send(world, household, deactivated_at - timedelta(hours=1))
    assert not Visit.objects.exists()


def test_a_visit_backdated_within_the_window_is_accepted(world, household, left):
    deactivated_at = _left_days_ago(world, 29)
    visit, status = _send(world, household, deactivated_at - timedelta(days=3))
    assert (status, visit.author_was_inactive) == ("created", True)


def test_a_visit_dated_between_leaving_and_now_is_refused_even_within_the_window(world, household, left):
    deactivated_at = _left_days_ago(world, 10)
    with pytest.raises(services.NotPermitted):
        _send(world, household, deactivated_at + timedelta(days=2))
    assert not Visit.objects.exists()


def test_the_api_answers_403_in_vietnamese(world, household, left, api_for):
    body = visit_payload(household, visited_at=(left + timedelta(days=1)).isoformat())
    response = api_for(world.member_a).post_json("/api/v1/visits/", body, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 403
    assert response.json() == {"detail": "Chuyến thăm này diễn ra sau khi bạn đã rời tổ nên không thể lưu."}
    _left_days_ago(world, 31)
    body = visit_payload(household, visited_at=(timezone.now() - timedelta(days=32)).isoformat())
    response = api_for(world.member_a).post_json("/api/v1/visits/", body, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 403
    assert "30 ngày" in response.json()["detail"]
    assert not Visit.objects.exists()


def test_a_former_member_of_another_team_gets_a_404(world, left, make_household):
    foreign = make_household(world.member_b, world.village_b1)
    with pytest.raises(services.NotAllowed):
        _send(world, foreign, left - timedelta(hours=1))


def test_a_resend_of_a_visit_stored_before_leaving_is_already_stored(world, household, make_visit):
    visit = make_visit(world.member_a, household)
    services.member_deactivate(actor=world.leader_a, membership=world.membership_member_a)
    _left_days_ago(world, 40)
    data = visit_payload(household)
    data.update(
        client_uuid=str(visit.client_uuid),
        visited_at=visit.visited_at.isoformat(),
        duration_minutes=visit.duration_minutes,
    )
    again, status = services.visit_create(actor=world.member_a, data=data)
    assert (again.pk, status) == (visit.pk, "already_stored")
