"""The community teams JSON API: statuses, scoping, errors people can read, fixed query counts."""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from community_teams import services
from community_teams.models import AuditEntry, FollowUp, Household, HouseholdMember, Visit
from tests.community_teams.conftest import household_payload, visit_payload

API = "/api/v1/"
ENDPOINTS = [
    ("get", "areas/"),
    ("get", "help-items/"),
    ("get", "households/"),
    ("post", "households/"),
    ("post", "households/search/"),
    ("get", f"households/{uuid.uuid4()}/"),
    ("post", "household-members/"),
    ("get", "visits/"),
    ("post", "visits/"),
    ("get", f"visits/{uuid.uuid4()}/"),
    ("get", "follow-ups/"),
    ("post", "follow-ups/1/done/"),
    ("get", "me/today/"),
]


def vi(message: str) -> str:
    with translation.override("vi"):
        return str(gettext(message))


@pytest.fixture
def member(world, api_for):
    return api_for(world.member_a)


@pytest.fixture
def household(world, make_household):
    return make_household(world.member_a)


# Who may call.


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_signed_out_callers_get_a_json_403(world, api_for, method, path):
    client = api_for()
    response = client.get(API + path) if method == "get" else client.post_json(API + path, {})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_unsafe_calls_need_the_csrf_token(world, api_for):
    client = api_for(world.member_a, enforce_csrf_checks=True)
    response = client.post_json(API + "households/", household_payload(world.village_a1))
    assert response.status_code == 403
    assert Household.objects.count() == 0
    client.get("/to-cong-nghe-so/hom-nay/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post_json(API + "households/", household_payload(world.village_a1), HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201


def test_a_person_without_a_role_sees_nothing(world, api_for, household):
    client = api_for(world.outsider)
    assert client.get(API + "households/").json()["count"] == 0
    assert client.get(API + "visits/").json()["count"] == 0
    assert client.get(API + "areas/").json() == []
    assert client.get(f"{API}households/{household.client_uuid}/").status_code == 404


# Households.


def test_household_created_then_already_stored_then_conflict(world, member):
    body = household_payload(world.village_a1)
    created = member.post_json(API + "households/", body)
    assert created.status_code == 201
    assert created.json()["uuid"] == body["client_uuid"]
    assert created.json()["phone"] == "+84912345678"
    assert created.json()["village"] == {"code": "01273-001", "name": "Tổ dân phố 1"}
    again = member.post_json(API + "households/", body)
    assert (again.status_code, again.json()["uuid"]) == (200, body["client_uuid"])
    conflict = member.post_json(API + "households/", {**body, "head_name": "Người khác"})
    assert conflict.status_code == 409
    assert conflict.json() == {"detail": vi("Another household was already saved with this id. Nothing was changed.")}
    assert Household.objects.get().head_name == "Nguyễn Thị Hường"


def test_personal_data_without_consent_is_a_clear_400_and_nothing_is_stored(world, member):
    body = household_payload(world.village_a1, consent_status="declined", consent_method="", consent_by="")
    response = member.post_json(API + "households/", body)
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            vi(
                "The household did not agree to its data being kept: leave the name, phone, "
                "address and consent fields empty, or record the consent."
            )
        ]
    }
    assert Household.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "status", "key"),
    [
        ({"phone": "+44 20 7946 0958"}, 400, "phone"),
        ({"head_name": "A" * 151}, 400, "head_name"),
        ({"address_note": "A" * 301}, 400, "address_note"),
        ({"village": "01279-001"}, 404, "detail"),
        ({"village": "99999-999"}, 404, "detail"),
        ({"village": ""}, 400, "village"),
        ({"consent_status": "erased"}, 400, "consent_status"),
        ({"client_uuid": "not-a-uuid"}, 400, "client_uuid"),
        ({"people_count": 0}, 400, "people_count"),
        ({"people_count": "nhiều"}, 400, "people_count"),
    ],
)
def test_bad_household_input_is_refused_with_a_message(world, member, fields, status, key):
    response = member.post_json(API + "households/", household_payload(world.village_a1, **fields))
    assert response.status_code == status
    assert key in response.json()
    assert Household.objects.count() == 0


def test_the_phone_message_is_the_translated_one(world, member):
    response = member.post_json(API + "households/", household_payload(world.village_a1, phone="+1 202 555 0100"))
    assert response.json() == {"phone": [vi("Enter a Vietnamese mobile number, for example 0912 345 678.")]}


@pytest.mark.parametrize("body", ["[]", '"x"', "{", "null", '{"client_uuid": 5}'])
def test_malformed_bodies_are_400_never_500(world, member, body):
    for path in ("households/", "visits/", "household-members/", "households/search/"):
        response = member.post(API + path, body, content_type="application/json")
        assert response.status_code == 400, (path, body)


