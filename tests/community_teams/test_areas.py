"""Loading the official area list, and villages added by coordinators."""

import threading
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection

from community_teams.areas import areas_load, source_version, village_create, village_update_household_count
from community_teams.models import Area, AreaKind, CoordinatorScope, Household, Role

CAO_BANG = "04"
CAO_BANG_COMMUNES = 56


@pytest.fixture
def cao_bang(db):
    areas_load(province_code=CAO_BANG)
    return Area.objects.get(code=CAO_BANG)


@pytest.fixture
def commune(cao_bang):
    return Area.objects.get(code="01273")


@pytest.fixture
def coordinator(django_user_model, commune):
    user = django_user_model.objects.create_user(username="coord", password="x")
    CoordinatorScope.objects.create(user=user, area=commune, role=Role.COMMUNE_COORDINATOR)
    return user


def test_load_one_province_creates_it_and_its_communes(db):
    result = areas_load(province_code="4")

    assert result["province"] == {"created": 1, "updated": 0, "unchanged": 0, "stale": 0}
    assert result["commune"] == {"created": CAO_BANG_COMMUNES, "updated": 0, "unchanged": 0, "stale": 0}
    province = Area.objects.get(kind=AreaKind.PROVINCE)
    assert (province.code, province.province_code, province.commune_code) == ("04", "04", "")
    assert province.division_type == "tỉnh"
    assert province.source_version == source_version()
    communes = Area.objects.filter(kind=AreaKind.COMMUNE)
    assert communes.count() == CAO_BANG_COMMUNES
    assert all(len(c.code) == 5 and c.code == c.commune_code and c.parent_id == province.pk for c in communes)
    assert {c.division_type for c in communes} <= {"xã", "phường", "đặc khu"}
    thuc_phan = Area.objects.get(code="01273")
    assert thuc_phan.province_code == "04"
    assert thuc_phan.division_type == "phường"


def test_load_again_creates_nothing_and_updates_only_what_changed(cao_bang):
    Area.objects.filter(code="01273").update(name="Tên cũ")

    result = areas_load(province_code=CAO_BANG)

    assert result["province"] == {"created": 0, "updated": 0, "unchanged": 1, "stale": 0}
    assert result["commune"] == {"created": 0, "updated": 1, "unchanged": CAO_BANG_COMMUNES - 1, "stale": 0}
    assert Area.objects.get(code="01273").name == "Phường Thục Phán"


def test_an_area_the_list_no_longer_has_is_kept_and_reported_stale(cao_bang, coordinator, commune):
    gone = Area.objects.create(
        code="09999",
        name="Xã đã sáp nhập",
        kind=AreaKind.COMMUNE,
        parent=cao_bang,
        province_code="04",
        commune_code="09999",
    )
    village = village_create(actor=coordinator, commune=commune, name="Thôn Một", division_type="thôn")
    Area.objects.filter(pk=village.pk).update(parent=gone, commune_code="09999")
    Household.objects.create(
        village_id=village.pk, commune_code="09999", province_code="04", consent_status="imported", head_name="A"
    )

    result = areas_load(province_code=CAO_BANG)

    assert result["commune"]["stale"] == 1
    assert Area.objects.filter(pk=gone.pk).exists()
    assert Area.objects.filter(pk=village.pk).exists()


def test_load_all_provinces_is_idempotent(db):
    first = areas_load(province_code=None)

    assert first["province"]["created"] == 34
    assert first["commune"]["created"] > 3000
    assert Area.objects.filter(kind=AreaKind.PROVINCE).count() == 34
    assert all(len(code) == 2 for code in Area.objects.filter(kind=AreaKind.PROVINCE).values_list("code", flat=True))
    assert Area.objects.filter(kind=AreaKind.COMMUNE, province_code=CAO_BANG).count() == CAO_BANG_COMMUNES
    second = areas_load(province_code=None)
    assert second["province"] == {"created": 0, "updated": 0, "unchanged": 34, "stale": 0}
    assert second["commune"]["created"] == 0
    assert second["commune"]["updated"] == 0
    assert second["commune"]["unchanged"] == first["commune"]["created"]


def test_command_prints_counts_and_version(db):
    out = StringIO()
    call_command("load_areas", "--province", "04", stdout=out)
    text = out.getvalue()
    assert source_version() in text
    assert "provinces: 1 created, 0 updated, 0 unchanged, 0 stale" in text
    assert f"communes: {CAO_BANG_COMMUNES} created" in text

    out = StringIO()
    call_command("load_areas", "--province", "04", stdout=out)
    assert f"communes: 0 created, 0 updated, {CAO_BANG_COMMUNES} unchanged" in out.getvalue()


@pytest.mark.parametrize("code", ["99", "abc", "02"])
def test_command_refuses_an_unknown_province(db, code):
    with pytest.raises(CommandError):
        call_command("load_areas", "--province", code, stdout=StringIO())
    assert not Area.objects.exists()


