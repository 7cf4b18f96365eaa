"""Visits under concurrency, on PostgreSQL: 20 separate connections sending one visit UUID at once."""

import threading
import uuid

import pytest
from django.utils import timezone

from community_teams import services
from community_teams.models import FollowUp, Visit, VisitHelp
from tests.community_teams import conftest as community
from tests.community_teams.conftest import visit_payload
from tests.integration.test_concurrent_progress import CONNECTIONS, run_together

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

# The community teams' shared world, on separate connections here.
world = community.world
make_household = community.make_household
make_member = community.make_member


@pytest.fixture
def household(world, make_household, make_member):
    household = make_household(world.member_a)
    make_member(world.member_a, household, label="bà Hường")
    return household


def test_twenty_connections_sending_one_visit_store_one_row(world, household):
    person = household.members.get()
    data = visit_payload(
        household,
        follow_up_on=None,
        members_present=[str(person.client_uuid)],
        help=[{"item": "quet-qr", "member": str(person.client_uuid)}, {"item": "cai-vneid"}],
    )
    statuses, lock = [], threading.Lock()

    def send(index: int) -> None:
        _visit, status = services.visit_create(actor=world.member_a, data=dict(data))
        with lock:
            statuses.append(status)

    errors = run_together(send, CONNECTIONS)
    assert errors == []
    assert sorted(statuses) == ["already_stored"] * (CONNECTIONS - 1) + ["created"]
    assert Visit.objects.filter(client_uuid=data["client_uuid"]).count() == 1
    assert VisitHelp.objects.count() == 2


def test_twenty_connections_with_two_payloads_for_one_uuid_store_one_and_refuse_the_other(world, household):
    client_uuid = str(uuid.uuid4())
    today = str(timezone.localdate())
    payloads = [
        visit_payload(household, client_uuid=client_uuid, notes="Bản một", follow_up_on=today),
        visit_payload(household, client_uuid=client_uuid, notes="Bản hai", follow_up_on=today),
    ]
    results, lock = [], threading.Lock()

    def send(index: int) -> None:
        data = payloads[index % 2]
        try:
            _visit, status = services.visit_create(actor=world.member_a, data=dict(data))
        except services.VisitConflict:
            status = "conflict"
        with lock:
            results.append((index % 2, status))

    errors = run_together(send, CONNECTIONS)
    assert errors == []
    visit = Visit.objects.get(client_uuid=client_uuid)
    winner = 0 if visit.notes == "Bản một" else 1
    assert sorted(status for side, status in results if side == winner) == ["already_stored"] * (
        CONNECTIONS // 2 - 1
    ) + ["created"]
    assert [status for side, status in results if side != winner] == ["conflict"] * (CONNECTIONS // 2)
    assert Visit.objects.count() == 1
    assert FollowUp.objects.count() == 1
