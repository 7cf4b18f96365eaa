"""An export made by a real `celery worker` process on PostgreSQL and Redis: the page's progress
source (the export row) moves through intermediate states, then the XLSX opens with every row.
The same for a commune coordinator's dashboard export: progress table by table, then the
workbook's totals match the visits made."""

import io
import time
import uuid

import openpyxl
import pytest
from django.db import connection
from django.urls import reverse

from community_teams.models import Visit
from tests.community_teams import conftest as community
from tests.integration.test_postgres_redis_celery import worker as worker  # the fixture, used by name

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

world = community.world
make_household = community.make_household
make_visit = community.make_visit
api_for = community.api_for

VISITS = 1200
CHUNK = 50  # the worker writes 24 chunks, saving its progress after each


@pytest.fixture
def many_visits(world, make_household, make_visit):
    """``VISITS`` visits of team a: one through the service, the rest copies of it."""
    first = make_visit(world.member_a, make_household(world.member_a))
    copies = []
    for index in range(VISITS - 1):
        copy = Visit(
            client_uuid=uuid.uuid4(),
            household_id=first.household_id,
            author_id=first.author_id,
            team_id=first.team_id,
            village_id=first.village_id,
            commune_code=first.commune_code,
            province_code=first.province_code,
            visited_at=first.visited_at,
            duration_minutes=first.duration_minutes,
            outcome=first.outcome,
            referral_token=f"t{index:09d}",
            payload_hash=f"{index:064d}",
        )
        copies.append(copy)
    Visit.objects.bulk_create(copies, batch_size=500)
    return VISITS


@pytest.fixture
def chunked_worker(monkeypatch, request):
    """The real worker, started with small export chunks (its settings read the environment)."""
    monkeypatch.setenv("CUASO_EXPORT_CHUNK_SIZE", str(CHUNK))
    return request.getfixturevalue("worker")


def test_a_real_worker_builds_an_export_with_visible_progress(chunked_worker, world, many_visits, api_for):
    process, log_path = chunked_worker
    assert connection.vendor == "postgresql"
    client = api_for(world.leader_a)
    response = client.post_json(reverse("api:exports"), {"kind": "visits", "format": "xlsx"})
    assert response.status_code == 202, response.content
    export_id = response.json()["id"]

    seen, body = [], {}
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        body = client.get(reverse("api:export-detail", args=[export_id])).json()
        state = (body["status"], body["rows_done"])
        if not seen or seen[-1] != state:
            seen.append(state)
        if body["status"] in ("done", "failed"):
            break
        time.sleep(0.02)
    log = log_path.read_text()
    assert process.poll() is None, f"worker exited early:\n{log[-3000:]}"
    assert seen[-1] == ("done", VISITS), f"{seen}\n{log[-3000:]}"
    intermediate = [done for status, done in seen if status == "running" and 0 < done < VISITS]
    assert intermediate, f"no intermediate progress seen: {seen}"
    assert "community_teams.tasks.export_build" in log

    download = client.get(body["download_url"])
    assert download.status_code == 200
    content = b"".join(download.streaming_content) if download.streaming else download.content
    sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + VISITS  # headings, then one row per visit
    assert sorted(str(row[0]) for row in rows[1:]) == sorted(
        str(value) for value in Visit.objects.values_list("client_uuid", flat=True)
    )


SPREAD_VISITS = 20_000
SPREAD_HOUSEHOLDS = 20


@pytest.fixture
def spread_visits(world, make_household, make_visit):
    """``SPREAD_VISITS`` + 1 visits of team a to ``SPREAD_HOUSEHOLDS`` households of village a1,
    an hour apart over the last 48 days (inside the dashboard's default period)."""
    from datetime import timedelta

    from django.utils import timezone

    households = [make_household(world.member_a) for _ in range(SPREAD_HOUSEHOLDS)]
    first = make_visit(world.member_a, households[0])
    now = timezone.now()
    Visit.objects.bulk_create(
        (
            Visit(
                client_uuid=uuid.uuid4(),
                household_id=households[index % SPREAD_HOUSEHOLDS].pk,
                author_id=first.author_id,
                team_id=first.team_id,
                village_id=first.village_id,
                commune_code=first.commune_code,
                province_code=first.province_code,
                visited_at=now - timedelta(hours=2 + index % (48 * 24)),
                duration_minutes=15,
                outcome="helped",
                referral_token=f"s{index:09d}",
                payload_hash=f"{index:064d}",
            )
            for index in range(SPREAD_VISITS)
        ),
        batch_size=2000,
    )
    return SPREAD_VISITS + 1


def test_a_real_worker_builds_a_dashboard_export_with_visible_progress(worker, world, spread_visits, api_for):
    """Progress counts tables (six); the row is read straight from the database while the worker
    computes them, so that a state between two tables is seen."""
    from community_teams.models import Export

    process, log_path = worker
    client = api_for(world.coordinator_a)
    response = client.post_json(reverse("api:exports"), {"kind": "dashboard", "format": "xlsx"})
    assert response.status_code == 202, response.content
    export_id = response.json()["id"]

    seen = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        state = Export.objects.filter(pk=export_id).values_list("status", "rows_done", "rows_total").get()
        if not seen or seen[-1] != state:
            seen.append(state)
        if state[0] in ("done", "failed"):
            break
        time.sleep(0.0005)
    log = log_path.read_text()
    assert process.poll() is None, f"worker exited early:\n{log[-3000:]}"
    assert seen[-1] == ("done", 6, 6), f"{seen}\n{log[-3000:]}"
    intermediate = [done for status, done, total in seen if status == "running" and 0 < done < 6 and total == 6]
    assert intermediate, f"no intermediate progress seen: {seen}"

    body = client.get(reverse("api:export-detail", args=[export_id])).json()
    download = client.get(body["download_url"])
    assert download.status_code == 200
    content = b"".join(download.streaming_content) if download.streaming else download.content
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    summary = {row[0]: row[1] for row in list(book["Tóm tắt"].iter_rows(values_only=True))[1:]}
    assert summary["Chuyến thăm"] == spread_visits
    assert summary["Số hộ đã đến"] == SPREAD_HOUSEHOLDS
    weekly = list(book["Chuyến thăm mỗi tuần"].iter_rows(values_only=True))
    assert sum(row[-1] for row in weekly[1:]) == spread_visits
    coverage = list(book["Độ bao phủ"].iter_rows(values_only=True))
    assert [(row[0], row[3]) for row in coverage[1:]] == [("01273-001", SPREAD_HOUSEHOLDS), ("01273-002", 0)]
