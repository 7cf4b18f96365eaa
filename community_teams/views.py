"""Field pages of community teams: "Hôm nay", the visit form and the team page.

"Hôm nay" and the visit form are page shells: no household's name or phone is ever in their
HTML (the next step caches them for offline use). ``static/js/field.js`` fills them from the
JSON API, with personal data sent by POST only. Without a community role a person gets a 403.
"""

import json
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie

from .campaigns import campaigns_with_progress
from .field_selectors import field_form_choices, team_overview
from .models import AgeGroup, ConsentMethod, VisitOutcome
from .scoping import is_field_user

DEFAULT_DURATION_MINUTES = 15


def field_user_required(view):
    """Logged in (else the login page) and with a community role (else a 403 page)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_field_user(request.user):
            return render(request, "community_teams/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


@field_user_required
@ensure_csrf_cookie
def today(request):
    outcomes = json.dumps({value: str(label) for value, label in VisitOutcome.choices}, ensure_ascii=False)
    return render(request, "community_teams/today.html", {"outcomes_json": outcomes})


@field_user_required
@ensure_csrf_cookie
def visit_new(request):
    help_items, villages = field_form_choices(request.user)
    context = {
        "help_items": help_items,
        "villages": villages,
        "outcomes": VisitOutcome.choices,
        "age_groups": AgeGroup.choices,
        "consent_methods": ConsentMethod.choices,
        "default_duration": DEFAULT_DURATION_MINUTES,
    }
    return render(request, "community_teams/visit_form.html", context)


@field_user_required
def team(request):
    context = {"teams": team_overview(request.user), "campaigns": campaigns_with_progress(request.user)}
    return render(request, "community_teams/team.html", context)
