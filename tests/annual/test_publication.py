"""Publishing an annual report: the figures are fixed at publication and the report never
changes after it (whatever changes in the data, by whatever path); publishing twice does
nothing; only the secretariat publishes."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from advices.lifecycle.statuses import LetterStatus, Verdict
from annual.actions import PublishReport, SaveReport
from annual.lifecycle import ReportFrozenError, ReportStatus
from annual.models import AnnualReport
from tests.annual.dataset import day, sent_letter
from tests.factories import (
    AnnualReportFactory,
    CouncilMemberFactory,
    MunicipalityUserFactory,
    RecommendationAnswerFactory,
    SecretaryFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(site):
    return site.letter


def test_publishing_freezes_the_figures_and_stores_the_pdf(letter):
    secretary = SecretaryFactory()
    report = AnnualReportFactory(year=2022)
    PublishReport(report, secretary).execute()
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    assert report.published_by == secretary and report.published_at is not None
    assert report.figures["advice"]["count"] == 1
    assert report.figures["advice"]["items"][0]["reference"] == "PR-2022-07"
    stored = report.pdf.read()
    assert stored.startswith(b"%PDF-")
    assert report.pdf_sha256 == hashlib.sha256(stored).hexdigest()
    assert report.pdf_size == len(stored)
    assert report.publishing_since is None
    assert report.history.first().history_user == secretary


def test_a_later_change_to_the_data_does_not_rewrite_a_published_report(letter, client):
    report = AnnualReportFactory(year=2022, published=True)
    frozen = report.figures
    pdf_hash = report.pdf_sha256

    # After publication: the college answers, another 2022 letter is sent.
    RecommendationAnswerFactory(
        recommendation=letter.recommendations.first(), verdict=Verdict.ADOPTED
    )
    sent_letter(day(2022, 9, 1), 4, None, "PR-2022-08")

    report.refresh_from_db()
    assert report.figures == frozen
    assert report.figures["verdicts"]["with_verdict"] == 0
    assert report.figures["advice"]["count"] == 1
    assert report.pdf_sha256 == pdf_hash


def test_publishing_twice_does_nothing_the_second_time(letter):
    secretary = SecretaryFactory()
    report = AnnualReportFactory(year=2022, published=True, actor=secretary)
    before = AnnualReport.objects.values().get(pk=report.pk)
    history = report.history.count()
    sent_letter(day(2022, 9, 1), 4, None, "PR-2022-08")

    with pytest.raises(ValidationError) as refused:
        PublishReport(report, secretary).execute()
    assert "al gepubliceerd" in refused.value.messages[0]
    assert AnnualReport.objects.values().get(pk=report.pk) == before
    assert report.history.count() == history


def test_the_publication_task_run_again_changes_nothing(letter):
    from annual.actions import complete_publication

    report = AnnualReportFactory(year=2022, published=True)
    before = AnnualReport.objects.values().get(pk=report.pk)
    assert complete_publication.call(report.pk) == "nothing to publish"
    assert AnnualReport.objects.values().get(pk=report.pk) == before


@pytest.mark.parametrize("make_user", [CouncilMemberFactory, MunicipalityUserFactory])
def test_only_the_secretariat_publishes(letter, make_user):
    report = AnnualReportFactory(year=2022)
    with pytest.raises(PermissionDenied) as refused:
        PublishReport(report, make_user()).execute()
    assert str(refused.value) == "Alleen het secretariaat publiceert een jaarverslag."
    report.refresh_from_db()
    assert report.status == ReportStatus.CONCEPT and report.figures is None


def test_the_current_year_cannot_be_published_yet(site):
    from django.utils import timezone

    report = AnnualReportFactory(year=timezone.localdate().year)
    with pytest.raises(ValidationError) as refused:
        PublishReport(report, SecretaryFactory()).execute()
    assert "nog niet voorbij" in refused.value.messages[0]


def test_a_failed_pdf_leaves_a_concept_with_the_reason(letter, monkeypatch):
    def broken(report, figures, *, site=None):
        raise RuntimeError("kapot")

    monkeypatch.setattr("annual.pdf.render_report_pdf", broken)
    report = AnnualReportFactory(year=2022)
    with pytest.raises(ValidationError) as refused:
        PublishReport(report, SecretaryFactory()).execute()
    assert "De PDF kon niet worden gemaakt" in refused.value.messages[0]
    report.refresh_from_db()
    assert report.status == ReportStatus.CONCEPT
    assert report.publishing_since is None and not report.pdf


# -- a published report never changes, by any path ---------------------------------------------


@pytest.fixture
def published(letter):
    return AnnualReportFactory(year=2022, published=True)


def test_save_refuses_a_change_to_a_published_report(published):
    published.foreword = "<p>Achteraf anders.</p>"
    with pytest.raises(ReportFrozenError):
        published.save()


def test_the_save_action_refuses_it_with_the_reason(published):
    published.foreword = "<p>Achteraf anders.</p>"
    with pytest.raises(ValidationError) as refused:
        SaveReport(published, SecretaryFactory()).execute()
    assert "gepubliceerd" in refused.value.messages[0]


def test_querysets_refuse_changes_and_deletes_of_published_reports(published):
    with pytest.raises(ReportFrozenError):
        AnnualReport.objects.filter(pk=published.pk).update(foreword="")
    with pytest.raises(ReportFrozenError):
        AnnualReport.objects.all().delete()
    with pytest.raises(ReportFrozenError):
        published.delete()
    assert AnnualReport.objects.filter(pk=published.pk).exists()


def test_status_and_figures_are_never_set_by_hand(site):
    report = AnnualReportFactory(year=2021)
    with pytest.raises(ReportFrozenError):
        AnnualReport.objects.filter(pk=report.pk).update(status=ReportStatus.PUBLISHED)
    with pytest.raises(ReportFrozenError):
        AnnualReport.objects.filter(pk=report.pk).update(figures={"advice": {}})
    report.status = ReportStatus.PUBLISHED
    with pytest.raises(ReportFrozenError):
        report.save()


def test_a_concept_can_still_be_edited_and_deleted(site):
    report = AnnualReportFactory(year=2021)
    report.foreword = "<p>Nieuw voorwoord.</p>"
    SaveReport(report, SecretaryFactory()).execute()
    assert AnnualReport.objects.get(pk=report.pk).foreword == "<p>Nieuw voorwoord.</p>"
    report.delete()
    assert not AnnualReport.objects.filter(pk=report.pk).exists()


def test_only_published_letters_count(site):
    from tests.factories import AdviceLetterFactory

    AdviceLetterFactory(date=day(2022, 3, 1), status=LetterStatus.ADOPTED)
    report = AnnualReportFactory(year=2022, published=True)
    assert [item["reference"] for item in report.figures["advice"]["items"]] == ["PR-2022-07"]
