"""Settings from the environment, Dutch as the language, the council identity in the admin."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from home.models import CouncilSettings
from tests.factories import CouncilMemberFactory, CouncilSettingsFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]

# The council identity form as the admin posts it.
IDENTITY_FORM = {
    "name": "Participatieraad Zwolle",
    "municipality": "Zwolle",
    "postal_address": "Postbus 1\n8000 AA Zwolle",
    "visiting_address": "",
    "email": "secretariaat@example.org",
    "phone": "",
    "logo": "",
    "chair_name": "Aljona Wertheim",
    "chair_role": "Voorzitter",
}


def council_identity(site):
    council = CouncilSettings.for_site(site)
    return {name: getattr(council, name) for name in IDENTITY_FORM if name != "logo"}


def run_manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="consult.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="adviesraad.example.nl",
        DATABASE_URL="postgres://user:secret@127.0.0.1:5432/adviesvolger",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="consult.settings.production", DJANGO_SECRET_KEY=""
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_database_url_selects_the_database():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        DJANGO_SETTINGS_MODULE="consult.settings.dev",
        DATABASE_URL="postgres://user:secret@127.0.0.1:5432/adviesvolger",
    )
    assert result.stdout.strip().endswith("django.db.backends.postgresql"), result.stderr


def test_dutch_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"


def test_admin_speaks_dutch(client, db):
    client.force_login(UserFactory(username="secretaris", groups=["Secretariaat"]))
    html = client.get("/admin/").content.decode()
    assert 'lang="nl"' in html
    assert "Pagina's" in html


def test_secretariat_edits_the_council_identity_in_the_admin(client, site_tree):
    home, index = site_tree
    client.force_login(UserFactory(username="secretaris", groups=["Secretariaat"]))
    site_id = home.get_site().pk
    url = f"/admin/settings/home/councilsettings/{site_id}/"
    assert client.get(url).status_code == 200
    response = client.post(url, IDENTITY_FORM)
    assert response.status_code == 302
    council = CouncilSettings.for_site(home.get_site())
    assert council.chair_name == "Aljona Wertheim"
    footer = client.get("/").content.decode().split("<footer")[1]
    assert "Postbus 1" in footer
    assert "secretariaat@example.org" in footer


def test_council_members_cannot_edit_the_council_identity(client, site_tree):
    home, index = site_tree
    site = home.get_site()
    CouncilSettingsFactory(site=site, name="Participatieraad Testdorp", email="raad@example.org")
    before = council_identity(site)
    client.force_login(CouncilMemberFactory())
    url = f"/admin/settings/home/councilsettings/{site.pk}/"

    assert client.get(url).status_code == 302
    response = client.post(url, {**IDENTITY_FORM, "name": "Gekaapt", "email": "x@example.org"})
    # Sent back to the dashboard with the reason, not to the saved settings.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    dashboard = client.get(response["Location"]).content.decode()
    assert "Sorry, je hebt geen toegang tot dit gedeelte." in dashboard
    assert council_identity(site) == before
    assert "Gekaapt" not in client.get("/").content.decode()
