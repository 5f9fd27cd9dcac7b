"""The Woo index (DiWoo): robots.txt names the sitemap index of infocat010, whose sitemaps list
every sent letter's stored PDF, every document of a request for advice and every reply of the
college kept as a PDF, each with its ``diwoo:Document``. Every XML file the site serves is
fetched over HTTP, following robots.txt, and validated with lxml against the DiWoo 0.9.8 and
sitemaps.org schemas (no network); counts and key values are checked too, and every listed
URL is fetched and its bytes checked against the announced size and SHA-256."""

import datetime
import hashlib

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from advices.models import LetterStatus
from advices.public.woo import views, vocabulary, xml
from advices.public.woo.documents import Action, WooDocument
from home.models import CouncilSettings
from tests.advices.response_helpers import pdf_upload
from tests.advices.woo_schemas import DIWOO_NS, SITEMAP_NS, validated
from tests.consult.test_settings import IDENTITY_FORM
from tests.factories import (
    AdviceIndexPageFactory,
    AdviceLetterFactory,
    AdviceRequestFactory,
    AdviceRequestIndexPageFactory,
    CollegeResponseFactory,
    ErratumFactory,
    RequestDocumentFactory,
    UserFactory,
    build_site,
)

pytestmark = pytest.mark.django_db

NS = {"sm": SITEMAP_NS, "diwoo": DIWOO_NS}
INDEX_URL = "http://testserver/sitemapindex-diwoo-infocat010.xml"
ZWOLLE = "https://identifier.overheid.nl/tooi/id/gemeente/gm0193"
ADVICE_CATEGORY = "https://identifier.overheid.nl/tooi/def/thes/kern/c_99a836c7"
KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"


def at(*args):
    return time_machine.travel(datetime.datetime(*args, 10, tzinfo=datetime.UTC), tick=False)


@pytest.fixture
def pages(db):
    home, _meetings = build_site()
    return {
        "advice": AdviceIndexPageFactory(parent=home, slug="adviezen"),
        "requests": AdviceRequestIndexPageFactory(parent=home),
    }


def configure(publisher="gm0193", name="gemeente Zwolle", responsible="", responsible_name=""):
    council = CouncilSettings.for_site(Site.objects.get(is_default_site=True))
    council.tooi_publisher = publisher
    council.tooi_publisher_name = name
    council.tooi_responsible = responsible
    council.tooi_responsible_name = responsible_name
    council.save()


def add_letter(reference, day, **fields):
    with at(*day):
        return AdviceLetterFactory(
            reference=reference,
            date=datetime.date(*day),
            recommendations=1,
            status=LetterStatus.SENT,
            **fields,
        )


@pytest.fixture
def world(pages):
    """Two sent letters (one answering a request with two documents, one with an erratum and
    the college's reply as a PDF), a reply without a PDF and a concept: five documents."""
    with at(2022, 5, 2):
        advice_request = AdviceRequestFactory(
            reference="AV-2022-01",
            subject="Beleidsplan Sociaal Domein",
            received_on=datetime.date(2022, 5, 2),
            letter_date=datetime.date(2022, 4, 28),
        )
        RequestDocumentFactory(request=advice_request, title="Brief met de adviesaanvraag")
        RequestDocumentFactory(request=advice_request, title="Ontwerp-beleidsplan")
    answer = add_letter("PR-2022-05", (2022, 6, 1), request=advice_request, subject="Sociaal")
    corrected = add_letter("PR-2022-07", (2022, 6, 17), subject="Sterke sociale basis")
    with at(2022, 7, 1):
        ErratumFactory(letter=corrected, date=datetime.date(2022, 7, 1))
    with at(2022, 7, 15):
        reply = CollegeResponseFactory(letter=corrected, reply_file=pdf_upload())
        CollegeResponseFactory(letter=answer)  # its text only: no PDF to list
    AdviceLetterFactory(reference="PR-2022-09", recommendations=1)  # a concept: not public
    return {"request": advice_request, "answer": answer, "corrected": corrected, "reply": reply}


def get_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return validated(response.content)


