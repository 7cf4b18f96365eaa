"""Writes on accounts (and, next, learner records)."""

from django.contrib.auth.models import Group
from django.db import transaction

from .models import User


@transaction.atomic
def demo_user_ensure(
    *, username: str, email: str, password: str, display_name: str, groups: tuple[str, ...] = (), superuser=False
) -> tuple[User, bool]:
    """Create a demo account if missing; an existing one keeps its password. Idempotent."""
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"email": email, "display_name": display_name, "is_staff": superuser, "is_superuser": superuser},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if email:
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user, created
