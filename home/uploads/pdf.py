"""The check of an uploaded PDF: a real PDF, readable, not encrypted, without attachments,
XFA forms, JavaScript or actions that run by themselves, and not unpacking to more than
``UPLOADS_MAX_UNPACKED_SIZE``.

pypdf parses the file, and every object is read: both those listed in the cross-reference
table and those reachable from the trailer, so an attachment hidden from the catalog is found
too. The walk keeps its own stack (no recursion) and stops after ``UPLOADS_MAX_PDF_OBJECTS``
objects or ``UPLOADS_MAX_PDF_PARTS`` parts; stream data is never decoded by us, only
measured (``pdf_streams``). pypdf itself decodes the cross-reference and object streams it
needs to find objects: it does so under a lower output limit (``PYPDF_DECODE_LIMIT``) for the
length of the check.

What is refused, and why (a letter or report needs none of it):

- attachments: an ``/EmbeddedFiles`` name tree, a file specification with ``/EF``, a stream
  of ``/Type /EmbeddedFile``, a ``/FileAttachment`` annotation;
- XFA: an ``/XFA`` entry (in ``/AcroForm``); XFA forms carry their own scripts;
- JavaScript and actions: ``/JS``, a ``/JavaScript`` name tree or action, additional actions
  (``/AA``, run on events such as opening a page), and the action types Launch, SubmitForm,
  ImportData, GoToR and GoToE (open or send other files), RichMedia(Execute), Rendition and 3D
  content (``/3DD``: 3D models can carry scripts); names are checked as keys AND as values,
  so ``/S /JavaScript`` is found wherever it is;
- ``/OpenAction`` only when it does more than open at a page: a destination (array) or a
  ``/GoTo`` action is what Word and LibreOffice write and is allowed;
- links (``/URI``) other than http(s), mailto and tel.
"""

import dataclasses
import logging
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from pypdf import Configuration, PdfReader, apply_configuration
from pypdf.errors import LimitReachedError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
    TextStringObject,
    is_null_or_none,
)

from home.uploads import limits
from home.uploads.messages import refuse
from home.uploads.pdf_streams import UncheckedStream, decoded_size, stream_filters

logger = logging.getLogger(__name__)

# pypdf's own decoding (cross-reference and object streams) stops at this many bytes per
# stream; real object streams are a few hundred kilobytes.
PYPDF_DECODE_LIMIT = 16 * 1024 * 1024

# Deeper nesting of direct dictionaries and arrays than any real PDF has.
MAX_DEPTH = 64

ATTACHMENT_KEYS = {"/EmbeddedFiles", "/EF"}
ATTACHMENT_NAMES = {"/EmbeddedFile", "/FileAttachment"}
ACTIVE_KEYS = {"/JS", "/JavaScript", "/AA", "/RichMediaContent", "/RichMediaSettings", "/3DD"}
ACTIVE_NAMES = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToR",
    "/GoToE",
    "/RichMedia",
    "/RichMediaExecute",
    "/Rendition",
}
SAFE_URI_SCHEMES = {"http", "https", "mailto", "tel"}
CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]")


def check_pdf(upload, not_pdf=None):
    """Raise a ValidationError if ``upload`` (an open file) is not a PDF we publish.

    ``not_pdf`` replaces the message for a file that is no PDF at all (the caller may know
    better what the user meant to upload).
    """
    upload.seek(0)
    if not upload.read(1024).lstrip().startswith(b"%PDF-"):
        raise not_pdf or refuse("not_pdf")
    upload.seek(0)
    try:
        with apply_configuration(**_pypdf_limits()):
            reader = PdfReader(upload, strict=False)
            if reader.is_encrypted:
                raise refuse("encrypted")
            _PdfWalk(reader).run()
            len(reader.pages)
    except ValidationError:
        raise
    except LimitReachedError as error:
        # pypdf met one of its limits: an object stream or a tree beyond any real PDF.
        logger.info("PDF upload refused, pypdf limit: %s", error)
        raise refuse("pdf_too_complex") from error
    except Exception as error:
        # pypdf raises nearly any exception on a hostile or damaged file (its own errors,
        # KeyError, ValueError, RecursionError on deep nesting, ...): all mean "unreadable".
        logger.info("PDF upload refused as unreadable: %r", error)
        raise refuse("broken_pdf") from error
    finally:
        upload.seek(0)


def _pypdf_limits():
    """pypdf's output limits, lowered for the check (the names that this pypdf knows)."""
    wanted = {
        "zlib_maximum_output_length": PYPDF_DECODE_LIMIT,
        "lzw_maximum_output_length": PYPDF_DECODE_LIMIT,
        "run_length_maximum_output_length": PYPDF_DECODE_LIMIT,
        "brotli_maximum_output_length": PYPDF_DECODE_LIMIT,
        "array_based_stream_maximum_output_length": PYPDF_DECODE_LIMIT,
        "stream_decoding_work_maximum_length": PYPDF_DECODE_LIMIT * 4,
    }
    known = {field.name for field in dataclasses.fields(Configuration)}
    return {name: value for name, value in wanted.items() if name in known}