def test_households_list_is_scoped_recent_first_and_audited(world, api_for, make_household):
    first = make_household(world.member_a)
    second = make_household(world.member_a, world.village_a2)
    make_household(world.member_b, world.village_b1)
    data = api_for(world.member_a).get(API + "households/").json()
    assert [row["uuid"] for row in data["results"]] == [str(second.client_uuid), str(first.client_uuid)]
    assert data["count"] == 2
    assert set(AuditEntry.objects.filter(actor=world.member_a, action="view").values_list("object_id", flat=True)) == {
        str(first.pk),
        str(second.pk),
    }
    assert api_for(world.province_coordinator).get(API + "households/").json()["count"] == 3
    assert api_for(world.coordinator_b).get(API + "households/").json()["count"] == 1
    filtered = api_for(world.member_a).get(API + "households/?village=01273-002").json()
    assert [row["uuid"] for row in filtered["results"]] == [str(second.client_uuid)]


def test_search_ignores_accents_and_finds_phone_digits(world, member, make_household):
    huong = make_household(world.member_a)
    make_household(world.member_a, head_name="Trần Văn Đức", phone="0387654321")
    make_household(world.member_b, world.village_b1)  # same name, another commune
    for query in ("nguyen huong", "NGUYỄN", "Hường", "0912 345", "+84 912 345 678", "345678"):
        results = member.post_json(API + "households/search/", {"q": query}).json()["results"]
        assert [row["uuid"] for row in results] == [str(huong.client_uuid)], query
    duc = member.post_json(API + "households/search/", {"q": "duc"}).json()["results"]
    assert [row["head_name"] for row in duc] == ["Trần Văn Đức"]
    assert member.get(API + "households/search/").status_code == 405


def test_search_returns_at_most_twenty_recent_first(world, member, make_household):
    rows = [make_household(world.member_a) for _ in range(22)]
    results = member.post_json(API + "households/search/", {"q": "huong"}).json()["results"]
    assert [row["uuid"] for row in results] == [str(row.client_uuid) for row in reversed(rows)][:20]


def test_household_detail_shows_members_and_skills(world, member, household, make_member, make_visit):
    grandmother = make_member(world.member_a, household, label="bà Hường", age_group="60_plus")
    make_visit(world.member_a, household, help=[{"item": "quet-qr", "member": str(grandmother.client_uuid)}])
    data = member.get(f"{API}households/{household.client_uuid}/").json()
    observed_at = data["members"][0]["skills"][0]["observed_at"]
    assert observed_at is not None
    assert data["members"] == [
        {
            "uuid": str(grandmother.client_uuid),
            "label": "bà Hường",
            "age_group": "60_plus",
            "has_all_skills": False,
            "skills": [
                {
                    "code": "thanh-toan",
                    "observed_at": data["members"][0]["skills"][0]["observed_at"],
                    "learned_at": None,
                }
            ],
        }
    ]
    assert data["last_visited_at"] is not None


def test_a_foreign_household_is_404(world, api_for, make_household):
    foreign = make_household(world.member_b, world.village_b1)
    assert api_for(world.member_a).get(f"{API}households/{foreign.client_uuid}/").status_code == 404
    assert api_for(world.leader_b).get(f"{API}households/{foreign.client_uuid}/").status_code == 200


def test_household_members_by_uuid(world, member, household):
    body = {"client_uuid": str(uuid.uuid4()), "household": str(household.client_uuid), "label": "bà Hường"}
    assert member.post_json(API + "household-members/", body).status_code == 201
    assert member.post_json(API + "household-members/", body).status_code == 200
    assert member.post_json(API + "household-members/", {**body, "label": "ông Ba"}).status_code == 409
    foreign = {**body, "client_uuid": str(uuid.uuid4()), "household": str(uuid.uuid4())}
    assert member.post_json(API + "household-members/", foreign).status_code == 404
    assert HouseholdMember.objects.count() == 1


# Visits.


