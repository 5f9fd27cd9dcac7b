"""The format of a PDF in PRONOM terms (The National Archives' registry, which MDTO's
``bestandsformaat`` refers to). PDF/A is recognised by the XMP identification that the
standard requires (``pdfaid:part`` and ``pdfaid:conformance``); any other PDF by its header."""

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PyPdfError

PRONOM_REGISTER = "PRONOM-register"


@dataclass(frozen=True)
class FileFormat:
    label: str
    pronom_id: str


PDF_A = {
    ("1", "A"): FileFormat("PDF/A-1a", "fmt/95"),
    ("1", "B"): FileFormat("PDF/A-1b", "fmt/354"),
    ("2", "A"): FileFormat("PDF/A-2a", "fmt/476"),
    ("2", "B"): FileFormat("PDF/A-2b", "fmt/477"),
    ("2", "U"): FileFormat("PDF/A-2u", "fmt/478"),
    ("3", "A"): FileFormat("PDF/A-3a", "fmt/479"),
    ("3", "B"): FileFormat("PDF/A-3b", "fmt/480"),
    ("3", "U"): FileFormat("PDF/A-3u", "fmt/481"),
}

PDF_VERSIONS = {
    "1.0": FileFormat("Acrobat PDF 1.0 - Portable Document Format", "fmt/14"),
    "1.1": FileFormat("Acrobat PDF 1.1 - Portable Document Format", "fmt/15"),
    "1.2": FileFormat("Acrobat PDF 1.2 - Portable Document Format", "fmt/16"),
    "1.3": FileFormat("Acrobat PDF 1.3 - Portable Document Format", "fmt/17"),
    "1.4": FileFormat("Acrobat PDF 1.4 - Portable Document Format", "fmt/18"),
    "1.5": FileFormat("Acrobat PDF 1.5 - Portable Document Format", "fmt/19"),
    "1.6": FileFormat("Acrobat PDF 1.6 - Portable Document Format", "fmt/20"),
    "1.7": FileFormat("Acrobat PDF 1.7 - Portable Document Format", "fmt/276"),
    "2.0": FileFormat("Acrobat PDF 2.0 - Portable Document Format", "fmt/1129"),
}

# Any PDF whose version cannot be read.
GENERIC_PDF = FileFormat("Portable Document Format", "fmt/276")

# XMP writes the identification as elements or as attributes: <pdfaid:part>3</pdfaid:part>
# or pdfaid:part="3".
_PART = re.compile(rb"pdfaid:part(?:>|\s*=\s*[\"'])\s*(\d)")
_CONFORMANCE = re.compile(rb"pdfaid:conformance(?:>|\s*=\s*[\"'])\s*([ABUabu])")
_HEADER = re.compile(rb"%PDF-(\d\.\d)")


def _xmp(data):
    """The document's XMP metadata stream, decoded (it may be compressed), or b""."""
    try:
        metadata = PdfReader(io.BytesIO(data)).trailer["/Root"].get("/Metadata")
        return metadata.get_object().get_data() if metadata is not None else b""
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError):
        return b""


def pdf_format(data):
    """The ``FileFormat`` of the PDF ``data`` (bytes)."""
    xmp = _xmp(data) or data
    part, conformance = _PART.search(xmp), _CONFORMANCE.search(xmp)
    if part and conformance:
        found = PDF_A.get((part.group(1).decode(), conformance.group(1).decode().upper()))
        if found:
            return found
    header = _HEADER.match(data[:16])
    return PDF_VERSIONS.get(header.group(1).decode(), GENERIC_PDF) if header else GENERIC_PDF
