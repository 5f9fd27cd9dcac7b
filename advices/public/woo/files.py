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


def _cache_key(name):
    return f"woo:file:{name}"


def _read_facts(field_file):
    digest, size = hashlib.sha256(), 0
    try:
        with field_file.storage.open(field_file.name, "rb") as opened:
            while chunk := opened.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return None
    return FileFacts(size, digest.hexdigest())


def files_facts(field_files):
    """``{name: FileFacts}`` for ``field_files``, read from the cache in one lookup (a
    database cache would otherwise cost a query per document); a file that is gone is left
    out of the result rather than announced with made-up values."""
    keys = {_cache_key(field_file.name): field_file for field_file in field_files}
    cached = cache.get_many(keys)
    found = {}
    for key, field_file in keys.items():
        facts = cached.get(key) or _read_facts(field_file)
        if facts is None:
            continue
        if key not in cached:
            cache.set(key, facts, DAY)
        found[field_file.name] = facts
    return found
