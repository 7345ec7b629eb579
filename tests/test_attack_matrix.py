"""Every route, as every persona, with GET and POST: no 5xx, outsiders get nothing and change
nothing. Then a hypothesis fuzz run posts random and malformed values to every POST route as
each persona: never a 5xx, and never half-written state.

The routes come from the URL configuration itself, so a new view is covered the day it is
added (its parameters must be known to `fill`, or the test says which one is missing).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretaris.accounts.access import grant
from secretaris.accounts.models import AuditEvent, Grant, TwoFactor
from secretaris.dossier.models import Gemeente
from secretaris.jobs.models import Job
from secretaris.organisation.models import Organisation
from secretaris.profiles.drafting import draft_profile
from secretaris.profiles.models import Profile
from secretaris.scan import development
from secretaris.scan.models import (
    DevelopmentAction,
    DevelopmentPlan,
    FrozenReport,
    Rater,
    RaterGroup,
    Scan,
    start_scan,
)
from secretaris.scan.tokens import issue
from secretaris.test import PASSWORD, make_user

# Examples per POST route; SECRETARIS_FUZZ_EXAMPLES=100 for a deeper run before a release.
FUZZ_EXAMPLES = int(os.environ.get("SECRETARIS_FUZZ_EXAMPLES", "8"))
PERSONAS = ["anoniem", "buitenstaander", "lezer", "eigenaar", "coordinator", "secretaris", "beheer"]
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f]")


def all_routes(resolver=None, prefix: str = "", namespace: str = ""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            space = entry.namespace or namespace
            yield from all_routes(entry, prefix + str(entry.pattern), space)
        elif isinstance(entry, URLPattern):
            yield (
                f"{namespace}:{entry.name}" if namespace else entry.name,
                prefix + str(entry.pattern),
            )


# The Django admin is tested on its own (staff only, recent password for changes), and so is
# Selectie, whose members need two-factor authentication, a confidentiality statement and a
# declaration per candidate before they see anything: its own persona x URL matrix is in
# secretaris/selection/tests/test_access.py.
ROUTES = [
    (name, route) for name, route in all_routes() if not route.startswith(("beheer/", "selectie/"))
]
OBJECT_ROUTES = re.compile(r"^(profielschetsen|ontwikkelscan|organisatiebeeld)/<int:pk>/")


@dataclass
class World:
    users: dict[str, Any]
    profile: Profile
    open_scan: Scan
    closed_scan: Scan
    rater: Rater
    token: str
    action: DevelopmentAction
    organisation: Organisation
    import_job: Job

    def fill(self, name: str, route: str) -> str:
        """The route with real values: the profile, the open scan (or the closed one for the
        report and plan), the rater's token, ..."""
        closed = "rapport" in route or "ontwikkelplan" in route
        scan = self.closed_scan if closed else self.open_scan
        values = {
            "<int:pk>": self.profile.pk
            if route.startswith("profielschetsen")
            else self.organisation.pk
            if route.startswith("organisatiebeeld")
            else scan.pk,
            "<int:rater_pk>": self.rater.pk,
            "<int:action_pk>": self.action.pk,
            "<int:job_pk>": self.import_job.pk,
            "<str:token>": self.token,
            "<int:step>": 1,
            "<slug:step>": "algemeen",
            "<str:kind>": "pdf",
            "<slug:slug>": "utrecht",
            "<str:code>": "GM0344",
            "<uidb64>": "MQ",
            "<token>": "reset-token",
        }
        path = "/" + route
        for placeholder, value in values.items():
            path = path.replace(placeholder, str(value))
        assert "<" not in path, f"{name}: unknown URL parameter in {route}"
        return path


