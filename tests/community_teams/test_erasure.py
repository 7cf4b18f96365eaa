"""Erasing a household: counts stay, the name and phone are nowhere (database, audit, log);
withdrawing consent clears the same; the registry of erasers; who may erase; accounts of team
members are not self-deleted.

"Nowhere" is checked twice: in a full ``dumpdata`` and column by column, every text and JSON
column of every ``community_teams`` and ``lms`` model (found by introspection, so a field added
later is scanned too), for the name, the phone in any spelling, the address, who gave consent,
the member's label, every visit note, the service name and the hashes of the original payloads."""

import datetime
import io
import json
import logging

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone

from community_teams import erasure, services
from community_teams.audit import audit_household_view, audit_record
from community_teams.erasure import ErasureReason, household_erase
from community_teams.models import (
    AuditEntry,
    ConsentStatus,
    FollowUp,
    Household,
    HouseholdMember,
    MemberSkill,
    Visit,
    VisitHelp,
    VisitRevision,
)
from courses.text import fold
from lms.models import Learner
from lms.privacy import account_delete
from tests.community_teams.conftest import visit_payload

HEAD_NAME = "Triệu Thị Quỳnh Nguyệt"
PHONE_LOCAL = "0978 246 813"
PHONE_DIGITS = ("0978246813", "84978246813", "978246813")
ADDRESS = "Ngõ Hoa Gạo số 17"
CONSENT_BY = "Bế Văn Khoáng"
LABEL = "bà Quỳnh Nguyệt"
SERVICE = "Đăng ký tạm trú mã hồ sơ 7731"
NOTE = "Hẹn quay lại cài VssID tuần sau"
EDITED_NOTE = "Đã gặp chủ hộ"
FREE_TEXT = (SERVICE, NOTE, EDITED_NOTE)


def traces(text: str) -> list[str]:
    """Which of the household's personal values appear in ``text`` (as written, unaccented, or
    as JSON escapes)."""
    found = []
    for value in (HEAD_NAME, ADDRESS, CONSENT_BY, "Quỳnh Nguyệt", *FREE_TEXT):
        for form in (value, fold(value), json.dumps(value)[1:-1]):
            if form.lower() in text.lower():
                found.append(form)
    found += [digits for digits in PHONE_DIGITS if digits in text]
    # The phone in any spelling: "0978 246 813", "0978.246.813", "+84 978-246-813"...
    if PHONE_DIGITS[2] in "".join(c for c in text if c.isdigit()):
        found.append("phone digits")
    return found


def text_columns() -> list[tuple[type[models.Model], str]]:
    """Every text or JSON column of every community_teams and lms model."""
    columns = []
    for model in apps.get_models():
        if model._meta.app_label not in ("community_teams", "lms"):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.JSONField):
                columns.append((model, field.attname))
    return columns


