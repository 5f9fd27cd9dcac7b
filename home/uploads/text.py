"""CSV and plain text files: not too large, and text in a known encoding.

UTF-8 (with or without a byte order mark) is tried first, UTF-16 when the file starts with
its byte order mark, and Windows-1252 last, because Dutch Excel saves CSV in it. The file is
decoded in chunks and may hold no control characters other than tab, line breaks and form
feed: a binary file renamed to .txt has them (NUL bytes, for one).
"""

import codecs
import re

from home.uploads import limits
from home.uploads.messages import refuse

CHUNK = 256 * 1024
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def check_text_file(upload, extension):
    limit = limits.max_text_size()
    if upload.size > limit:
        raise refuse("text_too_large", size=upload.size, limit=limit)
    upload.seek(0)
    start = upload.read(2)
    if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1252"]
    if not any(_is_text(upload, encoding) for encoding in encodings):
        raise refuse("not_text", extension=extension)
    upload.seek(0)


def _is_text(upload, encoding):
    upload.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        while chunk := upload.read(CHUNK):
            if CONTROL_CHARACTERS.search(decoder.decode(chunk)):
                return False
        return not CONTROL_CHARACTERS.search(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return False
