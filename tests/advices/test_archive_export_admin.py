"""The secretariat's archive export in the admin: the form, the download, Dutch messages that
keep the input, and a 403 with its reason for everyone else."""

import datetime
import html

import pytest
from django.urls import reverse

from advices.models import ArchiveSettings
from tests.advices.archive_helpers import open_zip, send_on

URL = "/admin/archief-export/"


@pytest.fixture
def sent(site_tree):
    return send_on(datetime.date(2022, 6, 17), "PR-2022-02", subject="Armoede")


def test_the_url_is_the_admins(db):
    assert reverse("advices_archive_export") == URL


def test_the_secretariat_downloads_the_periods_package(client, secretary, sent):
    client.force_login(secretary)
    form = client.get(URL)
    assert form.status_code == 200
    assert "Export voor het archief" in form.content.decode()
    response = client.post(URL, {"start": "2022-01-01", "end": "2022-12-31"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert (
        'filename="archief-adviezen-2022-01-01-tot-2022-12-31.zip"'
        in (response["Content-Disposition"])
    )
    with sent.sent_pdf.file.open("rb") as handle:
        stored = handle.read()
    assert open_zip(response.content).read("PR-2022-02/PR-2022-02-armoede.pdf") == stored


def test_the_menu_shows_the_export_to_the_secretariat_only(client, secretary, member, site_tree):
    client.force_login(secretary)
    assert URL in client.get("/admin/").content.decode()
    client.force_login(member)
    assert URL not in client.get("/admin/").content.decode()


def test_bad_input_gets_a_dutch_message_and_keeps_the_input(client, secretary, sent):
    client.force_login(secretary)
    response = client.post(URL, {"start": "2022-12-31", "end": "2022-01-01"})
    assert response.status_code == 400
    body = html.unescape(response.content.decode())
    assert "De einddatum ligt vóór de begindatum." in body
    assert 'value="2022-12-31"' in body and 'value="2022-01-01"' in body
    response = client.post(URL, {"start": "morgen", "end": ""})
    assert response.status_code == 400
    assert 'value="morgen"' in response.content.decode()


def test_a_damaged_pdf_is_explained_not_a_500(client, secretary, sent):
    stored = sent.sent_pdf.file
    with stored.storage.open(stored.name, "wb") as handle:
        handle.write(b"%PDF-1.7 overwritten")
    client.force_login(secretary)
    response = client.post(URL, {"start": "2022-01-01", "end": "2022-12-31"})
    assert response.status_code == 400
    assert "PR-2022-02 is beschadigd" in html.unescape(response.content.decode())


@pytest.mark.parametrize("role", ["member", "clerk"])
def test_other_roles_are_refused_with_a_reason(client, request, role, sent):
    client.force_login(request.getfixturevalue(role))
    for response in (
        client.get(URL),
        client.post(URL, {"start": "2022-01-01", "end": "2022-12-31"}),
    ):
        assert response.status_code == 403
        assert "Alleen het secretariaat" in response.content.decode()


def test_the_secretariat_sets_the_appraisal_in_the_settings(client, secretary, site_tree):
    home, _index = site_tree
    client.force_login(secretary)
    url = f"/admin/settings/advices/archivesettings/{home.get_site().pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Selectielijst gemeenten en intergemeentelijke organen 2020" in page.content.decode()
    data = {
        "category_code": "3.1",
        "category_label": "Beleid",
        "appraisal": "vernietigen",
        "retention_years": "20",
    }
    assert client.post(url, data).status_code == 302
    saved = ArchiveSettings.for_site(home.get_site())
    assert (saved.category_code, saved.appraisal, saved.retention_years) == (
        "3.1",
        "vernietigen",
        20,
    )


def test_the_open_data_page_tells_the_archivist_the_appraisal_in_force(client, site_tree):
    home, _index = site_tree
    page = html.unescape(client.get("/open-data/").content.decode())
    assert "Voor het archief van de gemeente" in page
    in_force = "categorie 3 (Voorbereiden en bijsturen beleid). De stukken worden blijvend bewaard."
    assert in_force in page
    settings = ArchiveSettings.for_site(home.get_site())
    settings.category_code, settings.category_label = "3.1", "Beleid"
    settings.appraisal, settings.retention_years = "vernietigen", 20
    settings.save()
    page = html.unescape(client.get("/open-data/").content.decode())
    assert "categorie 3.1 (Beleid). De stukken worden 20 jaar na het afsluiten" in page
    assert "blijvend bewaard" not in page
