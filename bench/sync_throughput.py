"""Batch sync throughput: visits per second and queries per batch through POST /api/v1/sync/visits/.

Builds a throwaway database with one team (one commune, two villages, a member), 100 households
with two people each and the help items, then posts new visits through Django's test client
(the WSGI handler with the whole middleware stack: sessions, CSRF check, authentication, DRF;
no socket), in batches of 50 and of 500, and each batch again (a phone resending after a lost
answer). Each visit names one or two people, one or two help items and, for one in four, a
follow-up date. Prints per run: batches, visits, seconds, visits per second, queries per batch
(counted with ``CaptureQueriesContext``, the session and user reads included) and the statuses.
Target (issue): at least 500 visits per second on PostgreSQL.

Databases: a temporary SQLite file by default; PostgreSQL with ``--postgres`` or when
DATABASE_URL is set (its server; the database ``cuaso_bench`` is created, then dropped).

Usage: .venv/bin/python bench/sync_throughput.py [--postgres]
"""

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.postgres import admin, server_url  # noqa: E402

BENCH_DATABASE = "cuaso_bench"
ROUNDS = {50: 10, 500: 2}  # batch size -> batches sent
URL = "/api/v1/sync/visits/"


def _configure(postgres: bool) -> None:
    var = tempfile.mkdtemp(prefix="cuaso-bench-")
    Path(var, "static").mkdir()
    os.environ["CUASO_VAR_DIR"] = var
    if postgres:
        admin(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{BENCH_DATABASE}"')
        os.environ["DATABASE_URL"] = server_url(BENCH_DATABASE)
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{var}/bench.sqlite3"
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.pop("REDIS_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    os.environ["DJANGO_DEBUG"] = "false"

    import django

    django.setup()


def _world():
    from community_teams import services
    from community_teams.models import Area, AreaKind, HelpItem, Household, HouseholdMember, Role, Team
    from courses.models import Skill
    from lms.models import User

    province = Area.objects.create(code="04", name="Cao Bằng", kind=AreaKind.PROVINCE, province_code="04")
    commune = Area.objects.create(
        code="01273",
        name="Phường Thục Phán",
        kind=AreaKind.COMMUNE,
        parent=province,
        province_code="04",
        commune_code="01273",
    )
    villages = [
        Area.objects.create(
            code=f"01273-00{n}",
            name=f"Tổ {n}",
            kind=AreaKind.VILLAGE,
            parent=commune,
            province_code="04",
            commune_code="01273",
        )
        for n in (1, 2)
    ]
    team = Team.objects.create(name="Tổ CNSCĐ", commune=commune)
    team.villages.set(villages)
    admin = User.objects.create_user(username="quan-tri", is_superuser=True, is_staff=True)
    member = User.objects.create_user(username="thanh-vien", display_name="Thành viên")
    services.membership_add(actor=admin, team=team, user=member, role=Role.MEMBER)
    items = []
    for order, code in enumerate(("dvc", "mua-sam", "thanh-toan", "an-toan", "nen-tang")):
        skill = Skill.objects.create(code=code, name=code, is_household_target=True, sort_order=order)
        items.append(HelpItem.objects.create(code=f"giup-{code}", name=code, skill=skill, sort_order=order))
    households = Household.objects.bulk_create(
        Household(
            village=villages[n % 2],
            commune_code="01273",
            province_code="04",
            consent_status="declined",
            created_by=member,
        )
        for n in range(100)
    )
    people = HouseholdMember.objects.bulk_create(
        HouseholdMember(household=household, age_group="18_59") for household in households for _ in range(2)
    )
    by_household = {}
    for person in people:
        by_household.setdefault(person.household_id, []).append(str(person.client_uuid))
    return member, [(str(h.client_uuid), by_household[h.pk]) for h in households], [i.code for i in items]


def _visits(count: int, households, items, start: int) -> list[dict]:
    from django.utils import timezone

    now = timezone.now()
    rows = []
    for n in range(start, start + count):
        household, people = households[n % len(households)]
        person = people[n % 2]
        rows.append(
            {
                "client_uuid": str(uuid.uuid4()),
                "household": household,
                "visited_at": (now - timedelta(minutes=n % 600 + 1)).isoformat(),
                "duration_minutes": 10 + n % 50,
                "outcome": ("helped", "partly", "not_home")[n % 3],
                "notes": "Hướng dẫn cài ứng dụng",
                "follow_up_on": str(timezone.localdate() + timedelta(days=7)) if n % 4 == 0 else None,
                "members_present": people[: 1 + n % 2],
                "help": [{"item": items[n % 5], "member": person}] + ([{"item": items[(n + 1) % 5]}] if n % 2 else []),
            }
        )
    return rows


def _post(client, batches) -> tuple[float, list[int], Counter]:
    import json

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queries, statuses = [], Counter()
    started = time.perf_counter()
    for batch in batches:
        with CaptureQueriesContext(connection) as captured:
            response = client.post(
                "/api/v1/sync/visits/", json.dumps({"visits": batch}), content_type="application/json"
            )
        assert response.status_code == 200, response.content[:500]
        statuses.update(row["status"] for row in response.json()["visits"])
        queries.append(len(captured))
    return time.perf_counter() - started, queries, statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL (also when DATABASE_URL is set)")
    args = parser.parse_args()
    postgres = args.postgres or bool(os.environ.get("DATABASE_URL"))
    _configure(postgres)
    try:
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        call_command("migrate", verbosity=0)
        member, households, items = _world()
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(member)
        _post(client, [_visits(20, households, items, 0)])  # warm up: imports, caches, connection

        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
        print(f"{'batch':>6} {'run':<7} {'batches':>7} {'visits':>7} {'seconds':>8} {'visits/s':>9}", end="")
        print("  queries/batch  statuses")
        sent = 20
        for size, rounds in ROUNDS.items():
            batches = []
            for _ in range(rounds):
                batches.append(_visits(size, households, items, sent))
                sent += size
            for run in ("new", "resend"):
                seconds, queries, statuses = _post(client, batches)
                visits = size * rounds
                spread = f"{min(queries)}" if min(queries) == max(queries) else f"{min(queries)}-{max(queries)}"
                print(
                    f"{size:>6} {run:<7} {rounds:>7} {visits:>7} {seconds:>8.2f} {visits / seconds:>9.0f}  "
                    f"{spread:>13}  {dict(sorted(statuses.items()))}"
                )
        connection.close()
    finally:
        if postgres:
            admin(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