@pytest.fixture
def world(db) -> World:
    alice, bob = make_user("alice"), make_user("bob")
    charlie, dave = make_user("charlie"), make_user("dave")
    beheer = make_user("beheer", staff=True)
    profile = draft_profile(Gemeente.objects.get(code="GM0344"), alice)
    grant(alice, profile, "eigenaar", by=alice)
    grant(bob, profile, "lezer", by=alice)
    open_scan = start_scan(
        gemeente=Gemeente.objects.get(code="GM0344"),
        secretary=alice,
        created_by=dave,
        deadline=__import__("django.utils.timezone").utils.timezone.now()
        + __import__("datetime").timedelta(days=14),
        situational=["adviesvaardigheid", "samenwerken"],
    )
    rater = Rater.objects.create(
        scan=open_scan,
        group=open_scan.groups.get(key="wethouders"),
        name="Willem Wethouder",
        email="willem@gemeente.nl",
    )
    open_scan.accept()  # the secretary agrees before the coordinator approves
    open_scan.approve_raters()
    open_scan.mark_open()
    token = issue(rater)
    call_command("scan", "demo", "--seed", "3", stdout=__import__("io").StringIO())
    closed_scan = Scan.objects.get(status=Scan.GESLOTEN)
    report = FrozenReport.objects.get(scan=closed_scan)
    plan = development.plan_for(report)
    focus = [c["key"] for c in report.data["competencies"]][:2]
    assert development.save_focus(plan, plan.lock_version, focus, "")
    plan.refresh_from_db()
    action = development.add_action(plan, competency=focus[0], kind="coaching", description="x")
    organisation = Organisation.objects.create(gemeente=profile.gemeente, created_by=alice)
    grant(alice, organisation, "eigenaar", by=alice)
    grant(bob, organisation, "lezer", by=alice)
    import_job = Job.objects.create(  # an import alice started (its progress page)
        function="secretaris.organisation.jobs.import_export",
        subject=f"organisation:{organisation.pk}",
        started_by=alice,
        label="HR-export inlezen",
        kwargs={"organisation_pk": organisation.pk, "token": "0" * 32},
    )
    users = {
        "anoniem": None,
        "buitenstaander": charlie,
        "lezer": bob,
        "eigenaar": alice,
        "coordinator": dave,
        "secretaris": closed_scan.secretary,
        "beheer": beheer,
    }
    return World(
        users, profile, open_scan, closed_scan, rater, token, action, organisation, import_job
    )


def client_for(world: World, persona: str) -> Client:
    client = Client(raise_request_exception=False)
    if world.users[persona] is not None:
        client.force_login(world.users[persona])
    return client


def snapshot() -> tuple:
    """Everything an outsider must not be able to change."""
    return (
        sorted(Grant.objects.values_list("user_id", "object_id", "role")),
        sorted(Scan.objects.values_list("pk", "status", "lock_version", "title", "k")),
        sorted(RaterGroup.objects.values_list("pk", "name", "enabled")),
        sorted(Rater.objects.values_list("pk", "name", "email", "approved", "finished_at")),
        sorted(Profile.objects.values_list("pk", "lock_version", "status")),
        sorted(DevelopmentPlan.objects.values_list("pk", "lock_version")),
        sorted(DevelopmentAction.objects.values_list("pk", "status")),
        sorted(Organisation.objects.values_list("pk", "mapping", "formatie_fte")),
        sorted(get_user_model().objects.values_list("pk", "is_staff", "is_active", "password")),
        sorted(TwoFactor.objects.values_list("pk", "confirmed_at")),
    )


def check_invariants() -> None:
    """Nothing half-written: every grant was audited, limits hold, names are clean."""
    for g in Grant.objects.select_related("user"):
        assert AuditEvent.objects.filter(
            action="access_granted", object_id=g.object_id, detail__to=g.user.get_username()
        ).exists(), f"grant without audit event: {g}"
    for scan in Scan.objects.all():
        assert scan.raters.count() <= 300
    assert not any(BIDI.search(n) for n in Rater.objects.values_list("name", flat=True))
    assert not any(BIDI.search(n) for n in RaterGroup.objects.values_list("name", flat=True))


def test_every_route_is_known_to_the_matrix(world):
    assert len(ROUTES) > 40
    for name, route in ROUTES:
        world.fill(name, route)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_route_as_every_persona_without_errors_and_outsiders_change_nothing(world, persona):
    client = client_for(world, persona)
    for name, route in ROUTES:
        path = world.fill(name, route)
        if name == "logout":
            continue  # would end the persona's session for the routes after it
        before = snapshot()
        assert client.get(path).status_code < 500, f"{persona} GET {path}"
        for data in [{}, *baselines(world).get(name, [])]:  # empty, then valid forms
            response = client.post(path, data)
            assert response.status_code < 500, f"{persona} POST {path} {data}"
        if OBJECT_ROUTES.match(route) and persona in {"anoniem", "buitenstaander"}:
            assert snapshot() == before, f"{persona} changed something with {path}"
            if persona == "buitenstaander":
                assert response.status_code in {404, 405}, f"{persona} POST {path}"
            else:
                assert response.status_code in {302, 405}, f"{persona} POST {path}"
    check_invariants()


