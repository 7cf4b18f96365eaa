"""Dashboard at scale: the commune and province dashboards over 100,000 households and 1,000,000
visits on PostgreSQL.

Creates the database ``cuaso_dashbench`` on the server of DATABASE_URL (default
postgres://postgres@127.0.0.1:5432), migrates it, and loads one province, 10 communes, 100
villages (half with a commune-statistics household count), 30 teams of 8 members, 100,000
households with 2 or 3 members each (about 40 % of member × target skill pairs held, observed
and/or learned; ``has_all_skills``/``meets_target`` set as the services would), 1,000,000 visits
over the last 52 weeks (help given on 60 %, a follow-up on 5 %, 20,000 referral enrolments, half
completed). Small tables go through ``bulk_create``; the big ones through ``INSERT ... SELECT
generate_series`` in the database. Then ``VACUUM ANALYZE`` (as autovacuum would).

Timed, through Django's test client (the whole middleware stack, ``dashboard_for`` and the
template render; no response caching): the commune coordinator's and the province coordinator's
dashboard page for the default period (the last eight weeks), 20 runs each after two warm-ups,
p50 and p95; the same right after inserting 10,000 fresh visits (this week, no ``ANALYZE``).
Targets (issue): commune p95 < 500 ms, province p95 < 2 s. Prints the slowest SQL statement of a
province run with ``EXPLAIN (ANALYZE, BUFFERS)``.

Then the commune coordinator's exports, each timed end to end from ``export_request`` through
``export_build`` with the default chunk size (``CUASO_EXPORT_CHUNK_SIZE``), as the worker runs
it: the commune's households as XLSX with personal data (90 % of the rows have a name, phone
and address), its visits as XLSX, and the dashboard as XLSX; rows per second and the number of
progress updates the page could show. Target (issue): a commune export < 1 minute with progress.
And one commune's weekly report (``reports.weekly_report_build``). The database is dropped at
the end (``--keep`` keeps it).

Usage: .venv/bin/python bench/dashboard_scale.py [--keep] [--runs N]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.postgres import admin, server_url  # noqa: E402

BENCH_DATABASE = "cuaso_dashbench"
PROVINCE = "04"
COMMUNES = 10
VILLAGES_PER_COMMUNE = 10
TEAMS_PER_COMMUNE = 3
MEMBERS_PER_TEAM = 8
HOUSEHOLDS = 100_000
VISITS = 1_000_000
FRESH_VISITS = 10_000
REFERRALS = 20_000
WEEKS = 52
PEOPLE = {"commune": "xa", "province": "tinh"}  # dashboard users: dieuphoi-xa, dieuphoi-tinh
TARGET_COMMUNE_P95_S = 0.5
TARGET_PROVINCE_P95_S = 2.0
TARGET_EXPORT_S = 60.0


def _configure(reuse: bool) -> None:
    var = tempfile.mkdtemp(prefix="cuaso-bench-")
    Path(var, "static").mkdir()
    os.environ["CUASO_VAR_DIR"] = var
    if not reuse:
        admin(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{BENCH_DATABASE}"')
    os.environ["DATABASE_URL"] = server_url(BENCH_DATABASE)
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.pop("REDIS_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    os.environ["DJANGO_DEBUG"] = "false"

    import django

    django.setup()


def _table(model) -> str:
    return model._meta.db_table


def _structure() -> dict:
    """Areas, teams, people, skills and help items (a few hundred rows, ``bulk_create``)."""
    from community_teams.models import Area, AreaKind, CoordinatorScope, HelpItem, Membership, Role, Team
    from courses.models import Skill
    from lms.models import User

    province = Area.objects.create(code=PROVINCE, name="Tỉnh thử", kind=AreaKind.PROVINCE, province_code=PROVINCE)
    communes = Area.objects.bulk_create(
        Area(
            code=f"{10001 + index}",
            name=f"Xã thử {index + 1}",
            kind=AreaKind.COMMUNE,
            parent=province,
            province_code=PROVINCE,
            commune_code=f"{10001 + index}",
        )
        for index in range(COMMUNES)
    )
    villages = Area.objects.bulk_create(
        Area(
            code=f"{commune.code}-{number + 1:03d}",
            name=f"Thôn {number + 1}",
            kind=AreaKind.VILLAGE,
            parent=commune,
            province_code=PROVINCE,
            commune_code=commune.code,
            household_count=1100 if number % 2 == 0 else None,
        )
        for commune in communes
        for number in range(VILLAGES_PER_COMMUNE)
    )
    teams = Team.objects.bulk_create(
        Team(name=f"Tổ {commune.name} {number + 1}", commune=commune)
        for commune in communes
        for number in range(TEAMS_PER_COMMUNE)
    )
    through = []
    for index, team in enumerate(teams):
        commune_index, number = divmod(index, TEAMS_PER_COMMUNE)
        commune_villages = villages[commune_index * VILLAGES_PER_COMMUNE : (commune_index + 1) * VILLAGES_PER_COMMUNE]
        through += [
            Team.villages.through(team=team, area=village)
            for position, village in enumerate(commune_villages)
            if position % TEAMS_PER_COMMUNE == number
        ]
    Team.villages.through.objects.bulk_create(through)
    users = User.objects.bulk_create(
        User(username=f"tv{team.pk}-{number}", display_name=f"Thành viên {team.pk}-{number}", password="!")
        for team in teams
        for number in range(MEMBERS_PER_TEAM)
    )
    Membership.objects.bulk_create(
        Membership(user=user, team=teams[index // MEMBERS_PER_TEAM], role=Role.LEADER if index % 8 == 0 else "member")
        for index, user in enumerate(users)
    )
    commune_coordinator = User.objects.create_user(
        username=f"dieuphoi-{PEOPLE['commune']}", password="x", display_name="Điều phối xã"
    )
    province_coordinator = User.objects.create_user(
        username=f"dieuphoi-{PEOPLE['province']}", password="x", display_name="Điều phối tỉnh"
    )
    CoordinatorScope.objects.create(user=commune_coordinator, area=communes[0], role=Role.COMMUNE_COORDINATOR)
    CoordinatorScope.objects.create(user=province_coordinator, area=province, role=Role.PROVINCE_COORDINATOR)
    skills = Skill.objects.bulk_create(
        Skill(code=f"ky-nang-{number}", name=f"Kỹ năng {number}", is_household_target=True, sort_order=number)
        for number in range(1, 6)
    )
    HelpItem.objects.bulk_create(
        HelpItem(
            code=f"viec-{number}",
            name=f"Việc {number}",
            skill=skills[number % 5],
            sort_order=number,
            counts_as_account_activation=number == 0,
            counts_as_online_application=number == 1,
        )
        for number in range(8)
    )
    return {"commune": commune_coordinator, "province": province_coordinator}


def _bulk(cursor) -> None:
    """Households, members, skills, visits, help, follow-ups and referrals, inside PostgreSQL."""
    from community_teams.models import (
        Area,
        FollowUp,
        HelpItem,
        Household,
        HouseholdMember,
        Membership,
        MemberSkill,
        ReferralAttribution,
        Team,
        Visit,
        VisitHelp,
    )
    from courses.models import Skill
    from lms.models import Enrolment, Learner

    area, household, member, skill = _table(Area), _table(Household), _table(HouseholdMember), _table(MemberSkill)
    visit, help_, follow_up, referral = _table(Visit), _table(VisitHelp), _table(FollowUp), _table(ReferralAttribution)
    team_villages = _table(Team.villages.through)

    def run(label: str, sql: str) -> None:
        started = time.perf_counter()
        cursor.execute(sql)
        print(f"  {label:<28} {cursor.rowcount:>9} rows  {time.perf_counter() - started:6.1f} s", flush=True)

    run(
        "households",
        f"""INSERT INTO {household} (client_uuid, village_id, commune_code, province_code, consent_status,
            consent_by, consent_method, consent_at, head_name, search_text, address_note, phone, people_count,
            meets_target, created_at, updated_at, erased_at)
        SELECT gen_random_uuid(), v.id, v.commune_code, v.province_code,
            CASE WHEN g % 10 < 6 THEN 'given' WHEN g % 10 < 9 THEN 'imported' ELSE 'declined' END,
            '', CASE WHEN g % 10 < 6 THEN 'spoken' ELSE '' END, CASE WHEN g % 10 < 6 THEN now() END,
            CASE WHEN g % 10 < 9 THEN 'Nguyễn Văn Thử ' || g ELSE '' END, '',
            CASE WHEN g % 10 < 9 THEN 'Xóm ' || (g % 20) || ', nhà số ' || (g % 97) ELSE '' END,
            CASE WHEN g % 10 < 9 THEN '+849' || lpad((g % 100000000)::text, 8, '0') ELSE '' END,
            1 + g % 6, false, now(), now(), NULL
        FROM generate_series(0, {HOUSEHOLDS} - 1) g
        JOIN (SELECT id, commune_code, province_code, row_number() OVER (ORDER BY id) - 1 AS n
              FROM {area} WHERE kind = 'village') v ON v.n = g % {COMMUNES * VILLAGES_PER_COMMUNE}""",
    )
    run(
        "household members",
        f"""INSERT INTO {member} (client_uuid, household_id, label, age_group, has_all_skills, created_at)
        SELECT gen_random_uuid(), h.id, '', '18_59', false, now()
        FROM {household} h, generate_series(1, 2 + h.id % 2) n""",
    )
    run(
        "member skills",
        f"""INSERT INTO {skill} (member_id, skill_id, observed_at, learned_at)
        SELECT m.id, s.id,
            CASE WHEN (m.id + s.id) % 3 <> 0 THEN now() - ((m.id % 300) || ' days')::interval END,
            CASE WHEN (m.id + s.id) % 3 <> 1 THEN now() - ((m.id % 200) || ' days')::interval END
        FROM {member} m JOIN {_table(Skill)} s ON s.is_household_target
        WHERE (m.id * 7 + s.id * 13) % 10 < 4 OR m.id % 11 = 0""",
    )
    run(
        "has_all_skills",
        f"""UPDATE {member} SET has_all_skills = true WHERE id IN (
            SELECT member_id FROM {skill} GROUP BY member_id HAVING count(*) >= 5)""",
    )
    run(
        "meets_target",
        f"""UPDATE {household} SET meets_target = true, target_met_at = now() - interval '30 days'
        WHERE id IN (SELECT household_id FROM {member} WHERE has_all_skills)""",
    )
    cursor.execute(
        f"""CREATE UNLOGGED TABLE bench_team_village AS
        SELECT DISTINCT ON (area_id) area_id AS village_id, team_id FROM {team_villages} ORDER BY area_id, team_id;
        CREATE UNLOGGED TABLE bench_author AS
        SELECT team_id, user_id, row_number() OVER (PARTITION BY team_id ORDER BY user_id) - 1 AS n
        FROM {_table(Membership)};
        CREATE INDEX ON bench_author (team_id, n);
        CREATE UNLOGGED TABLE bench_household AS
        SELECT id, village_id, commune_code, province_code, row_number() OVER (ORDER BY id) - 1 AS n FROM {household};
        CREATE UNIQUE INDEX ON bench_household (n);"""
    )
    _insert_visits(run, visit, VISITS, "visits", f"now() - ((g % {WEEKS * 7 * 24}) || ' hours')::interval")
    run(
        "help given",
        f"""INSERT INTO {help_} (visit_id, item_id, member_id, service_name)
        SELECT v.id, i.id, NULL, '' FROM {visit} v
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM {_table(HelpItem)}) i ON i.n = v.id % 8
        WHERE v.id % 10 < 6""",
    )
    run(
        "follow-ups",
        f"""INSERT INTO {follow_up} (household_id, visit_id, assigned_to_id, due_on, done_at, done_visit_id)
        SELECT v.household_id, v.id, v.author_id, (v.visited_at + interval '7 days')::date,
            CASE WHEN v.id % 2 = 0 THEN v.visited_at + interval '5 days' END, NULL
        FROM {visit} v WHERE v.id % 20 = 0""",
    )
    run(
        "learners",
        f"""INSERT INTO {_table(Learner)} (key, created_at) SELECT gen_random_uuid(), now()
        FROM generate_series(1, {REFERRALS})""",
    )
    run(
        "enrolments",
        f"""INSERT INTO {_table(Enrolment)} (learner_id, course_key, source, enrolled_at, completed_at)
        SELECT l.id, gen_random_uuid(), '', now(), CASE WHEN l.id % 2 = 0 THEN now() END
        FROM {_table(Learner)} l""",
    )
    run(
        "referrals",
        f"""INSERT INTO {referral} (enrolment_id, token, visit_id, member_id, team_id, attributed_at)
        SELECT e.id, v.referral_token, v.id, v.author_id, v.team_id, now()
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM {_table(Enrolment)}) e
        JOIN {visit} v ON v.id = (SELECT min(id) FROM {visit}) + e.n * 47""",
    )


def _insert_visits(run, visit: str, count: int, label: str, visited_at: str, offset: int = 0) -> None:
    run(
        label,
        f"""INSERT INTO {visit} (client_uuid, household_id, author_id, team_id, village_id, commune_code,
            province_code, visited_at, received_at, device_time_suspect, author_was_inactive, duration_minutes,
            outcome, notes, follow_up_on, referral_token, payload_hash, updated_at)
        SELECT gen_random_uuid(), h.id, a.user_id, tv.team_id, h.village_id, h.commune_code, h.province_code,
            {visited_at}, now(), false, false, 15, 'helped', '', NULL,
            'b' || lpad(to_hex(g + {offset}), 15, '0'), md5(g::text) || md5((g + 1)::text), now()
        FROM generate_series(1, {count}) g
        JOIN bench_household h ON h.n = (g::bigint * 7919) % {HOUSEHOLDS}
        JOIN bench_team_village tv ON tv.village_id = h.village_id
        JOIN bench_author a ON a.team_id = tv.team_id AND a.n = g % {MEMBERS_PER_TEAM}""",
    )


def _time(client, url: str, runs: int) -> list[float]:
    for _ in range(2):
        assert client.get(url).status_code == 200
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return times


def _report(label: str, times: list[float], target: float) -> float:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    verdict = "ok" if p95 < target else "OVER TARGET"
    print(
        f"  {label:<34} p50 {statistics.median(ordered) * 1000:7.0f} ms   p95 {p95 * 1000:7.0f} ms"
        f"   (target p95 < {target * 1000:.0f} ms: {verdict})"
    )
    return p95


def _slowest_query(client, url: str):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    timed = sorted(captured.captured_queries, key=lambda query: float(query["time"]), reverse=True)
    print(
        f"  {len(timed)} queries; the three slowest: "
        + ", ".join(f"{float(q['time']) * 1000:.0f} ms" for q in timed[:3])
    )
    return timed[0]["sql"]


def _time_exports(user) -> float:
    """The commune coordinator's exports, end to end; the slowest one's seconds."""
    from django.conf import settings

    from community_teams import exports

    chunk = settings.CUASO_EXPORT_CHUNK_SIZE
    print(f"commune exports (chunk size {chunk}), end to end through export_build:")
    queue, exports._queue = exports._queue, lambda export_id: None  # the run below is the worker's
    slowest = 0.0
    try:
        kinds = (("households", "households, personal data"), ("visits", "visits"), ("dashboard", "dashboard"))
        for kind, label in kinds:
            updates = []
            started = time.perf_counter()
            export = exports.export_request(actor=user, kind=kind, format="xlsx", filters={})
            exports.export_build(
                export_id=export.pk, chunk_size=chunk, on_progress=lambda *step, seen=updates: seen.append(step)
            )
            elapsed = time.perf_counter() - started
            export.refresh_from_db()
            assert export.status == "done", (export.status, export.error)
            unit = "tables" if kind == "dashboard" else "rows"
            size = export.file.size
            slowest = max(slowest, elapsed)
            print(
                f"  {label:<26} {export.rows_done:>7} {unit:<6} {elapsed:6.1f} s  {export.rows_done / elapsed:9.0f}"
                f" {unit}/s  {len(updates):>4} progress updates  {size / 1e6:6.1f} MB"
                f"  personal data: {export.includes_personal_data}"
                f"   (target < {TARGET_EXPORT_S:.0f} s: {'ok' if elapsed < TARGET_EXPORT_S else 'OVER TARGET'})",
                flush=True,
            )
            export.file.delete(save=False)
    finally:
        exports._queue = queue
    return slowest


def _time_weekly_report() -> None:
    from community_teams.models import Area, AreaKind
    from community_teams.reports import last_complete_week, weekly_report_build

    commune = Area.objects.filter(kind=AreaKind.COMMUNE).order_by("code").first()
    started = time.perf_counter()
    report = weekly_report_build(commune=commune, week_start=last_complete_week())
    week = report.figures["week"]
    print(
        f"weekly report of one commune (both weeks): {time.perf_counter() - started:.2f} s"
        f" ({week['visits']} visits in the week, {week['households_reached']} households reached)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="time a database kept by --keep, without loading")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    _configure(args.reuse)

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.urls import reverse

    from community_teams.models import Visit
    from lms.models import User

    results = {}
    try:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"migrated in {time.perf_counter() - started:.1f} s", flush=True)
        if args.reuse:
            people = {scope: User.objects.get(username=f"dieuphoi-{name}") for scope, name in PEOPLE.items()}
        else:
            started = time.perf_counter()
            print("loading:")
            with transaction.atomic():
                people = _structure()
                with connection.cursor() as cursor:
                    _bulk(cursor)
            print(f"loaded in {time.perf_counter() - started:.1f} s", flush=True)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load
        print(f"vacuumed and analysed in {time.perf_counter() - started:.1f} s", flush=True)

        url = reverse("community_teams:dashboard")
        clients = {}
        for scope, user in people.items():
            clients[scope] = Client(HTTP_HOST="127.0.0.1")
            clients[scope].force_login(user)
        print(f"timings ({args.runs} runs each, after 2 warm-ups; default period: the last 8 weeks):")
        results["commune"] = _report(
            "commune dashboard", _time(clients["commune"], url, args.runs), TARGET_COMMUNE_P95_S
        )
        results["province"] = _report(
            "province dashboard", _time(clients["province"], url, args.runs), TARGET_PROVINCE_P95_S
        )
        with connection.cursor() as cursor:
            _insert_visits(
                lambda label, sql: cursor.execute(sql),
                _table(Visit),
                FRESH_VISITS,
                "fresh visits",
                "now() - ((g % 96) || ' hours')::interval",
                offset=Visit.objects.order_by("-pk").values_list("pk", flat=True).first() + 1,
            )
        print(f"after inserting {FRESH_VISITS} fresh visits (no ANALYZE):")
        _report("commune dashboard", _time(clients["commune"], url, args.runs), TARGET_COMMUNE_P95_S)
        _report("province dashboard", _time(clients["province"], url, args.runs), TARGET_PROVINCE_P95_S)

        print("slowest statement of a province dashboard:")
        sql = _slowest_query(clients["province"], url)
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            print(sql)
            print("\n".join(row[0] for row in cursor.fetchall()))
        results["exports"] = _time_exports(people["commune"])
        _time_weekly_report()
    finally:
        connection.close()
        if not args.keep:
            admin(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
    return (
        0
        if results.get("commune", 9) < TARGET_COMMUNE_P95_S
        and results.get("province", 9) < TARGET_PROVINCE_P95_S
        and results.get("exports", 99) < TARGET_EXPORT_S
        else 1
    )


if __name__ == "__main__":
    sys.exit(main())
