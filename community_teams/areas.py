"""Areas: the official province and commune list, and the villages coordinators add.

Provinces and communes come from the ``vietnam-provinces`` package (the post-July-2025 list),
codes zero-padded as published (province ``04``, commune ``01273``). Loading is idempotent and
never deletes: an area the package no longer lists is left in place (households, teams and
visits may point at it) and reported as stale.

Villages (thôn, bản, tổ dân phố) get the code ``<commune code>-<sequence>``; the sequence is
taken from the highest existing one and the unique constraint on ``Area.code`` settles races.
"""

import re

import vietnam_provinces
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from vietnam_provinces import Province, Ward

from .models import Area, AreaKind
from .scoping import scope_of

VILLAGE_DIVISION_TYPES = ("thôn", "bản", "tổ dân phố", "khu phố", "ấp", "xóm", "khối")
VILLAGE_CODE_ATTEMPTS = 5
_VILLAGE_SEQUENCE = re.compile(r"^\d{5}-(\d+)$")


def source_version() -> str:
    """Package version and data version, e.g. ``2025.10.1+2025-10-18``."""
    return f"{vietnam_provinces.__version__}+{vietnam_provinces.__data_version__}"


def province_code_normalise(raw: str) -> str:
    """``"4"``, ``"04"`` -> ``"04"``. Raises ``ValidationError`` (code ``unknown_province``) for a
    code the official list does not have."""
    value = (raw or "").strip()
    known = {f"{int(province.code):02d}" for province in Province.iter_all()}
    code = f"{int(value):02d}" if value.isdigit() else value
    if code not in known:
        raise ValidationError(
            _("There is no province with the code “%(code)s” in the official list.") % {"code": value},
            code="unknown_province",
        )
    return code


def _counts() -> dict:
    return {"created": 0, "updated": 0, "unchanged": 0, "stale": 0}


def _sync(existing: dict[str, Area], wanted: dict[str, dict], kind: str, counts: dict, version: str) -> None:
    """Create missing rows, update changed ones (in bulk), count the rest."""
    to_create, to_update, fields = [], [], set()
    for code, values in wanted.items():
        area = existing.get(code)
        if area is None:
            to_create.append(Area(code=code, kind=kind, source_version=version, **values))
            continue
        changed = [name for name, value in values.items() if getattr(area, name) != value]
        if not changed:
            counts["unchanged"] += 1
            continue
        for name in changed:
            setattr(area, name, values[name])
        area.source_version = version
        fields.update(changed)
        fields.add("source_version")
        to_update.append(area)
    if to_create:
        Area.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        Area.objects.bulk_update(to_update, sorted(fields), batch_size=500)
    counts["created"] += len(to_create)
    counts["updated"] += len(to_update)


@transaction.atomic
def areas_load(*, province_code: str | None) -> dict:
    """Load one province (``"04"``) or all (``None``) with their communes from the package.

    Returns ``{"version": ..., "province": counts, "commune": counts}`` where each counts dict
    has ``created``, ``updated``, ``unchanged`` and ``stale`` (in the database, of the loaded
    provinces, but no longer in the package: kept, never deleted)."""
    version = source_version()
    if province_code is not None:
        province_code = province_code_normalise(province_code)
    provinces = [
        province
        for province in Province.iter_all()
        if province_code is None or f"{int(province.code):02d}" == province_code
    ]
    wanted_provinces = {
        f"{int(province.code):02d}": {
            "name": province.name,
            "division_type": province.division_type.value,
            "parent_id": None,
            "province_code": f"{int(province.code):02d}",
            "commune_code": "",
        }
        for province in provinces
    }
    codes = set(wanted_provinces)
    result = {"version": version, AreaKind.PROVINCE.value: _counts(), AreaKind.COMMUNE.value: _counts()}

    existing_provinces = Area.objects.filter(kind=AreaKind.PROVINCE)
    if province_code is not None:
        existing_provinces = existing_provinces.filter(code=province_code)
    existing = {area.code: area for area in existing_provinces}
    _sync(existing, wanted_provinces, AreaKind.PROVINCE, result[AreaKind.PROVINCE], version)
    result[AreaKind.PROVINCE]["stale"] = len(set(existing) - codes)

    province_ids = dict(Area.objects.filter(kind=AreaKind.PROVINCE, code__in=codes).values_list("code", "pk"))
    wanted_communes = {}
    for ward in Ward.iter_all():
        parent_code = f"{int(ward.province_code):02d}"
        if parent_code not in codes:
            continue
        code = f"{int(ward.code):05d}"
        wanted_communes[code] = {
            "name": ward.name,
            "division_type": ward.division_type.value,
            "parent_id": province_ids[parent_code],
            "province_code": parent_code,
            "commune_code": code,
        }
    existing_communes = Area.objects.filter(kind=AreaKind.COMMUNE)
    if province_code is not None:
        existing_communes = existing_communes.filter(province_code=province_code)
    existing = {area.code: area for area in existing_communes}
    _sync(existing, wanted_communes, AreaKind.COMMUNE, result[AreaKind.COMMUNE], version)
    result[AreaKind.COMMUNE]["stale"] = len(set(existing) - set(wanted_communes))
    return result


