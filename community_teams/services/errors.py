"""What services raise besides ``django.core.exceptions.ValidationError`` (invalid input, 400).

Messages are for people and never hold personal data (names, phone numbers, notes).
"""


class NotAllowed(Exception):
    """The object is outside the actor's scope, or does not exist: a 404 to them."""


class NotPermitted(Exception):
    """The actor sees the object but may not do this to it: a 403."""


class Conflict(Exception):
    """A client UUID already stored with another payload: a 409, nothing changed."""


class HouseholdConflict(Conflict):
    pass


class MemberConflict(Conflict):
    pass


class VisitConflict(Conflict):
    pass
