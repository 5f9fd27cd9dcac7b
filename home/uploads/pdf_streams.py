"""How large a PDF stream becomes when a reader decodes it, measured without decoding it in
memory.

A Flate stream (almost every compressed stream) is inflated piece by piece
(``home.uploads.inflate``): the output is counted and thrown away, and the
count stops as soon as it passes the budget, so a 1 MB stream that inflates to 1 GiB costs a
few hundred kilobytes of memory and stops after the budget. The policy for the other filters:

- ASCIIHex and ASCII85 only make data smaller (two or five characters become one or four
  bytes); they are decoded in memory (at most the stream's own size) when they come before
  Flate, as some older tools write them.
- Image codecs (DCT/JPEG, JPX/JPEG 2000, JBIG2, CCITT fax) count with their encoded size:
  a reader decodes an image only to show it, page by page, and counting their pixels would
  refuse ordinary scanned letters. They may come after Flate, whose output is measured.
- Everything else is refused as "cannot be checked" (``UncheckedStream``): LZW and
  RunLength (legacy filters no current program writes; measuring them would mean decoding
  them in pure Python), Crypt, unknown filters, and chains that would unpack twice (Flate
  after Flate).
"""

import zlib

from pypdf.filters import ASCII85Decode, ASCIIHexDecode
from pypdf.generic import ArrayObject, NameObject

from home.uploads.inflate import chunks_of, inflated_pieces

# The short names that inline images use; some writers put them in stream dictionaries too,
# and readers accept them there.
ABBREVIATIONS = {
    "/Fl": "/FlateDecode",
    "/AHx": "/ASCIIHexDecode",
    "/A85": "/ASCII85Decode",
    "/LZW": "/LZWDecode",
    "/RL": "/RunLengthDecode",
    "/CCF": "/CCITTFaxDecode",
    "/DCT": "/DCTDecode",
}
SHRINKING = {"/ASCIIHexDecode": ASCIIHexDecode, "/ASCII85Decode": ASCII85Decode}
IMAGE_CODECS = {"/DCTDecode", "/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode"}


class UncheckedStream(Exception):
    """A stream whose decoded size cannot be measured without decoding it."""


def stream_filters(stream):
    """The stream's filters, in the order a reader applies them, by their full names."""
    value = stream.get("/Filter")
    value = value.get_object() if value is not None else None
    if value is None:
        return []
    items = value if isinstance(value, ArrayObject) else [value]
    names = []
    for item in items:
        item = item.get_object()
        if not isinstance(item, NameObject):
            raise UncheckedStream(f"filter {item!r} is not a name")
        names.append(ABBREVIATIONS.get(str(item), str(item)))
    return names


def decoded_size(raw, filters, budget):
    """The size of ``raw`` after ``filters``; once past ``budget`` any number above it."""
    data = raw
    position = 0
    while position < len(filters) and filters[position] in SHRINKING:
        data = SHRINKING[filters[position]].decode(data)
        position += 1
    rest = filters[position:]
    if not rest:
        return len(data)
    if rest[0] in IMAGE_CODECS and len(rest) == 1:
        return len(data)
    if rest[0] == "/FlateDecode" and len(rest) <= 2 and set(rest[1:]) <= IMAGE_CODECS:
        return inflated_size(data, budget)
    raise UncheckedStream(f"filters {filters!r}")


def inflated_size(data, budget):
    """How many bytes ``data`` inflates to, counted piece by piece; stops past ``budget``.

    Like the readers, a zlib (or gzip) stream is tried first and raw deflate data second; a
    stream that breaks off counts what came before the break, which is what a reader shows.
    """
    size = 0
    for wbits in (zlib.MAX_WBITS | 32, -zlib.MAX_WBITS):
        size = 0
        try:
            for piece in inflated_pieces(chunks_of(data), wbits):
                size += len(piece)
                if size > budget:
                    return size
            return size
        except zlib.error:
            if size:
                return size
    return size