def can_coordinate(user, commune: Area) -> bool:
    """Coordinators of the commune or its province, and site administrators."""
    scope = scope_of(user)
    if scope.everything:
        return True
    return commune.code in scope.commune_codes or commune.province_code in scope.province_codes


def _check_commune(*, actor, commune: Area) -> None:
    if commune.kind != AreaKind.COMMUNE:
        raise ValidationError(_("Villages belong to a commune or ward."), code="not_a_commune")
    if not can_coordinate(actor, commune):
        raise ValidationError(
            _("Only the coordinators of this commune or its province may change its villages."), code="forbidden"
        )


def _next_village_code(commune: Area) -> str:
    sequences = [
        int(match.group(1))
        for code in Area.objects.filter(kind=AreaKind.VILLAGE, code__startswith=f"{commune.code}-").values_list(
            "code", flat=True
        )
        if (match := _VILLAGE_SEQUENCE.match(code))
    ]
    return f"{commune.code}-{max(sequences, default=0) + 1:03d}"


def village_create(*, actor, commune: Area, name: str, division_type: str, household_count: int | None = None) -> Area:
    """A new village of ``commune`` coded ``<commune code>-<next sequence>``. Two coordinators
    adding villages at once both get a code: the loser of the unique constraint retries."""
    _check_commune(actor=actor, commune=commune)
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Give the village a name.")}, code="required")
    if len(name) > Area._meta.get_field("name").max_length:
        raise ValidationError({"name": _("The name is too long.")}, code="too_long")
    if household_count is not None and household_count < 0:
        raise ValidationError({"household_count": _("The number of households cannot be negative.")}, code="invalid")
    division_type = (division_type or "").strip().lower()
    if len(division_type) > Area._meta.get_field("division_type").max_length:
        raise ValidationError({"division_type": _("The division type is too long.")}, code="too_long")
    for _attempt in range(VILLAGE_CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                return Area.objects.create(
                    code=_next_village_code(commune),
                    name=name,
                    kind=AreaKind.VILLAGE,
                    division_type=division_type,
                    parent=commune,
                    province_code=commune.province_code,
                    commune_code=commune.code,
                    household_count=household_count,
                )
        except IntegrityError:
            continue
    raise ValidationError(_("The village could not be given a code; try again."), code="code_conflict")


def village_update_household_count(*, actor, village: Area, household_count: int | None) -> Area:
    """The coverage denominator from commune statistics; ``None`` falls back to household rows."""
    if village.kind != AreaKind.VILLAGE:
        raise ValidationError(_("Only villages have a household count."), code="not_a_village")
    _check_commune(actor=actor, commune=village.parent)
    if household_count is not None and household_count < 0:
        raise ValidationError({"household_count": _("The number of households cannot be negative.")}, code="invalid")
    village.household_count = household_count
    village.save(update_fields=["household_count"])
    return village
