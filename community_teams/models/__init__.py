"""Outreach by community digital technology teams (Tổ công nghệ số cộng đồng).

This app may import ``lms`` and ``courses``; they never import it. It reacts to ``lms`` events.

- ``Area`` (areas): province → commune/ward (official codes from ``vietnam-provinces``) →
  village or residential group (commune code + sequence), with an editable household count.
- ``Team`` works in one commune over villages; ``Membership`` (member, leader) and
  ``CoordinatorScope`` (commune or province coordinator) give people their roles.
- ``Household`` (households): client UUID, village, consent; ``HouseholdMember`` with a
  ``MemberSkill`` per target skill (observed on a visit and/or learned through a course).
- ``Visit`` (visits): client UUID, the household, what was helped with (``VisitHelp`` of an
  editor-managed ``HelpItem``), follow-up; team, village, commune and province stored at creation;
  a hash of the original payload; ``VisitRevision`` keeps edits. ``FollowUp``, ``Assignment``.
- ``Campaign`` with ``CampaignTarget``s; ``ReferralAttribution`` ties an enrolment to a visit.
- ``AuditEntry``: who viewed, changed, exported or erased household personal data.
- ``Export`` (exports): a CSV or XLSX of households, visits or the dashboard asked for by one
  person, made in the background, private to them and deleted when it expires.
- ``WeeklyReport`` (reports): a commune's figures for one week and the week before.
"""

from .areas import Area, AreaKind
from .exports import Export, ExportFormat, ExportKind, ExportStatus
from .households import AgeGroup, ConsentMethod, ConsentStatus, Household, HouseholdMember, MemberSkill
from .reports import WeeklyReport
from .teams import CoordinatorScope, Membership, Role, Team
from .visits import (
    Assignment,
    AuditEntry,
    Campaign,
    CampaignTarget,
    FollowUp,
    HelpItem,
    ReferralAttribution,
    Visit,
    VisitHelp,
    VisitOutcome,
    VisitRevision,
)

__all__ = [
    "AgeGroup",
    "Area",
    "AreaKind",
    "Assignment",
    "AuditEntry",
    "Campaign",
    "CampaignTarget",
    "ConsentMethod",
    "ConsentStatus",
    "CoordinatorScope",
    "Export",
    "ExportFormat",
    "ExportKind",
    "ExportStatus",
    "FollowUp",
    "HelpItem",
    "Household",
    "HouseholdMember",
    "MemberSkill",
    "Membership",
    "ReferralAttribution",
    "Role",
    "Team",
    "Visit",
    "VisitHelp",
    "VisitOutcome",
    "VisitRevision",
    "WeeklyReport",
]
