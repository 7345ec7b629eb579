"""Attack 2: a beheerder tries to unmask raters through the admin (/beheer/).

Each test posts the admin's own change forms, as a beheerder in a browser would.
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.forms import MultiWidget
from django.urls import reverse

from secretaris.accounts.models import AuditEvent, Grant
from secretaris.scan.models import FrozenReport, Rater, RaterGroup, Scan
from secretaris.scan.tests.conftest import add_rater
from secretaris.scan.tests.test_report_views import answer_everything
from secretaris.test import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def dora(db):
    """Dora is a beheerder."""
    return make_user("dora", staff=True)


@pytest.fixture
def open_scan(scan):
    for i in range(3):
        add_rater(scan, "wethouders", f"Wethouder {i}", f"w{i}@gemeente.nl")
    add_rater(scan, "griffier", "Gerrit Griffier", "gerrit@gemeente.nl")
    scan.approve_raters()
    scan.mark_open()
    return scan


def change_form_data(response) -> dict[str, object]:
    """What the admin's change form would post unchanged: every editable field's value."""
    context = response.context
    if "adminform" not in context:
        return {}  # the beheerder may only look: there is no form
    forms = [context["adminform"].form]
    data: dict[str, object] = {}
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(field.widget, MultiWidget):
                for n, part in enumerate(field.widget.decompress(value)):
                    data[f"{key}_{n}"] = "" if part is None else part
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif value is not None:
                data[key] = value
    return data


def post_change(client, url: str, **changes: object):
    data = change_form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def post_scan_change(client, scan: Scan, **changes: object):
    return post_change(client, reverse("admin:scan_scan_change", args=[scan.pk]), **changes)


def inline_key(scan: Scan, group_key: str, field: str) -> str:
    index = list(scan.groups.order_by("position", "pk")).index(scan.groups.get(key=group_key))
    return f"groups-{index}-{field}"


def test_a_beheerder_cannot_grant_themself_a_report(client, open_scan, dora):
    for rater in open_scan.raters.all():
        answer_everything(open_scan, Rater.objects.get(pk=rater.pk), 3)
    assert open_scan.close()
    report = FrozenReport.objects.get(scan=open_scan)
    client.force_login(dora)
    response = client.post(
        reverse("admin:accounts_grant_add"),
        {
            "user": dora.pk,
            "role": "lezer",
            "content_type": ContentType.objects.get_for_model(FrozenReport).pk,
            "object_id": str(report.pk),
        },
    )
    assert "alleen de eigenaar zelf" in response.content.decode()
    assert not Grant.objects.filter(user=dora).exists()
    assert client.get(reverse("scan:report", args=[open_scan.pk])).status_code == 404
    assert client.get(reverse("scan:report_pdf", args=[open_scan.pk])).status_code == 404


def test_a_beheerder_cannot_take_over_a_coachs_grant(client, open_scan, alice, dora):
    for rater in open_scan.raters.all():
        answer_everything(open_scan, Rater.objects.get(pk=rater.pk), 3)
    open_scan.close()
    coach = make_user("coach")
    client.force_login(alice)
    client.post(reverse("scan:report_coaches", args=[open_scan.pk]), {"username": "coach"})
    grant = Grant.objects.get(user=coach)
    client.force_login(dora)
    post_change(client, reverse("admin:accounts_grant_change", args=[grant.pk]), user=dora.pk)
    grant.refresh_from_db()
    assert grant.user == coach
    assert client.get(reverse("scan:report", args=[open_scan.pk])).status_code == 404


def test_a_beheerder_cannot_become_the_secretary_of_a_closed_scan(client, open_scan, dora):
    open_scan.close()
    client.force_login(dora)
    post_scan_change(client, open_scan, secretary=dora.pk, title="Meting 1")
    open_scan.refresh_from_db()
    assert open_scan.title == "Meting 1"  # the form was accepted, without the secretary
    assert open_scan.secretary.get_username() == "alice"
    assert client.get(reverse("scan:report", args=[open_scan.pk])).status_code == 404


def test_a_beheerder_cannot_lower_k_or_move_zelf_on_an_open_scan(client, open_scan, dora):
    client.force_login(dora)
    post_scan_change(
        client,
        open_scan,
        k=2,
        title="Meting 1",
        **{
            inline_key(open_scan, "zelf", "is_self"): "",
            inline_key(open_scan, "griffier", "is_self"): "on",
            inline_key(open_scan, "griffier", "single_person"): "",
            inline_key(open_scan, "wethouders", "enabled"): "",
        },
    )
    open_scan.refresh_from_db()
    assert open_scan.title == "Meting 1"  # the form was accepted, without the rest
    assert open_scan.k == 3
    assert open_scan.groups.get(is_self=True).key == "zelf"
    assert open_scan.groups.get(key="griffier").single_person
    assert open_scan.groups.get(key="wethouders").enabled


def test_a_beheerder_cannot_change_or_delete_raters_of_an_open_scan(client, open_scan, dora):
    rater = open_scan.raters.get(email="w0@gemeente.nl")
    client.force_login(dora)
    client.post(
        reverse("admin:scan_rater_change", args=[rater.pk]),
        {"name": rater.name, "email": "dora@example.nl"},
    )
    client.post(
        reverse("admin:scan_rater_changelist"),
        {"action": "delete_selected", "_selected_action": [rater.pk], "post": "yes"},
    )
    rater.refresh_from_db()
    assert rater.email == "w0@gemeente.nl"


@pytest.mark.parametrize("name", ["Zelf", "Ζеlf", "ＺＥＬＦ", "A11e anderen"])
def test_a_group_cannot_be_renamed_to_a_report_label(client, scan, dora, name):
    client.force_login(dora)
    response = post_scan_change(client, scan, **{inline_key(scan, "griffier", "name"): name})
    assert "gebruikt het rapport al" in response.content.decode()
    assert RaterGroup.objects.get(scan=scan, key="griffier").name == "Griffier"


def test_the_secretary_cannot_rename_a_group_to_look_alike_zelf(client, scan, alice):
    group = scan.groups.get(key="griffier")
    client.force_login(alice)
    data = {f"name_{g.pk}": g.name for g in scan.groups.all()}
    data |= {f"enabled_{g.pk}": "on" for g in scan.groups.all()}
    data[f"name_{group.pk}"] = "Zеlf"  # a Cyrillic e
    response = client.post(reverse("scan:groups", args=[scan.pk]), data)
    assert "gebruikt het rapport al" in response.content.decode()
    group.refresh_from_db()
    assert group.name == "Griffier"


def test_changing_the_coordinator_after_concept_is_logged_and_told_to_all_three(
    client, open_scan, alice, bob, dora
):
    carol = make_user("carol")
    client.force_login(dora)
    post_scan_change(client, open_scan, coordinator=carol.pk)
    open_scan.refresh_from_db()
    assert open_scan.coordinator == carol
    assert AuditEvent.objects.filter(action="scan.coordinator_changed", user=dora).exists()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "alice@example.nl",
        "bob@example.nl",
        "carol@example.nl",
    ]
    response = post_scan_change(client, open_scan, coordinator=alice.pk)
    assert "iemand anders dan de secretaris" in response.content.decode()
    open_scan.refresh_from_db()
    assert open_scan.coordinator == carol
