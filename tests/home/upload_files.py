"""Files to upload in the upload tests: clean ones, made as the programs make them, and hostile
ones, built here byte by byte the way an attacker would build them.
"""

import functools
import io
import struct
import zipfile
import zlib
from pathlib import Path

import wagtail
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from home.demo.loader import corpus_dir

MIB = 1024 * 1024
GIB = 1024 * MIB

# A real workbook, saved by a spreadsheet program, that Wagtail ships for its own tests.
REAL_XLSX = Path(wagtail.__file__).parent / "contrib/redirects/tests/files/example.xlsx"

FALLBACK_TEXT = (
    "De participatieraad adviseert het college over het sociaal domein. In de veldbijeenkomst "
    "van 23 april spraken inwoners, organisaties en ambtenaren over samenspel in de wijk."
)


def corpus_text():
    """A real text of the council (the corpus beside the repository), or a stand-in."""
    folder = corpus_dir()
    source = folder / "verslag-veldbijeenkomst-samenspel-sociaal-domein-23-april.txt"
    return source.read_text(encoding="utf-8")[:6000] if source.exists() else FALLBACK_TEXT


# -- PDF ---------------------------------------------------------------------------------------


@functools.cache
def clean_pdf():
    """A real, tagged PDF as WeasyPrint (the site's own PDF renderer) writes it: fonts, text
    and links, from the council's own text."""
    from weasyprint import HTML

    paragraphs = "".join(f"<p>{part}</p>" for part in corpus_text().split("\n\n") if part)
    html = (
        "<html lang='nl'><head><title>Verslag</title></head><body><h1>Verslag</h1>"
        f"{paragraphs}<p><a href='https://www.example.nl/raad'>Meer over de raad</a></p>"
        "</body></html>"
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/a-3a")


def _written(writer):
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _one_page_writer():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def pdf_with_attachment():
    """A real embedded file: /Names /EmbeddedFiles, a /Filespec with /EF, /Type /EmbeddedFile."""
    writer = _one_page_writer()
    writer.add_attachment("factuur.exe", b"MZ\x90\x00 not really a program")
    return _written(writer)


def pdf_with_attachment_stream_only():
    """Only an unreferenced stream of /Type /EmbeddedFile, hidden from the catalog."""
    return build_pdf(
        extra_objects=[b"<< /Type /EmbeddedFile /Length 5 >>\nstream\nhello\nendstream"]
    )


def pdf_with_file_attachment_annotation():
    """A paperclip on the page: a /FileAttachment annotation (its file spec left out)."""
    writer = _one_page_writer()
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FileAttachment"),
            NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 30, 30)]),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    return _written(writer)


def pdf_with_javascript_name_tree():
    """Document-level JavaScript: a /JavaScript name tree with a /S /JavaScript action."""
    writer = _one_page_writer()
    writer.add_open_action(JavaScript("app.alert('hallo');"))
    return _written(writer)


def pdf_with_javascript_after_goto():
    """An open action that looks harmless (go to page 1) with a script behind its /Next."""
    return build_pdf(
        catalog_extra=b"/OpenAction 5 0 R",
        extra_objects=[
            b"<< /S /GoTo /D [3 0 R /Fit] /Next 6 0 R >>",
            b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>",
        ],
    )


def pdf_with_escaped_launch_link():
    """A link that starts a program, its action type spelled with a #-escape (/Laun#63h is
    /Launch), so that the bytes "/Launch" appear nowhere in the file."""
    return build_pdf(
        page_extra=b"/Annots [5 0 R]",
        extra_objects=[
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
            b"/A << /S /Laun#63h /F (cmd.exe) >> >>"
        ],
    )


def pdf_with_launch_link():
    """A link on the page that starts a program: /A << /S /Launch >>."""
    return build_pdf(
        page_extra=b"/Annots [5 0 R]",
        extra_objects=[
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
            b"/A << /S /Launch /F (cmd.exe) >> >>"
        ],
    )


def pdf_with_page_open_action():
    """Additional actions (/AA) on the page: run when the page opens."""
    return build_pdf(page_extra=b"/AA << /O << /S /URI /URI (https://example.nl/) >> >>")


def pdf_with_javascript_uri():
    """A link whose address is a script: /URI (javascript:...)."""
    return build_pdf(
        page_extra=b"/Annots [5 0 R]",
        extra_objects=[
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
            b"/A << /S /URI /URI (javascript:alert\\(1\\)) >> >>"
        ],
    )


def pdf_with_xfa():
    """An XFA form whose template carries a <script>."""
    writer = _one_page_writer()
    xfa = TextStringObject(
        "<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'><template><subform><field name='a'>"
        "<event activity='initialize'><script contentType='application/x-javascript'>"
        "app.alert('hallo');</script></event></field></subform></template></xdp:xdp>"
    )
    writer._root_object[NameObject("/AcroForm")] = writer._add_object(
        DictionaryObject({NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): xfa})
    )
    return _written(writer)


def pdf_with_lzw_stream():
    """A content stream packed with the legacy LZW filter, which the check cannot measure."""
    return build_pdf(
        page_extra=b"/Contents 5 0 R",
        extra_objects=[b"<< /Length 4 /Filter /LZWDecode >>\nstream\n\x80\x0b\x60\x50\nendstream"],
    )


def pdf_with_open_at_page():
    """What Word and LibreOffice write: open at the first page, fit the width. Harmless."""
    return build_pdf(catalog_extra=b"/OpenAction [3 0 R /FitH null]")


