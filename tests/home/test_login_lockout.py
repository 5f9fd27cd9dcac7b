"""The lockout after repeated wrong passwords (django-axes, home/security/): through the real
admin login URL, as a person at a browser would meet it."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.factories import CouncilMemberFactory, MunicipalityUserFactory, SecretaryFactory

PASSWORD = "wachtwoord-123"  # tests/factories.py
ATTACKER = "203.0.113.9"
OFFICE = "198.51.100.20"


@pytest.fixture(autouse=True)
def lockout_on(settings):
    # consult.settings.test turns it off for the rest of the suite (client.login passes no
    # request); these tests use the production numbers.
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.ADVIESVOLGER_LOGIN_FAILURE_LIMIT_PER_CLIENT = 20
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=30)
    settings.TRUSTED_PROXY_COUNT = 0


@pytest.fixture
def member(db):
    return CouncilMemberFactory(username="rianne")


def client_from(address, **extra):
    return Client(REMOTE_ADDR=address, **extra)


def log_in(client, username, password, **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, "next": reverse("wagtailadmin_home")},
        **headers,
    )


def logged_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def lock(client, username, times=5):
    return [log_in(client, username, "helemaal-fout").status_code for _ in range(times)]


def test_fifty_wrong_passwords_lock_the_account_after_five(member):
    client = client_from(ATTACKER)
    statuses = lock(client, "rianne", times=50)
    assert statuses[:4] == [200] * 4  # the login form with its error
    assert statuses[4:] == [429] * 46


def test_the_lockout_page_says_in_dutch_what_happened_until_when_and_whom_to_ask(member):
    client = client_from(ATTACKER)
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        response = lock(client, "rianne") and log_in(client, "rianne", "nog-steeds-fout")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in text
    assert "te vaak een verkeerd wachtwoord" in text
    # 09:00 UTC is 10:00 in Amsterdam; 30 minutes later.
    assert "10:30 uur" in text
    assert "secretariaat" in text
    assert "Account locked" not in text
    assert int(response["Retry-After"]) > 0


def test_the_right_password_is_refused_while_locked(member):
    client = client_from(ATTACKER)
    lock(client, "rianne")
    response = log_in(client, "rianne", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)


def test_the_lock_ends_after_the_cool_off(member):
    client = client_from(ATTACKER)
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False) as clock:
        lock(client, "rianne")
        clock.shift(dt.timedelta(minutes=29))
        assert log_in(client, "rianne", PASSWORD).status_code == 429
        clock.shift(dt.timedelta(minutes=2))
        assert log_in(client, "rianne", PASSWORD).status_code == 302
        assert logged_in(client)


def test_a_success_forgets_earlier_wrong_passwords(member):
    client = client_from(OFFICE)
    lock(client, "rianne", times=4)
    assert log_in(client, "rianne", PASSWORD).status_code == 302
    client.post(reverse("wagtailadmin_logout"))
    assert lock(client, "rianne", times=4) == [200] * 4


def test_an_attacker_elsewhere_does_not_lock_out_the_owner(member):
    lock(client_from(ATTACKER), "rianne", times=10)
    office = client_from(OFFICE)
    assert log_in(office, "rianne", PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_locked_for_all(member):
    attacker = client_from(ATTACKER)
    statuses = []
    for number in range(5):
        statuses += lock(attacker, f"gok{number}", times=4)
    # Never 5 wrong passwords for one name, but the 20th from this address locks it.
    assert statuses == [200] * 19 + [429]
    assert log_in(attacker, "rianne", PASSWORD).status_code == 429
    assert log_in(client_from(OFFICE), "rianne", PASSWORD).status_code == 302


def test_x_forwarded_for_is_ignored_unless_a_proxy_is_configured(member, settings):
    # Without a configured proxy a forged header changes nothing: still one address.
    statuses = [
        log_in(
            client_from(ATTACKER), "rianne", "fout", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"
        ).status_code
        for n in range(6)
    ]
    assert statuses[-1] == 429


def test_behind_a_configured_proxy_the_forwarded_client_counts(member, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for _ in range(5):
        log_in(client_from(proxy), "rianne", "fout", HTTP_X_FORWARDED_FOR=ATTACKER)
    blocked = log_in(client_from(proxy), "rianne", PASSWORD, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert blocked.status_code == 429
    # Someone else behind the same proxy logs in; a forged left part does not help the attacker.
    other = log_in(client_from(proxy), "rianne", PASSWORD, HTTP_X_FORWARDED_FOR=OFFICE)
    assert other.status_code == 302
    forged = log_in(
        client_from(proxy), "rianne", PASSWORD, HTTP_X_FORWARDED_FOR=f"{OFFICE}, {ATTACKER}"
    )
    assert forged.status_code == 429


def test_the_secretariat_unlocks_an_account_in_the_admin(member):
    attacker_side = client_from(ATTACKER)
    lock(attacker_side, "rianne")
    secretary = client_from(OFFICE)
    secretary.force_login(SecretaryFactory(username="sem"))
    page = secretary.get(reverse("home_login_lockouts"))
    assert page.status_code == 200
    assert "rianne" in page.content.decode()
    assert "Ontgrendel" in page.content.decode()
    response = secretary.post(reverse("home_login_unlock"), {"username": "rianne"}, follow=True)
    assert "Het account rianne is ontgrendeld." in response.content.decode()
    assert "rianne" not in secretary.get(reverse("home_login_lockouts")).content.decode()
    assert log_in(attacker_side, "rianne", PASSWORD).status_code == 302


def test_the_secretariat_sees_the_menu_item_and_the_municipality_does_not(member):
    secretary, clerk = client_from(OFFICE), client_from(OFFICE)
    secretary.force_login(SecretaryFactory())
    clerk.force_login(MunicipalityUserFactory())
    assert "Geblokkeerde logins" in secretary.get(reverse("wagtailadmin_home")).content.decode()
    assert "Geblokkeerde logins" not in clerk.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("factory", [MunicipalityUserFactory, CouncilMemberFactory])
def test_other_roles_cannot_see_or_unlock(member, factory):
    lock(client_from(ATTACKER), "rianne")
    other = client_from(OFFICE)
    other.force_login(factory())
    page = other.get(reverse("home_login_lockouts"))
    assert page.status_code == 403
    assert "Alleen het secretariaat en beheerders" in page.content.decode()
    refused = other.post(reverse("home_login_unlock"), {"username": "rianne"})
    assert refused.status_code == 403
    assert log_in(client_from(ATTACKER), "rianne", PASSWORD).status_code == 429


def test_unlock_needs_a_post_with_csrf(member):
    lock(client_from(ATTACKER), "rianne")
    secretary = Client(REMOTE_ADDR=OFFICE, enforce_csrf_checks=True)
    secretary.force_login(SecretaryFactory())
    assert secretary.get(reverse("home_login_unlock")).status_code == 405
    assert secretary.post(reverse("home_login_unlock"), {"username": "rianne"}).status_code == 403
    assert log_in(client_from(ATTACKER), "rianne", PASSWORD).status_code == 429


def test_the_secretariat_unlocks_an_address(member):
    attacker = client_from(ATTACKER)
    for number in range(5):
        lock(attacker, f"gok{number}", times=4)
    secretary = client_from(OFFICE)
    secretary.force_login(SecretaryFactory())
    assert ATTACKER in secretary.get(reverse("home_login_lockouts")).content.decode()
    secretary.post(reverse("home_login_unlock"), {"address": ATTACKER})
    assert log_in(attacker, "rianne", PASSWORD).status_code == 302


def test_operators_unlock_with_the_axes_command(member):
    client = client_from(ATTACKER)
    lock(client, "rianne")
    call_command("axes_reset_username", "rianne")
    assert log_in(client, "rianne", PASSWORD).status_code == 302
