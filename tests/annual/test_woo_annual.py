"""The annual report in the Woo index (DiWoo), category *jaarplannen en jaarverslagen*
(infocat012): robots.txt names its sitemap index once a published report has a PDF; its
sitemaps list each published report's PDF at its public address with the same
``diwoo:Document`` metadata as the letters. Everything is fetched over HTTP the way the
harvester does, and validated with lxml against the DiWoo 0.9.8 and sitemaps.org schemas."""

import datetime
import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from annual.pages import AnnualReportIndexPage
from home.models import CouncilSettings
from tests.advices.test_woo_index import NS, by_loc, configure, extra, get_xml, harvest, value
from tests.factories import AnnualReportFactory, AnnualReportIndexPageFactory, build_site

pytestmark = pytest.mark.django_db

ADVICE_INDEX = "http://testserver/sitemapindex-diwoo-infocat010.xml"
REPORT_INDEX = "http://testserver/sitemapindex-diwoo-infocat012.xml"
REPORT_SITEMAP = "http://testserver/sitemap-jaarverslagen-1.xml"
KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
DIWOO = "diwoo:Document/diwoo:DiWoo/"
CATEGORY = DIWOO + "diwoo:classificatiecollectie/diwoo:informatiecategorieen/"
DOCUMENT_TYPE = DIWOO + "diwoo:classificatiecollectie/diwoo:documentsoorten/"
ACTION = DIWOO + "diwoo:documenthandelingen/diwoo:documenthandeling/"


def name_council(name):
    council = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    council.name = name
    council.save()


def report_entries(client):
    """The <url> entries of the annual reports' sitemaps, found through robots.txt."""
    indexes, _entries = harvest(client)
    assert REPORT_INDEX in indexes
    entries = []
    for sitemap in get_xml(client, REPORT_INDEX).xpath("sm:sitemap/sm:loc/text()", namespaces=NS):
        entries += get_xml(client, sitemap).xpath("sm:url", namespaces=NS)
    return by_loc(entries)


def test_robots_txt_names_both_indexes_only_when_both_have_documents(client, site):
    configure()
    AnnualReportFactory(year=2021)  # a concept: nothing of it is public
    robots = client.get("/robots.txt").content.decode().splitlines()
    assert f"Sitemap: {ADVICE_INDEX}" in robots
    assert f"Sitemap: {REPORT_INDEX}" not in robots
    assert client.get("/sitemapindex-diwoo-infocat012.xml").status_code == 404
    assert client.get("/sitemap-jaarverslagen-1.xml").status_code == 404

    AnnualReportFactory(year=2022, published=True)
    robots = client.get("/robots.txt").content.decode().splitlines()
    assert [line for line in robots if line.startswith("Sitemap: ")] == [
        f"Sitemap: {ADVICE_INDEX}",
        f"Sitemap: {REPORT_INDEX}",
    ]


def test_only_the_annual_report_index_when_no_letter_is_public(client):
    home, _meetings = build_site()
    AnnualReportIndexPageFactory(parent=home)
    configure()
    AnnualReportFactory(year=2022, published=True)
    indexes, entries = harvest(client)
    assert indexes == [REPORT_INDEX]
    assert list(by_loc(entries)) == ["http://testserver/jaarverslagen/2022/pdf/"]


