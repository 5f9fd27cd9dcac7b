"""Two-factor authentication for the admin (home/two_factor/): through the real login URL,
with real TOTP codes computed as an authenticator app would."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import (
    CouncilMemberFactory,
    MunicipalityUserFactory,
    SecretaryFactory,
    UserFactory,
)

PASSWORD = "wachtwoord-123"  # tests/factories.py
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)

# Admin URLs a half-logged-in user must not reach: pages, choosers (page, snippet, document),
# the admin API, users and the own account.
ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/choose-page/",
    "/admin/snippets/choose/advices/adviceletter/",
    "/admin/documents/chooser/",
    "/admin/api/main/pages/",
    "/admin/users/",
    "/admin/account/",
    "/admin/snippets/advices/adviceletter/",
    "/admin/tweestapsverificatie/",
    "/admin/geblokkeerde-logins/",
]


@pytest.fixture(autouse=True)
def required(db, settings):
    settings.ADVIESVOLGER_2FA_REQUIRED_GROUPS = ["Secretariaat", "Gemeente"]
    settings.ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS = True


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def log_in(client, user):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": user.username, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302, "the password step itself works"
    return response


def app_code(device, seconds_later=0):
    """The code an authenticator app shows now (or ``seconds_later``)."""
    import time

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + seconds_later
    return f"{totp.token():06d}"


def set_up(client, clock, user):
    """Go through the setup page as a user would; returns the device and recovery codes."""
    page = client.get(reverse("home_two_factor_setup"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("home_two_factor_setup"), {"code": app_code(device)})
    assert response.status_code == 302
    codes_page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li>([a-z2-7]{4}-[a-z2-7]{4})</li>", codes_page)
    device.refresh_from_db()
    clock.shift(dt.timedelta(seconds=30))  # the next code is a new one
    return device, codes


def log_out(client):
    client.post(reverse("wagtailadmin_logout"))


def test_a_required_user_without_an_app_reaches_only_the_setup_page(client, site_tree):
    clerk = MunicipalityUserFactory()
    log_in(client, clerk)
    setup_url = reverse("home_two_factor_setup")
    for url in ADMIN_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{setup_url}?next="), url
    assert client.get(setup_url).status_code == 200
    # A POST elsewhere is refused, with the reason.
    refused = client.post("/admin/account/", {"first_name": "X"})
    assert refused.status_code == 403
    assert "Stel eerst tweestapsverificatie in" in refused.content.decode()
    # The public site works as for anyone.
    assert client.get("/").status_code == 200
    # Logging out works.
    log_out(client)
    assert client.get("/admin/")["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_setup_page_shows_a_qr_code_and_the_secret_to_type(client):
    log_in(client, SecretaryFactory())
    text = client.get(reverse("home_two_factor_setup")).content.decode()
    assert "<svg" in text and "QR-code voor uw app" in text
    assert re.search(r'id="two-factor-secret">([A-Z2-7]{4} ){7}[A-Z2-7]{4}<', text)
    assert 'autocomplete="one-time-code"' in text
    assert 'inputmode="numeric"' in text
    assert '<label class="w-field__label" for="id_code"' in text


def test_setup_then_every_login_asks_for_a_code(client, clock):
    secretary = SecretaryFactory()
    log_in(client, secretary)
    # A wrong first code does not switch it on.
    wrong = client.post(reverse("home_two_factor_setup"), {"code": "000000"})
    assert wrong.status_code == 400
    assert "Deze code klopt niet" in wrong.content.decode()
    clock.shift(dt.timedelta(seconds=5))  # django-otp waits a second after a wrong code
    device, codes = set_up(client, clock, secretary)
    assert device.confirmed and len(codes) == 10
    assert client.get("/admin/").status_code == 200
    # Shown once only.
    again = client.get(reverse("home_two_factor_recovery_codes")).content.decode()
    assert not any(code in again for code in codes)

    log_out(client)
    log_in(client, secretary)
    verify_url = reverse("home_two_factor_verify")
    for url in ADMIN_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{verify_url}?next="), url
    page = client.get(verify_url).content.decode()
    assert "Tweestapsverificatie" in page and 'autocomplete="one-time-code"' in page

    refused = client.post(verify_url, {"code": "123456", "next": "/admin/users/"})
    assert refused.status_code == 400
    assert "Deze code klopt niet" in refused.content.decode()
    assert client.get("/admin/").status_code == 302

    clock.shift(dt.timedelta(seconds=5))
    response = client.post(verify_url, {"code": app_code(device), "next": "/admin/users/"})
    assert response.status_code == 302 and response["Location"] == "/admin/users/"
    # Now every one of those URLs answers (they are real pages, not 404s).
    for url in ADMIN_URLS:
        assert client.get(url).status_code == 200, url


def test_wrong_codes_make_the_next_try_wait(client, clock):
    secretary = SecretaryFactory()
    log_in(client, secretary)
    device, _codes = set_up(client, clock, secretary)
    log_out(client)
    log_in(client, secretary)
    verify_url = reverse("home_two_factor_verify")
    for _ in range(3):
        client.post(verify_url, {"code": "111111"})
    # Even the right code waits: 4 seconds after the third wrong one.
    waiting = client.post(verify_url, {"code": app_code(device)})
    assert waiting.status_code == 400
    assert "te vaak een verkeerde code" in waiting.content.decode()
    clock.shift(dt.timedelta(seconds=5))
    assert client.post(verify_url, {"code": app_code(device)}).status_code == 302


def test_a_recovery_code_works_once(client, clock):
    clerk = MunicipalityUserFactory()
    log_in(client, clerk)
    _device, codes = set_up(client, clock, clerk)
    log_out(client)

    log_in(client, clerk)
    response = client.post(
        reverse("home_two_factor_verify"), {"recovery_code": codes[0].upper()}, follow=True
    )
    assert response.status_code == 200
    assert "u hebt er nog 9" in response.content.decode()
    assert client.get("/admin/").status_code == 200
    log_out(client)

    log_in(client, clerk)
    clock.shift(dt.timedelta(seconds=5))
    again = client.post(reverse("home_two_factor_verify"), {"recovery_code": codes[0]})
    assert again.status_code == 400
    assert client.get("/admin/").status_code == 302
    clock.shift(dt.timedelta(seconds=5))
    other = client.post(reverse("home_two_factor_verify"), {"recovery_code": codes[1]})
    assert other.status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client, clock):
    secretary = SecretaryFactory()
    log_in(client, secretary)
    _device, old = set_up(client, clock, secretary)
    response = client.post(reverse("home_two_factor_new_recovery_codes"), follow=True)
    new = re.findall(r"<li>([a-z2-7]{4}-[a-z2-7]{4})</li>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    log_out(client)
    log_in(client, secretary)
    assert (
        client.post(reverse("home_two_factor_verify"), {"recovery_code": old[0]}).status_code == 400
    )
    clock.shift(dt.timedelta(seconds=5))
    assert (
        client.post(reverse("home_two_factor_verify"), {"recovery_code": new[0]}).status_code == 302
    )


def test_turning_it_off_asks_for_a_valid_code(client, clock):
    member = CouncilMemberFactory()
    log_in(client, member)
    device, _codes = set_up(client, clock, member)
    wrong = client.post(reverse("home_two_factor_remove"), {"code": "000000"})
    assert wrong.status_code == 400
    assert TOTPDevice.objects.filter(user=member, confirmed=True).exists()
    clock.shift(dt.timedelta(seconds=5))
    right = client.post(reverse("home_two_factor_remove"), {"code": app_code(device)})
    assert right.status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()
    # Not required for council members here: the admin works without it.
    assert client.get("/admin/").status_code == 200


def test_a_required_user_who_turns_it_off_must_set_it_up_again(client, clock):
    secretary = SecretaryFactory()
    log_in(client, secretary)
    device, _codes = set_up(client, clock, secretary)
    client.post(reverse("home_two_factor_remove"), {"code": app_code(device)})
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("home_two_factor_setup"))


def test_council_members_are_not_forced_when_their_group_is_not_named(client, settings):
    settings.ADVIESVOLGER_2FA_REQUIRED_GROUPS = ["Secretariaat", "Gemeente"]
    log_in(client, CouncilMemberFactory())
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/account/").status_code == 200


def test_a_council_member_who_chose_it_must_give_a_code_too(client, clock):
    member = CouncilMemberFactory()
    log_in(client, member)
    set_up(client, clock, member)
    log_out(client)
    log_in(client, member)
    assert client.get("/admin/")["Location"].startswith(reverse("home_two_factor_verify"))


def test_administrators_are_forced_when_the_setting_says_so(client, settings):
    admin = UserFactory(is_superuser=True, is_staff=True)
    log_in(client, admin)
    assert client.get("/admin/")["Location"].startswith(reverse("home_two_factor_setup"))
    settings.ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS = False
    assert client.get("/admin/").status_code == 200


def test_nobody_is_forced_when_no_group_is_named(client, settings):
    settings.ADVIESVOLGER_2FA_REQUIRED_GROUPS = []
    log_in(client, MunicipalityUserFactory())
    assert client.get("/admin/").status_code == 200


def test_a_foreign_next_address_is_not_followed(client, clock):
    secretary = SecretaryFactory()
    log_in(client, secretary)
    device, _codes = set_up(client, clock, secretary)
    log_out(client)
    log_in(client, secretary)
    response = client.post(
        reverse("home_two_factor_verify"),
        {"code": app_code(device), "next": "https://example.com/"},
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_account_page_links_to_two_factor(client):
    client.force_login(CouncilMemberFactory())
    assert reverse("home_two_factor") in client.get("/admin/account/").content.decode()


def test_login_with_a_fresh_client_is_not_verified_by_another_session(clock):
    secretary = SecretaryFactory()
    first, second = Client(), Client()
    log_in(first, secretary)
    set_up(first, clock, secretary)
    assert first.get("/admin/").status_code == 200
    log_in(second, secretary)
    assert second.get("/admin/").status_code == 302


def test_an_operator_resets_two_factor_for_someone_who_lost_everything(client, clock):
    from django.core.management import call_command

    clerk = MunicipalityUserFactory(username="gerda")
    log_in(client, clerk)
    set_up(client, clock, clerk)
    log_out(client)
    call_command("reset_two_factor", "gerda")
    log_in(client, clerk)
    assert client.get("/admin/")["Location"].startswith(reverse("home_two_factor_setup"))