def test_unknown_province_is_a_validation_error(db):
    with pytest.raises(ValidationError) as error:
        areas_load(province_code="99")
    assert error.value.code == "unknown_province"


def test_village_codes_follow_the_commune_code_in_sequence(coordinator, commune):
    first = village_create(actor=coordinator, commune=commune, name="Thôn Nà Cạn", division_type="thôn")
    second = village_create(
        actor=coordinator, commune=commune, name="  Tổ dân phố   3 ", division_type="Tổ dân phố", household_count=120
    )

    assert (first.code, second.code) == ("01273-001", "01273-002")
    assert (second.name, second.division_type, second.household_count) == ("Tổ dân phố 3", "tổ dân phố", 120)
    assert (first.kind, first.parent_id, first.commune_code, first.province_code) == (
        AreaKind.VILLAGE,
        commune.pk,
        "01273",
        "04",
    )


def test_village_code_sequence_continues_after_the_highest(coordinator, commune):
    Area.objects.create(
        code="01273-007", name="Bảy", kind=AreaKind.VILLAGE, parent=commune, province_code="04", commune_code="01273"
    )
    assert village_create(actor=coordinator, commune=commune, name="Tám", division_type="thôn").code == "01273-008"


def test_a_taken_village_code_is_retried(coordinator, commune, monkeypatch):
    from community_teams import areas

    taken = Area.objects.create(
        code="01273-001", name="Một", kind=AreaKind.VILLAGE, parent=commune, province_code="04", commune_code="01273"
    )
    calls = []

    def stale_next(commune):  # the first attempt sees the table before ``taken`` existed
        calls.append(1)
        return "01273-001" if len(calls) == 1 else "01273-002"

    monkeypatch.setattr(areas, "_next_village_code", stale_next)
    village = village_create(actor=coordinator, commune=commune, name="Hai", division_type="thôn")
    assert village.code == "01273-002"
    assert taken.code == "01273-001"
    assert len(calls) == 2


def test_only_coordinators_of_the_commune_add_villages(cao_bang, commune, django_user_model):
    other_commune = Area.objects.get(code="01279")
    outsider = django_user_model.objects.create_user(username="other", password="x")
    CoordinatorScope.objects.create(user=outsider, area=other_commune, role=Role.COMMUNE_COORDINATOR)
    nobody = django_user_model.objects.create_user(username="nobody", password="x")

    for user in (outsider, nobody):
        with pytest.raises(ValidationError) as error:
            village_create(actor=user, commune=commune, name="Thôn", division_type="thôn")
        assert error.value.code == "forbidden"
    assert not Area.objects.filter(kind=AreaKind.VILLAGE).exists()


def test_province_coordinator_and_superuser_add_villages(cao_bang, commune, django_user_model):
    province_coordinator = django_user_model.objects.create_user(username="pc", password="x")
    CoordinatorScope.objects.create(user=province_coordinator, area=cao_bang, role=Role.PROVINCE_COORDINATOR)
    admin = django_user_model.objects.create_superuser(username="admin", password="x")

    village_create(actor=province_coordinator, commune=commune, name="Một", division_type="thôn")
    village_create(actor=admin, commune=commune, name="Hai", division_type="bản")
    assert Area.objects.filter(kind=AreaKind.VILLAGE).count() == 2


def test_a_village_needs_a_commune_and_a_name(coordinator, commune, cao_bang):
    with pytest.raises(ValidationError) as error:
        village_create(actor=coordinator, commune=commune, name="  ", division_type="thôn")
    assert "name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        village_create(actor=coordinator, commune=cao_bang, name="Thôn", division_type="thôn")
    assert error.value.code == "not_a_commune"


def test_household_count_is_updated_by_coordinators_only(coordinator, commune, django_user_model):
    village = village_create(actor=coordinator, commune=commune, name="Thôn", division_type="thôn")
    village_update_household_count(actor=coordinator, village=village, household_count=85)
    village.refresh_from_db()
    assert village.household_count == 85

    nobody = django_user_model.objects.create_user(username="nobody", password="x")
    with pytest.raises(ValidationError):
        village_update_household_count(actor=nobody, village=village, household_count=1)
    with pytest.raises(ValidationError):
        village_update_household_count(actor=coordinator, village=village, household_count=-1)
    village.refresh_from_db()
    assert village.household_count == 85


@pytest.mark.django_db(transaction=True)
def test_villages_added_at_once_get_distinct_codes(django_user_model):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race is exercised on PostgreSQL")
    areas_load(province_code=CAO_BANG)
    commune = Area.objects.get(code="01273")
    user = django_user_model.objects.create_superuser(username="admin", password="x")
    barrier = threading.Barrier(5)
    codes, errors = [], []

    def add(index):
        from django.db import connections

        try:
            barrier.wait()
            codes.append(village_create(actor=user, commune=commune, name=f"Thôn {index}", division_type="thôn").code)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add, args=(index,)) for index in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(codes) == [f"01273-{n:03d}" for n in range(1, 6)]
