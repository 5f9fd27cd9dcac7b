"""A ZIP package read safely: not encrypted, not broken, and not a ZIP bomb.

Before anything is unpacked, the directory is checked: at most ``UPLOADS_MAX_ZIP_ENTRIES``
files, together at most ``UPLOADS_MAX_UNPACKED_SIZE`` bytes as they declare, none declaring
more than ``UPLOADS_MAX_ZIP_RATIO`` times its compressed size (above 1 MiB). Then ``verify``
inflates every file's raw data piece by piece (``home.uploads.inflate``), counting and
checksumming what comes out and keeping none of it. A file that unpacks to more than its
declared size is refused the moment it passes that size: Python's own reader would quietly
cut it off at the declared size, but Word or LibreOffice might not. Memory stays at one
piece; time at most the limit.
"""

import struct
import zipfile
import zlib

from home.uploads import limits
from home.uploads.inflate import IN_CHUNK, inflated_pieces
from home.uploads.messages import refuse

ZIP_MAGIC = b"PK\x03\x04"
LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, ..., name length, extra length
RATIO_FROM = 1024 * 1024
SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError)


class ZipPackage:
    """An opened ZIP package whose directory passed the checks."""

    def __init__(self, upload):
        self.upload = upload
        upload.seek(0)
        try:
            self.archive = zipfile.ZipFile(upload)
            self.entries = self.archive.infolist()
        except ZIP_ERRORS as error:
            raise refuse("broken_package") from error
        self.names = {entry.filename for entry in self.entries}
        self._check_directory()

    def _check_directory(self):
        limit = limits.max_unpacked_size()
        if len(self.entries) > limits.max_zip_entries():
            raise refuse("zip_bomb", limit=limit)
        declared = 0
        for entry in self.entries:
            if entry.flag_bits & 0x1:
                raise refuse("package_encrypted")
            if entry.compress_type not in SUPPORTED_METHODS:
                raise refuse("broken_package")
            declared += entry.file_size
            too_compressed = entry.file_size > max(
                RATIO_FROM, entry.compress_size * limits.max_zip_ratio()
            )
            if declared > limit or too_compressed:
                raise refuse("zip_bomb", limit=limit)

    def read(self, name, limit):
        """The first ``limit`` bytes of member ``name``, or None if there is no such member.
        Safe before ``verify``: Python's reader stops at ``limit`` and at the declared size."""
        if name not in self.names:
            return None
        try:
            with self.archive.open(name) as member:
                return member.read(limit)
        except ZIP_ERRORS as error:
            raise refuse("broken_package") from error

    def verify(self):
        """Unpack every member piece by piece, counting, without keeping what comes out."""
        for entry in self.entries:
            try:
                size, crc = self._unpack_counting(entry)
            except (*ZIP_ERRORS, zlib.error, struct.error) as error:
                raise refuse("broken_package") from error
            if size != entry.file_size or crc != entry.CRC:
                raise refuse("broken_package")

    def _unpack_counting(self, entry):
        size = crc = 0
        for piece in self._unpacked_pieces(entry):
            size += len(piece)
            if size > entry.file_size:
                raise refuse("zip_bomb", limit=limits.max_unpacked_size())
            crc = zlib.crc32(piece, crc)
        return size, crc

    def _unpacked_pieces(self, entry):
        raw = self._raw_chunks(entry)
        if entry.compress_type == zipfile.ZIP_STORED:
            return raw
        return inflated_pieces(raw, -zlib.MAX_WBITS)

    def _raw_chunks(self, entry):
        """The member's compressed bytes, straight from the file, in chunks."""
        self.upload.seek(entry.header_offset)
        signature, name_length, extra_length = LOCAL_HEADER.unpack(
            self.upload.read(LOCAL_HEADER.size)
        )
        if signature != ZIP_MAGIC:
            raise zipfile.BadZipFile("no local file header")
        self.upload.seek(entry.header_offset + LOCAL_HEADER.size + name_length + extra_length)
        left = entry.compress_size
        while left > 0:
            chunk = self.upload.read(min(IN_CHUNK, left))
            if not chunk:
                raise EOFError("ZIP member cut off")
            left -= len(chunk)
            yield chunk
