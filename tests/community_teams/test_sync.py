"""The batch sync API: one answer per item, order inside a batch, resends, limits, fixed query counts."""

import random
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community_teams import services, sync
from community_teams.erasure import ERASED_PAYLOAD_HASH, household_erase
from community_teams.models import (
    FollowUp,
    Household,
    HouseholdMember,
    MemberSkill,
    ReferralAttribution,
    Visit,
    VisitHelp,
)
from community_teams.referrals import referral_token_for
from lms.services import enrolment_create, learner_create_anonymous
from tests.community_teams.conftest import household_payload, visit_payload
from tests.courses.factories import add_course, add_lesson, step

URL = "/api/v1/sync/visits/"


def member_payload(household_uuid, /, **fields) -> dict:
    return {"client_uuid": str(uuid.uuid4()), "household": str(household_uuid), "age_group": "60_plus", **fields}


def send(client, households=(), members=(), visits=()):
    response = client.post_json(URL, {"households": list(households), "members": list(members), "visits": list(visits)})
    assert response.status_code == 200, response.content
    return response.json()


def statuses(body, kind) -> list[int]:
    return [row["status"] for row in body[kind]]


class Phone:
    """Payloads for a household made on the phone, one person in it and a visit naming both."""

    def __init__(self, world, **visit_fields):
        self.household = household_payload(world.village_a1)
        self.member = member_payload(self.household["client_uuid"], label="bà Hường")
        ref = type("Ref", (), {"client_uuid": self.household["client_uuid"]})
        self.visit = visit_payload(
            ref,
            members_present=[self.member["client_uuid"]],
            help=[{"item": "quet-qr", "member": self.member["client_uuid"]}],
            **visit_fields,
        )


@pytest.fixture
def member(world, api_for):
    return api_for(world.member_a)


@pytest.fixture
def household(world, make_household):
    return make_household(world.member_a)


# Statuses.


def test_a_batch_creates_a_household_its_person_and_a_visit_and_the_resend_is_already_stored(world, member):
    phone = Phone(world)
    first = send(member, [phone.household], [phone.member], [phone.visit])
    assert [statuses(first, kind) for kind in ("households", "members", "visits")] == [[201], [201], [201]]
    assert first["visits"][0]["uuid"] == phone.visit["client_uuid"]
    assert first["visits"][0]["referral_token"] == referral_token_for(phone.visit["client_uuid"])
    again = send(member, [phone.household], [phone.member], [phone.visit])  # the answer was lost
    assert [statuses(again, kind) for kind in ("households", "members", "visits")] == [[200], [200], [200]]
    assert (Household.objects.count(), HouseholdMember.objects.count(), Visit.objects.count()) == (1, 1, 1)
    assert VisitHelp.objects.count() == 1


def test_a_visit_sent_before_its_household_in_the_request_is_stored(world, member):
    phone = Phone(world)
    body = {"visits": [phone.visit], "members": [phone.member], "households": [phone.household]}
    response = member.post_json(URL, body)
    assert response.status_code == 200
    assert [row["status"] for kind in ("households", "members", "visits") for row in response.json()[kind]] == [
        201,
        201,
        201,
    ]
    assert Visit.objects.get().household.client_uuid == uuid.UUID(phone.household["client_uuid"])


def test_the_batch_stores_what_a_single_visit_stores(world, member, household, make_member):
    grandmother = make_member(world.member_a, household, label="bà Hường")
    today = timezone.localdate()
    data = visit_payload(
        household,
        visited_at=(timezone.now() + timedelta(hours=13)).isoformat(),
        follow_up_on=str(today + timedelta(days=1)),
        team_members=[world.leader_a.pk],
        members_present=[str(grandmother.client_uuid)],
        help=[
            {"item": "quet-qr", "member": str(grandmother.client_uuid)},
            {"item": "nop-ho-so", "service_name": "Đăng ký khai sinh"},
        ],
    )
    assert statuses(send(member, visits=[data]), "visits") == [201]
    visit = Visit.objects.get()
    assert (visit.team, visit.village, visit.commune_code, visit.province_code, visit.author) == (
        world.team_a,
        world.village_a1,
        "01273",
        "04",
        world.member_a,
    )
    assert (visit.device_time_suspect, visit.author_was_inactive) == (True, False)
    assert visit.payload_hash == services.payload_hash_of(services.visit_payload_canonical(data))
    assert list(visit.team_members.all()) == [world.leader_a]
    assert list(visit.members_present.all()) == [grandmother]
    assert VisitHelp.objects.get(item__code="nop-ho-so").service_name == "Đăng ký khai sinh"
    follow_up = FollowUp.objects.get()
    assert (follow_up.visit, follow_up.assigned_to, follow_up.due_on) == (visit, world.member_a, visit.follow_up_on)
    skill = MemberSkill.objects.get()
    assert (skill.member, skill.skill, skill.observed_visit) == (grandmother, world.skill["thanh-toan"], visit)


