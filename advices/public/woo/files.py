"""Size and SHA-256 of an uploaded file, for the Woo index.

An upload is stored under a name that is never reused (the storage picks a free name), so the
facts of a name never change and are kept in the cache: the sitemap reads a file only once."""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache

CHUNK = 1024 * 1024
DAY = 24 * 60 * 60


@dataclass(frozen=True)
class FileFacts:
    size: int
    sha256: str


def file_facts(field_file):
    """The size and SHA-256 of ``field_file``; None if the file is gone (it is then left out
    of the index rather than announced with made-up values)."""
    key = f"woo:file:{field_file.name}"
    facts = cache.get(key)
    if facts is not None:
        return facts
    digest, size = hashlib.sha256(), 0
    try:
        with field_file.storage.open(field_file.name, "rb") as opened:
            while chunk := opened.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return None
    facts = FileFacts(size, digest.hexdigest())
    cache.set(key, facts, DAY)
    return facts
