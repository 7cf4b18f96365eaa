"""The visits of a batch and what storing them does (rules: ``community_teams.sync``)."""

from bisect import bisect_right
from collections import defaultdict
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Case, Count, Exists, F, OuterRef, Value, When
from django.utils.translation import gettext as _

from courses.models import Skill

from ..erasure import ERASED_PAYLOAD_HASH
from ..models import (
    Assignment,
    ConsentStatus,
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
    VisitOutcome,
)
from ..referrals import referral_token_for
from ..scoping import households_visible_to, visits_visible_to
from ..services import visits as visit_services
from ..services.common import invalid
from ..services.errors import NotAllowed, NotPermitted
from ..services.referral_attribution import referral_attribute
from .common import (
    ALREADY_STORED,
    CONFLICT,
    CREATED,
    NOT_FOUND,
    NOT_PERMITTED,
    ItemResult,
    _attempt,
    _Batch,
    _bulk_insert,
    _first_seen,
    _gone,
    _invalid,
    _not_found,
    _settle_repeats,
)


def _visit_places(batch: _Batch, rows: list, results: list) -> None:
    """Set ``household``, ``team`` and ``inactive`` on each row, or answer it (404/403)."""
    actor = batch.actor
    named = {row["canonical"]["household"] for row in rows}
    visible = {
        str(household.client_uuid): household
        for household in households_visible_to(actor).filter(client_uuid__in=named).select_related("merged_into")
    }
    teams = {}
    if visible:
        links = Team.villages.through.objects.filter(
            team__is_active=True, team__memberships__user=actor, team__memberships__is_active=True
        ).values_list("area_id", "team__commune__code", "team_id")
        for village_id, commune_code, team_id in links:
            place = (village_id, commune_code)
            teams[place] = min(team_id, teams.get(place, team_id))
    unplaced = []
    for row in rows:
        household = visible.get(row["canonical"]["household"])
        if household is not None:
            household = household.merged_into or household
            team_id = teams.get((household.village_id, household.commune_code))
            if team_id is not None:
                row.update(household=household, team_id=team_id, inactive=False)
                continue
        unplaced.append(row)
    if not unplaced:
        return
    former = {
        str(value)
        for value in Membership.objects.filter(
            user=actor,
            is_active=False,
            team__villages__households__client_uuid__in=[row["canonical"]["household"] for row in unplaced],
        ).values_list("team__villages__households__client_uuid", flat=True)
    }
    for row in unplaced:
        key, household_key = row["key"], row["canonical"]["household"]
        if household_key in former:  # the former-member rule, item by item (rare)
            try:
                household, team, inactive = visit_services._visit_place(actor, household_key, row["visited_at"])
            except NotPermitted as error:
                results[row["index"]] = ItemResult(key, NOT_PERMITTED, detail=str(error))
            except NotAllowed as error:
                results[row["index"]] = ItemResult(key, NOT_FOUND, detail=str(error))
            else:
                row.update(household=household, team_id=team.pk, inactive=inactive)
        elif household_key in visible:
            results[row["index"]] = ItemResult(
                key, NOT_PERMITTED, detail=_("Only members of a team working in this village can log visits there.")
            )
        else:
            results[row["index"]] = _not_found(key)


