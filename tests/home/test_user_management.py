"""Who may manage whose account (home/users.py): the secretariat manages council members and
municipal accounts; only an administrator grants or takes power. Every refusal is a 403 with
the reason, and nothing changes."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import (
    CouncilMemberFactory,
    MunicipalityUserFactory,
    SecretaryFactory,
    UserFactory,
)

User = get_user_model()


@pytest.fixture
def people(db):
    return {
        "secretary": SecretaryFactory(username="sem"),
        "other_secretary": SecretaryFactory(username="sara"),
        "member": CouncilMemberFactory(username="rianne"),
        "clerk": MunicipalityUserFactory(username="gerda"),
        "admin": UserFactory(username="beheerder", is_superuser=True, is_staff=True),
    }


def new_user_data(**overrides):
    data = {
        "username": "nieuw",
        "email": "nieuw@example.nl",
        "first_name": "Nina",
        "last_name": "Nieuw",
        "password1": "een-lang-wachtwoord-2026",
        "password2": "een-lang-wachtwoord-2026",
        "groups": [Group.objects.get(name="Raadsleden").pk],
    }
    data.update(overrides)
    return data


def edit_data(user, **overrides):
    data = {
        "username": user.username,
        "email": user.email or "iemand@example.nl",
        "first_name": user.first_name or "Iemand",
        "last_name": user.last_name or "Anders",
        "is_active": "on",
        "password1": "",
        "password2": "",
        "groups": list(user.groups.values_list("pk", flat=True)),
    }
    data.update(overrides)
    return data


def test_the_secretariat_adds_a_council_member_but_never_an_administrator(client, people):
    client.force_login(people["secretary"])
    response = client.post(reverse("wagtailusers_users:add"), new_user_data(is_superuser="on"))
    assert response.status_code == 302
    created = User.objects.get(username="nieuw")
    assert not created.is_superuser
    assert list(created.groups.values_list("name", flat=True)) == ["Raadsleden"]


def test_the_secretariat_cannot_give_the_secretariat_role(client, people):
    client.force_login(people["secretary"])
    secretariat = Group.objects.get(name="Secretariaat")
    page = client.get(reverse("wagtailusers_users:add"))
    assert "is_superuser" not in page.content.decode()
    response = client.post(
        reverse("wagtailusers_users:add"), new_user_data(groups=[secretariat.pk])
    )
    assert response.status_code == 200  # the form refuses the choice
    assert not User.objects.filter(username="nieuw").exists()


@pytest.mark.parametrize("target", ["admin", "other_secretary"])
def test_the_secretariat_cannot_change_power_accounts(client, people, target):
    account = people[target]
    before = (account.password, account.is_superuser, set(account.groups.all()))
    client.force_login(people["secretary"])
    url = reverse("wagtailusers_users:edit", args=[account.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url,
        edit_data(account, password1="overgenomen-2026!", password2="overgenomen-2026!"),
    )
    assert response.status_code == 403
    assert "Alleen een beheerder" in response.content.decode()
    account.refresh_from_db()
    assert (account.password, account.is_superuser, set(account.groups.all())) == before


def test_the_secretariat_cannot_change_its_own_roles(client, people):
    secretary = people["secretary"]
    client.force_login(secretary)
    clerk_group = Group.objects.get(name="Gemeente")
    url = reverse("wagtailusers_users:edit", args=[secretary.pk])
    response = client.post(url, edit_data(secretary, groups=[clerk_group.pk], is_superuser="on"))
    assert response.status_code == 302
    secretary.refresh_from_db()
    assert list(secretary.groups.values_list("name", flat=True)) == ["Secretariaat"]
    assert not secretary.is_superuser


def test_the_secretariat_edits_a_member_within_the_roles(client, people):
    member = people["member"]
    client.force_login(people["secretary"])
    clerk_group = Group.objects.get(name="Gemeente")
    url = reverse("wagtailusers_users:edit", args=[member.pk])
    response = client.post(url, edit_data(member, groups=[clerk_group.pk], first_name="Rianne"))
    assert response.status_code == 302
    member.refresh_from_db()
    assert list(member.groups.values_list("name", flat=True)) == ["Gemeente"]


def bulk_url(action, users):
    return (
        reverse("wagtail_bulk_action", args=["auth", "user", action])
        + "?"
        + "&".join(f"id={user.pk}" for user in users)
    )


def test_bulk_assigning_the_secretariat_role_is_refused(client, people):
    client.force_login(people["secretary"])
    secretariat = Group.objects.get(name="Secretariaat")
    response = client.post(bulk_url("assign_role", [people["member"]]), {"role": secretariat.pk})
    assert response.status_code == 403
    assert "Het secretariaat kan alleen de rollen" in response.content.decode()
    assert not people["member"].groups.filter(name="Secretariaat").exists()


def test_bulk_changes_to_an_administrator_are_refused(client, people):
    client.force_login(people["secretary"])
    response = client.post(
        bulk_url("set_active_state", [people["admin"], people["member"]]),
        {"mark_as_active": "False"},
    )
    assert response.status_code == 403
    people["admin"].refresh_from_db()
    assert people["admin"].is_active


def test_an_administrator_may_do_all_of_it(client, people):
    client.force_login(people["admin"])
    secretariat = Group.objects.get(name="Secretariaat")
    response = client.post(bulk_url("assign_role", [people["member"]]), {"role": secretariat.pk})
    assert response.status_code == 302
    assert people["member"].groups.filter(name="Secretariaat").exists()
