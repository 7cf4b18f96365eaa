"""Visits: recorded once per client UUID, whatever the network does.

A phone may send the same visit several times (retries, two tabs, a queue replayed after a
crash). The payload is normalised (``visit_payload_canonical``: sorted keys and lists, UUIDs in
canonical form, times in UTC) and its SHA-256 stored as ``payload_hash``; a resend of the same
payload is "already stored" (even after the visit was edited: the hash of the original is
compared), another payload under the same UUID is a ``VisitConflict`` (409) and changes nothing.
The row is inserted through the unique constraint on ``client_uuid``, never check-then-insert.

Device time (decision): phones' clocks are often wrong. ``visited_at`` up to
``DEVICE_AHEAD_ACCEPTED`` (12 h) ahead of the server is accepted as it is; from 12 h to
``DEVICE_AHEAD_LIMIT`` (24 h) ahead it is stored and flagged ``device_time_suspect`` for the
leader; more than 24 h ahead (a clock a day or more wrong) is refused with a message asking to
set the phone's date, and nothing is stored.

Team: the author's active team covering the household's village, stored at creation. A member
whose membership was deactivated may still sync visits made before the deactivation (phones sync
late): such a visit is stored with that team and flagged ``author_was_inactive`` only if its
device time is not after the deactivation (up to ``DEVICE_AHEAD_ACCEPTED`` later, the same
allowance for a fast clock as above) and it arrives within ``FORMER_MEMBER_SYNC_WINDOW`` (30
days) of the deactivation; otherwise it is refused (403) and nothing is stored.

Erased households (see ``community_teams.erasure``): their visits carry
``ERASED_PAYLOAD_HASH``, so a resend of any payload under their client UUIDs is "already stored"
and changes nothing; a new visit is stored for the counts, without its notes and service names.
"""

import hashlib
import json
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from ..erasure import ERASED_PAYLOAD_HASH
from ..models import (
    Assignment,
    ConsentStatus,
    FollowUp,
    HelpItem,
    Household,
    HouseholdMember,
    Membership,
    ReferralAttribution,
    Team,
    Visit,
    VisitHelp,
    VisitOutcome,
    VisitRevision,
)
from ..models.visits import MAX_NOTES_LENGTH, MAX_VISIT_MINUTES
from ..referrals import referral_token_for
from ..scoping import can_edit_visit, follow_ups_visible_to, households_visible_to, visits_visible_to
from .common import as_uuid, invalid
from .errors import NotAllowed, NotPermitted, VisitConflict
from .targets import household_target_refresh, member_skill_observe

DEVICE_AHEAD_ACCEPTED = timedelta(hours=12)
DEVICE_AHEAD_LIMIT = timedelta(hours=24)
# A member who left may still sync visits made before they left (phones sync late), this long.
FORMER_MEMBER_SYNC_WINDOW = timedelta(days=30)
MAX_HELP_ITEMS = 30
MAX_PEOPLE_LISTED = 50
SERVICE_NAME_LENGTH = 200
EDITABLE = ("duration_minutes", "outcome", "notes", "follow_up_on", "members_present", "team_members", "help")
STATUS_CREATED = "created"
STATUS_ALREADY_STORED = "already_stored"


# Normalising the payload.


