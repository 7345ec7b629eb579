"""Who may do what on the management pages, and the pages' own behaviour."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from secretaris.accounts.access import role_of
from secretaris.accounts.models import AuditEvent
from secretaris.scan.models import Answer, Comment, Rater, Scan
from secretaris.scan.tests.conftest import add_rater, open_with_link
from secretaris.test import make_user

pytestmark = pytest.mark.django_db


def page_urls(scan):
    return [
        reverse(f"scan:{name}", args=[scan.pk])
        for name in ("dashboard", "settings", "groups", "raters")
    ]


def action_urls(scan, rater):
    return [
        *(reverse(f"scan:{n}", args=[scan.pk]) for n in ("approve", "invite", "remind", "close")),
        reverse("scan:remove_rater", args=[scan.pk, rater.pk]),
        reverse("scan:reinvite", args=[scan.pk, rater.pk]),
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, scan, wethouder):
    urls = [reverse("scan:index"), reverse("scan:new"), *page_urls(scan)]
    for url in urls + action_urls(scan, wethouder):
        method = client.post if url in action_urls(scan, wethouder) else client.get
        response = method(url)
        assert response.status_code == 302 and "/account/inloggen/" in response.url, url


def test_an_outsider_cannot_even_see_that_the_scan_exists(client, scan, wethouder, charlie):
    client.force_login(charlie)
    for url in page_urls(scan):
        assert client.get(url).status_code == 404, url
    for url in action_urls(scan, wethouder):
        assert client.post(url, {"confirm": "on"}).status_code == 404, url
    assert "Alice" not in client.get(reverse("scan:index")).content.decode()
    assert Scan.objects.get().status == Scan.CONCEPT
    assert Rater.objects.filter(pk=wethouder.pk, approved=False).exists()


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_the_secretary_and_the_coordinator_reach_every_page(client, scan, who, request):
    client.force_login(request.getfixturevalue(who))
    for url in page_urls(scan):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count("<h1") == 1, url
    assert "Alice Aerts" in client.get(reverse("scan:index")).content.decode()


def test_a_beheerder_sees_the_scan_but_no_answers_anywhere(client, scan, link, wethouder):
    admin = make_user("dora", staff=True)
    first = scan.competencies()[0]
    wethouder.save_page(first, {i.code: 5 for i in first.indicators}, feedback="Zeer geheim")
    client.force_login(admin)
    for url in [
        *page_urls(scan),
        reverse("admin:scan_scan_change", args=[scan.pk]),
        reverse("admin:scan_rater_change", args=[wethouder.pk]),
        reverse("admin:scan_rater_changelist"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Zeer geheim" not in response.content.decode()
        assert wethouder.token_hash not in response.content.decode()
    admin_index = client.get(reverse("admin:index")).content.decode()
    assert "/beheer/scan/answer/" not in admin_index and "/beheer/scan/comment/" not in admin_index
    assert Answer.objects.count() == 6 and Comment.objects.count() == 1


def test_the_rater_link_works_without_an_account(client, link):
    assert client.get(link).status_code == 200


def test_with_a_coordinator_only_the_coordinator_approves_the_list(client, scan, alice, bob):
    client.force_login(alice)
    client.post(reverse("scan:approve", args=[scan.pk]))
    assert not Rater.objects.filter(approved=True).exists()
    client.force_login(bob)
    client.post(reverse("scan:approve", args=[scan.pk]))
    assert not Rater.objects.filter(approved=False).exists()
    assert Scan.objects.get().status == Scan.UITNODIGEN
    assert AuditEvent.objects.filter(action="scan.approve", user=bob).exists()


def test_without_a_coordinator_nobody_approves_not_even_the_secretary(client, scan, alice):
    Scan.objects.filter(pk=scan.pk).update(coordinator=None)
    client.force_login(alice)
    client.post(reverse("scan:approve", args=[scan.pk]))
    assert Scan.objects.get().status == Scan.CONCEPT


# --- Making a scan -------------------------------------------------------------------------


def test_a_new_scan_asks_for_the_gemeente_first_and_suggests_on_a_typo(client, alice):
    client.force_login(alice)
    page = client.get(reverse("scan:new"), {"gemeente": "Amstrdam"}).content.decode()
    assert "Bedoelt u Amsterdam" in page


def test_a_new_scan_takes_the_competencies_of_the_definitief_profielschets(client, alice):
    from secretaris.accounts.access import grant
    from secretaris.dossier.models import Gemeente
    from secretaris.profiles.drafting import draft_profile

    profile = draft_profile(Gemeente.objects.get(code="GM0344"), alice)
    grant(alice, profile, "eigenaar", by=alice)
    profile.situational = [{"key": "visie", "chosen": True}, {"key": "samenwerken"}]
    profile.save()
    profile.finalise(alice, profile.lock_version)
    client.force_login(alice)
    page = client.get(reverse("scan:new"), {"gemeente": "Utrecht"}).content.decode()
    assert "definitieve profielschets van Utrecht" in page
    assert 'value="visie" class="utrecht-checkbox"' in page
    assert page.count(" checked>") == 1  # only visie


def test_making_a_scan_for_oneself(client, alice):
    client.force_login(alice)
    deadline = (timezone.localdate() + timedelta(days=21)).isoformat()
    response = client.post(
        reverse("scan:new"),
        {
            "gemeente": "GM0344",
            "model_version": "2026.1",
            "title": "Ontwikkelscan 2026",
            "secretary": "alice",
            "deadline": deadline,
            "k": "4",
            "situational": ["netwerkvaardigheid", "visie"],
        },
    )
    scan = Scan.objects.get()
    assert response.url == reverse("scan:groups", args=[scan.pk])
    assert scan.secretary == alice and scan.coordinator is None and scan.k == 4
    assert scan.competency_keys[-2:] == ["visie", "netwerkvaardigheid"]  # model order
    assert timezone.localtime(scan.deadline).date().isoformat() == deadline
    assert role_of(alice, scan) == "eigenaar"


def test_making_a_scan_for_someone_else_makes_you_coordinator(client, alice, bob):
    client.force_login(bob)
    client.post(
        reverse("scan:new"),
        {
            "gemeente": "GM0344",
            "model_version": "2026.1",
            "title": "Ontwikkelscan",
            "secretary": "alice",
            "deadline": (timezone.localdate() + timedelta(days=21)).isoformat(),
            "k": "3",
        },
    )
    scan = Scan.objects.get()
    assert scan.coordinator == bob and role_of(bob, scan) == "bewerker"


def test_a_secretary_without_a_name_gets_one_when_the_scan_is_made(client, alice, charlie):
    client.force_login(alice)
    post = {
        "gemeente": "GM0344",
        "model_version": "2026.1",
        "title": "Ontwikkelscan",
        "secretary": "charlie",
        "deadline": (timezone.localdate() + timedelta(days=21)).isoformat(),
        "k": "3",
    }
    page = client.post(reverse("scan:new"), post).content.decode()
    assert "Deze gebruiker heeft nog geen naam" in page
    assert not Scan.objects.exists()
    client.post(reverse("scan:new"), {**post, "secretary_name": " Charlie  de Wit "})
    charlie.refresh_from_db()
    assert charlie.get_full_name() == "Charlie de Wit"
    assert Scan.objects.get().secretary_name == "Charlie de Wit"


def test_a_scan_cannot_rename_a_secretary_who_has_a_name(client, alice, bob):
    client.force_login(bob)
    client.post(
        reverse("scan:new"),
        {
            "gemeente": "GM0344",
            "model_version": "2026.1",
            "title": "Ontwikkelscan",
            "secretary": "alice",
            "secretary_name": "Iemand Anders",
            "deadline": (timezone.localdate() + timedelta(days=21)).isoformat(),
            "k": "3",
        },
    )
    alice.refresh_from_db()
    assert alice.get_full_name() == "Alice Aerts"


def test_a_new_scan_refuses_a_past_deadline_an_unknown_secretary_and_k_below_3(client, alice):
    client.force_login(alice)
    page = client.post(
        reverse("scan:new"),
        {
            "gemeente": "GM0344",
            "secretary": "niemand",
            "deadline": timezone.localdate().isoformat(),
            "k": "2",
            "title": "x",
        },
    ).content.decode()
    assert "Er is geen gebruiker &#x27;niemand&#x27;" in page
    assert "Kies een datum na vandaag." in page
    assert "Kies 3 of meer" in page
    assert not Scan.objects.exists()


def test_a_raised_k_floor_is_refused_when_the_scan_is_made(client, alice, settings):
    settings.SCAN_MIN_K = 5
    client.force_login(alice)
    page = client.post(
        reverse("scan:new"),
        {
            "gemeente": "GM0344",
            "model_version": "2026.1",
            "title": "Ontwikkelscan",
            "secretary": "alice",
            "deadline": (timezone.localdate() + timedelta(days=21)).isoformat(),
            "k": "4",
        },
    ).content.decode()
    assert "Kies 5 of meer" in page
    assert not Scan.objects.exists()


# --- Groups, raters, settings, closing -----------------------------------------------------


def test_groups_can_be_renamed_switched_off_and_added(client, scan, bob):
    client.force_login(bob)
    groups = list(scan.groups.all())
    data = {f"name_{g.pk}": g.name for g in groups}
    data.update({f"enabled_{g.pk}": "on" for g in groups if g.key != "ondernemingsraad"})
    data[f"name_{scan.groups.get(key='raad').pk}"] = "Fractievoorzitters"
    assert client.post(reverse("scan:groups", args=[scan.pk]), data).status_code == 302
    assert scan.groups.get(key="raad").name == "Fractievoorzitters"
    assert not scan.groups.get(key="ondernemingsraad").enabled
    assert scan.groups.get(key="zelf").enabled  # the self-assessment always takes part
    client.post(reverse("scan:groups", args=[scan.pk]), {"add": "1", "name": "Provincie"})
    assert scan.groups.get(name="Provincie").key == "provincie"


@pytest.mark.parametrize("name", ["Overige beoordelaars", "alle anderen", "Zelf"])
def test_a_group_cannot_take_a_name_the_report_uses(client, scan, bob, name):
    client.force_login(bob)
    page = client.post(reverse("scan:groups", args=[scan.pk]), {"add": "1", "name": name})
    assert "Deze naam gebruikt het rapport al" in page.content.decode()
    data = {f"name_{g.pk}": g.name for g in scan.groups.all()}
    data.update({f"enabled_{g.pk}": "on" for g in scan.groups.all()})
    data[f"name_{scan.groups.get(key='extern').pk}"] = name
    client.post(reverse("scan:groups", args=[scan.pk]), data)
    assert scan.groups.get(key="extern").name.startswith("Externe partners")


def test_a_group_with_raters_cannot_be_switched_off(client, scan, bob, wethouder):
    client.force_login(bob)
    data = {f"name_{g.pk}": g.name for g in scan.groups.all()}
    page = client.post(reverse("scan:groups", args=[scan.pk]), data).content.decode()
    assert "In deze groep staan beoordelaars" in page
    assert scan.groups.get(key="wethouders").enabled


def test_a_rater_who_has_not_started_can_be_removed(client, scan, bob, wethouder):
    client.force_login(bob)
    client.post(reverse("scan:remove_rater", args=[scan.pk, wethouder.pk]))
    assert not Rater.objects.filter(pk=wethouder.pk).exists()


def test_a_rater_who_started_stays(client, scan, bob, wethouder):
    Rater.objects.filter(pk=wethouder.pk).update(started_at=timezone.now())
    client.force_login(bob)
    client.post(reverse("scan:remove_rater", args=[scan.pk, wethouder.pk]))
    assert Rater.objects.filter(pk=wethouder.pk).exists()


def test_settings_refuse_a_lost_update(client, scan, alice):
    client.force_login(alice)
    url = reverse("scan:settings", args=[scan.pk])
    data = {
        "lock_version": scan.lock_version,
        "title": "Nieuw",
        "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "k": "3",
        "coordinator": "bob",
    }
    assert client.post(url, data).status_code == 302
    page = client.post(url, {**data, "title": "Te laat"}).content.decode()
    assert "Iemand anders heeft de instellingen opgeslagen" in page
    assert Scan.objects.get().title == "Nieuw"


def test_the_owner_can_hand_coordination_to_someone_else(client, scan, alice, bob, charlie):
    client.force_login(alice)
    client.post(
        reverse("scan:settings", args=[scan.pk]),
        {
            "lock_version": scan.lock_version,
            "title": scan.title,
            "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "k": "3",
            "coordinator": "charlie",
        },
    )
    assert Scan.objects.get().coordinator == charlie
    assert role_of(charlie, scan) == "bewerker" and role_of(bob, scan) is None


def test_closing_needs_a_confirmation(client, scan, bob, wethouder):
    open_with_link(scan, wethouder)
    client.force_login(bob)
    client.post(reverse("scan:close", args=[scan.pk]))
    assert Scan.objects.get().status == Scan.OPEN
    client.post(reverse("scan:close", args=[scan.pk]), {"confirm": "on"})
    assert Scan.objects.get().status == Scan.GESLOTEN
    assert AuditEvent.objects.filter(action="scan.close").count() == 1


def test_closing_needs_a_recently_given_password(client, scan, bob, wethouder):
    import time

    from secretaris.accounts import sessions

    open_with_link(scan, wethouder)
    client.force_login(bob)
    session = client.session
    session[sessions.PASSWORD_AT] = time.time() - 3600
    session.save()
    response = client.post(reverse("scan:close", args=[scan.pk]), {"confirm": "on"})
    dashboard = reverse("scan:dashboard", args=[scan.pk])
    assert response.status_code == 302 and response.url == sessions.reauthenticate_url(dashboard)
    assert Scan.objects.get().status == Scan.OPEN


def test_the_dashboard_shows_counts_and_states_but_never_scores(client, scan, bob, link):
    wethouder = Rater.objects.get(email="willem@gemeente.nl")
    add_rater(scan, "wethouders", "Wim", "wim@gemeente.nl", approved=True)
    first = scan.competencies()[0]
    wethouder.start()
    wethouder.save_page(first, {i.code: 1 for i in first.indicators}, feedback="Onthullend")
    client.force_login(bob)
    page = client.get(reverse("scan:dashboard", args=[scan.pk])).content.decode()
    assert "Willem Wethouder" in page and "Bezig" in page
    assert "Onthullend" not in page and "nooit/zelden" not in page


def test_a_beheerder_cannot_redirect_a_started_raters_link(client, scan, wethouder):
    Rater.objects.filter(pk=wethouder.pk).update(started_at=timezone.now())
    client.force_login(make_user("dora", staff=True))
    page = client.get(reverse("admin:scan_rater_change", args=[wethouder.pk])).content.decode()
    assert 'name="email"' not in page
