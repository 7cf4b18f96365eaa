"""Schemathesis against the community endpoints, in-process through the WSGI application.

As ``tests/lms/test_progress_api_schemathesis.py``: cases come from the OpenAPI schema the app
serves, sent with a signed-in session (a leader of team a in ``world``) and its CSRF token, in
two modes: positive (valid by the schema; checked for no 5xx, documented status codes, content
types and response bodies) and negative (invalid by the schema; checked for no 5xx and for being
refused). Path ids are drawn from real rows (households, visits, follow-ups, memberships) two
times in three, so the run reaches 200s and not only 404s. Operations that take data away
(erase, merge, deactivate) run last. The summary (case count and status mix) is printed.
"""

import datetime
from collections import Counter

import pytest
import schemathesis
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.parameters import HEADER_LOCATIONS
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from community_teams.models import Household
from lms.wsgi import application

EXAMPLES_PER_OPERATION = 15
POSITIVE_CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
NEGATIVE_CHECKS = [not_a_server_error, negative_data_rejection]
HYPOTHESIS = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
PATHS = (
    r"^/api/v1/(areas|help-items|households|household-members|visits|follow-ups|memberships"
    r"|me/today)(/|$)"
)
OPERATIONS = {
    "GET /api/v1/areas/",
    "GET /api/v1/help-items/",
    "GET /api/v1/households/",
    "POST /api/v1/households/",
    "POST /api/v1/households/search/",
    "GET /api/v1/households/{client_uuid}/",
    "PATCH /api/v1/households/{client_uuid}/",
    "POST /api/v1/households/{client_uuid}/consent/",
    "POST /api/v1/households/{client_uuid}/assign/",
    "POST /api/v1/households/{client_uuid}/merge/",
    "POST /api/v1/households/{client_uuid}/erase/",
    "POST /api/v1/household-members/",
    "GET /api/v1/visits/",
    "POST /api/v1/visits/",
    "GET /api/v1/visits/{client_uuid}/",
    "PATCH /api/v1/visits/{client_uuid}/",
    "GET /api/v1/follow-ups/",
    "POST /api/v1/follow-ups/{follow_up_id}/done/",
    "GET /api/v1/me/today/",
    "POST /api/v1/memberships/{membership_id}/deactivate/",
}
# Run last, in this order: they take data or rights away from the rest of the run.
LAST = [
    "POST /api/v1/households/{client_uuid}/merge/",
    "POST /api/v1/households/{client_uuid}/erase/",
    "POST /api/v1/memberships/{membership_id}/deactivate/",
]


@pytest.fixture
def field_data(world, make_household, make_member, make_visit):
    """Households in team a's villages (one imported, one declined) and one in team b's, a
    member each, visits with follow-ups; ids by path parameter."""
    due = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    households = [
        make_household(world.member_a, world.village_a1),
        make_household(world.leader_a, world.village_a2, head_name="Lý Văn Sáng", phone="0987 654 321"),
        make_household(
            world.leader_a,
            world.village_a1,
            consent_status="declined",
            head_name="",
            phone="",
            address_note="",
            consent_by="",
            consent_method="",
        ),
        make_household(world.member_b, world.village_b1),
    ]
    imported = Household.objects.create(
        village=world.village_a2,
        commune_code=world.village_a2.commune_code,
        province_code=world.village_a2.province_code,
        consent_status="imported",
        head_name="Ma Thị Nga",
        list_code="TDP2-017",
    )
    households.append(imported)
    visits = []
    for household in households[:2] + households[3:4]:
        author = world.member_b if household.village_id == world.village_b1.pk else world.member_a
        member = make_member(author, household, label="chị Hoa")
        visits.append(
            make_visit(
                author,
                household,
                notes="Đã cài VNeID",
                follow_up_on=due,
                members_present=[str(member.client_uuid)],
                help=[{"item": "cai-vneid", "member": str(member.client_uuid)}],
            )
        )
    return {
        "client_uuid": [str(h.client_uuid) for h in households] + [str(v.client_uuid) for v in visits],
        "follow_up_id": [v.follow_up.pk for v in visits],
        "membership_id": [world.membership_member_a.pk, world.membership_member_b.pk],
    }


@pytest.fixture
def session(world):
    """A leader of team a, signed in: the session cookie and a CSRF token (cookie and header)."""
    client = Client()
    client.force_login(world.leader_a)
    token = _get_new_csrf_string()
    cookies = {"sessionid": client.cookies["sessionid"].value, "csrftoken": token}
    return cookies, {"X-CSRFToken": token}


def _valid_credentials(case) -> bool:
    meta = case._meta
    return meta is None or not any(
        location in HEADER_LOCATIONS and info.mode.is_negative for location, info in meta.components.items()
    )


def test_community_endpoints_hold_up_under_generated_input(
    wsgi_in_test_transaction, server_errors, field_data, session, capsys
):
    cookies, headers = session
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(path_regex=PATHS)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} == OPERATIONS
    operations.sort(key=lambda op: LAST.index(op.label) if op.label in LAST else -1)
    statuses: Counter = Counter()
    by_operation: Counter = Counter()

    def run(operation, mode, checks):
        strategy = operation.as_strategy(generation_mode=mode)
        names = [name for name in field_data if "{" + name + "}" in operation.path]
        if names and not (mode.is_negative and operation.method == "get"):
            name = names[0]
            known = st.sampled_from(field_data[name]).flatmap(
                lambda value: operation.as_strategy(generation_mode=mode, path_parameters={name: value})
            )
            strategy = st.one_of(known, known, strategy)
        if mode.is_negative:
            # The session and CSRF token are sent as they are: only the request itself is invalid.
            strategy = strategy.filter(_valid_credentials)

        @HYPOTHESIS
        @given(case=strategy)
        def exercise(case):
            response = case.call(headers=headers, cookies=cookies)
            statuses[response.status_code] += 1
            by_operation[(operation.label, mode.value, response.status_code)] += 1
            assert not server_errors, server_errors[-1]
            case.validate_response(response, checks=checks, headers=headers)

        exercise()

    for operation in operations:
        run(operation, GenerationMode.POSITIVE, POSITIVE_CHECKS)
        if operation.method in ("post", "patch") or operation.path_parameters:
            run(operation, GenerationMode.NEGATIVE, NEGATIVE_CHECKS)

    generated = sum(statuses.values())
    mix = ", ".join(f"{code}: {count}" for code, count in sorted(statuses.items()))
    detail = "\n".join(
        f"  {label} [{mode}] -> {code}: {count}" for (label, mode, code), count in sorted(by_operation.items())
    )
    summary = f"schemathesis, community API: {generated} generated cases ({mix})\n{detail}"
    with capsys.disabled():
        print("\n" + summary)

    assert not server_errors
    assert not any(code >= 500 for code in statuses), summary
    assert statuses[200] >= 20 and statuses[400] >= 20 and statuses[404] >= 10, summary
