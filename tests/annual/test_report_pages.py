"""The public "Jaarverslagen" page: published reports only, each on its own page with its
figures as tables and its PDF; a concept has no public address; constant query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.annual.dataset import day, sent_letter
from tests.factories import (
    AnnualReportFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(site):
    return AnnualReportFactory(
        year=2022, published=True, foreword="<p>Een jaar vol gesprekken met inwoners.</p>"
    )


def test_the_index_lists_published_reports_only(client, published):
    AnnualReportFactory(year=2021)
    body = client.get("/jaarverslagen/").content.decode()
    assert "Jaarverslag 2022" in body
    assert 'href="/jaarverslagen/2022/"' in body
    assert "Jaarverslag 2021" not in body


def test_a_report_page_shows_the_foreword_the_figures_and_the_advice(client, published):
    response = client.get("/jaarverslagen/2022/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Een jaar vol gesprekken met inwoners." in body
    assert "In 2022 gaf de raad 1 advies:" in body
    assert 'href="http://localhost/adviezen/PR-2022-07/"' in body
    assert "Aanbevelingen uit 2022 per standpunt van het college" in body  # the chart's table
    assert 'href="/jaarverslagen/2022/pdf/"' in body
    assert "17 juni 2022" in body


def test_the_pdf_is_the_stored_file(client, published):
    response = client.get("/jaarverslagen/2022/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == published.pdf.open("rb").read()


@pytest.mark.parametrize("path", ["/jaarverslagen/2021/", "/jaarverslagen/2021/pdf/"])
def test_a_concept_report_is_not_public(client, site, path):
    AnnualReportFactory(year=2021, foreword="<p>Geheim concept.</p>")
    response = client.get(path)
    assert response.status_code == 404
    assert "Geheim concept" not in response.content.decode()


def test_an_unknown_year_is_not_found(client, site):
    assert client.get("/jaarverslagen/1999/").status_code == 404
    assert client.get("/jaarverslagen/abc/").status_code == 404


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_constant_queries_on_the_index_and_the_report_pages(client, published):
    client.get("/jaarverslagen/")  # warms Wagtail's site caches
    few = queries(client, "/jaarverslagen/2022/")
    for number in range(5):
        sent_letter(day(2021, 3, 1 + number), 3, None, f"PR-2021-{number + 1:02d}")
    AnnualReportFactory(year=2021, published=True)
    assert queries(client, "/jaarverslagen/2021/") == few

    index_few = queries(client, "/jaarverslagen/?a=1")
    for year in range(2015, 2020):
        AnnualReportFactory(year=year, published=True)
    assert queries(client, "/jaarverslagen/?a=2") == index_few