def test_a_helped_visit_closes_an_earlier_follow_up_of_the_same_batch_whatever_the_order(world, member, household):
    now = timezone.now()
    earlier = visit_payload(
        household, visited_at=(now - timedelta(hours=5)).isoformat(), follow_up_on=str(timezone.localdate())
    )
    later = visit_payload(household, visited_at=(now - timedelta(hours=1)).isoformat())
    assert statuses(send(member, visits=[later, earlier]), "visits") == [201, 201]
    follow_up = FollowUp.objects.get()
    assert follow_up.done_visit.client_uuid == uuid.UUID(later["client_uuid"])
    assert follow_up.done_at is not None


def test_the_household_target_is_refreshed(world, member, household, make_member):
    person = make_member(world.member_a, household)
    help_rows = [
        {"item": code, "member": str(person.client_uuid)}
        for code in ("cai-vneid", "mua-hang", "quet-qr", "nhan-dien-lua-dao", "ung-dung-tinh")
    ]
    send(member, visits=[visit_payload(household, help=help_rows)])
    household.refresh_from_db()
    person.refresh_from_db()
    assert (household.meets_target, person.has_all_skills) == (True, True)
    assert household.target_met_at is not None


def test_an_enrolment_made_before_the_visit_is_attributed_when_the_batch_arrives(
    world, member, household, catalogue, django_capture_on_commit_callbacks
):
    course = add_course(catalogue, title="Cài VNeID", skills=[world.skill["dvc"]])
    add_lesson(course, title="Bài một", body=[step("Mở ứng dụng")])
    data = visit_payload(household)
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_create(
            learner=learner_create_anonymous(), course=course, source=referral_token_for(data["client_uuid"])
        )
    send(member, visits=[data])
    attribution = ReferralAttribution.objects.get()
    assert (attribution.visit.client_uuid, attribution.member, attribution.team) == (
        uuid.UUID(data["client_uuid"]),
        world.member_a,
        world.team_a,
    )


def test_the_same_uuid_with_other_data_is_a_conflict_and_changes_nothing(world, member):
    phone = Phone(world, notes="Lần đầu")
    send(member, [phone.household], [phone.member], [phone.visit])
    changed = send(
        member,
        [{**phone.household, "people_count": 7}],
        [{**phone.member, "age_group": "18_59"}],
        [{**phone.visit, "notes": "Khác", "duration_minutes": 45}],
    )
    assert [statuses(changed, kind) for kind in ("households", "members", "visits")] == [[409], [409], [409]]
    assert all("detail" in changed[kind][0] for kind in ("households", "members", "visits"))
    assert (Household.objects.get().people_count, HouseholdMember.objects.get().age_group) == (4, "60_plus")
    assert (Visit.objects.get().notes, Visit.objects.get().duration_minutes) == ("Lần đầu", 20)


def test_a_uuid_twice_in_one_batch_is_stored_once(world, member, household):
    data = visit_payload(household)
    body = send(member, visits=[data, dict(data), {**data, "notes": "Khác"}])
    assert statuses(body, "visits") == [201, 200, 409]
    assert Visit.objects.count() == 1


def test_a_foreign_or_unknown_household_is_not_found(world, member, make_household):
    foreign = make_household(world.member_b, world.village_b1)
    body = send(
        member,
        [household_payload(world.village_b1)],
        [member_payload(foreign.client_uuid), member_payload(uuid.uuid4())],
        [visit_payload(foreign), {**visit_payload(foreign), "household": str(uuid.uuid4())}],
    )
    assert [statuses(body, kind) for kind in ("households", "members", "visits")] == [[404], [404, 404], [404, 404]]
    assert (Household.objects.count(), HouseholdMember.objects.count(), Visit.objects.count()) == (1, 0, 0)


def test_a_coordinator_outside_any_team_is_not_permitted_to_log_visits(world, api_for, household):
    body = send(api_for(world.coordinator_a), visits=[visit_payload(household)])
    assert statuses(body, "visits") == [403]
    assert Visit.objects.count() == 0