class _PdfWalk:
    """One pass over every object of the PDF; raises the first refusal it meets."""

    def __init__(self, reader):
        self.reader = reader
        self.unpacked_left = limits.max_unpacked_size()
        self.parts_left = limits.max_pdf_parts()
        self.max_objects = limits.max_pdf_objects()
        self.seen = set()

    def run(self):
        listed = list(self._listed_objects())
        if len(listed) > self.max_objects:
            raise refuse("pdf_too_complex")
        stack = [(self.reader.trailer, 0), *((reference, 0) for reference in listed)]
        while stack:
            item, depth = stack.pop()
            if isinstance(item, IndirectObject):
                key = (item.idnum, item.generation)
                if key in self.seen:
                    continue
                self.seen.add(key)
                if len(self.seen) > self.max_objects:
                    raise refuse("pdf_too_complex")
                item = item.get_object()
                depth = 0
            self._count(1)
            if isinstance(item, NameObject):
                self._check_name(item)
            elif isinstance(item, (DictionaryObject, ArrayObject)):
                if depth > MAX_DEPTH:
                    raise refuse("pdf_too_complex")
                if isinstance(item, DictionaryObject):
                    self._check_dictionary(item)
                    if isinstance(item, StreamObject):
                        self._measure(item)
                    children = dict.values(item)
                else:
                    children = list.__iter__(item)
                self._count(len(item))
                # Numbers, strings and booleans hold nothing to check; only what can
                # (names, containers, references) goes on the stack.
                stack.extend((child, depth + 1) for child in children if _worth_a_look(child))

    def _count(self, parts):
        self.parts_left -= parts
        if self.parts_left < 0:
            raise refuse("pdf_too_complex")

    def _listed_objects(self):
        """Every object in the cross-reference table, reachable from the catalog or not."""
        for generation, objects in getattr(self.reader, "xref", {}).items():
            for idnum in objects:
                yield IndirectObject(idnum, generation, self.reader)
        for idnum in getattr(self.reader, "xref_objStm", {}):
            yield IndirectObject(idnum, 0, self.reader)

    def _check_name(self, name):
        if name in ATTACHMENT_NAMES:
            raise refuse("attachment")
        if name in ACTIVE_NAMES:
            raise refuse("active_content")

    def _check_dictionary(self, dictionary):
        keys = set(dictionary.keys())
        if "/XFA" in keys:
            raise refuse("xfa")
        if keys & ATTACHMENT_KEYS:
            raise refuse("attachment")
        if keys & ACTIVE_KEYS:
            raise refuse("active_content")
        if "/OpenAction" in keys and not _only_opens_at_a_page(dictionary["/OpenAction"]):
            raise refuse("active_content")
        if "/URI" in keys and not _safe_uri(dictionary["/URI"]):
            raise refuse("active_content")

    def _measure(self, stream):
        try:
            size = decoded_size(stream._data, stream_filters(stream), self.unpacked_left)
        except UncheckedStream as error:
            logger.info("PDF upload refused, stream not checkable: %s", error)
            raise refuse("pdf_unchecked_part") from error
        self.unpacked_left -= size
        if self.unpacked_left < 0:
            raise refuse("pdf_too_much_unpacked", limit=limits.max_unpacked_size())


def _worth_a_look(item):
    return isinstance(item, (IndirectObject, NameObject, DictionaryObject, ArrayObject))


def _only_opens_at_a_page(action):
    action = action.get_object() if action is not None else None
    if is_null_or_none(action) or isinstance(action, ArrayObject):
        return True  # nothing, or a destination: the page and zoom to open at
    if isinstance(action, DictionaryObject):
        kind = action.get("/S")
        return kind is not None and kind.get_object() == "/GoTo" and "/Next" not in action
    return False


def _safe_uri(uri):
    """A link's address: web, mail and phone only. (A ``/URI`` dictionary, the document's base
    address, holds no link and is fine.)"""
    uri = uri.get_object() if uri is not None else None
    if is_null_or_none(uri) or isinstance(uri, DictionaryObject):
        return True
    if isinstance(uri, ByteStringObject):
        uri = bytes(uri).decode("latin-1")
    if not isinstance(uri, (TextStringObject, str)):
        return False
    # Browsers drop control characters and spaces around and inside a scheme
    # ("\x01java\tscript:"); so does this check before reading the scheme.
    scheme = urlsplit(CONTROL_AND_SPACE.sub("", str(uri))).scheme.lower()
    return scheme in SAFE_URI_SCHEMES or scheme == ""