def column_traces(extra: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """``{"Model.column": traces}`` for every column holding a personal value (or one of
    ``extra``, exact strings such as payload hashes)."""
    hits = {}
    for model, column in text_columns():
        for value in model._default_manager.values_list(column, flat=True):
            if value in (None, ""):
                continue
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            found = traces(text) + [needle for needle in extra if needle in text]
            if found:
                hits.setdefault(f"{model.__name__}.{column}", []).extend(found)
    return hits


def dump_everything() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def logged(caplog) -> str:
    """Every record of the test's setup and call, messages with their arguments and tracebacks."""
    lines = []
    for record in caplog.get_records("setup") + caplog.get_records("call"):
        lines.append(record.getMessage())
        if record.exc_info:
            lines.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(lines)


@pytest.fixture
def household_with_history(world, make_household, make_member, make_visit, django_user_model, caplog):
    """The household, a member linked to a learner, two visits whose notes name the head, an
    edit (a revision holding the old notes), a follow-up, an observed skill, audit entries.
    Everything logged meanwhile, at every level, is captured."""
    caplog.set_level(logging.DEBUG)
    household = make_household(
        world.member_a,
        head_name=HEAD_NAME,
        phone=PHONE_LOCAL,
        address_note=ADDRESS,
        consent_by=CONSENT_BY,
        people_count=5,
    )
    member = make_member(world.member_a, household, label=LABEL)
    resident = django_user_model.objects.create_user(username="cu-dan")
    member.learner = Learner.objects.create(user=resident)
    member.save(update_fields=["learner"])
    due = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    first = make_visit(
        world.member_a,
        household,
        notes=f"Gặp {HEAD_NAME}, số {PHONE_LOCAL}",
        members_present=[str(member.client_uuid)],
        help=[
            {"item": "cai-vneid", "member": str(member.client_uuid)},
            {"item": "nop-ho-so", "member": str(member.client_uuid), "service_name": SERVICE},
        ],
        follow_up_on=due,
    )
    make_visit(world.leader_a, household, notes=f"{LABEL} đã quét QR")
    make_visit(world.member_a, household, notes=NOTE, help=[{"item": "nop-ho-so", "service_name": SERVICE}])
    services.visit_edit(
        actor=world.member_a,
        visit=first,
        data={"notes": EDITED_NOTE, "help": [{"item": "cai-vneid", "member": str(member.client_uuid)}]},
    )
    audit_household_view(world.leader_a, [household])
    audit_record(actor=world.member_a, action="change", obj=household, details={"fields": ["phone"]})
    return household


def test_erase_keeps_counts_and_leaves_no_name_or_phone_anywhere(world, household_with_history, caplog):
    household = household_with_history
    assert traces(dump_everything())  # the probe finds the data before erasure
    counts = (Household.objects.count(), Visit.objects.count(), FollowUp.objects.count(), MemberSkill.objects.count())

    household_erase(actor=world.leader_a, household=household, reason=ErasureReason.REQUESTED)

    assert traces(dump_everything()) == []
    assert any("erased" in record.getMessage() for record in caplog.records)  # the log was captured
    assert traces(logged(caplog)) == []
    assert counts == (
        Household.objects.count(),
        Visit.objects.count(),
        FollowUp.objects.count(),
        MemberSkill.objects.count(),
    )
    household.refresh_from_db()
    assert household.consent_status == ConsentStatus.ERASED
    assert household.erased_at is not None
    assert household.people_count == 5
    assert household.visits.count() == 3
    member = HouseholdMember.objects.get(household=household)
    assert (member.label, member.learner_id) == ("", None)
    assert member.skills.count() == 1


def test_erase_is_recorded_without_personal_data(world, household_with_history):
    household_erase(actor=world.coordinator_a, household=household_with_history, reason="consent_withdrawn")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.ERASE)
    assert (entry.actor, entry.object_type, entry.object_id) == (
        world.coordinator_a,
        "household",
        str(household_with_history.pk),
    )
    assert entry.details["reason"] == "consent_withdrawn"
    assert set(entry.details) <= {"reason", "erasers", "ids", "count", "rows"}


def test_revision_payloads_are_scrubbed(world, household_with_history):
    household_erase(actor=world.leader_a, household=household_with_history, reason="requested")
    revision = VisitRevision.objects.get(visit__household=household_with_history)
    assert revision.previous["notes"] == ""


def payload_hashes(household) -> tuple[str, ...]:
    return tuple(Visit.objects.filter(household=household).values_list("payload_hash", flat=True))


def test_erase_leaves_no_personal_value_in_any_text_or_json_column_nor_the_log(world, household_with_history, caplog):
    household = household_with_history
    hashes = payload_hashes(household)
    before = column_traces(hashes)
    # The probe sees every place the data was kept (else the scan below proves nothing).
    assert {
        "Household.head_name",
        "Household.phone",
        "Household.address_note",
        "Household.consent_by",
        "Household.search_text",
        "HouseholdMember.label",
        "Visit.notes",
        "Visit.payload_hash",
        "VisitHelp.service_name",
        "VisitRevision.previous",
    } <= set(before)

    household_erase(actor=world.leader_a, household=household, reason=ErasureReason.REQUESTED)

    assert column_traces(hashes) == {}
    assert traces(logged(caplog)) == []
    assert not any(value in logged(caplog) for value in hashes)


def test_erase_clears_service_names_and_marks_payload_hashes(world, household_with_history):
    household_erase(actor=world.leader_a, household=household_with_history, reason="requested")
    assert set(
        VisitHelp.objects.filter(visit__household=household_with_history).values_list("service_name", flat=True)
    ) == {""}
    assert set(payload_hashes(household_with_history)) == {erasure.ERASED_PAYLOAD_HASH}
    assert VisitHelp.objects.filter(visit__household=household_with_history).count() == 2  # the help still counts