def _check_references(rows: list, results: list) -> list:
    """People, team members, help items and the follow-up date of each row (400 on a bad one)."""
    wanted = set()
    user_ids, team_ids, codes = set(), set(), set()
    for row in rows:
        canonical = row["canonical"]
        wanted |= set(canonical["members_present"]) | {item["member"] for item in canonical["help"] if item["member"]}
        user_ids |= set(canonical["team_members"])
        team_ids.add(row["team_id"])
        codes |= {item["item"] for item in canonical["help"]}
    people = (
        {str(member.client_uuid): member for member in HouseholdMember.objects.filter(client_uuid__in=wanted)}
        if wanted
        else {}
    )
    in_team = (
        set(Membership.objects.filter(team_id__in=team_ids, user_id__in=user_ids).values_list("team_id", "user_id"))
        if user_ids
        else set()
    )
    items = (
        {item.code: item for item in HelpItem.objects.filter(code__in=codes, is_active=True).select_related("skill")}
        if codes
        else {}
    )
    kept = []
    for row in rows:
        canonical, household = row["canonical"], row["household"]
        try:
            present = set(canonical["members_present"])
            helped = {item["member"] for item in canonical["help"] if item["member"]}
            mine = {key for key in present | helped if key in people and people[key].household_id == household.pk}
            if (present | helped) - mine:
                field_name = "members_present" if present - mine else "help"
                raise invalid(field_name, _("A person listed is not a member of this household."), "unknown_member")
            if any((row["team_id"], user_id) not in in_team for user_id in canonical["team_members"]):
                raise invalid("team_members", _("A team member listed is not in this team."), "unknown_team_member")
            if {item["item"] for item in canonical["help"]} - set(items):
                raise invalid("help", _("One of the things helped with is not in the list any more."), "unknown_item")
            row["due_on"] = visit_services._check_follow_up(canonical, row["visited_at"])
        except ValidationError as error:
            results[row["index"]] = _invalid(row["key"], error)
            continue
        row["people"], row["items"] = people, items
        kept.append(row)
    return kept


def _visits(batch: _Batch, items: list[dict]) -> list[ItemResult]:
    actor, now = batch.actor, batch.now
    results: list[ItemResult | None] = [None] * len(items)
    prepared = []
    for index, data in enumerate(items):
        try:
            canonical = visit_services.visit_payload_canonical(data)
        except ValidationError as error:
            results[index] = _invalid(data.get("client_uuid"), error)
            continue
        prepared.append(
            {
                "index": index,
                "key": canonical["client_uuid"],
                "data": data,
                "canonical": canonical,
                "hash": visit_services.payload_hash_of(canonical),
                "visited_at": datetime.fromisoformat(canonical["visited_at"]),
            }
        )
    later = _first_seen(prepared)

    conflict = _("Another visit was already saved with this id. Nothing was changed.")
    existing = {
        str(row[1]): row
        for row in Visit.objects.filter(client_uuid__in=[row["key"] for row in prepared]).values_list(
            "pk", "client_uuid", "payload_hash", "author_id", "household__consent_status", "referral_token"
        )
    }
    others = [row[0] for row in existing.values() if row[3] != actor.pk]
    visible = set(visits_visible_to(actor).filter(pk__in=others).values_list("pk", flat=True)) if others else set()
    new = []
    for row in prepared:
        stored = existing.get(row["key"])
        if stored is None:
            new.append(row)
            continue
        pk, _uuid, payload_hash, author_id, consent, token = stored
        if author_id != actor.pk and pk not in visible:
            results[row["index"]] = ItemResult(
                row["key"], NOT_FOUND, detail=_("This visit does not exist or is outside your area.")
            )
        elif consent == ConsentStatus.ERASED or payload_hash == ERASED_PAYLOAD_HASH:
            results[row["index"]] = _gone(row["key"])
        elif payload_hash != row["hash"]:
            results[row["index"]] = ItemResult(row["key"], CONFLICT, detail=conflict)
        else:
            results[row["index"]] = ItemResult(row["key"], ALREADY_STORED, referral_token=token)

    placed = []
    for row in new:
        try:
            row["suspect"] = visit_services._device_time_suspect(row["visited_at"], now)
        except ValidationError as error:
            results[row["index"]] = _invalid(row["key"], error)
            continue
        placed.append(row)
    if placed:
        _visit_places(batch, placed, results)
    rows = _check_references([row for row in placed if "household" in row], results)

    if rows:
        # Overlapping batches queue here, in one order, before writing (see the module docstring).
        list(
            Household.objects.filter(pk__in={row["household"].pk for row in rows})
            .order_by("pk")
            .select_for_update(no_key=True)
            .values_list("pk", flat=True)
        )
        tokens = {referral_token_for(row["key"]): row for row in rows}
        taken = set(Visit.objects.filter(referral_token__in=list(tokens)).values_list("referral_token", flat=True))
        seen = set()
        for row in rows:
            row["erased"] = row["household"].consent_status == ConsentStatus.ERASED
            if row["erased"]:
                row["canonical"]["notes"] = ""
                row["canonical"]["help"] = [{**item, "service_name": ""} for item in row["canonical"]["help"]]
                row["hash"] = ERASED_PAYLOAD_HASH
            token = referral_token_for(row["key"])
            if token in taken or token in seen:  # as ``visit_create`` does for a collision
                token = f"{token}-{row['key'].replace('-', '')[:5]}"
            seen.add(token)
            household = row["household"]
            row["obj"] = Visit(
                client_uuid=row["key"],
                household=household,
                author=actor,
                team_id=row["team_id"],
                village_id=household.village_id,
                commune_code=household.commune_code,
                province_code=household.province_code,
                visited_at=row["visited_at"],
                device_time_suspect=row["suspect"],
                author_was_inactive=row["inactive"],
                duration_minutes=row["canonical"]["duration_minutes"],
                outcome=row["canonical"]["outcome"],
                notes=row["canonical"]["notes"],
                follow_up_on=row["due_on"],
                referral_token=token,
                payload_hash=row["hash"],
            )

    def one_by_one(row) -> ItemResult:
        def call():
            visit, status = visit_services.visit_create(actor=actor, data=row["data"])
            if row["erased"]:
                return _gone(row["key"])
            created = status == visit_services.STATUS_CREATED
            return ItemResult(row["key"], CREATED if created else ALREADY_STORED, referral_token=visit.referral_token)

        return _attempt(row["key"], call)

    inserted = _bulk_insert(Visit, rows, results, batch, one_by_one)
    if inserted:
        _visit_effects(batch, inserted)
    for row in inserted:
        obj = row["obj"]
        results[row["index"]] = (
            _gone(row["key"]) if row["erased"] else ItemResult(row["key"], CREATED, referral_token=obj.referral_token)
        )
    _settle_repeats(later, results, lambda first, row: first["hash"] == row["hash"], conflict)
    return results