def test_visit_created_already_stored_edited_resent_and_conflict(world, member, household):
    body = visit_payload(household, help=[{"item": "cai-vneid"}, {"item": "quet-qr"}, {"item": "nop-ho-so"}])
    created = member.post_json(API + "visits/", body)
    assert created.status_code == 201
    assert created.json()["status"] == "created"
    visit = created.json()["visit"]
    assert (visit["uuid"], visit["team"], visit["village"], visit["can_edit"]) == (
        body["client_uuid"],
        world.team_a.pk,
        "01273-001",
        True,
    )
    assert [row["item"] for row in visit["help"]] == ["cai-vneid", "nop-ho-so", "quet-qr"]

    again = member.post_json(API + "visits/", body)
    assert (again.status_code, again.json()["status"]) == (200, "already_stored")

    edited = member.patch_json(f"{API}visits/{body['client_uuid']}/", {"notes": "Hẹn tuần sau"})
    assert (edited.status_code, edited.json()["notes"]) == (200, "Hẹn tuần sau")
    assert member.post_json(API + "visits/", body).json()["status"] == "already_stored"

    conflict = member.post_json(API + "visits/", {**body, "duration_minutes": 45})
    assert conflict.status_code == 409
    assert conflict.json() == {"detail": vi("Another visit was already saved with this id. Nothing was changed.")}
    assert Visit.objects.get().duration_minutes == 20


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": 24 * 60}, "duration_minutes"),
        ({"notes": "x" * 2001}, "notes"),
        ({"visited_at": "ngày mai"}, "visited_at"),
        ({"outcome": "tốt"}, "outcome"),
        ({"help": [{"item": "khong-co"}]}, "help"),
        ({"help": "cai-vneid"}, "help"),
        ({"members_present": [str(uuid.uuid4())]}, "members_present"),
    ],
)
def test_bad_visit_input_is_400_and_stores_nothing(world, member, household, fields, key):
    response = member.post_json(API + "visits/", visit_payload(household, **fields))
    assert response.status_code == 400
    assert key in response.json()
    assert Visit.objects.count() == 0


def test_the_visit_messages_people_read(world, member, household):
    two_days_ahead = visit_payload(household, visited_at=(timezone.now() + timedelta(days=2)).isoformat())
    assert member.post_json(API + "visits/", two_days_ahead).json() == {
        "visited_at": [
            vi("The visit's time is more than a day ahead: check the date and time on the phone, then send it again.")
        ]
    }
    before = visit_payload(household, follow_up_on=str(timezone.localdate() - timedelta(days=3)))
    assert member.post_json(API + "visits/", before).json() == {
        "follow_up_on": [vi("The follow-up date cannot be before the visit.")]
    }
    with translation.override("vi"):
        expected = gettext("The visit must last from 1 to %(max)d minutes.") % {"max": 600}
    assert member.post_json(API + "visits/", visit_payload(household, duration_minutes=0)).json() == {
        "duration_minutes": [expected]
    }
    assert Visit.objects.count() == 0


def test_a_visit_to_a_foreign_household_is_404(world, api_for, make_household):
    foreign = make_household(world.member_b, world.village_b1)
    response = api_for(world.member_a).post_json(API + "visits/", visit_payload(foreign))
    assert response.status_code == 404
    assert Visit.objects.count() == 0


def test_visits_are_scoped_and_edits_follow_the_rules(world, api_for, household, make_visit):
    visit = make_visit(world.member_a, household)
    url = f"{API}visits/{visit.client_uuid}/"
    assert api_for(world.member_b).get(url).status_code == 404
    assert api_for(world.member_b).patch_json(url, {"notes": "x"}).status_code == 404
    assert api_for(world.coordinator_a).get(url).json()["can_edit"] is False
    assert api_for(world.coordinator_a).patch_json(url, {"notes": "x"}).status_code == 403
    Visit.objects.filter(pk=visit.pk).update(received_at=timezone.now() - timedelta(days=8))
    assert api_for(world.member_a).patch_json(url, {"notes": "x"}).status_code == 403
    assert api_for(world.leader_a).patch_json(url, {"notes": "Tổ trưởng"}).status_code == 200
    assert api_for(world.member_a).patch_json(url, {"duration_minutes": 0}).status_code == 403
    assert [row["uuid"] for row in api_for(world.leader_a).get(API + "visits/").json()["results"]] == [
        str(visit.client_uuid)
    ]
    assert api_for(world.leader_b).get(API + "visits/").json()["count"] == 0


def test_visits_of_one_household(world, member, household, make_household, make_visit):
    mine = make_visit(world.member_a, household)
    make_visit(world.member_a, make_household(world.member_a))
    data = member.get(f"{API}visits/?household={household.client_uuid}").json()
    assert [row["uuid"] for row in data["results"]] == [str(mine.client_uuid)]
    assert member.get(f"{API}visits/?household=abc").status_code == 400


# Follow-ups, help items, areas, today.


