"""Two secretaries edit the foreword of the same concept: the one who saves second, on the
form they loaded before the first save, is refused with a clear message and finds their text
still in the form; the first one's foreword stays; and nothing changes while the report is
being published. (The same at the same moment, through a real server:
tests/parallel/test_parallel_annual.py.)"""

import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from annual.actions import SaveReport
from annual.models import AnnualReport
from tests.advices.admin_forms import draftail
from tests.factories import AnnualReportFactory, SecretaryFactory

pytestmark = pytest.mark.django_db

CHANGED = "Iemand anders heeft dit jaarverslag intussen gewijzigd"


def edit_url(report):
    return reverse("wagtailsnippets_annual_annualreport:edit", args=[report.pk])


def loaded_form(client, report):
    """The edit form's loaded version, as the page the secretary opened shows it."""
    page = client.get(edit_url(report))
    assert page.status_code == 200
    assert f'name="loaded_version" value="{report.edit_version}"' in page.content.decode()
    return page.context["form"]["loaded_version"].value()


def post_foreword(client, report, text, loaded_version):
    data = {"year": str(report.year), "foreword": draftail(f"<p>{text}</p>")}
    if loaded_version is not None:
        data["loaded_version"] = str(loaded_version)
    return client.post(edit_url(report), data)


def test_the_second_save_on_an_old_form_is_refused_and_keeps_the_typed_text(client, site):
    report = AnnualReportFactory(year=2022, foreword="<p>Het eerste voorwoord.</p>")
    anna, bram = SecretaryFactory(), SecretaryFactory()
    client.force_login(anna)
    anna_loaded = loaded_form(client, report)
    client.force_login(bram)
    bram_loaded = loaded_form(client, report)

    client.force_login(anna)
    first = post_foreword(client, report, "Voorwoord van Anna.", anna_loaded)
    assert first.status_code == 302

    client.force_login(bram)
    second = post_foreword(client, report, "Voorwoord van Bram.", bram_loaded)
    assert second.status_code == 200
    body = second.content.decode()
    assert CHANGED in body
    assert html.escape("Voorwoord van Bram.") in body  # still in the form, to copy
    stored = AnnualReport.objects.get(pk=report.pk)
    assert "Voorwoord van Anna." in stored.foreword
    assert "Bram" not in stored.foreword
    assert stored.history.count() == 2  # created, Anna's save; nothing of Bram's


def test_a_reopened_form_saves(client, site):
    report = AnnualReportFactory(year=2022)
    client.force_login(SecretaryFactory())
    post_foreword(client, report, "Eerste versie.", loaded_form(client, report))
    report.refresh_from_db()
    response = post_foreword(client, report, "Tweede versie.", loaded_form(client, report))
    assert response.status_code == 302
    assert "Tweede versie." in AnnualReport.objects.get(pk=report.pk).foreword


def test_an_edit_that_does_not_say_which_version_it_changes_is_refused(client, site):
    report = AnnualReportFactory(year=2022, foreword="<p>Zoals opgeslagen.</p>")
    client.force_login(SecretaryFactory())
    response = post_foreword(client, report, "Van een script.", None)
    assert response.status_code == 200
    assert "Dit formulier is niet volledig verstuurd" in response.content.decode()
    assert AnnualReport.objects.get(pk=report.pk).foreword == "<p>Zoals opgeslagen.</p>"


def test_the_action_refuses_an_instance_read_before_another_save(site):
    report = AnnualReportFactory(year=2022)
    stale = AnnualReport.objects.get(pk=report.pk)
    report.foreword = "<p>Eerst opgeslagen.</p>"
    SaveReport(report, SecretaryFactory()).execute()
    stale.foreword = "<p>Later, op een oude versie.</p>"
    with pytest.raises(ValidationError) as refused:
        SaveReport(stale, SecretaryFactory()).execute()
    assert refused.value.code == "edit_conflict"
    assert CHANGED in refused.value.messages[0]
    assert AnnualReport.objects.get(pk=report.pk).foreword == "<p>Eerst opgeslagen.</p>"


def test_a_report_being_published_is_not_changed_under_its_pdf(client, site):
    """Publishing makes the PDF in the background from the report as it was stored: a save
    in the meantime would publish a foreword that the PDF does not have."""
    report = AnnualReportFactory(year=2022, foreword="<p>Zoals in de PDF.</p>")
    client.force_login(SecretaryFactory())
    loaded = loaded_form(client, report)
    AnnualReport.objects.filter(pk=report.pk).update(publishing_since=timezone.now())
    response = post_foreword(client, report, "Net te laat.", loaded)
    assert response.status_code == 200
    body = response.content.decode()
    assert "wordt op dit moment gepubliceerd" in body
    assert html.escape("Net te laat.") in body
    assert AnnualReport.objects.get(pk=report.pk).foreword == "<p>Zoals in de PDF.</p>"