def test_a_resend_of_an_original_visit_after_erasure_is_already_stored_and_brings_nothing_back(
    world, household_with_history, api_for
):
    household = household_with_history
    original = visit_payload(household, notes=f"Gặp {HEAD_NAME}", help=[{"item": "nop-ho-so", "service_name": SERVICE}])
    client = api_for(world.member_a)
    assert client.post_json("/api/v1/visits/", original).status_code == 201
    household_erase(actor=world.leader_a, household=household, reason="requested")

    response = client.post_json("/api/v1/visits/", original)
    assert response.status_code == 200
    assert response.json()["status"] == "already_stored"
    assert traces(response.content.decode()) == []
    visit = Visit.objects.get(client_uuid=original["client_uuid"])
    assert (visit.notes, visit.payload_hash) == ("", erasure.ERASED_PAYLOAD_HASH)
    assert list(visit.help.values_list("service_name", flat=True)) == [""]
    # Another payload under the same id changes nothing either, and is not a conflict.
    response = client.post_json("/api/v1/visits/", {**original, "notes": "Số mới 0978 246 813"})
    assert (response.status_code, response.json()["status"]) == (200, "already_stored")
    assert column_traces() == {}


def test_a_new_visit_to_an_erased_household_is_stored_without_its_free_text(world, household_with_history):
    household_erase(actor=world.leader_a, household=household_with_history, reason="requested")
    data = visit_payload(household_with_history, notes=NOTE, help=[{"item": "nop-ho-so", "service_name": SERVICE}])
    visit, status = services.visit_create(actor=world.member_a, data=data)
    assert status == "created"
    assert (visit.notes, visit.payload_hash) == ("", erasure.ERASED_PAYLOAD_HASH)
    assert list(visit.help.values_list("service_name", flat=True)) == [""]
    assert services.visit_create(actor=world.member_a, data=data)[1] == "already_stored"
    assert column_traces() == {}


# Consent withdrawn at a visit: the same personal data goes as with an erasure (one function).


def test_withdrawing_consent_leaves_no_personal_value_in_any_column_nor_the_log(world, household_with_history, caplog):
    household = household_with_history
    hashes = payload_hashes(household)
    counts = (Visit.objects.count(), VisitHelp.objects.count(), FollowUp.objects.count(), MemberSkill.objects.count())

    services.household_consent_record(actor=world.member_a, household=household, status=ConsentStatus.DECLINED)

    assert column_traces(hashes) == {}
    assert traces(logged(caplog)) == []
    assert counts == (
        Visit.objects.count(),
        VisitHelp.objects.count(),
        FollowUp.objects.count(),
        MemberSkill.objects.count(),
    )
    household.refresh_from_db()
    assert (household.consent_status, household.people_count) == (ConsentStatus.DECLINED, 5)
    assert set(payload_hashes(household)) == {erasure.ERASED_PAYLOAD_HASH}
    revision = VisitRevision.objects.get(visit__household=household)
    assert revision.previous["notes"] == "" and revision.previous["help"][1]["service_name"] == ""
    entry = AuditEntry.objects.filter(action="change", object_id=str(household.pk)).latest("pk")
    assert "label" in entry.details["fields"] and "head_name" in entry.details["fields"]


def test_withdrawal_and_erasure_clear_the_same_rows(world, household_with_history, monkeypatch):
    """Withdrawal goes through ``household_rows_clear``, the function erasure uses."""
    calls = []
    real = erasure.household_rows_clear
    monkeypatch.setattr(
        "community_teams.services.households.household_rows_clear",
        lambda households: calls.append([row.pk for row in households]) or real(households),
    )
    services.household_consent_record(
        actor=world.member_a, household=household_with_history, status=ConsentStatus.DECLINED
    )
    assert calls == [[household_with_history.pk]]


def test_registered_erasers_run_in_the_transaction(world, household_with_history, monkeypatch):
    calls = []
    monkeypatch.setattr(erasure, "_ERASERS", {})

    @erasure.eraser("exports")
    def exports_erase(household):
        calls.append((household.pk, household.consent_status))

    household_erase(actor=world.leader_a, household=household_with_history, reason="requested")
    assert calls == [(household_with_history.pk, ConsentStatus.ERASED)]
    assert AuditEntry.objects.get(action="erase").details["erasers"] == ["exports"]


def test_a_failing_eraser_rolls_the_erasure_back(world, household_with_history, monkeypatch):
    monkeypatch.setattr(erasure, "_ERASERS", {})

    @erasure.eraser("broken")
    def broken(household):
        raise RuntimeError("storage unavailable")

    with pytest.raises(RuntimeError):
        household_erase(actor=world.leader_a, household=household_with_history, reason="requested")
    household_with_history.refresh_from_db()
    assert household_with_history.head_name == HEAD_NAME
    assert not AuditEntry.objects.filter(action="erase").exists()