def zeros_deflated(size, wbits=zlib.MAX_WBITS):
    """``size`` zero bytes (a multiple of 1 MiB) as deflate data, built in a blink.

    After a full flush a deflate compressor starts afresh, so each further MiB of zeros
    compresses to the same bytes; repeating them gives a valid stream without compressing a
    gigabyte. The zlib trailer is the Adler-32 of n zeros: (n mod 65521) << 16 | 1.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    zeros = bytes(MIB)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    final_empty_block = b"\x03\x00"
    data = first + repeated * (size // MIB - 1) + final_empty_block
    if wbits > 0:
        data += (((size % 65521) << 16) | 1).to_bytes(4, "big")
    return data


def pdf_bomb(size=GIB):
    """About 1 MB of PDF whose page content inflates to ``size`` bytes of zeros."""
    stream = zeros_deflated(size)
    return build_pdf(
        page_extra=b"/Contents 5 0 R",
        extra_objects=[
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
        ],
    )


def build_pdf(catalog_extra=b"", page_extra=b"", extra_objects=()):
    """A one-page PDF written by hand: catalog 1, pages 2, page 3, info 4, then ``extra``
    objects from number 5, with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + page_extra + b" >>",
        b"<< /Producer (tests) >>",
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# -- Word, Excel, OpenDocument -------------------------------------------------------------------

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def _content_types(main_type, extra=""):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>{extra}</Types>'
    )


def _document_xml(text):
    paragraphs = "".join(
        f"<w:p><w:r><w:t xml:space='preserve'>{part}</w:t></w:r></w:p>"
        for part in text.split("\n\n")
        if part
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{paragraphs}</w:body></w:document>"
    )


ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def docx(main_type=DOCX_MAIN, extra_parts=None, text=None):
    """A Word document with the parts Word needs to open it, holding the council's text."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _content_types(main_type))
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("word/document.xml", _document_xml(text or corpus_text()))
        for name, data in (extra_parts or {}).items():
            package.writestr(name, data)
    return buffer.getvalue()


def docx_with_macros():
    """A macro-enabled document (docm) saved under the name .docx: vbaProject.bin inside."""
    return docx(
        main_type=DOCM_MAIN,
        extra_parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 Sub AutoOpen()"},
    )


def docx_with_only_a_vba_project():
    """The macro part alone, with the ordinary document type in [Content_Types].xml."""
    return docx(extra_parts={"word/vbaProject.bin": b'Attribute VB_Name = "Module1"'})


def docx_with_ole_object():
    """A packaged program pasted into the document (an OLE object)."""
    return docx(extra_parts={"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0 package"})


def encrypted_office_file():
    """What Word saves with a password: an OLE compound file with an EncryptedPackage."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(100)
    directory += "EncryptedPackage".encode("utf-16-le") + bytes(100)
    return header + directory + bytes(2048)


def zip_with_encrypted_member():
    """A ZIP whose member says it is encrypted (general purpose flag bit 0)."""
    return raw_zip([("[Content_Types].xml", b"secret", 0, zlib.crc32(b"secret"), 6, 0x1)])


def odt(extra_parts=None, mimetype="application/vnd.oasis.opendocument.text"):
    """An OpenDocument text: mimetype first and stored, then manifest and content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        package.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
            "</manifest:manifest>",
            compress_type=zipfile.ZIP_DEFLATED,
        )
        package.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
            f"<office:text><text:p>{corpus_text()[:2000]}</text:p></office:text>"
            "</office:body></office:document-content>",
            compress_type=zipfile.ZIP_DEFLATED,
        )
        for name, data in (extra_parts or {}).items():
            package.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def odt_with_basic_macro():
    return odt(
        extra_parts={
            "Basic/Standard/Module1.xml": '<script:module>Sub Main\nShell("calc")\nEnd Sub'
            "</script:module>",
            "Basic/script-lc.xml": "<library:libraries/>",
        }
    )


def docx_bomb(size=GIB):
    """A .docx whose document.xml honestly declares that it unpacks to ``size`` bytes."""
    data = zeros_deflated(size, wbits=-zlib.MAX_WBITS)
    return raw_zip(
        [
            ("[Content_Types].xml", _content_types(DOCX_MAIN).encode(), 0, None, None, 0),
            ("word/document.xml", data, 8, zeros_crc32(size), size, 0),
        ]
    )


def docx_lying_about_its_size(size=200 * MIB):
    """A .docx whose document.xml declares 1 KiB but inflates to ``size`` bytes: the ZIP
    directory passes every limit; only unpacking shows what it is."""
    data = zeros_deflated(size, wbits=-zlib.MAX_WBITS)
    return raw_zip(
        [
            ("[Content_Types].xml", _content_types(DOCX_MAIN).encode(), 0, None, None, 0),
            ("word/document.xml", data, 8, zlib.crc32(bytes(1024)), 1024, 0),
        ]
    )


def zeros_crc32(size):
    crc = 0
    zeros = bytes(MIB)
    for _ in range(size // MIB):
        crc = zlib.crc32(zeros, crc)
    return crc


def raw_zip(members):
    """A ZIP file written by hand, so that its directory can say what a hostile file says.

    ``members``: (name, data as stored, method 0|8, CRC-32 or None to compute it from data,
    declared uncompressed size or None for len(data), flag bits).
    """
    out = bytearray()
    directory = bytearray()
    for name, data, method, crc, size, flags in members:
        encoded = name.encode()
        crc = zlib.crc32(data) if crc is None else crc
        size = len(data) if size is None else size
        offset = len(out)
        fields = (20, flags, method, 0, 0x21, crc, len(data), size, len(encoded), 0)
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields) + encoded + data
        directory += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                *fields,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = len(out)
    out += directory
    out += struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), start, 0
    )
    return bytes(out)
