"""The demo's annual reports: ``load_demo`` (through ``annual.demo.load_annual_reports()``)
publishes the 2019 and 2022 reports from the demo data and adds the "Jaarverslagen" page;
running it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from annual.demo import load_annual_reports
from annual.lifecycle import ReportStatus
from annual.models import AnnualReport
from annual.pages import AnnualReportIndexPage

pytestmark = pytest.mark.django_db


def test_the_2019_and_2022_reports_are_published_once(client):
    output = StringIO()
    call_command("load_demo", stdout=output)
    assert "annual reports: 2 created, 0 updated, 0 unchanged" in output.getvalue()
    reports = {row.year: row for row in AnnualReport.objects.all()}
    assert set(reports) == {2019, 2022}
    assert all(row.status == ReportStatus.PUBLISHED for row in reports.values())
    assert reports[2022].figures["advice"]["count"] >= 1
    assert reports[2022].published_at.date().isoformat() == "2023-01-15"
    assert reports[2022].published_by.username == "secretaris"
    assert "voorbeeld voor de demo" in reports[2019].foreword

    before = list(AnnualReport.objects.values())
    again = load_annual_reports()
    assert again.counts["annual reports"]["unchanged"] == 2
    assert list(AnnualReport.objects.values()) == before
    assert AnnualReportIndexPage.objects.live().count() == 1

    page = client.get("/jaarverslagen/2022/")
    assert page.status_code == 200
    assert "Jaarverslag 2022" in page.content.decode()