def harvest(client):
    """What the Woo index's harvester does: robots.txt, then each sitemap index it names, then
    each sitemap; every file validated. Returns the sitemap indexes' and the <url> elements."""
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    indexes = [
        line.removeprefix("Sitemap: ")
        for line in robots.content.decode().splitlines()
        if line.startswith("Sitemap: ")
    ]
    entries = []
    for index_url in indexes:
        index = get_xml(client, index_url)
        sitemaps = index.xpath("sm:sitemap/sm:loc/text()", namespaces=NS)
        assert sitemaps
        for sitemap_url in sitemaps:
            entries += get_xml(client, sitemap_url).xpath("sm:url", namespaces=NS)
    return indexes, entries


def value(entry, path):
    found = entry.xpath(path, namespaces=NS)
    assert len(found) == 1, (path, found)
    return found[0]


def by_loc(entries):
    return {value(entry, "sm:loc/text()"): entry for entry in entries}


def extra(entry, key):
    return value(
        entry,
        f"diwoo:Document/diwoo:extraMetadata/diwoo:extraMetadatavelden/diwoo:extraMetadataveld"
        f"[diwoo:key='{key}']/diwoo:values/diwoo:value/text()",
    )


def test_robots_txt_names_the_sitemap_index_of_infocat010(client, world):
    configure()
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert f"Sitemap: {INDEX_URL}" in response.content.decode().splitlines()


def test_every_xml_validates_and_lists_each_public_document_once(client, world):
    configure()
    indexes, entries = harvest(client)
    assert indexes == [INDEX_URL]
    locs = [value(entry, "sm:loc/text()") for entry in entries]
    request_page = "http://testserver/adviesaanvragen/AV-2022-01/documenten/"
    documents = world["request"].documents.order_by("sort_order", "pk")
    assert sorted(locs) == sorted(
        [
            "http://testserver/adviezen/PR-2022-05/pdf/",
            "http://testserver/adviezen/PR-2022-07/pdf/",
            "http://testserver/adviezen/PR-2022-07/reactie-college/",
            *(f"{request_page}{document.pk}/" for document in documents),
        ]
    )
    for entry in entries:
        diwoo = "diwoo:Document/diwoo:DiWoo/"
        assert value(entry, diwoo + "diwoo:publisher/@resource") == ZWOLLE
        assert value(entry, diwoo + "diwoo:publisher/text()") == "gemeente Zwolle"
        assert entry.xpath(diwoo + "diwoo:verantwoordelijke", namespaces=NS) == []
        category = diwoo + "diwoo:classificatiecollectie/diwoo:informatiecategorieen/"
        assert value(entry, category + "diwoo:informatiecategorie/@resource") == ADVICE_CATEGORY
        assert value(entry, diwoo + "diwoo:language/text()") == "Nederlands"
        assert value(entry, diwoo + "diwoo:format/text()") == "PDF"


def test_size_and_checksum_are_those_of_the_bytes_served(client, world):
    configure()
    _indexes, entries = harvest(client)
    assert len(entries) == 5
    for loc, entry in by_loc(entries).items():
        download = client.get(loc)
        assert download.status_code == 200, loc
        content = b"".join(download.streaming_content) if download.streaming else download.content
        assert content.startswith(b"%PDF")
        assert extra(entry, "bestandsgrootte") == str(len(content))
        assert extra(entry, "checksum-sha256") == hashlib.sha256(content).hexdigest()
    stored = world["corrected"].sent_pdf
    letter = by_loc(entries)["http://testserver/adviezen/PR-2022-07/pdf/"]
    assert extra(letter, "checksum-sha256") == stored.sha256


