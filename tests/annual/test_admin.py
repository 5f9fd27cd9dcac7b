"""The secretariat's screens: create a report, edit the foreword, preview it with the live
figures, publish it after a confirmation screen; everyone else is refused with the reason."""

import pytest
from django.urls import reverse

from annual.lifecycle import ReportStatus
from annual.models import AnnualReport
from tests.advices.admin_forms import draftail
from tests.annual.dataset import day, sent_letter
from tests.factories import (
    AnnualReportFactory,
    CouncilMemberFactory,
    MunicipalityUserFactory,
    SecretaryFactory,
)

pytestmark = pytest.mark.django_db

NAMESPACE = "wagtailsnippets_annual_annualreport"


def url(view, *args):
    return reverse(f"{NAMESPACE}:{view}", args=args)


def test_the_secretariat_creates_a_report_and_edits_the_foreword(client, site):
    secretary = SecretaryFactory()
    client.force_login(secretary)
    response = client.post(
        url("add"), {"year": "2022", "foreword": draftail("<p>Een goed jaar.</p>")}
    )
    assert response.status_code == 302
    report = AnnualReport.objects.get()
    assert report.year == 2022 and report.status == ReportStatus.CONCEPT
    assert "Een goed jaar." in report.foreword
    assert response["Location"] == url("preview", report.pk)
    assert report.history.get().history_user == secretary


def test_a_second_report_for_the_same_year_is_refused_with_a_message(client, site):
    AnnualReportFactory(year=2022)
    client.force_login(SecretaryFactory())
    response = client.post(url("add"), {"year": "2022", "foreword": draftail("")})
    assert response.status_code == 200
    assert "Voor dit jaar is er al een jaarverslag." in response.content.decode()
    assert AnnualReport.objects.count() == 1


def test_the_preview_shows_the_live_figures(client, site):
    report = AnnualReportFactory(year=2022)
    client.force_login(CouncilMemberFactory())
    response = client.get(url("preview", report.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Voorbeeld met de cijfers van vandaag" in body
    assert "PR-2022-07" in body
    sent_letter(day(2022, 9, 1), 1, None, "PR-2022-08")
    assert "PR-2022-08" in client.get(url("preview", report.pk)).content.decode()


def test_the_publish_screen_explains_then_publishes(client, site):
    report = AnnualReportFactory(year=2022)
    client.force_login(SecretaryFactory())
    screen = client.get(url("publish", report.pk))
    assert screen.status_code == 200
    assert "De cijfers worden berekend zoals ze nu zijn en liggen daarna vast" in (
        screen.content.decode()
    )
    response = client.post(url("publish", report.pk))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED


def test_publishing_again_says_so_and_changes_nothing(client, site):
    report = AnnualReportFactory(year=2022, published=True)
    before = AnnualReport.objects.values().get(pk=report.pk)
    client.force_login(SecretaryFactory())
    response = client.post(url("publish", report.pk), follow=True)
    assert "al gepubliceerd" in response.content.decode()
    assert AnnualReport.objects.values().get(pk=report.pk) == before


@pytest.mark.parametrize("make_user", [CouncilMemberFactory, MunicipalityUserFactory])
def test_others_may_not_publish_403_with_the_reason(client, site, make_user):
    report = AnnualReportFactory(year=2022)
    client.force_login(make_user())
    for response in (client.get(url("publish", report.pk)), client.post(url("publish", report.pk))):
        assert response.status_code == 403
        assert "Alleen het secretariaat publiceert een jaarverslag." in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.CONCEPT


def test_the_municipality_does_not_see_concept_reports(client, site):
    report = AnnualReportFactory(year=2022)
    client.force_login(MunicipalityUserFactory())
    response = client.get(url("preview", report.pk))
    assert response.status_code == 403
    assert "alleen voor de raad" in response.content.decode()


def test_council_members_read_but_do_not_write(client, site):
    report = AnnualReportFactory(year=2022)
    client.force_login(CouncilMemberFactory())
    assert client.get(url("list")).status_code == 200
    assert client.post(url("add"), {"year": "2021", "foreword": draftail("")}).status_code in (
        302,
        403,
    )
    assert not AnnualReport.objects.filter(year=2021).exists()
    client.post(url("edit", report.pk), {"year": "2022", "foreword": draftail("<p>Anders</p>")})
    report.refresh_from_db()
    assert report.foreword != "<p>Anders</p>"


def test_a_published_report_cannot_be_edited_in_the_admin(client, site):
    report = AnnualReportFactory(year=2022, published=True)
    client.force_login(SecretaryFactory())
    response = client.get(url("edit", report.pk))
    assert response.status_code == 302
    assert response["Location"] == url("preview", report.pk)
    response = client.post(
        url("edit", report.pk), {"year": "2022", "foreword": draftail("<p>Anders</p>")}
    )
    report.refresh_from_db()
    assert report.foreword != "<p>Anders</p>"
