"""The limits of the upload checks, each a setting with a default that suits council
documents (README, "Uploads").
"""

from django.conf import settings

MIB = 1024 * 1024

DEFAULTS = {
    # What a file may hold once unpacked: all streams of a PDF, decoded, together; all files
    # of a ZIP package (docx, xlsx, odt, ods), uncompressed, together.
    "UPLOADS_MAX_UNPACKED_SIZE": 100 * MIB,
    # How many objects a PDF may have, and how many parts (objects, dictionary values, array
    # items) the check reads: a 200-page report has a few thousand objects and a few tens of
    # thousands of parts; a file built to keep the check busy stops here (reading a part takes
    # pypdf some microseconds, so these bound the check to a few seconds).
    "UPLOADS_MAX_PDF_OBJECTS": 100_000,
    "UPLOADS_MAX_PDF_PARTS": 500_000,
    # How many files a ZIP package may hold; a long report has a few hundred.
    "UPLOADS_MAX_ZIP_ENTRIES": 10_000,
    # How many times larger a file in a ZIP package may be than its compressed form (for files
    # above 1 MiB unpacked). Text and XML compress 5 to 50 times; a ZIP bomb about 1000.
    "UPLOADS_MAX_ZIP_RATIO": 200,
    # CSV and plain text files.
    "UPLOADS_MAX_TEXT_SIZE": 10 * MIB,
}


def limit(name):
    return getattr(settings, name, DEFAULTS[name])


def max_unpacked_size():
    return limit("UPLOADS_MAX_UNPACKED_SIZE")


def max_pdf_objects():
    return limit("UPLOADS_MAX_PDF_OBJECTS")


def max_pdf_parts():
    return limit("UPLOADS_MAX_PDF_PARTS")


def max_zip_entries():
    return limit("UPLOADS_MAX_ZIP_ENTRIES")


def max_zip_ratio():
    return limit("UPLOADS_MAX_ZIP_RATIO")


def max_text_size():
    return limit("UPLOADS_MAX_TEXT_SIZE")
