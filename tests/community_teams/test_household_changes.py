"""Changing households over the API: consent at the first visit, edits, and the leader's actions
(assign, merge, deactivate a member). Scoped (foreign → 404), 403 for members, 400 with nothing
stored, audit rows holding field names only."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from community_teams import services
from community_teams.models import (
    Assignment,
    AuditEntry,
    ConsentStatus,
    FollowUp,
    Household,
    HouseholdMember,
    Membership,
    Visit,
)
from community_teams.services import search_text_for
from lms.models import Learner, User

API = "/api/v1/"
CONSENT_AT = datetime(2025, 9, 1, 8, 30, tzinfo=UTC)
PERSONAL_VALUES = ("Nguyễn Thị Hường", "Ngõ 3", "912345678", "nguyen thi huong", "bà Hường", "Chủ hộ", "Trần Văn")


def vi(message: str) -> str:
    with translation.override("vi"):
        return str(gettext(message))


def row_of(household) -> Household:
    return Household.objects.get(pk=household.pk)


def change_entries(household) -> list[dict]:
    return list(
        AuditEntry.objects.filter(action="change", object_type="household", object_id=str(household.pk)).values_list(
            "details", flat=True
        )
    )


def assert_audit_holds_no_personal_data() -> None:
    stored = json.dumps([[e.object_type, e.object_id, e.details] for e in AuditEntry.objects.all()], ensure_ascii=False)
    for value in PERSONAL_VALUES:
        assert value not in stored


@pytest.fixture
def imported(world, make_household):
    return make_household(world.member_a, consent_status="imported", consent_method="", consent_by="")


@pytest.fixture
def given(world, make_household):
    return make_household(world.member_a)


@pytest.fixture
def foreign(world, make_household):
    return make_household(world.member_b, world.village_b1)


def url(household, action: str = "") -> str:
    return f"{API}households/{household.client_uuid}/{action + '/' if action else ''}"


# Who may call at all.

NEW_ENDPOINTS = [
    ("patch", f"households/{uuid.uuid4()}/"),
    ("post", f"households/{uuid.uuid4()}/consent/"),
    ("post", f"households/{uuid.uuid4()}/assign/"),
    ("post", f"households/{uuid.uuid4()}/merge/"),
    ("post", "memberships/1/deactivate/"),
]


@pytest.mark.parametrize(("method", "path"), NEW_ENDPOINTS)
def test_signed_out_callers_get_a_json_403(world, api_for, method, path):
    client = api_for()
    response = client.patch_json(API + path, {}) if method == "patch" else client.post_json(API + path, {})
    assert response.status_code == 403
    assert "detail" in response.json()


def test_consent_needs_the_csrf_token(world, api_for, imported):
    client = api_for(world.member_a, enforce_csrf_checks=True)
    response = client.post_json(url(imported, "consent"), {"status": "declined"})
    assert response.status_code == 403
    assert row_of(imported).consent_status == ConsentStatus.IMPORTED


def test_openapi_schema_documents_the_new_endpoints(world, client):
    schema = client.get(API + "openapi.json").json()
    paths = schema["paths"]
    assert "patch" in paths["/api/v1/households/{client_uuid}/"]
    for path in (
        "/api/v1/households/{client_uuid}/consent/",
        "/api/v1/households/{client_uuid}/assign/",
        "/api/v1/households/{client_uuid}/merge/",
        "/api/v1/memberships/{membership_id}/deactivate/",
    ):
        assert set(paths[path]["post"]["responses"]) == {"200", "400", "403", "404"}, path


# Consent at the first visit.


def test_an_imported_household_gives_consent_and_keeps_its_list_data(world, api_for, imported):
    response = api_for(world.member_a).post_json(
        url(imported, "consent"),
        {"status": "given", "method": "signed", "by": "Chủ hộ", "at": CONSENT_AT.isoformat()},
    )
    assert response.status_code == 200
    assert response.json()["consent_status"] == "given"
    assert response.json()["head_name"] == "Nguyễn Thị Hường"
    row = row_of(imported)
    assert (row.consent_status, row.consent_method, row.consent_by, row.consent_at) == (
        "given",
        "signed",
        "Chủ hộ",
        CONSENT_AT,
    )
    assert (row.head_name, row.phone, row.address_note) == ("Nguyễn Thị Hường", "+84912345678", "Ngõ 3, nhà số 5")
    assert change_entries(imported) == [{"fields": ["consent_at", "consent_by", "consent_method", "consent_status"]}]


def test_consent_time_defaults_to_now(world, api_for, imported):
    response = api_for(world.member_a).post_json(url(imported, "consent"), {"status": "given", "method": "spoken"})
    assert response.status_code == 200
    assert row_of(imported).consent_at is not None


def _with_member(world, make_member, household):
    member = make_member(world.member_a, household, label="bà Hường")
    member.learner = Learner.objects.create(user=User.objects.create_user(username="cu-dan", password="x" * 12))
    member.save(update_fields=["learner"])
    return member


def test_declining_at_the_first_visit_clears_every_personal_field(world, api_for, make_member, imported):
    member = _with_member(world, make_member, imported)
    response = api_for(world.member_a).post_json(url(imported, "consent"), {"status": "declined"})
    assert response.status_code == 200
    row = Household.objects.filter(pk=imported.pk).values(
        "consent_status", "head_name", "address_note", "phone", "search_text", "consent_by", "consent_method"
    )[0]
    assert row == {
        "consent_status": "declined",
        "head_name": "",
        "address_note": "",
        "phone": "",
        "search_text": "",
        "consent_by": "",
        "consent_method": "",
    }
    assert row_of(imported).consent_at is None
    assert row_of(imported).people_count == 4  # a count, not personal data
    assert HouseholdMember.objects.filter(pk=member.pk).values("label", "learner", "age_group")[0] == {
        "label": "",
        "learner": None,
        "age_group": "18_59",
    }
    assert change_entries(imported) == [
        {"fields": ["address_note", "consent_status", "head_name", "phone", "search_text", "label", "learner"]}
    ]
    assert_audit_holds_no_personal_data()


def test_withdrawing_given_consent_clears_the_same_fields(world, api_for, make_member, given):
    member = _with_member(world, make_member, given)
    response = api_for(world.leader_a).post_json(url(given, "consent"), {"status": "declined"})
    assert response.status_code == 200
    row = row_of(given)
    assert (row.consent_status, row.head_name, row.address_note, row.phone, row.search_text) == (
        "declined",
        "",
        "",
        "",
        "",
    )
    assert (row.consent_by, row.consent_method, row.consent_at) == ("", "", None)
    assert HouseholdMember.objects.get(pk=member.pk).label == ""
    assert change_entries(given) == [
        {
            "fields": [
                "address_note",
                "consent_at",
                "consent_by",
                "consent_method",
                "consent_status",
                "head_name",
                "phone",
                "search_text",
                "label",
                "learner",
            ]
        }
    ]
    assert_audit_holds_no_personal_data()


@pytest.mark.parametrize(
    ("start", "body", "expected"),
    [
        (
            "given",
            {"status": "given", "method": "spoken"},
            {"non_field_errors": ["Consent was already given: it can only be withdrawn."]},
        ),
        (
            "declined",
            {"status": "given", "method": "spoken"},
            {"non_field_errors": ["This household declined to have its data kept: there is no consent to change."]},
        ),
        ("imported", {"status": "given"}, {"method": ["Record how consent was given: spoken or signed."]}),
        (
            "imported",
            {"status": "declined", "by": "Trần Văn"},
            {"by": ["The household declined: leave who answered empty."]},
        ),
        (
            "imported",
            {"status": "given", "method": "spoken", "at": "2999-01-01T00:00:00+07:00"},
            {"at": ["The time of consent cannot be in the future."]},
        ),
    ],
)
def test_a_refused_consent_change_is_a_400_and_nothing_is_stored(world, api_for, make_household, start, body, expected):
    fields = {"consent_status": start}
    if start != "given":
        fields.update(consent_method="", consent_by="")
    if start == "declined":
        fields.update(head_name="", phone="", address_note="")
    household = make_household(world.member_a, **fields)
    before = Household.objects.filter(pk=household.pk).values()[0]
    response = api_for(world.member_a).post_json(url(household, "consent"), body)
    assert response.status_code == 400
    assert response.json() == {key: [vi(message) for message in messages] for key, messages in expected.items()}
    assert Household.objects.filter(pk=household.pk).values()[0] == before
    assert change_entries(household) == []


def test_erased_or_unknown_status_is_refused(world, api_for, imported):
    response = api_for(world.member_a).post_json(url(imported, "consent"), {"status": "erased"})
    assert response.status_code == 400
    assert set(response.json()) == {"status"}
    assert row_of(imported).consent_status == "imported"


def test_consent_of_a_household_in_another_commune_is_a_404(world, api_for, foreign):
    response = api_for(world.member_a).post_json(url(foreign, "consent"), {"status": "declined"})
    assert response.status_code == 404
    assert response.json() == {"detail": vi("This household does not exist or is outside your area.")}
    assert row_of(foreign).consent_status == "given"
    assert row_of(foreign).head_name == "Nguyễn Thị Hường"


# Editing a household.


def test_a_member_edits_a_household_that_gave_consent(world, api_for, given):
    response = api_for(world.member_a).patch_json(url(given), {"head_name": "Trần Văn Bình", "phone": "0987 654 321"})
    assert response.status_code == 200
    assert (response.json()["head_name"], response.json()["phone"]) == ("Trần Văn Bình", "+84987654321")
    assert response.json()["members"] == []
    row = row_of(given)
    assert (row.head_name, row.phone, row.address_note, row.people_count) == (
        "Trần Văn Bình",
        "+84987654321",
        "Ngõ 3, nhà số 5",
        4,
    )
    assert row.search_text == search_text_for("Trần Văn Bình", "+84987654321")
    assert change_entries(given) == [{"fields": ["head_name", "phone", "search_text"]}]
    assert_audit_holds_no_personal_data()
    assert "Bình" not in json.dumps(list(AuditEntry.objects.values_list("details", flat=True)), ensure_ascii=False)


def test_editing_the_people_count_only_changes_it(world, api_for, given):
    response = api_for(world.coordinator_a).patch_json(url(given), {"people_count": 6})
    assert response.status_code == 200
    assert row_of(given).people_count == 6
    assert change_entries(given) == [{"fields": ["people_count"]}]


def test_an_edit_changing_nothing_leaves_no_audit_change(world, api_for, given):
    response = api_for(world.member_a).patch_json(url(given), {"head_name": "Nguyễn Thị Hường"})
    assert response.status_code == 200
    assert change_entries(given) == []


def test_editing_a_household_without_consent_is_a_clear_400(world, api_for, imported):
    response = api_for(world.member_a).patch_json(url(imported), {"head_name": "Trần Văn Bình"})
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            vi("Only a household that agreed to its data being kept can have it changed: record its consent first.")
        ]
    }
    assert row_of(imported).head_name == "Nguyễn Thị Hường"
    assert change_entries(imported) == []


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ({"phone": "+44 20 7946 0958"}, "phone"),
        ({"head_name": "A" * 151}, "head_name"),
        ({"address_note": "A" * 301}, "address_note"),
        ({"people_count": 0}, "people_count"),
        ({"people_count": 100}, "people_count"),
    ],
)
def test_an_invalid_edit_is_a_400_and_nothing_is_stored(world, api_for, given, body, key):
    before = Household.objects.filter(pk=given.pk).values()[0]
    response = api_for(world.member_a).patch_json(url(given), {"head_name": "Trần Văn Bình", **body})
    assert response.status_code == 400
    assert set(response.json()) == {key}
    assert Household.objects.filter(pk=given.pk).values()[0] == before
    assert change_entries(given) == []


def test_editing_a_household_in_another_commune_is_a_404(world, api_for, foreign):
    response = api_for(world.leader_a).patch_json(url(foreign), {"head_name": "Trần Văn Bình"})
    assert response.status_code == 404
    assert row_of(foreign).head_name == "Nguyễn Thị Hường"


# Assigning households.


def test_a_leader_assigns_a_household_to_a_member(world, api_for, given):
    response = api_for(world.leader_a).post_json(url(given, "assign"), {"member": world.member_a.pk})
    assert response.status_code == 200
    body = response.json()
    assert (body["household"], body["member"], body["assigned_by"]) == (
        str(given.client_uuid),
        world.member_a.pk,
        world.leader_a.pk,
    )
    assert list(Assignment.objects.values_list("household_id", "member_id")) == [(given.pk, world.member_a.pk)]


def test_a_member_may_not_assign_households(world, api_for, given):
    response = api_for(world.member_a).post_json(url(given, "assign"), {"member": world.member_a.pk})
    assert response.status_code == 403
    assert response.json() == {"detail": vi("Only the team leader or a coordinator can assign households.")}
    assert Assignment.objects.count() == 0


@pytest.mark.parametrize("who", ["member_b", "outsider", None])
def test_assigning_to_someone_outside_the_village_is_a_400(world, api_for, given, who):
    member_id = getattr(world, who).pk if who else 999_999
    response = api_for(world.leader_a).post_json(url(given, "assign"), {"member": member_id})
    assert response.status_code == 400
    assert set(response.json()) == {"member"}
    assert Assignment.objects.count() == 0


def test_assigning_a_household_of_another_commune_is_a_404(world, api_for, foreign):
    response = api_for(world.leader_a).post_json(url(foreign, "assign"), {"member": world.member_a.pk})
    assert response.status_code == 404
    assert Assignment.objects.count() == 0


# Merging duplicates.


def test_a_leader_merges_a_duplicate(world, api_for, make_household, make_visit, given):
    duplicate = make_household(world.member_a, head_name="Nguyễn T. Hường")
    visit = make_visit(world.member_a, duplicate)
    response = api_for(world.leader_a).post_json(url(given, "merge"), {"duplicate": str(duplicate.client_uuid)})
    assert response.status_code == 200
    assert response.json()["uuid"] == str(given.client_uuid)
    assert row_of(duplicate).merged_into_id == given.pk
    assert row_of(duplicate).head_name == ""
    assert Visit.objects.get(pk=visit.pk).household_id == given.pk


def test_a_member_may_not_merge(world, api_for, make_household, given):
    duplicate = make_household(world.member_a)
    response = api_for(world.member_a).post_json(url(given, "merge"), {"duplicate": str(duplicate.client_uuid)})
    assert response.status_code == 403
    assert response.json() == {"detail": vi("Only the team leader or a coordinator can merge households.")}
    assert row_of(duplicate).merged_into_id is None


def test_merging_a_household_of_another_commune_is_a_404(world, api_for, given, foreign):
    client = api_for(world.leader_a)
    assert client.post_json(url(given, "merge"), {"duplicate": str(foreign.client_uuid)}).status_code == 404
    assert client.post_json(url(foreign, "merge"), {"duplicate": str(given.client_uuid)}).status_code == 404
    assert Household.objects.filter(merged_into__isnull=False).count() == 0


def test_merging_a_household_into_itself_is_a_400(world, api_for, given):
    response = api_for(world.leader_a).post_json(url(given, "merge"), {"duplicate": str(given.client_uuid)})
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [vi("Choose two different households to merge.")]}
    assert row_of(given).merged_into_id is None


# Deactivating members.


def deactivate_url(membership) -> str:
    return f"{API}memberships/{membership.pk}/deactivate/"


def test_a_leader_deactivates_a_member_and_hands_their_work_over(world, api_for, make_visit, given):
    services.assignment_set(actor=world.leader_a, household=given, member=world.member_a)
    make_visit(world.member_a, given, follow_up_on=str(timezone.localdate() + timedelta(days=1)))
    assert FollowUp.objects.filter(assigned_to=world.member_a).count() == 1
    response = api_for(world.leader_a).post_json(
        deactivate_url(world.membership_member_a), {"reassign_to": world.leader_a.pk}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["user"], body["team"], body["is_active"]) == (
        world.membership_member_a.pk,
        world.member_a.pk,
        world.team_a.pk,
        False,
    )
    assert body["moved"] == {"assignments": 1, "follow_ups": 1}
    assert Membership.objects.get(pk=world.membership_member_a.pk).is_active is False
    assert Assignment.objects.get(household=given).member_id == world.leader_a.pk
    assert FollowUp.objects.get().assigned_to_id == world.leader_a.pk


def test_deactivating_without_a_successor_leaves_households_unassigned(world, api_for, given):
    services.assignment_set(actor=world.leader_a, household=given, member=world.member_a)
    response = api_for(world.coordinator_a).post_json(deactivate_url(world.membership_member_a), {})
    assert response.status_code == 200
    assert response.json()["moved"] == {"assignments": 1, "follow_ups": 0}
    assert Assignment.objects.count() == 0


def test_a_member_may_not_deactivate_anyone(world, api_for):
    response = api_for(world.member_a).post_json(deactivate_url(world.membership_leader_a), {})
    assert response.status_code == 403
    assert response.json() == {"detail": vi("Only the team leader or a coordinator can change this team.")}
    assert Membership.objects.get(pk=world.membership_leader_a.pk).is_active is True


def test_deactivating_a_member_of_another_commune_is_a_404(world, api_for):
    for actor in (world.leader_a, world.coordinator_a):
        response = api_for(actor).post_json(deactivate_url(world.membership_member_b), {})
        assert response.status_code == 404
    assert Membership.objects.get(pk=world.membership_member_b.pk).is_active is True


@pytest.mark.parametrize("who", ["member_b", "member_a", None])
def test_handing_work_to_someone_outside_the_team_is_a_400(world, api_for, given, who):
    services.assignment_set(actor=world.leader_a, household=given, member=world.member_a)
    successor = getattr(world, who).pk if who else 999_999
    response = api_for(world.leader_a).post_json(deactivate_url(world.membership_member_a), {"reassign_to": successor})
    assert response.status_code == 400
    assert set(response.json()) == {"reassign_to"}
    assert Membership.objects.get(pk=world.membership_member_a.pk).is_active is True
    assert Assignment.objects.get(household=given).member_id == world.member_a.pk
