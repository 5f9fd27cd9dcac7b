"""The archive export (MDTO 1.0.1): package contents, byte-identical PDFs, XSD validity,
retention settings, reproducibility, the command."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from advices.archive.package import ArchiveExportError, build_package
from advices.lifecycle.retention import Appraisal
from advices.models import ArchiveSettings
from tests.advices.archive_helpers import (
    NS,
    ZONE,
    build_archive_world,
    mdto_schema,
    open_zip,
    parse,
    send_on,
)

START, END = datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)
EXPORTED_AT = datetime.datetime(2026, 12, 2, 9, 30, tzinfo=ZONE)


@pytest.fixture
def world(site_tree):
    home, _index = site_tree
    return home.get_site(), *build_archive_world()


def package(site, exported_at=EXPORTED_AT):
    data, _dossiers = build_package(START, END, site, exported_at)
    return data


def xml(archive, name):
    return parse(archive.read(name))


def text(tree, path):
    return [node.text for node in tree.xpath(path, namespaces=NS)]


def test_package_lists_the_periods_dossiers_with_their_files(world, django_assert_max_num_queries):
    site, with_pdf, text_only, unanswered, _later = world
    with django_assert_max_num_queries(6):
        data, dossiers = build_package(START, END, site, EXPORTED_AT)
    assert dossiers == 3
    pdf_name = "PR-2022-01/PR-2022-01-sterke-sociale-basis.pdf"
    assert open_zip(data).namelist() == [
        "PR-2022-01/PR-2022-01-dossier.mdto.xml",
        "PR-2022-01/PR-2022-01.mdto.xml",
        pdf_name,
        f"{pdf_name}.bestand.mdto.xml",
        "PR-2022-01/PR-2022-01-reactie.mdto.xml",
        "PR-2022-01/PR-2022-01-reactie.pdf",
        "PR-2022-01/PR-2022-01-reactie.pdf.bestand.mdto.xml",
        "PR-2022-02/PR-2022-02-dossier.mdto.xml",
        "PR-2022-02/PR-2022-02.mdto.xml",
        "PR-2022-02/PR-2022-02-armoede.pdf",
        "PR-2022-02/PR-2022-02-armoede.pdf.bestand.mdto.xml",
        "PR-2022-02/PR-2022-02-reactie.mdto.xml",  # a reply without PDF: metadata only
        "PR-2022-03/PR-2022-03-dossier.mdto.xml",
        "PR-2022-03/PR-2022-03.mdto.xml",
        "PR-2022-03/PR-2022-03-jeugd.pdf",
        "PR-2022-03/PR-2022-03-jeugd.pdf.bestand.mdto.xml",
    ]


def test_pdfs_are_the_stored_bytes_exactly(world):
    site, with_pdf, *_rest = world
    archive = open_zip(package(site))
    stored = with_pdf.sent_pdf
    with stored.file.open("rb") as handle:
        assert archive.read("PR-2022-01/PR-2022-01-sterke-sociale-basis.pdf") == handle.read()
    reply = with_pdf.college_response
    with reply.reply_file.open("rb") as handle:
        assert archive.read("PR-2022-01/PR-2022-01-reactie.pdf") == handle.read()


def test_every_mdto_file_validates_against_the_xsd(world):
    site, *_letters = world
    schema = mdto_schema()
    archive = open_zip(package(site))
    documents = [name for name in archive.namelist() if name.endswith(".mdto.xml")]
    assert len(documents) == 12  # 3 dossiers, 3 letters, 2 replies, 4 files
    for name in documents:
        tree = etree.ElementTree(xml(archive, name))
        assert schema.validate(tree), f"{name}: {schema.error_log}"


def test_the_validation_would_catch_a_missing_required_element(world):
    site, *_letters = world
    tree = xml(open_zip(package(site)), "PR-2022-01/PR-2022-01.mdto.xml")
    waardering = tree.find(".//m:waardering", NS)
    waardering.getparent().remove(waardering)
    assert not mdto_schema().validate(etree.ElementTree(tree))


def test_file_metadata_gives_checksum_size_and_pronom_format(world):
    site, with_pdf, *_rest = world
    archive = open_zip(package(site))
    stored = with_pdf.sent_pdf
    bestand = xml(archive, "PR-2022-01/PR-2022-01-sterke-sociale-basis.pdf.bestand.mdto.xml")
    assert text(bestand, "//m:checksumWaarde") == [stored.sha256]
    assert text(bestand, "//m:omvang") == [str(stored.size)]
    assert text(bestand, "//m:checksumAlgoritme/m:begripLabel") == ["SHA256"]
    # The tests' stand-in PDF is a plain PDF (pypdf writes 1.3); real ones are PDF/A (below).
    assert text(bestand, "//m:bestandsformaat/m:begripCode") == ["fmt/17"]
    assert text(bestand, "//m:bestandsformaat//m:verwijzingNaam") == ["PRONOM-register"]
    assert text(
        bestand, "//m:isRepresentatieVan/m:verwijzingIdentificatie/m:identificatieKenmerk"
    ) == ["PR-2022-01"]
    # The sent PDF's checksum was computed when it was stored; the reply's by the export.
    stored_at = stored.rendered_at.astimezone(ZONE).isoformat(timespec="seconds")
    assert text(bestand, "//m:checksumDatum") == [stored_at]
    reply = xml(archive, "PR-2022-01/PR-2022-01-reactie.pdf.bestand.mdto.xml")
    assert text(reply, "//m:checksumDatum") == ["2026-12-02T09:30:00+01:00"]


def test_dossier_holds_letter_and_reply_with_the_default_appraisal(world):
    site, *_letters = world
    archive = open_zip(package(site))
    dossier = xml(archive, "PR-2022-01/PR-2022-01-dossier.mdto.xml")
    assert text(dossier, "//m:aggregatieniveau/m:begripLabel") == ["Dossier"]
    assert text(dossier, "//m:bevatOnderdeel//m:identificatieKenmerk") == [
        "PR-2022-01",
        "PR-2022-01-reactie",
    ]
    assert text(dossier, "//m:dekkingInTijdBegindatum") == ["2022-02-22"]
    assert text(dossier, "//m:dekkingInTijdEinddatum") == ["2022-04-12"]
    assert text(dossier, "//m:waardering/m:begripCode") == ["B"]
    assert dossier.find(".//m:bewaartermijn", NS) is None  # kept for good: no term
    assert text(dossier, "//m:informatiecategorie/m:begripCode") == ["3"]
    assert text(dossier, "//m:informatiecategorie//m:verwijzingNaam") == [
        "Selectielijst gemeenten en intergemeentelijke organen 2020"
    ]
    letter = xml(archive, "PR-2022-01/PR-2022-01.mdto.xml")
    assert text(letter, "//m:aggregatieniveau/m:begripLabel") == ["Archiefstuk"]
    assert text(letter, "//m:isOnderdeelVan//m:identificatieKenmerk") == ["PR-2022-01-dossier"]
    reply = xml(archive, "PR-2022-01/PR-2022-01-reactie.mdto.xml")
    assert text(reply, "//m:identificatie/m:identificatieKenmerk") == [
        "PR-2022-01-reactie",
        "Z/22/1001",
    ]


def test_retention_settings_give_term_and_destruction_date(world):
    site, *_letters = world
    ArchiveSettings.objects.create(
        site=site,
        category_code="11.1",
        category_label="Toestemming verlenen",
        appraisal=Appraisal.DESTROY,
        retention_years=7,
    )
    archive = open_zip(package(site))
    answered = xml(archive, "PR-2022-01/PR-2022-01-dossier.mdto.xml")
    assert text(answered, "//m:waardering/m:begripCode") == ["V"]
    assert text(answered, "//m:termijnStartdatumLooptijd") == ["2022-04-12"]  # the reply
    assert text(answered, "//m:termijnLooptijd") == ["P7Y"]
    assert text(answered, "//m:termijnEinddatum") == ["2029-04-12"]
    assert text(answered, "//m:informatiecategorie/m:begripCode") == ["11.1"]
    unanswered = xml(archive, "PR-2022-03/PR-2022-03-dossier.mdto.xml")
    assert text(unanswered, "//m:termijnStartdatumLooptijd") == ["2022-12-31"]  # sent
    assert mdto_schema().validate(etree.ElementTree(answered)), mdto_schema().error_log


def test_the_same_export_twice_gives_the_same_bytes(world):
    site, *_letters = world
    assert package(site) == package(site)


def test_only_the_reply_checksum_date_follows_the_export_moment(world):
    site, *_letters = world
    first = package(site)
    later = package(site, EXPORTED_AT + datetime.timedelta(days=3))
    assert first != later
    a, b = open_zip(first), open_zip(later)
    assert a.namelist() == b.namelist()
    differing = [name for name in a.namelist() if a.read(name) != b.read(name)]
    assert differing == ["PR-2022-01/PR-2022-01-reactie.pdf.bestand.mdto.xml"]
    strip = re.compile(rb"<checksumDatum>[^<]*</checksumDatum>")
    assert strip.sub(b"", a.read(differing[0])) == strip.sub(b"", b.read(differing[0]))


def test_zip_entries_have_a_fixed_time(world):
    site, *_letters = world
    assert {info.date_time for info in open_zip(package(site)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }


def test_a_damaged_stored_pdf_stops_the_export(world):
    site, with_pdf, *_rest = world
    stored = with_pdf.sent_pdf.file
    with stored.storage.open(stored.name, "wb") as handle:
        handle.write(b"%PDF-1.7 overwritten")
    with pytest.raises(ArchiveExportError, match="PR-2022-01 is beschadigd"):
        build_package(START, END, site, EXPORTED_AT)


def test_command_writes_the_package(world, tmp_path):
    target = tmp_path / "adviezen-2022.zip"
    out = io.StringIO()
    call_command(
        "export_archive",
        "--van",
        "2022-01-01",
        "--tot",
        "2022-12-31",
        "--uitvoer",
        str(target),
        stdout=out,
    )
    assert "3 dossier(s)" in out.getvalue()
    names = open_zip(target.read_bytes()).namelist()
    assert "PR-2022-03/PR-2022-03-jeugd.pdf" in names
    assert not any(name.startswith("PR-2023") for name in names)


def test_command_never_overwrites_and_explains_bad_dates(world, tmp_path):
    target = tmp_path / "bestaat.zip"
    target.write_bytes(b"keep")
    with pytest.raises(CommandError, match="bestaat al"):
        call_command(
            "export_archive", "--van", "2022-01-01", "--tot", "2022-12-31", "--uitvoer", str(target)
        )
    assert target.read_bytes() == b"keep"
    with pytest.raises(CommandError, match="geen datum"):
        call_command(
            "export_archive",
            "--van",
            "17-06-2022",
            "--tot",
            "2022-12-31",
            "--uitvoer",
            str(tmp_path / "nieuw.zip"),
        )
    with pytest.raises(CommandError, match="vóór de begindatum"):
        call_command(
            "export_archive",
            "--van",
            "2022-12-31",
            "--tot",
            "2022-01-01",
            "--uitvoer",
            str(tmp_path / "nieuw.zip"),
        )


def test_query_count_does_not_grow_with_the_number_of_dossiers(world):
    site, *_letters = world

    def queries():
        with CaptureQueriesContext(connection) as captured:
            build_package(START, END, site, EXPORTED_AT)
        return len(captured)

    queries()  # the first export also reads the site's settings into their cache
    few = queries()
    for number in range(4, 28):  # 24 more letters, 27 dossiers in all
        send_on(datetime.date(2022, 9, 1), f"PR-2022-{number:02d}", subject=f"Advies {number}")
    assert queries() == few


def test_a_missing_stored_pdf_stops_the_export(world):
    site, _with_pdf, text_only, *_rest = world
    stored = text_only.sent_pdf.file
    stored.storage.delete(stored.name)
    with pytest.raises(ArchiveExportError, match="PR-2022-02 is beschadigd of weg"):
        build_package(START, END, site, EXPORTED_AT)