def test_my_follow_ups_overdue_first_and_done_once(world, member, api_for, make_household, make_visit):
    today = timezone.localdate()
    later = make_visit(world.member_a, make_household(world.member_a), follow_up_on=str(today + timedelta(days=2)))
    earlier_visit_time = (timezone.now() - timedelta(days=5)).isoformat()
    overdue = make_visit(
        world.member_a,
        make_household(world.member_a),
        visited_at=earlier_visit_time,
        follow_up_on=str(today - timedelta(days=1)),
    )
    make_visit(world.leader_a, make_household(world.member_a), follow_up_on=str(today))  # the leader's own
    rows = member.get(API + "follow-ups/").json()["results"]
    assert [(row["visit"], row["state"]) for row in rows] == [
        (str(overdue.client_uuid), "overdue"),
        (str(later.client_uuid), "upcoming"),
    ]
    assert len(api_for(world.leader_a).get(API + "follow-ups/?all=1").json()["results"]) == 3

    follow_up_id = rows[0]["id"]
    done = member.post_json(f"{API}follow-ups/{follow_up_id}/done/", {})
    assert done.status_code == 200 and done.json()["done_at"] is not None
    assert member.post_json(f"{API}follow-ups/{follow_up_id}/done/", {}).json()["done_at"] == done.json()["done_at"]
    assert api_for(world.member_b).post_json(f"{API}follow-ups/{follow_up_id}/done/", {}).status_code == 404
    assert FollowUp.objects.filter(done_at__isnull=False).count() == 1


def test_help_items_and_areas(world, member):
    items = member.get(API + "help-items/").json()
    assert [item["code"] for item in items][:2] == ["cai-vneid", "nop-ho-so"]
    assert items[1]["asks_service_name"] is True
    assert items[0]["skill"] == {"code": "dvc", "name": "Dùng dịch vụ công trực tuyến", "is_household_target": True}
    areas = member.get(API + "areas/").json()
    assert [(area["code"], area["kind"], area["parent"]) for area in areas] == [
        ("01273", "commune", "04"),
        ("01273-001", "village", "01273"),
        ("01273-002", "village", "01273"),
        ("04", "province", None),
    ]


def test_today_shows_my_due_follow_ups_households_and_visits(world, member, household, make_visit):
    services.assignment_set(actor=world.leader_a, household=household, member=world.member_a)
    visit = make_visit(world.member_a, household, follow_up_on=str(timezone.localdate()))
    data = member.get(API + "me/today/").json()
    assert data["today"] == str(timezone.localdate())
    assert [row["visit"] for row in data["follow_ups"]] == [str(visit.client_uuid)]
    assert data["follow_ups"][0]["state"] == "due"
    assert data["upcoming_follow_ups"] == 0
    assert [row["uuid"] for row in data["households"]] == [str(household.client_uuid)]
    assert data["households"][0]["head_name"] == "Nguyễn Thị Hường"
    assert [(row["uuid"], row["referral_token"]) for row in data["recent_visits"]] == [
        (str(visit.client_uuid), visit.referral_token)
    ]


# Query counts.


def _count(client, method, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url) if method == "get" else client.post_json(url, {"q": "huong"})
    assert response.status_code == 200
    return len(queries)


def _fill(world, make_household, make_member, make_visit, n: int) -> None:
    today = str(timezone.localdate())
    for _ in range(n):
        household = make_household(world.member_a)
        person = make_member(world.member_a, household)
        services.assignment_set(actor=world.leader_a, household=household, member=world.member_a)
        make_visit(
            world.member_a,
            household,
            follow_up_on=today,
            members_present=[str(person.client_uuid)],
            team_members=[world.leader_a.pk],
            help=[{"item": "quet-qr", "member": str(person.client_uuid)}, {"item": "cai-vneid"}],
        )


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "visits/"),
        ("get", "households/"),
        ("get", "me/today/"),
        ("get", "follow-ups/"),
        ("post", "households/search/"),
    ],
)
def test_lists_take_the_same_queries_for_one_and_fifty_visits(
    world, api_for, make_household, make_member, make_visit, method, path
):
    _fill(world, make_household, make_member, make_visit, 1)
    one = _count(api_for(world.member_a), method, API + path)
    _fill(world, make_household, make_member, make_visit, 49)
    assert Visit.objects.count() == 50
    fifty = _count(api_for(world.member_a), method, API + path)
    assert one == fifty


def test_openapi_schema_documents_the_community_api(world, client):
    schema = client.get(API + "openapi.json").json()
    for path in (
        "/api/v1/areas/",
        "/api/v1/help-items/",
        "/api/v1/households/",
        "/api/v1/households/search/",
        "/api/v1/households/{client_uuid}/",
        "/api/v1/household-members/",
        "/api/v1/visits/",
        "/api/v1/visits/{client_uuid}/",
        "/api/v1/follow-ups/",
        "/api/v1/follow-ups/{follow_up_id}/done/",
        "/api/v1/me/today/",
    ):
        assert path in schema["paths"], path
    assert set(schema["paths"]["/api/v1/visits/"]["post"]["responses"]) == {"200", "201", "400", "403", "404", "409"}