FIELD_NAMES = [
    "lock_version", "revoke", "stop", "username", "role", "confirm", "lines", "title",
    "deadline", "k", "coordinator", "competency", "suggestion", "done", "focus", "note",
    "description", "with_whom", "target_date", "kind", "code", "password", "email",
    "gemeente", "secretary", "situational", "model_version", "name", "single_person",
    "keep_comments", "next", "new_password1", "new_password2", "old_password", "show_by_role",
    "opslaan_en_verder", "feedback", "feedforward", "upload", "q", "status",
]  # fmt: skip
NASTY = [
    "", " ", "abc", "-1", "0", "1", "2", "9" * 5000, str(2**64), "1e309", "NaN", "on",
    "\u202eevil", "\x00", "<script>alert(1)</script>", "../../etc/passwd", "x" * 30000,
    "lezer", "eigenaar", "2030-01-01", "0000-00-00", "adviesvaardigheid", "coaching",
]  # fmt: skip
POST_ROUTES = [(name, route) for name, route in ROUTES if name != "logout"]


def baselines(world: World) -> dict[str, list[dict[str, Any]]]:
    """Valid posts per route, so the fuzz reaches the code behind a valid form (where the
    grant/revoke 500 was) and not only the validation in front of it."""
    from datetime import date, timedelta

    later = (date.today() + timedelta(days=20)).isoformat()
    users = world.users
    return {
        "profiles:access": [
            {"username": "charlie", "role": "lezer"},
            {"revoke": str(users["lezer"].pk)},
        ],
        "profiles:refresh": [{"lock_version": str(world.profile.lock_version)}],
        "profiles:finalise": [{"lock_version": str(world.profile.lock_version)}],
        "profiles:edit": [
            {"lock_version": str(world.profile.lock_version), "title": "Gemeentesecretaris"}
        ],
        "profiles:new": [{"gemeente": "Utrecht"}],
        "scan:report_coaches": [{"username": "charlie"}, {"stop": str(users["lezer"].pk)}],
        "scan:close": [{"confirm": "on"}],
        "scan:raters": [{"lines": "Anna de Vries, anna@x.nl, MT"}],
        "scan:settings": [
            {
                "lock_version": str(world.open_scan.lock_version),
                "title": "Ontwikkelscan",
                "deadline": later,
                "k": "3",
                "coordinator": "dave",
            }
        ],
        "scan:plan_action_add": [
            {"competency": world.action.competency, "kind": "coaching", "description": "x"},
            {"competency": world.action.competency, "suggestion": "0"},
        ],
        "scan:plan_action_status": [{"status": "bezig"}, {"status": "klaar"}],
        "login": [{"username": "alice", "password": PASSWORD}],
        "reauthenticate": [{"password": PASSWORD, "next": "/"}],
        "password_reset": [{"email": "alice@example.nl"}],
    }


values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
mutations = st.dictionaries(
    st.sampled_from(FIELD_NAMES) | st.text(max_size=10),
    values | st.lists(values, max_size=3),
    max_size=6,
)


@pytest.mark.parametrize("route", POST_ROUTES, ids=[name for name, _ in POST_ROUTES])
@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    persona=st.sampled_from(PERSONAS),
    pick=st.integers(min_value=0, max_value=3),
    mutation=mutations,
    drop=st.sets(st.sampled_from(FIELD_NAMES), max_size=2),
)
def test_random_and_malformed_posts_never_give_a_5xx_or_half_written_state(
    world, route, persona, pick, mutation, drop
):
    name, pattern = route
    path = world.fill(name, pattern)
    valid = baselines(world).get(name, [{}])
    data = {k: v for k, v in {**valid[pick % len(valid)], **mutation}.items() if k not in drop}
    before = snapshot()
    response = client_for(world, persona).post(path, data)
    assert response.status_code < 500, f"{persona} POST {path} {data!r}"
    if OBJECT_ROUTES.match(pattern) and persona in {"anoniem", "buitenstaander"}:
        assert snapshot() == before
    check_invariants()