def _datetime(value, field: str) -> datetime:
    if isinstance(value, str):
        value = parse_datetime(value)
    if not isinstance(value, datetime):
        raise invalid(field, _("Send the date and time of the visit."), "required")
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _duration(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_VISIT_MINUTES:
        raise invalid(
            "duration_minutes",
            _("The visit must last from 1 to %(max)d minutes.") % {"max": MAX_VISIT_MINUTES},
            "duration",
        )
    return value


def _outcome(value) -> str:
    if value not in VisitOutcome.values:
        raise invalid("outcome", _("Choose how the visit went."), "required")
    return value


def _notes(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise invalid("notes", _("This must be text."))
    value = value.strip()
    if len(value) > MAX_NOTES_LENGTH:
        raise invalid(
            "notes",
            _("Notes can be at most %(max)d characters long (these have %(length)d).")
            % {"max": MAX_NOTES_LENGTH, "length": len(value)},
            "too_long",
        )
    return value


def _follow_up(value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        value = value.date()
    parsed = parse_date(value) if isinstance(value, str) else value
    if parsed is None or not hasattr(parsed, "isoformat"):
        raise invalid("follow_up_on", _("Send the follow-up date as a date."))
    return parsed.isoformat()


def _uuid_list(values, field: str) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, list | tuple) or len(values) > MAX_PEOPLE_LISTED:
        raise invalid(field, _("Send a list of people."))
    return sorted({str(as_uuid(value, field)) for value in values})


def _user_ids(values) -> list[int]:
    if values is None:
        return []
    if not isinstance(values, list | tuple) or len(values) > MAX_PEOPLE_LISTED:
        raise invalid("team_members", _("Send a list of team members."))
    ids = set()
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise invalid("team_members", _("Send a list of team members."))
        ids.add(value)
    return sorted(ids)


def _help(values) -> list[dict]:
    if values is None:
        return []
    if not isinstance(values, list | tuple) or len(values) > MAX_HELP_ITEMS:
        raise invalid("help", _("Send at most %(max)d things helped with.") % {"max": MAX_HELP_ITEMS})
    rows, seen = [], set()
    for value in values:
        if not isinstance(value, dict) or not isinstance(value.get("item"), str) or not value["item"]:
            raise invalid("help", _("Each thing helped with needs its item."))
        member = value.get("member")
        member = str(as_uuid(member, "help")) if member not in (None, "") else None
        service_name = value.get("service_name") or ""
        if not isinstance(service_name, str) or len(service_name.strip()) > SERVICE_NAME_LENGTH:
            raise invalid(
                "help", _("The service name can be at most %(max)d characters long.") % {"max": SERVICE_NAME_LENGTH}
            )
        key = (value["item"], member)
        if key in seen:
            raise invalid("help", _("The same help is listed twice for the same person."), "duplicate")
        seen.add(key)
        rows.append({"item": value["item"], "member": member, "service_name": service_name.strip()})
    return sorted(rows, key=lambda row: (row["item"], row["member"] or "", row["service_name"]))


def visit_payload_canonical(data: dict) -> dict:
    """The payload in one canonical form (validates shapes; touches no database).

    ``data``: client_uuid, household (client UUID), visited_at (aware datetime or ISO 8601),
    duration_minutes (1..600), outcome, notes, follow_up_on (date or None), members_present
    (member client UUIDs), team_members (user ids), help ([{item: code, member: member client
    UUID or None, service_name}])."""
    return {
        "client_uuid": str(as_uuid(data.get("client_uuid"), "client_uuid")),
        "household": str(as_uuid(data.get("household"), "household")),
        "visited_at": _datetime(data.get("visited_at"), "visited_at").astimezone(UTC).isoformat(),
        "duration_minutes": _duration(data.get("duration_minutes")),
        "outcome": _outcome(data.get("outcome")),
        "notes": _notes(data.get("notes")),
        "follow_up_on": _follow_up(data.get("follow_up_on")),
        "members_present": _uuid_list(data.get("members_present"), "members_present"),
        "team_members": _user_ids(data.get("team_members")),
        "help": _help(data.get("help")),
    }


def payload_hash_of(canonical: dict) -> str:
    encoded = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


# Checks against the database.


def _visit_place(actor, household_uuid, visited_at) -> tuple[Household, Team, bool]:
    """The household (or the one it was merged into), the team the visit belongs to, and
    whether the author's membership had been deactivated."""
    household = households_visible_to(actor).filter(client_uuid=household_uuid).select_related("merged_into").first()
    if household is not None:
        if household.merged_into_id:
            household = household.merged_into
        team = (
            Team.objects.filter(
                is_active=True,
                villages=household.village_id,
                commune__code=household.commune_code,
                memberships__user=actor,
                memberships__is_active=True,
            )
            .order_by("pk")
            .first()
        )
        if team is not None:
            return household, team, False
    # A former member syncing visits made before they left: reached through their own past
    # membership of a team covering the village, not through today's scope.
    former = (
        Membership.objects.filter(user=actor, is_active=False, team__villages__households__client_uuid=household_uuid)
        .select_related("team")
        .order_by("-deactivated_at")
        .first()
    )
    if former is not None:
        if visited_at > former.deactivated_at + DEVICE_AHEAD_ACCEPTED:
            raise NotPermitted(_("This visit was made after you left the team, so it cannot be saved."))
        if timezone.now() - former.deactivated_at > FORMER_MEMBER_SYNC_WINDOW:
            raise NotPermitted(
                _("Visits of a member who left the team are accepted for 30 days. Ask your team leader.")
            )
        household = Household.objects.select_related("merged_into").get(client_uuid=household_uuid)
        return (household.merged_into or household), former.team, True
    if household is not None:
        raise NotPermitted(_("Only members of a team working in this village can log visits there."))
    raise NotAllowed(_("This household does not exist or is outside your area."))


def _members_of(household: Household, canonical: dict) -> dict:
    wanted = set(canonical["members_present"]) | {row["member"] for row in canonical["help"] if row["member"]}
    members = {
        str(member.client_uuid): member
        for member in HouseholdMember.objects.filter(household=household, client_uuid__in=wanted)
    }
    if wanted - set(members):
        field = "members_present" if set(canonical["members_present"]) - set(members) else "help"
        raise invalid(field, _("A person listed is not a member of this household."), "unknown_member")
    return members


def _team_member_ids(team: Team, ids: list[int]) -> list[int]:
    known = set(Membership.objects.filter(team=team, user_id__in=ids).values_list("user_id", flat=True))
    if set(ids) - known:
        raise invalid("team_members", _("A team member listed is not in this team."), "unknown_team_member")
    return ids


def _help_items(canonical: dict) -> dict:
    codes = {row["item"] for row in canonical["help"]}
    items = {
        item.code: item for item in HelpItem.objects.filter(code__in=codes, is_active=True).select_related("skill")
    }
    if codes - set(items):
        raise invalid("help", _("One of the things helped with is not in the list any more."), "unknown_item")
    return items


def _check_follow_up(canonical: dict, visited_at: datetime):
    if canonical["follow_up_on"] is None:
        return None
    due_on = parse_date(canonical["follow_up_on"])
    if due_on < timezone.localdate(visited_at):
        raise invalid("follow_up_on", _("The follow-up date cannot be before the visit."), "before_visit")
    return due_on


def _device_time_suspect(visited_at: datetime, now: datetime) -> bool:
    ahead = visited_at - now
    if ahead > DEVICE_AHEAD_LIMIT:
        raise invalid(
            "visited_at",
            _("The visit's time is more than a day ahead: check the date and time on the phone, then send it again."),
            "device_time_ahead",
        )
    return ahead > DEVICE_AHEAD_ACCEPTED


# Writes.


def _visit_resend(actor, existing: Visit, payload_hash: str) -> tuple[Visit, str]:
    if existing.author_id != actor.pk and not visits_visible_to(actor).filter(pk=existing.pk).exists():
        raise NotAllowed(_("This visit does not exist or is outside your area."))
    if existing.payload_hash == ERASED_PAYLOAD_HASH:
        return existing, STATUS_ALREADY_STORED  # its free text is gone: nothing left to compare
    if existing.payload_hash != payload_hash:
        raise VisitConflict(_("Another visit was already saved with this id. Nothing was changed."))
    return existing, STATUS_ALREADY_STORED


def _insert(fields: dict, client_uuid: str):
    """Insert the visit; None when another visit holds this client UUID (the caller compares)."""
    token = fields["referral_token"]
    try:
        with transaction.atomic():
            return Visit.objects.create(**fields)
    except IntegrityError:
        if Visit.objects.filter(client_uuid=client_uuid).exists():
            return None
        if not Visit.objects.filter(referral_token=token).exists():
            raise
    # Two visits with one token (see ``referrals``): the later one keeps a longer token.
    fields["referral_token"] = f"{token}-{client_uuid.replace('-', '')[:5]}"
    try:
        with transaction.atomic():
            return Visit.objects.create(**fields)
    except IntegrityError:
        if Visit.objects.filter(client_uuid=client_uuid).exists():
            return None
        raise


def _assignee_of(household: Household, default):
    assignment = Assignment.objects.filter(household=household).only("member_id").first()
    return assignment.member_id if assignment else default.pk


def first_member_helped(visit: Visit) -> HouseholdMember | None:
    """The person a referral is credited to: the first (oldest) member helped, else present."""
    helped = HouseholdMember.objects.filter(pk__in=visit.help.exclude(member=None).values("member_id"))
    return helped.order_by("pk").first() or visit.members_present.order_by("pk").first()


def referrals_attach(visit: Visit) -> int:
    """Attribute enrolments that came earlier through this visit's QR code. Idempotent."""
    from .referral_attribution import referral_attribute

    pending = list(
        ReferralAttribution.objects.filter(token=visit.referral_token, visit__isnull=True).select_related(
            "enrolment__learner__user"
        )
    )
    if not pending:
        return 0
    member = first_member_helped(visit)
    for attribution in pending:
        referral_attribute(attribution, visit, member)
    return len(pending)


def _record_help(visit: Visit, canonical: dict, items: dict, members: dict, visited_at: datetime) -> None:
    VisitHelp.objects.bulk_create(
        [
            VisitHelp(
                visit=visit,
                item=items[row["item"]],
                member=members.get(row["member"]) if row["member"] else None,
                service_name=row["service_name"] if items[row["item"]].asks_service_name else "",
            )
            for row in canonical["help"]
        ]
    )
    for row in canonical["help"]:
        item = items[row["item"]]
        if row["member"] and item.skill.is_household_target:
            member_skill_observe(member=members[row["member"]], skill=item.skill, visit=visit, at=visited_at)


@transaction.atomic
def visit_create(*, actor, data: dict) -> tuple[Visit, str]:
    """Store a visit once. -> (visit, "created" | "already_stored"); raises ``VisitConflict``,
    ``NotAllowed`` (household not in the actor's area), ``NotPermitted`` or ``ValidationError``
    (nothing stored). See the module docstring for the rules."""
    canonical = visit_payload_canonical(data)
    payload_hash = payload_hash_of(canonical)
    client_uuid = canonical["client_uuid"]
    existing = Visit.objects.filter(client_uuid=client_uuid).first()
    if existing is not None:
        return _visit_resend(actor, existing, payload_hash)

    now = timezone.now()
    visited_at = datetime.fromisoformat(canonical["visited_at"])
    suspect = _device_time_suspect(visited_at, now)
    household, team, inactive = _visit_place(actor, canonical["household"], visited_at)
    members = _members_of(household, canonical)
    team_member_ids = _team_member_ids(team, canonical["team_members"])
    items = _help_items(canonical)
    due_on = _check_follow_up(canonical, visited_at)
    if household.consent_status == ConsentStatus.ERASED:
        canonical["notes"] = ""
        canonical["help"] = [{**row, "service_name": ""} for row in canonical["help"]]
        payload_hash = ERASED_PAYLOAD_HASH

    visit = _insert(
        {
            "client_uuid": client_uuid,
            "household": household,
            "author": actor,
            "team": team,
            "village_id": household.village_id,
            "commune_code": household.commune_code,
            "province_code": household.province_code,
            "visited_at": visited_at,
            "device_time_suspect": suspect,
            "author_was_inactive": inactive,
            "duration_minutes": canonical["duration_minutes"],
            "outcome": canonical["outcome"],
            "notes": canonical["notes"],
            "follow_up_on": due_on,
            "referral_token": referral_token_for(client_uuid),
            "payload_hash": payload_hash,
        },
        client_uuid,
    )
    if visit is None:
        return _visit_resend(actor, Visit.objects.get(client_uuid=client_uuid), payload_hash)

    visit.team_members.set(team_member_ids)
    visit.members_present.set([members[key] for key in canonical["members_present"]])
    _record_help(visit, canonical, items, members, visited_at)
    if canonical["outcome"] in (VisitOutcome.HELPED, VisitOutcome.PARTLY):
        FollowUp.objects.filter(household=household, done_at__isnull=True, visit__visited_at__lt=visited_at).update(
            done_at=now, done_visit=visit
        )
    if due_on is not None:
        FollowUp.objects.create(
            household=household, visit=visit, assigned_to_id=_assignee_of(household, actor), due_on=due_on
        )
    Household.objects.filter(pk=household.pk).update(updated_at=now)
    referrals_attach(visit)
    household_target_refresh(household)
    return visit, STATUS_CREATED


def _snapshot(visit: Visit) -> dict:
    return {
        "duration_minutes": visit.duration_minutes,
        "outcome": visit.outcome,
        "notes": visit.notes,
        "follow_up_on": visit.follow_up_on.isoformat() if visit.follow_up_on else None,
        "members_present": sorted(str(uuid) for uuid in visit.members_present.values_list("client_uuid", flat=True)),
        "team_members": sorted(visit.team_members.values_list("pk", flat=True)),
        "help": sorted(
            (
                {"item": item, "member": str(member) if member else None, "service_name": service}
                for item, member, service in visit.help.values_list("item__code", "member__client_uuid", "service_name")
            ),
            key=lambda row: (row["item"], row["member"] or "", row["service_name"]),
        ),
    }


@transaction.atomic
def visit_edit(*, actor, visit: Visit, data: dict) -> Visit:
    """Change a visit's editable fields (``EDITABLE``; others are ignored): the author within
    seven days of it reaching the server, a leader of its team, or a site administrator
    (``scoping.can_edit_visit``). The previous values are kept as a ``VisitRevision``;
    ``payload_hash`` stays that of the original, so resending it is still "already stored"."""
    visit = visits_visible_to(actor).select_for_update().filter(pk=visit.pk).first()
    if visit is None:
        raise NotAllowed(_("This visit does not exist or is outside your area."))
    if not can_edit_visit(actor, visit):
        raise NotPermitted(_("Only the author, within seven days, or the team leader can change this visit."))
    if visit.household.consent_status == ConsentStatus.ERASED:
        raise NotPermitted(_("This household's data was erased: its visits can no longer be changed."))
    previous = _snapshot(visit)
    merged = {**previous, **{key: data[key] for key in EDITABLE if key in data}}
    canonical = visit_payload_canonical(
        {
            **merged,
            "client_uuid": visit.client_uuid,
            "household": visit.household.client_uuid,
            "visited_at": visit.visited_at,
        }
    )
    changes = {key: canonical[key] for key in EDITABLE if canonical[key] != previous[key]}
    if not changes:
        return visit
    household = visit.household
    members = _members_of(household, canonical)
    items = _help_items(canonical)
    due_on = _check_follow_up(canonical, visit.visited_at)
    if "team_members" in changes:
        visit.team_members.set(_team_member_ids(visit.team, canonical["team_members"]))

    VisitRevision.objects.create(visit=visit, edited_by=actor, previous={key: previous[key] for key in changes})
    visit.duration_minutes = canonical["duration_minutes"]
    visit.outcome = canonical["outcome"]
    visit.notes = canonical["notes"]
    visit.follow_up_on = due_on
    visit.save(update_fields=["duration_minutes", "outcome", "notes", "follow_up_on", "updated_at"])
    if "members_present" in changes:
        visit.members_present.set([members[key] for key in canonical["members_present"]])
    if "help" in changes:
        _help_replace(visit, canonical, items, members)
    if "follow_up_on" in changes:
        _follow_up_replace(visit, due_on)
    household_target_refresh(household)
    return visit


def _help_replace(visit: Visit, canonical: dict, items: dict, members: dict) -> None:
    """New help rows; skills observed only on this visit and no longer listed are withdrawn."""
    from ..models import MemberSkill

    visit.help.all().delete()
    _record_help(visit, canonical, items, members, visit.visited_at)
    kept = {(members[row["member"]].pk, items[row["item"]].skill_id) for row in canonical["help"] if row["member"]}
    for skill in MemberSkill.objects.filter(observed_visit=visit):
        if (skill.member_id, skill.skill_id) in kept:
            continue
        if skill.learned_at is None:
            skill.delete()
        else:
            skill.observed_at, skill.observed_visit = None, None
            skill.save(update_fields=["observed_at", "observed_visit"])


def _follow_up_replace(visit: Visit, due_on) -> None:
    follow_up = FollowUp.objects.filter(visit=visit).first()
    if due_on is None:
        if follow_up is not None and follow_up.done_at is None:
            follow_up.delete()
        return
    if follow_up is None:
        FollowUp.objects.create(
            household=visit.household,
            visit=visit,
            assigned_to_id=_assignee_of(visit.household, visit.author),
            due_on=due_on,
        )
    elif follow_up.done_at is None:
        follow_up.due_on = due_on
        follow_up.save(update_fields=["due_on"])


@transaction.atomic
def follow_up_done(*, actor, follow_up: FollowUp, visit: Visit | None = None) -> FollowUp:
    """Mark a follow-up done once (the date is set the first time and kept)."""
    follow_up = follow_ups_visible_to(actor).select_for_update().filter(pk=follow_up.pk).first()
    if follow_up is None:
        raise NotAllowed(_("This follow-up does not exist or is not yours."))
    if follow_up.done_at is None:
        follow_up.done_at = timezone.now()
        follow_up.done_visit = visit
        follow_up.save(update_fields=["done_at", "done_visit"])
    return follow_up
