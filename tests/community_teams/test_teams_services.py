"""Naming coordinators: who may, and what it grants."""

import pytest
from django.core.exceptions import ValidationError

from community_teams.models import Area, CoordinatorScope
from community_teams.scoping import scope_of
from community_teams.services import NotPermitted, coordinator_scope_add
from lms.models import User

pytestmark = pytest.mark.django_db


def test_a_site_administrator_names_a_commune_coordinator_who_can_open_the_admin(world):
    newcomer = User.objects.create(username="moi")
    commune = world.commune_a
    coordinator_scope_add(actor=world.superuser, user=newcomer, area=commune, role="commune_coordinator")
    coordinator_scope_add(actor=world.superuser, user=newcomer, area=commune, role="commune_coordinator")
    assert CoordinatorScope.objects.filter(user=newcomer).count() == 1
    assert newcomer.has_perm("wagtailadmin.access_admin")
    assert scope_of(User.objects.get(pk=newcomer.pk)).commune_codes == {commune.code}


def test_a_member_cannot_name_coordinators_and_the_kind_must_match(world):
    newcomer = User.objects.create(username="moi")
    commune = Area.objects.filter(kind="commune").first()
    with pytest.raises(NotPermitted):
        coordinator_scope_add(actor=world.member_a, user=newcomer, area=commune, role="commune_coordinator")
    with pytest.raises(ValidationError):
        coordinator_scope_add(actor=world.superuser, user=newcomer, area=commune, role="province_coordinator")
    assert not CoordinatorScope.objects.filter(user=newcomer).exists()