def test_two_erasers_cannot_share_a_name(monkeypatch):
    monkeypatch.setattr(erasure, "_ERASERS", {})
    erasure.eraser("files")(lambda household: None)
    with pytest.raises(ValueError, match="files"):

        @erasure.eraser("files")
        def other(household):
            pass


@pytest.mark.parametrize("role", ["member_a", "member_b", "leader_b", "coordinator_b", "outsider"])
def test_only_leaders_coordinators_and_administrators_erase(world, household_with_history, role):
    with pytest.raises(PermissionDenied):
        household_erase(actor=getattr(world, role), household=household_with_history, reason="requested")
    household_with_history.refresh_from_db()
    assert household_with_history.head_name == HEAD_NAME


def test_anonymous_cannot_erase(world, household_with_history):
    with pytest.raises(PermissionDenied):
        household_erase(actor=AnonymousUser(), household=household_with_history, reason="requested")


@pytest.mark.parametrize("role", ["leader_a", "coordinator_a", "province_coordinator", "superuser"])
def test_erasers_by_role(world, household_with_history, role):
    household_erase(actor=getattr(world, role), household=household_with_history, reason="requested")
    household_with_history.refresh_from_db()
    assert household_with_history.consent_status == ConsentStatus.ERASED


def test_a_reason_is_a_code_not_free_text(world, household_with_history):
    with pytest.raises(ValidationError):
        household_erase(actor=world.leader_a, household=household_with_history, reason=f"{HEAD_NAME} asked")
    household_with_history.refresh_from_db()
    assert household_with_history.head_name == HEAD_NAME


def test_erasing_twice_is_harmless(world, household_with_history):
    household_erase(actor=world.leader_a, household=household_with_history, reason="requested")
    erased_at = Household.objects.get(pk=household_with_history.pk).erased_at
    household_erase(actor=world.leader_a, household=household_with_history, reason="requested")
    assert Household.objects.get(pk=household_with_history.pk).erased_at == erased_at


def test_rows_merged_into_the_household_are_erased_too(world, household_with_history, make_household):
    duplicate = make_household(world.member_a, head_name=HEAD_NAME, phone=PHONE_LOCAL)
    services.household_merge(actor=world.leader_a, keep=household_with_history, duplicate=duplicate)
    household_erase(actor=world.leader_a, household=household_with_history, reason="requested")
    duplicate.refresh_from_db()
    assert duplicate.consent_status == ConsentStatus.ERASED
    assert traces(dump_everything()) == []


# Accounts: a team member's account is closed by an administrator, never deleted by its holder.


def test_team_member_cannot_delete_their_own_account(world, make_household, make_visit):
    make_visit(world.member_a, make_household(world.member_a))
    with pytest.raises(PermissionDenied):
        account_delete(user=world.member_a)
    assert type(world.member_a).objects.filter(pk=world.member_a.pk).exists()


def test_team_member_deletion_page_refuses(world, client):
    client.force_login(world.member_a)
    response = client.post(reverse("account_delete"), {"confirm": "yes"})
    assert response.status_code == 302
    assert type(world.member_a).objects.filter(pk=world.member_a.pk).exists()


def test_former_member_outside_the_group_is_refused_not_a_server_error(world, make_household, make_visit, client):
    """Visits (and the membership row) protect the account even once the group is gone."""
    make_visit(world.member_a, make_household(world.member_a))
    services.member_deactivate(actor=world.leader_a, membership=world.membership_member_a)
    world.member_a.groups.clear()
    learner = Learner.objects.create(user=world.member_a)
    client.force_login(world.member_a)
    response = client.post(reverse("account_delete"), {"confirm": "yes"})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.user_id == world.member_a.pk  # nothing of the deletion was kept


def test_resident_account_deletion_keeps_the_household_member_counting(world, make_household, make_member):
    household = make_household(world.member_a)
    member = make_member(world.member_a, household, label="chị Mai")
    from django.contrib.auth import get_user_model

    resident = get_user_model().objects.create_user(username="cu-dan-2")
    learner = Learner.objects.create(user=resident)
    member.learner = learner
    member.save(update_fields=["learner"])
    account_delete(user=resident)
    member.refresh_from_db()
    assert member.learner_id == learner.pk
    learner.refresh_from_db()
    assert learner.user_id is None
