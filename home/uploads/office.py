"""Word, Excel and OpenDocument files: the promised type, no macros, no embedded programs,
no password, and safe to unpack (``zips``).

- Office Open XML (docx, xlsx) is a ZIP package whose ``[Content_Types].xml`` names the main
  part's type; a macro-enabled document (docm, xlsm) renamed to .docx says so there, and holds
  ``vbaProject.bin``. ActiveX controls and OLE objects (``embeddings/*.bin``, e.g. a packaged
  program or another file) are refused as embedded objects; charts and embedded workbooks
  (``.xlsx`` parts) are ordinary content.
- OpenDocument (odt, ods) starts with a ``mimetype`` file naming its type; macros live in
  ``Basic/`` and ``Scripts/``; an encrypted one lists ``encryption-data`` in its manifest.
- A password-protected Word or Excel file is not a ZIP at all but an OLE compound file with an
  ``EncryptedPackage`` stream; an old .doc or .xls renamed to .docx is one too, without it.

XML is never parsed: the checks look for the names and attribute values they need, so a
hostile XML file cannot make a parser expand entities.
"""

import re

from django.utils.translation import gettext_lazy as _

from home.uploads.messages import refuse
from home.uploads.zips import ZIP_MAGIC, ZipPackage

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
SMALL_PART = 1024 * 1024

OOXML = {
    "docx": (
        _("Word-document"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    "xlsx": (
        _("Excel-werkmap"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
}
ODF = {
    "odt": (_("OpenDocument-tekstdocument"), "application/vnd.oasis.opendocument.text"),
    "ods": (_("OpenDocument-rekenblad"), "application/vnd.oasis.opendocument.spreadsheet"),
}
KINDS = {extension: kind for extension, (kind, _type) in {**OOXML, **ODF}.items()}

CONTENT_TYPE = re.compile(rb'ContentType\s*=\s*["\']([^"\']+)["\']')
OOXML_MACRO_PARTS = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml)$", re.IGNORECASE)
OOXML_ACTIVE_PARTS = re.compile(r"(^|/)activeX/|(^|/)embeddings/[^/]*\.bin$", re.IGNORECASE)
ODF_MACRO_FOLDERS = ("Basic/", "Scripts/")


def check_office_file(upload, extension):
    """Raise a ValidationError unless ``upload`` is a clean file of type ``extension``."""
    params = {"kind": KINDS[extension], "extension": extension}
    upload.seek(0)
    head = upload.read(len(OLE_MAGIC))
    if head == OLE_MAGIC:
        if _contains(upload, ENCRYPTED_PACKAGE):
            raise refuse("package_encrypted")
        raise refuse("wrong_type", **params)
    if not head.startswith(ZIP_MAGIC):
        raise refuse("wrong_type", **params)
    package = ZipPackage(upload)
    if extension in OOXML:
        _check_ooxml(package, OOXML[extension][1], params)
    else:
        _check_odf(package, ODF[extension][1], params)
    package.verify()
    upload.seek(0)


def _check_ooxml(package, main_type, params):
    if any(OOXML_MACRO_PARTS.search(name) for name in package.names):
        raise refuse("macros", **params)
    if any(OOXML_ACTIVE_PARTS.search(name) for name in package.names):
        raise refuse("embedded_object")
    content_types = package.read("[Content_Types].xml", SMALL_PART)
    if content_types is None:
        raise refuse("wrong_type", **params)
    types = {
        value.decode("ascii", "replace").lower() for value in CONTENT_TYPE.findall(content_types)
    }
    if any("macroenabled" in value or "vbaproject" in value for value in types):
        raise refuse("macros", **params)
    if main_type not in types:
        raise refuse("wrong_type", **params)


def _check_odf(package, mimetype, params):
    if any(name.startswith(ODF_MACRO_FOLDERS) for name in package.names):
        raise refuse("macros", **params)
    declared = package.read("mimetype", 200)
    if declared is None or declared.strip() != mimetype.encode("ascii"):
        raise refuse("wrong_type", **params)
    manifest = package.read("META-INF/manifest.xml", SMALL_PART) or b""
    if b"encryption-data" in manifest:
        raise refuse("package_encrypted")


def _contains(upload, needle, chunk_size=1024 * 1024):
    """Whether the file holds ``needle``, read in chunks that overlap by its length."""
    upload.seek(0)
    previous = b""
    while chunk := upload.read(chunk_size):
        if needle in previous[-len(needle) :] + chunk:
            return True
        previous = chunk
    return False
