import pytest
from django.core.management import CommandError, call_command

from secretaris.accounts.models import AuditEvent, TwoFactor
from secretaris.accounts.tests.helpers import enrol

PASSWORD = "een-goed-wachtwoord-voor-anne"


def test_it_creates_a_beheerder_from_the_environment(db, monkeypatch, capsys):
    from django.contrib.auth.models import User

    monkeypatch.setenv("SECRETARIS_WACHTWOORD", PASSWORD)
    call_command("gebruiker", "anne", "--email", "anne@gemeente.nl", "--beheerder")
    anne = User.objects.get(username="anne")
    assert anne.is_staff and anne.is_superuser and anne.email == "anne@gemeente.nl"
    assert anne.check_password(PASSWORD) and anne.password.startswith("argon2$")
    assert "tweestapsverificatie" in capsys.readouterr().out


def test_wachtwoord_uit_omgeving_stops_when_the_variable_is_missing(db, monkeypatch):
    monkeypatch.delenv("SECRETARIS_WACHTWOORD", raising=False)
    with pytest.raises(CommandError) as info:
        call_command("gebruiker", "anne", "--wachtwoord-uit-omgeving")
    assert info.value.returncode == 2
    assert "SECRETARIS_WACHTWOORD" in str(info.value)


def test_reset_2fa_removes_two_factor_and_keeps_the_password(alice, capsys):
    enrol(alice)
    old_hash = alice.password
    call_command("gebruiker", "alice", "--reset-2fa")
    assert not TwoFactor.objects.filter(user=alice).exists()
    alice.refresh_from_db()
    assert alice.password == old_hash
    assert AuditEvent.objects.filter(action="2fa_reset", user=alice).exists()
    assert "uitgezet" in capsys.readouterr().out


def test_reset_2fa_of_an_unknown_user_exits_2(db):
    with pytest.raises(CommandError) as info:
        call_command("gebruiker", "niemand", "--reset-2fa")
    assert info.value.returncode == 2


def test_the_help_has_an_example(capsys):
    with pytest.raises(SystemExit):
        call_command("gebruiker", "--help")
    out = capsys.readouterr().out
    assert "Voorbeeld:" in out and "--reset-2fa" in out


def test_a_new_user_gets_a_full_name_with_naam(db, monkeypatch, capsys):
    from django.contrib.auth.models import User

    monkeypatch.setenv("SECRETARIS_WACHTWOORD", PASSWORD)
    call_command("gebruiker", "anne", "--naam", "Anne de Vries")
    anne = User.objects.get(username="anne")
    assert (anne.first_name, anne.last_name) == ("Anne", "de Vries")
    assert anne.get_full_name() == "Anne de Vries"


def test_a_new_user_without_naam_in_a_script_is_warned(db, monkeypatch, capsys):
    monkeypatch.setenv("SECRETARIS_WACHTWOORD", PASSWORD)
    call_command("gebruiker", "anne")
    assert "geen naam" in capsys.readouterr().out


def test_naam_alone_renames_an_existing_user_and_keeps_the_password(alice, monkeypatch, capsys):
    monkeypatch.delenv("SECRETARIS_WACHTWOORD", raising=False)
    old_hash = alice.password
    call_command("gebruiker", "alice", "--naam", "  Alice  van den   Berg ")
    alice.refresh_from_db()
    assert alice.get_full_name() == "Alice van den Berg"
    assert alice.password == old_hash
    assert "heet nu Alice van den Berg" in capsys.readouterr().out
    assert AuditEvent.objects.filter(action="user_renamed", user=alice).exists()


@pytest.mark.parametrize("name", ["   ", "x" * 151])
def test_an_empty_or_too_long_name_is_refused(alice, name):
    with pytest.raises(CommandError) as info:
        call_command("gebruiker", "alice", "--naam", name)
    assert info.value.returncode == 2