def test_an_erased_household_is_gone_and_the_phone_drops_it(world, member, make_household, make_visit, make_member):
    phone = Phone(world)
    send(member, [phone.household], [phone.member], [phone.visit])
    household = Household.objects.get()
    household_erase(actor=world.leader_a, household=household, reason="requested")
    new_visit = visit_payload(household, notes="Bà Hường đã cài", members_present=[phone.member["client_uuid"]])
    body = send(
        member,
        [phone.household],
        [phone.member, member_payload(household.client_uuid, label="ông Ba")],
        [phone.visit, new_visit],
    )
    assert [statuses(body, kind) for kind in ("households", "members", "visits")] == [[410], [410, 410], [410, 410]]
    # Counted, without personal data.
    stored = Visit.objects.get(client_uuid=new_visit["client_uuid"])
    assert (stored.notes, stored.payload_hash) == ("", ERASED_PAYLOAD_HASH)
    assert HouseholdMember.objects.filter(label="").count() == 2


def test_one_bad_item_never_blocks_the_others(world, member, household):
    good = [visit_payload(household), visit_payload(household)]
    bad = [
        visit_payload(household, duration_minutes=0),
        {k: v for k, v in visit_payload(household).items() if k != "outcome"},
        visit_payload(household, visited_at=(timezone.now() + timedelta(days=2)).isoformat()),
        visit_payload(household, help=[{"item": "khong-co"}]),
        "not an object",
    ]
    body = send(
        member,
        [household_payload(world.village_a1, phone="123"), household_payload(world.village_a1)],
        [member_payload(household.client_uuid, age_group="old")],
        [good[0], *bad, good[1]],
    )
    assert statuses(body, "households") == [400, 201]
    assert body["households"][0]["errors"].keys() == {"phone"}
    assert statuses(body, "members") == [400]
    assert statuses(body, "visits") == [201, 400, 400, 400, 400, 400, 201]
    assert [set(row["errors"]) for row in body["visits"][1:5]] == [
        {"duration_minutes"},
        {"outcome"},
        {"visited_at"},
        {"help"},
    ]
    assert body["visits"][5] == {"uuid": None, "status": 400, "errors": body["visits"][5]["errors"]}
    assert Visit.objects.count() == 2


def test_items_left_when_the_time_budget_runs_out_are_answered_retry(world, member, household, monkeypatch):
    monkeypatch.setattr(sync, "TIME_BUDGET_SECONDS", 0)
    body = send(member, [household_payload(world.village_a1)], [], [visit_payload(household)])
    assert [body["households"][0]["status"], body["visits"][0]["status"]] == [503, 503]
    assert body["visits"][0]["retry"] is True
    assert (Household.objects.count(), Visit.objects.count()) == (1, 0)


# The envelope and who may call.


def test_more_items_than_the_limit_are_refused_whole(world, member, household):
    visits = [visit_payload(household) for _ in range(sync.MAX_SYNC_ITEMS)]
    response = member.post_json(URL, {"households": [household_payload(world.village_a1)], "visits": visits})
    assert response.status_code == 413
    assert "500" in response.json()["detail"]
    assert Visit.objects.count() == 0


@pytest.mark.parametrize("body", [[], {"visits": {}}, {"visit": []}, {"visits": "x"}])
def test_a_malformed_envelope_is_a_400(world, member, body):
    assert member.post_json(URL, body).status_code == 400


def test_signed_out_callers_get_a_403(world, api_for):
    assert api_for().post_json(URL, {"visits": []}).status_code == 403


