"""Outreach by community digital technology teams (Tổ công nghệ số cộng đồng).

Coming in later work, in this app only (it may import ``lms`` and ``courses``, never the reverse):

- ``Area``: a village (thôn, bản) or residential group (tổ dân phố) inside a commune/ward, keyed by
  the official province and commune codes.
- ``Team`` works in one or more areas; ``TeamMember`` links a user to a team with a role
  (member, leader); coordinators see every team of their commune.
- ``Household`` lives in an area, with the resident's recorded consent; its skills toward the
  five-skill household target are derived from visits and learning.
- ``Visit``: one member's visit to one household, logged offline and synced exactly once
  (a client-generated UUID is unique), with the help items ticked and a follow-up date.
- ``Campaign``: targets for an area and period; reports roll visits and completions up.

No models exist yet: this module only documents the plan so the app is registered from the start.
"""
