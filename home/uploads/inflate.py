"""Inflating deflate data piece by piece, so that nobody holds its whole output.

Both a PDF's Flate streams and the files in a ZIP package are deflate data. A hostile file
packs a gigabyte of zeros into a megabyte; the checks only need to count (and checksum) what
comes out, so they take it in pieces of at most ``OUT_CHUNK`` bytes and stop when they have
seen enough.
"""

import zlib

IN_CHUNK = 64 * 1024
OUT_CHUNK = 256 * 1024


def chunks_of(data):
    """``data`` (bytes in memory) as input chunks, without copying it."""
    view = memoryview(data)
    for start in range(0, len(view), IN_CHUNK):
        yield view[start : start + IN_CHUNK]


def inflated_pieces(chunks, wbits):
    """Yield the output of inflating ``chunks`` (an iterable of bytes), at most ``OUT_CHUNK``
    bytes at a time. Stops at the end of the deflate data; raises ``zlib.error`` on bad data.

    ``max_length`` keeps each output small: the input that was not used yet waits in
    ``unconsumed_tail``. Once all input is in, at most the rest of one back-reference
    (258 bytes) can still be inside the inflater, which ``flush`` returns.
    """
    inflater = zlib.decompressobj(wbits)
    for chunk in chunks:
        pending = chunk
        while pending:
            piece = inflater.decompress(pending, OUT_CHUNK)
            if piece:
                yield piece
            if inflater.eof:
                return
            pending = inflater.unconsumed_tail
    tail = inflater.flush()
    if tail:
        yield tail