def test_the_csrf_token_is_required(world, api_for, household):
    client = api_for(world.member_a, enforce_csrf_checks=True)
    assert client.post_json(URL, {"visits": [visit_payload(household)]}).status_code == 403
    client.get("/to-cong-nghe-so/hom-nay/")
    token = client.cookies["csrftoken"].value
    response = client.post_json(URL, {"visits": [visit_payload(household)]}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert Visit.objects.count() == 1


def test_the_endpoint_is_in_the_openapi_schema(world, client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/sync/visits/"]["post"]
    assert set(operation["responses"]) == {"200", "400", "403", "413"}
    assert "500 items" in operation["description"]


# Queries per batch.


def _batch_queries(client, world, household, people, count: int) -> int:
    phones = [Phone(world) for _ in range(count // 5)]
    visits = [
        visit_payload(
            household,
            follow_up_on=str(timezone.localdate()),
            team_members=[world.leader_a.pk],
            members_present=[str(people[i % 2].client_uuid)],
            help=[{"item": "quet-qr", "member": str(people[i % 2].client_uuid)}, {"item": "cai-vneid"}],
        )
        for i in range(count - len(phones))
    ] + [phone.visit for phone in phones]
    with CaptureQueriesContext(connection) as queries:
        body = send(client, [p.household for p in phones], [p.member for p in phones], visits)
    assert set(statuses(body, "visits")) == {201}
    return len(queries)


def test_a_batch_of_fifty_visits_takes_as_many_queries_as_a_batch_of_five(world, member, household, make_member):
    people = [make_member(world.member_a, household), make_member(world.member_a, household)]
    _batch_queries(member, world, household, people, 5)  # so that both close open follow-ups
    five = _batch_queries(member, world, household, people, 5)
    fifty = _batch_queries(member, world, household, people, 50)
    assert five == fifty


# A resend storm.


def storm_world(world, make_household, visits_count=500, new_households=15, old_households=10):
    """Households already stored, households still on the phone, and the visits to them."""
    stored = [make_household(world.member_a) for _ in range(old_households)]
    queued = [household_payload(world.village_a2) for _ in range(new_households)]
    targets = [str(h.client_uuid) for h in stored] + [h["client_uuid"] for h in queued]
    now = timezone.now()
    visits = [
        {
            "client_uuid": str(uuid.uuid4()),
            "household": targets[i % len(targets)],
            "visited_at": (now - timedelta(minutes=i + 1)).isoformat(),
            "duration_minutes": 5 + i % 30,
            "outcome": ["helped", "partly", "not_home"][i % 3],
            "notes": f"Lần {i}",
            "help": [{"item": "cai-vneid"}] if i % 2 else [],
        }
        for i in range(visits_count)
    ]
    return queued, visits


def storm_batches(queued, visits, rng, size=50):
    """The visits shuffled in batches; each batch carries the queued households it names."""
    by_uuid = {h["client_uuid"]: h for h in queued}
    order = visits[:]
    rng.shuffle(order)
    for start in range(0, len(order), size):
        chunk = order[start : start + size]
        named = sorted({v["household"] for v in chunk} & set(by_uuid))
        yield [by_uuid[key] for key in named], chunk


def test_a_resend_storm_stores_each_visit_once(world, member, make_household):
    queued, visits = storm_world(world, make_household)
    rng = random.Random(5)
    conflicting = {v["client_uuid"] for v in rng.sample(visits, 5)}
    seen_households, query_counts = set(), set()
    for round_number in range(3):
        answers = {}
        for households, chunk in storm_batches(queued, visits, rng):
            if round_number:
                chunk = [{**v, "notes": "Sửa trên máy"} if v["client_uuid"] in conflicting else v for v in chunk]
            with CaptureQueriesContext(connection) as queries:
                body = send(member, households, [], chunk)
            query_counts.add(len(queries))
            for sent, row in zip(households, body["households"], strict=True):
                expected = 200 if sent["client_uuid"] in seen_households else 201
                assert row["status"] == expected
                seen_households.add(sent["client_uuid"])
            answers.update({row["uuid"]: row["status"] for row in body["visits"]})
        assert len(answers) == 500
        if round_number == 0:
            assert set(answers.values()) == {201}
        else:
            assert {key for key, status in answers.items() if status == 409} == conflicting
            assert {status for key, status in answers.items() if key not in conflicting} == {200}
    assert Visit.objects.count() == 500
    assert Household.objects.count() == 25
    assert set(Visit.objects.filter(client_uuid__in=conflicting).values_list("notes", flat=True)) <= {
        v["notes"] for v in visits
    }
    assert max(query_counts) < 60


# Field users' sessions (the phone syncs after days offline).


def _expiry_days(client) -> float:
    session = client.session
    return (session.get_expiry_date() - timezone.now()).total_seconds() / 86400


def test_a_field_users_session_lasts_thirty_days_and_slides(world, api_for):
    from community_teams.sessions import MARK

    client = api_for(world.member_a)
    assert 29.9 < _expiry_days(client) <= 30
    session = client.session
    session.set_expiry(timezone.now() + timedelta(days=20))  # ten days later
    session.save()
    response = client.post_json(URL, {"visits": []})
    assert response.status_code == 200
    assert 29.9 < _expiry_days(client) <= 30
    assert response.cookies["sessionid"]["max-age"] > 29 * 86400
    assert client.session[MARK] is True


def test_a_resident_keeps_the_default_session_age(world, api_for):
    from django.conf import settings

    resident = type(world.outsider).objects.create_user(username="hoc-vien", password=world.password)
    client = api_for(resident)
    client.get("/")
    assert abs(_expiry_days(client) - settings.SESSION_COOKIE_AGE / 86400) < 0.01


def test_a_field_users_requests_the_same_day_do_not_write_the_session(world, api_for):
    client = api_for(world.member_a)
    response = client.post_json(URL, {"visits": []})
    assert "sessionid" not in response.cookies
