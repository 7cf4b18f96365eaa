"""Writes of community teams (HackSoft-style services: keyword-only, atomic).

Every "one of X" rule is a database constraint: rows made by the phone (households, members,
visits) are inserted by their client UUID through the unique constraint, never check-then-insert.
Services raise ``ValidationError`` (400, nothing stored), ``NotAllowed`` (outside the actor's
area: 404), ``NotPermitted`` (403) or a ``Conflict`` (409). Messages never hold personal data.
"""

from .errors import Conflict, HouseholdConflict, MemberConflict, NotAllowed, NotPermitted, VisitConflict
from .households import (
    household_consent_record,
    household_create,
    household_member_create,
    household_merge,
    household_update,
    search_text_for,
)
from .referral_attribution import learners_merged_relink, referral_record
from .targets import household_target_refresh, member_skills_learn, member_skills_learn_completed
from .teams import (
    COMMUNITY_TEAM_GROUP,
    COORDINATOR_GROUP,
    assignment_set,
    coordinator_group_ensure,
    coordinator_scope_add,
    member_deactivate,
    member_invite,
    membership_add,
)
from .visits import (
    STATUS_ALREADY_STORED,
    STATUS_CREATED,
    follow_up_done,
    payload_hash_of,
    referrals_attach,
    visit_create,
    visit_edit,
    visit_payload_canonical,
)

__all__ = [
    "COMMUNITY_TEAM_GROUP",
    "COORDINATOR_GROUP",
    "STATUS_ALREADY_STORED",
    "STATUS_CREATED",
    "Conflict",
    "HouseholdConflict",
    "MemberConflict",
    "NotAllowed",
    "NotPermitted",
    "VisitConflict",
    "assignment_set",
    "coordinator_group_ensure",
    "coordinator_scope_add",
    "follow_up_done",
    "household_consent_record",
    "household_create",
    "household_member_create",
    "household_merge",
    "household_target_refresh",
    "household_update",
    "learners_merged_relink",
    "member_deactivate",
    "member_invite",
    "member_skills_learn",
    "member_skills_learn_completed",
    "membership_add",
    "payload_hash_of",
    "referral_record",
    "referrals_attach",
    "search_text_for",
    "visit_create",
    "visit_edit",
    "visit_payload_canonical",
]
