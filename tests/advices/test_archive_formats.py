"""The archive export names each PDF's format by its PRONOM identifier: PDF/A by the XMP
identification the standard requires, any other PDF by its header."""

import datetime

import pytest
from lxml import etree

from advices.archive.formats import pdf_format
from advices.archive.package import build_package
from tests.advices.archive_helpers import NS, mdto_schema, open_zip, parse, send_on


def xmp(part, conformance, as_attributes=False):
    if as_attributes:
        return f'<rdf:Description pdfaid:part="{part}" pdfaid:conformance="{conformance}"/>'
    return (
        f"<pdfaid:part>{part}</pdfaid:part><pdfaid:conformance>{conformance}</pdfaid:conformance>"
    )


@pytest.mark.parametrize(
    ("part", "conformance", "expected"),
    [("1", "B", "fmt/354"), ("2", "B", "fmt/477"), ("3", "A", "fmt/479"), ("3", "B", "fmt/480")],
)
def test_pdf_a_by_its_xmp_identification(part, conformance, expected):
    for as_attributes in (False, True):
        data = b"%PDF-1.7\n" + xmp(part, conformance, as_attributes).encode() + b"\n%%EOF"
        assert pdf_format(data).pronom_id == expected


def test_plain_pdf_by_its_header():
    assert pdf_format(b"%PDF-1.4\n%%EOF").pronom_id == "fmt/18"
    assert pdf_format(b"%PDF-1.7\n%%EOF").pronom_id == "fmt/276"
    assert pdf_format(b"%PDF-2.0\n%%EOF").label.endswith("2.0 - Portable Document Format")


@pytest.mark.real_pdf
def test_a_really_sent_letter_is_exported_as_pdf_a_3a(site_tree):
    home, _index = site_tree
    letter = send_on(datetime.date(2022, 6, 17), "PR-2022-05", subject="Armoede")
    assert letter.sent_pdf.pdf_variant == "pdf/a-3a"
    data, _count = build_package(
        datetime.date(2022, 6, 1), datetime.date(2022, 6, 30), home.get_site()
    )
    archive = open_zip(data)
    bestand = parse(archive.read("PR-2022-05/PR-2022-05-armoede.pdf.bestand.mdto.xml"))
    code = bestand.xpath("//m:bestandsformaat/m:begripCode/text()", namespaces=NS)
    assert code == ["fmt/479"]
    assert mdto_schema().validate(etree.ElementTree(bestand)), mdto_schema().error_log