def _visit_effects(batch: _Batch, rows: list) -> None:
    """What ``visit_create`` does after inserting a visit, for all the rows at once."""
    now = batch.now
    team_links, present_links, help_rows = [], [], []
    observed: dict[tuple, tuple] = {}
    for row in rows:
        visit, canonical, people, items = row["obj"], row["canonical"], row["people"], row["items"]
        team_links += [Visit.team_members.through(visit_id=visit.pk, user_id=uid) for uid in canonical["team_members"]]
        present_links += [
            Visit.members_present.through(visit_id=visit.pk, householdmember_id=people[key].pk)
            for key in canonical["members_present"]
        ]
        for entry in canonical["help"]:
            item = items[entry["item"]]
            member = people[entry["member"]] if entry["member"] else None
            help_rows.append(
                VisitHelp(
                    visit=visit,
                    item=item,
                    member=member,
                    service_name=entry["service_name"] if item.asks_service_name else "",
                )
            )
            if member is not None and item.skill.is_household_target:
                pair = (member.pk, item.skill_id)
                if pair not in observed or row["visited_at"] < observed[pair][0]:
                    observed[pair] = (row["visited_at"], visit.pk)
    Visit.team_members.through.objects.bulk_create(team_links)
    Visit.members_present.through.objects.bulk_create(present_links)
    VisitHelp.objects.bulk_create(help_rows)
    _skills_observe(observed)
    _follow_ups(batch, rows)
    _referrals_attach(rows)
    _households_target_refresh(sorted({row["household"].pk for row in rows}), now)


def _skills_observe(observed: dict) -> None:
    """``member_skill_observe`` for many (member, skill) pairs: the first observation is kept."""
    if not observed:
        return
    stored = {
        (row.member_id, row.skill_id): row
        for row in MemberSkill.objects.filter(
            member_id__in={member for member, _skill in observed}, skill_id__in={skill for _member, skill in observed}
        )
    }
    new, fill = [], []
    for (member_id, skill_id), (at, visit_id) in sorted(observed.items()):
        row = stored.get((member_id, skill_id))
        if row is None:
            new.append(MemberSkill(member_id=member_id, skill_id=skill_id, observed_at=at, observed_visit_id=visit_id))
        elif row.observed_at is None:
            row.observed_at, row.observed_visit_id = at, visit_id
            fill.append(row)
    MemberSkill.objects.bulk_create(new, ignore_conflicts=True)
    if fill:
        MemberSkill.objects.bulk_update(fill, ["observed_at", "observed_visit"])


