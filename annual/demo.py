"""The demo's "Jaarverslagen" page and its 2019 and 2022 annual reports, generated from the
demo data and published the way the secretariat publishes one (``annual.actions``), dated
early in the following year. Called by ``manage.py load_demo`` after the letters and
replies. Idempotent: a published report is never touched again (it is frozen), a page that
exists is left alone."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from advices.demo.letters import SECRETARY
from advices.demo.load import LetterLoader
from advices.pages.tracker import RecommendationIndexPage
from annual.actions import PublishReport, SaveReport
from annual.models import AnnualReport
from annual.pages import AnnualReportIndexPage
from home.demo.loader import CREATED, UNCHANGED, Report

REPORTS_KIND = "annual reports"

INDEX_PAGE = {
    "slug": "jaarverslagen",
    "title": "Jaarverslagen",
    "show_in_menus": True,
    "search_description": "De jaarverslagen van de Participatieraad: wat deed de raad elk jaar?",
    "intro": (
        "Elk jaar legt de Participatieraad verantwoording af: welke bijeenkomsten de raad "
        "hield, welke adviezen de raad gaf en wat het college ermee deed. De cijfers liggen "
        "vast op de dag dat het jaarverslag verscheen."
    ),
}

# The demo's forewords are examples: the corpus holds no annual report of the council.
FOREWORDS = {
    2019: (
        "<p>In 2019 sprak de Participatieraad met inwoners, vrijwilligers en professionals "
        "over de Hervormingsagenda en de sociale basis. Wat zij vertelden, staat in onze "
        "adviezen aan het college.</p>"
        "<p><i>Dit voorwoord is een voorbeeld voor de demo; het is niet door de raad "
        "geschreven.</i></p>"
    ),
    2022: (
        "<p>In 2022 gaf de Participatieraad advies over een sterke sociale basis. Dit "
        "jaarverslag laat zien wat het college met onze aanbevelingen deed en of het op tijd "
        "reageerde.</p>"
        "<p><i>Dit voorwoord is een voorbeeld voor de demo; het is niet door de raad "
        "geschreven.</i></p>"
    ),
}


def publication_moment(year):
    """15 January of the next year, 10:00: when the demo publishes a year's report."""
    return timezone.make_aware(datetime.datetime(year + 1, 1, 15, 10, 0))


def ensure_index_page(report):
    loader = LetterLoader(report)
    home = loader.home()
    if home is None:
        report.notes.append("Jaarverslagen skipped: there is no home page.")
        return None
    return loader.ensure_index_page(
        AnnualReportIndexPage, INDEX_PAGE, after=RecommendationIndexPage.objects.child_of(home)
    )


def ensure_report(year, secretary, report):
    annual_report = AnnualReport.objects.filter(year=year).first()
    if annual_report is not None and annual_report.is_published:
        report.count(REPORTS_KIND, UNCHANGED)
        return annual_report
    at = publication_moment(year)
    if annual_report is None:
        annual_report = SaveReport(
            AnnualReport(year=year, foreword=FOREWORDS[year]), secretary, at=at
        ).execute()
    PublishReport(annual_report, secretary, at=at).execute()
    report.count(REPORTS_KIND, CREATED)
    annual_report.refresh_from_db()
    return annual_report


def load_annual_reports(report=None):
    """The "Jaarverslagen" page and the published 2019 and 2022 reports; returns ``report``
    (a ``home.demo.loader.Report``, new when None) with what was done."""
    report = report if report is not None else Report()
    ensure_index_page(report)
    secretary = get_user_model().objects.filter(username=SECRETARY).first()
    if secretary is None or not secretary.has_perm("annual.publish_annualreport"):
        report.notes.append(
            f"Demo annual reports skipped: the account {SECRETARY} is missing or may not publish "
            "them (run load_demo without --no-accounts)."
        )
        return report
    for year in sorted(FOREWORDS):
        ensure_report(year, secretary, report)
    return report
