"""The batch sync API under a resend storm, on PostgreSQL: several phones' worth of connections
sending overlapping, shuffled batches of the same visits at once store each visit once."""

import json
import random
import threading
from collections import Counter

import pytest
from django.test import Client

from community_teams.models import Household, Visit
from tests.community_teams import conftest as community
from tests.community_teams.test_sync import storm_batches, storm_world
from tests.integration.test_concurrent_progress import run_together

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

# The community teams' shared world, on separate connections here.
world = community.world
make_household = community.make_household

URL = "/api/v1/sync/visits/"
SENDERS = 6
VISITS = 300


def test_overlapping_batches_sent_at_once_store_each_visit_once(world, make_household):
    queued, visits = storm_world(world, make_household, visits_count=VISITS, new_households=8, old_households=4)
    clients = []
    for _ in range(SENDERS):
        client = Client()
        client.force_login(world.member_a)
        clients.append(client)
    answers, lock = [], threading.Lock()

    def sender(index: int) -> None:
        rng = random.Random(index)
        pending = list(storm_batches(queued, visits, rng))
        while pending:  # a phone sends again what was answered 503
            households, chunk = pending.pop(0)
            body = {"households": households, "visits": chunk}
            response = clients[index].post(URL, json.dumps(body), content_type="application/json")
            assert response.status_code == 200, response.content
            data = response.json()
            retry = [item for item, row in zip(chunk, data["visits"], strict=True) if row["status"] == 503]
            if retry:
                pending.append((households, retry))
            with lock:
                answers.extend(
                    (kind, row["uuid"], row["status"])
                    for kind in ("households", "visits")
                    for row in data[kind]
                    if row["status"] != 503
                )

    errors = run_together(sender, SENDERS)
    assert errors == []
    assert Visit.objects.count() == VISITS
    assert Household.objects.count() == 12
    created = Counter(key for kind, key, status in answers if kind == "visits" and status == 201)
    assert set(created.values()) == {1} and len(created) == VISITS
    assert {status for kind, _key, status in answers if kind == "visits"} == {200, 201}
    household_created = Counter(key for kind, key, status in answers if kind == "households" and status == 201)
    assert len(household_created) == 8 and set(household_created.values()) == {1}
    assert {status for kind, _key, status in answers if kind == "households"} == {200, 201}