def test_every_xml_validates_and_lists_each_published_report_once(client, site):
    configure()
    name_council("Participatieraad Zwolle")
    for year in (2020, 2021, 2022):
        AnnualReportFactory(year=year, published=True)
    AnnualReportFactory(year=2019)  # a concept
    entries = report_entries(client)
    assert sorted(entries) == [
        f"http://testserver/jaarverslagen/{year}/pdf/" for year in (2020, 2021, 2022)
    ]
    for entry in entries.values():
        assert value(entry, DIWOO + "diwoo:publisher/@resource") == (
            "https://identifier.overheid.nl/tooi/id/gemeente/gm0193"
        )
        assert value(entry, DIWOO + "diwoo:publisher/text()") == "gemeente Zwolle"
        assert value(entry, CATEGORY + "diwoo:informatiecategorie/@resource") == (
            KERN + "c_c6cd1213"
        )
        assert value(entry, CATEGORY + "diwoo:informatiecategorie/text()") == (
            "jaarplannen en jaarverslagen"
        )
        assert value(entry, DOCUMENT_TYPE + "diwoo:documentsoort/@resource") == (
            KERN + "c_3d782f30"
        )
        assert value(entry, DOCUMENT_TYPE + "diwoo:documentsoort/text()") == "jaarverslag"
        assert value(entry, DIWOO + "diwoo:language/text()") == "Nederlands"
        assert value(entry, DIWOO + "diwoo:format/text()") == "PDF"
    report = entries["http://testserver/jaarverslagen/2021/pdf/"]
    assert value(report, DIWOO + "diwoo:titelcollectie/diwoo:officieleTitel/text()") == (
        "Jaarverslag 2021, Participatieraad Zwolle"
    )
    assert value(report, DIWOO + "diwoo:identifiers/diwoo:identifier/text()") == (
        "jaarverslag-2021"
    )


def test_dates_are_those_of_the_publication(client, site, time_machine):
    configure()
    published_at = datetime.datetime(2023, 1, 15, 9, 30, tzinfo=datetime.UTC)
    time_machine.move_to(published_at, tick=False)
    AnnualReportFactory(year=2022, published=True)
    entry = report_entries(client)["http://testserver/jaarverslagen/2022/pdf/"]
    assert value(entry, "sm:lastmod/text()") == "2023-01-15"
    assert value(entry, DIWOO + "diwoo:creatiedatum/text()") == "2023-01-15"
    assert value(entry, ACTION + "diwoo:soortHandeling/text()") == "vaststelling"
    assert value(entry, ACTION + "diwoo:atTime/text()") == "2023-01-15T09:30:00+00:00"


def test_size_and_checksum_are_those_of_the_bytes_served(client, site):
    configure()
    for year in (2021, 2022):
        AnnualReportFactory(year=year, published=True)
    entries = report_entries(client)
    assert len(entries) == 2
    for loc, entry in entries.items():
        download = client.get(loc)
        assert download.status_code == 200, loc
        content = b"".join(download.streaming_content)
        assert content.startswith(b"%PDF")
        assert extra(entry, "bestandsgrootte") == str(len(content))
        assert extra(entry, "checksum-sha256") == hashlib.sha256(content).hexdigest()


def test_an_unpublished_page_takes_the_reports_out_of_the_index(client, site):
    """Without a public "Jaarverslagen" page the PDFs have no address: the category is no
    longer announced, and the harvester learns that the reports are withdrawn."""
    configure()
    AnnualReportFactory(year=2022, published=True)
    assert "http://testserver/jaarverslagen/2022/pdf/" in report_entries(client)
    AnnualReportIndexPage.objects.get().unpublish()
    indexes, entries = harvest(client)
    assert indexes == [ADVICE_INDEX]
    assert "http://testserver/jaarverslagen/2022/pdf/" not in by_loc(entries)
    assert client.get("/sitemapindex-diwoo-infocat012.xml").status_code == 404


def test_without_a_tooi_code_no_report_is_announced(client, site):
    AnnualReportFactory(year=2022, published=True)
    assert "Sitemap:" not in client.get("/robots.txt").content.decode()
    response = client.get("/sitemapindex-diwoo-infocat012.xml")
    assert response.status_code == 404
    assert "TOOI-code" in response.content.decode()


def test_queries_do_not_grow_with_the_reports(client, site):
    configure()
    AnnualReportFactory(year=2022, published=True)
    client.get(REPORT_SITEMAP)  # warms Wagtail's site caches and the file checksums

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(REPORT_SITEMAP).status_code == 200
        return len(captured)

    few = queries()
    for year in range(2012, 2022):
        AnnualReportFactory(year=year, published=True)
    many = queries()
    assert len(report_entries(client)) == 11
    assert many == few


def test_the_open_data_page_names_the_annual_reports_list(client, site):
    configure()
    page = client.get("/open-data/").content.decode()
    assert 'href="/sitemapindex-diwoo-infocat012.xml"' in page
    assert "jaarplannen en jaarverslagen" in page