def test_titles_dates_and_document_types(client, world):
    configure()
    entries = by_loc(harvest(client)[1])
    diwoo = "diwoo:Document/diwoo:DiWoo/"
    doc_type = diwoo + "diwoo:classificatiecollectie/diwoo:documentsoorten/diwoo:documentsoort/"
    action = diwoo + "diwoo:documenthandelingen/diwoo:documenthandeling/"

    letter = entries["http://testserver/adviezen/PR-2022-05/pdf/"]
    assert value(letter, diwoo + "diwoo:titelcollectie/diwoo:officieleTitel/text()") == "Sociaal"
    assert value(letter, diwoo + "diwoo:identifiers/diwoo:identifier/text()") == "PR-2022-05"
    assert value(letter, diwoo + "diwoo:creatiedatum/text()") == "2022-06-01"
    assert value(letter, doc_type + "@resource") == KERN + "c_d506b718"  # advies
    assert value(letter, action + "diwoo:soortHandeling/text()") == "vaststelling"
    assert value(letter, action + "diwoo:atTime/text()").startswith("2022-06-01T")
    assert value(letter, "sm:lastmod/text()") == "2022-06-01"

    reply = entries["http://testserver/adviezen/PR-2022-07/reactie-college/"]
    assert value(reply, doc_type + "text()") == "brief"
    assert value(reply, action + "diwoo:soortHandeling/text()") == "ontvangst"
    assert value(reply, diwoo + "diwoo:creatiedatum/text()") == "2022-07-15"
    relation = diwoo + "diwoo:documentrelaties/diwoo:documentrelatie/"
    assert value(reply, relation + "diwoo:role/text()") == "is reactie op"
    assert (
        value(reply, relation + "diwoo:relation/@resource")
        == "http://testserver/adviezen/PR-2022-07/pdf/"
    )

    document = world["request"].documents.get(title="Ontwerp-beleidsplan")
    request_entry = entries[
        f"http://testserver/adviesaanvragen/AV-2022-01/documenten/{document.pk}/"
    ]
    assert value(request_entry, doc_type + "text()") == "adviesaanvraag"
    assert value(request_entry, diwoo + "diwoo:creatiedatum/text()") == "2022-04-28"
    assert value(request_entry, diwoo + "diwoo:titelcollectie/diwoo:officieleTitel/text()") == (
        "Ontwerp-beleidsplan (adviesaanvraag AV-2022-01: Beleidsplan Sociaal Domein)"
    )


def test_an_erratum_is_described_and_moves_lastmod(client, world):
    configure()
    entries = by_loc(harvest(client)[1])
    corrected = entries["http://testserver/adviezen/PR-2022-07/pdf/"]
    assert value(corrected, "sm:lastmod/text()") == "2022-07-01"
    description = value(
        corrected,
        "diwoo:Document/diwoo:DiWoo/diwoo:omschrijvingen/diwoo:omschrijving/text()",
    )
    assert description == "Erratum van 1 juli 2022: In aanbeveling 1 staat 2019; lees 2020."
    # The PDF itself is the one sent: its checksum is still the stored one.
    assert extra(corrected, "checksum-sha256") == world["corrected"].sent_pdf.sha256


def test_a_different_responsible_body_is_named(client, world):
    configure(responsible="oorg10236", responsible_name="Adviescollege Openbaarheid")
    entries = harvest(client)[1]
    assert len(entries) == 5
    for entry in entries:
        responsible = "diwoo:Document/diwoo:DiWoo/diwoo:verantwoordelijke/"
        assert value(entry, responsible + "@resource") == (
            "https://identifier.overheid.nl/tooi/id/oorg/oorg10236"
        )
        assert value(entry, responsible + "text()") == "Adviescollege Openbaarheid"


def test_without_a_tooi_code_nothing_is_announced(client, world):
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap:" not in robots
    assert "Disallow: /admin/" in robots
    response = client.get("/sitemapindex-diwoo-infocat010.xml")
    assert response.status_code == 404
    assert "TOOI-code" in response.content.decode()
    assert client.get("/sitemap-adviezen-1.xml").status_code == 404


def test_with_nothing_published_nothing_is_announced(client, pages):
    configure()
    assert "Sitemap:" not in client.get("/robots.txt").content.decode()
    assert client.get("/sitemapindex-diwoo-infocat010.xml").status_code == 404


def test_an_unknown_category_or_sitemap_is_not_found(client, world):
    configure()
    assert client.get("/sitemapindex-diwoo-infocat015.xml").status_code == 404
    assert client.get("/sitemap-adviezen-2.xml").status_code == 404
    assert client.get("/sitemap-adviezen-0.xml").status_code == 404


def test_sitemaps_are_split_and_each_is_listed(client, world, monkeypatch):
    configure()
    monkeypatch.setattr(views, "SITEMAP_SIZE", 2)
    index = get_xml(client, INDEX_URL)
    assert index.xpath("sm:sitemap/sm:loc/text()", namespaces=NS) == [
        "http://testserver/sitemap-adviezen-1.xml",
        "http://testserver/sitemap-adviezen-2.xml",
        "http://testserver/sitemap-adviezen-3.xml",
    ]
    _indexes, entries = harvest(client)
    assert len(entries) == len(by_loc(entries)) == 5
    assert client.get("/sitemap-adviezen-4.xml").status_code == 404


DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "adviesvolger_cache",
    }
}


@pytest.mark.parametrize("database_cache", [False, True], ids=["memory cache", "database cache"])
def test_queries_do_not_grow_with_the_documents(client, world, settings, database_cache):
    """Also with production's database cache, where each cache lookup is a query."""
    if database_cache:
        settings.CACHES = DATABASE_CACHE
        call_command("createcachetable", verbosity=0)
    configure()
    client.get("/sitemap-adviezen-1.xml")  # fills the cache of file checksums

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap-adviezen-1.xml").status_code == 200
        return len(captured)

    few = queries()
    for number in range(10, 25):
        letter = add_letter(f"PR-2023-{number}", (2023, 3, number))
        ErratumFactory(letter=letter, date=datetime.date(2023, 4, 1))
        CollegeResponseFactory(letter=letter, reply_file=pdf_upload())
        RequestDocumentFactory(request=world["request"], title=f"Bijlage {number}")
    client.get("/sitemap-adviezen-1.xml")
    many = queries()
    assert len(harvest(client)[1]) == 5 + 3 * 15
    assert many == few


def test_the_secretariat_enters_the_tooi_codes_and_a_wrong_one_is_explained(client, world):
    client.force_login(UserFactory(username="secretaris", groups=["Secretariaat"]))
    url = f"/admin/settings/home/councilsettings/{Site.objects.get(is_default_site=True).pk}/"
    form = {**IDENTITY_FORM, "tooi_publisher": "Zwolle", "tooi_publisher_name": "gemeente Zwolle"}
    form.update(tooi_responsible="", tooi_responsible_name="")
    refused = client.post(url, form)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Dit is geen TOOI-code" in page
    assert 'value="Zwolle"' in page  # what was typed stays in the field
    assert "Sitemap:" not in client.get("/robots.txt").content.decode()

    assert client.post(url, {**form, "tooi_publisher": "gm0193"}).status_code == 302
    assert f"Sitemap: {INDEX_URL}" in client.get("/robots.txt").content.decode()


def test_the_schema_check_rejects_an_unknown_organisation():
    """The check above is not a formality: a publisher that is not in the TOOI list fails."""
    document = WooDocument(
        url="http://testserver/adviezen/PR-2022-07/pdf/",
        lastmod=datetime.date(2022, 6, 17),
        title="Sterke sociale basis",
        identifier="PR-2022-07",
        document_type=vocabulary.ADVICE_DOCUMENT,
        created=datetime.date(2022, 6, 17),
        action=Action(vocabulary.ADOPTION, datetime.datetime(2022, 6, 17, tzinfo=datetime.UTC)),
        size=1234,
        sha256="0" * 64,
    )
    known = vocabulary.Term(ZWOLLE, "gemeente Zwolle")
    validated(xml.sitemap([document], vocabulary.ADVICE, known, None))
    unknown = vocabulary.Term("https://identifier.overheid.nl/tooi/id/gemeente/gm9999", "?")
    with pytest.raises(AssertionError, match="gm9999"):
        validated(xml.sitemap([document], vocabulary.ADVICE, unknown, None))


def test_the_open_data_page_explains_the_woo_index(client, world):
    before = client.get("/open-data/").content.decode()
    assert "Deze website geeft nog geen stukken door aan de Woo-index." in before
    configure()
    page = client.get("/open-data/").content.decode()
    assert 'href="/sitemapindex-diwoo-infocat010.xml"' in page
    assert 'href="/robots.txt"' in page
    assert "controlegetal (SHA-256)" in page


def test_a_withdrawn_document_leaves_the_sitemap(client, world):
    """The harvester learns that a document is withdrawn when its URL is no longer listed."""
    configure()
    withdrawn = world["request"].documents.get(title="Ontwerp-beleidsplan")
    url = f"http://testserver/adviesaanvragen/AV-2022-01/documenten/{withdrawn.pk}/"
    assert url in by_loc(harvest(client)[1])
    withdrawn.delete()
    entries = by_loc(harvest(client)[1])
    assert len(entries) == 4
    assert url not in entries