def _follow_ups(batch: _Batch, rows: list) -> None:
    """A visit that helped closes the household's open follow-ups from earlier visits (each by
    the first such visit after it, this batch's own follow-ups included); a visit with a date
    opens one, assigned to the household's assignee or else the author."""
    now = batch.now
    helped = defaultdict(list)
    for row in rows:
        if row["canonical"]["outcome"] in (VisitOutcome.HELPED, VisitOutcome.PARTLY):
            helped[row["household"].pk].append((row["visited_at"], row["obj"].pk))
    for visits in helped.values():
        visits.sort()

    def closer(household_id, visited_at):
        visits = helped.get(household_id)
        if not visits:
            return None
        position = bisect_right([at for at, _pk in visits], visited_at)
        return visits[position][1] if position < len(visits) else None

    closed = []
    if helped:
        open_rows = FollowUp.objects.filter(household_id__in=list(helped), done_at__isnull=True).values_list(
            "pk", "household_id", "visit__visited_at"
        )
        for pk, household_id, visited_at in open_rows:
            visit_id = closer(household_id, visited_at)
            if visit_id is not None:
                closed.append(FollowUp(pk=pk, done_at=now, done_visit_id=visit_id))
    if closed:
        FollowUp.objects.bulk_update(closed, ["done_at", "done_visit"])

    due = [row for row in rows if row["due_on"] is not None]
    if not due:
        return
    assignees = dict(
        Assignment.objects.filter(household_id__in={row["household"].pk for row in due}).values_list(
            "household_id", "member_id"
        )
    )
    opened = []
    for row in due:
        household_id = row["household"].pk
        done_by = closer(household_id, row["visited_at"])
        opened.append(
            FollowUp(
                household_id=household_id,
                visit_id=row["obj"].pk,
                assigned_to_id=assignees.get(household_id, batch.actor.pk),
                due_on=row["due_on"],
                done_at=now if done_by else None,
                done_visit_id=done_by,
            )
        )
    FollowUp.objects.bulk_create(opened)


def _referrals_attach(rows: list) -> None:
    """``visits.referrals_attach`` for every new visit: one query when no enrolment waits."""
    by_token = {row["obj"].referral_token: row["obj"] for row in rows}
    pending = list(
        ReferralAttribution.objects.filter(token__in=list(by_token), visit__isnull=True).select_related(
            "enrolment__learner__user"
        )
    )
    for attribution in pending:
        visit = by_token[attribution.token]
        referral_attribute(attribution, visit, visit_services.first_member_helped(visit))


def _households_target_refresh(household_ids: list[int], now) -> None:
    """``targets.household_target_refresh`` for many households (its rules, three queries), with
    the households' ``updated_at`` in the same update."""
    needed = Skill.objects.filter(is_household_target=True).count()
    members = HouseholdMember.objects.filter(household_id__in=household_ids)
    if needed:
        complete = (
            MemberSkill.objects.filter(member__household_id__in=household_ids, skill__is_household_target=True)
            .values("member_id")
            .annotate(n=Count("skill_id", distinct=True))
            .filter(n__gte=needed)
            .values("member_id")
        )
        members.update(has_all_skills=Case(When(pk__in=complete, then=Value(True)), default=Value(False)))
        meets = Exists(HouseholdMember.objects.filter(household_id=OuterRef("pk"), has_all_skills=True))
        met_at = Case(
            When(target_met_at__isnull=False, then=F("target_met_at")), When(meets, then=Value(now)), default=None
        )
    else:
        members.filter(has_all_skills=True).update(has_all_skills=False)
        meets, met_at = Value(False), F("target_met_at")
    Household.objects.filter(pk__in=household_ids).update(updated_at=now, meets_target=meets, target_met_at=met_at)
