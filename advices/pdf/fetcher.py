"""The only way a letter's PDF may load anything: a URL fetcher with an allow-list.

WeasyPrint loads stylesheets, fonts, images and attachments through its URL fetcher,
including any that a letter's own text names (``<img src>``, ``<link href>``, ``url()``).
Letter text comes from people and imports, so the PDF gets a fetcher that

- serves ``file://`` URLs of files inside the allowed folders (the PDF's own stylesheet
  and fonts), with an allowed extension, after resolving ``..`` and symbolic links;
- serves a few exact URLs registered one by one (the logo rendition from MEDIA_ROOT);
- refuses everything else: other files, ``http(s)://``, ``ftp://``, and ``data:`` URLs too.
  The letter template needs no ``data:`` URL, and in letter text one would only let the
  text put an image of its choosing on the council's letter. Refusing them all is simpler
  to reason about than a size limit.

A refusal raises ``FetchRefused``; WeasyPrint logs it as a warning and leaves the resource
out (an image is dropped, a stylesheet ignored), so a hostile letter still renders. Every
attempt is recorded in ``attempts`` (URL, allowed or not), which the tests read.

Nothing here ever opens a network connection: there is no code path that could.
"""

import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

# What the PDF's own static files may be; other extensions are refused even inside them.
ALLOWED_SUFFIXES = frozenset({".css", ".woff", ".woff2", ".ttf", ".otf", ".png", ".jpg", ".jpeg"})

CONTENT_TYPES = {
    ".css": "text/css",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}


class FetchRefused(ValueError):
    """A URL the letter PDF may not load."""


def file_url(path):
    """The ``file://`` URL of a path, as WeasyPrint and this fetcher understand it."""
    return Path(path).resolve().as_uri()


def _content_type(path):
    suffix = Path(path).suffix.lower()
    return (
        CONTENT_TYPES.get(suffix)
        or mimetypes.guess_type(str(path))[0]
        or "application/octet-stream"
    )


class RestrictedURLFetcher(URLFetcher):
    """Serves files from ``allowed_dirs`` and the exact ``allowed_files``; refuses the rest.

    ``allowed_files`` maps a URL to a callable that returns the file's bytes, so that a
    file from a storage without a local path can be served too.
    """

    def __init__(self, allowed_dirs=(), allowed_files=None):
        # The parent's urllib handlers are never used: fetch() below replaces its fetch().
        super().__init__(allowed_protocols=("file",), fail_on_errors=False)
        self.allowed_dirs = [Path(directory).resolve() for directory in allowed_dirs]
        self.allowed_files = dict(allowed_files or {})
        self.attempts = []  # (url, allowed) in the order WeasyPrint asked

    @property
    def refused(self):
        return [url for url, allowed in self.attempts if not allowed]

    @property
    def served(self):
        return [url for url, allowed in self.attempts if allowed]

    def allow_file(self, url, read):
        self.allowed_files[url] = read

    def fetch(self, url, headers=None):
        try:
            body, content_type = self._load(url)
        except FetchRefused:
            self.attempts.append((url, False))
            raise
        self.attempts.append((url, True))
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    def _load(self, url):
        if url in self.allowed_files:
            return self.allowed_files[url](), _content_type(urlsplit(url).path)
        parts = urlsplit(url)
        if parts.scheme.lower() != "file":
            raise FetchRefused(f"De PDF van een brief laadt niets van buiten: {url[:200]}")
        if parts.netloc not in ("", "localhost") or parts.query:
            raise FetchRefused(f"Geen bestand van deze site: {url[:200]}")
        path = self._allowed_path(unquote(parts.path))
        if path is None:
            raise FetchRefused(f"Dit bestand mag niet in een brief: {url[:200]}")
        return path.read_bytes(), _content_type(path)

    def _allowed_path(self, raw_path):
        if "\x00" in raw_path:
            return None
        try:
            path = Path(os.path.realpath(raw_path))
        except (OSError, ValueError):
            return None
        if path.suffix.lower() not in ALLOWED_SUFFIXES or not path.is_file():
            return None
        for directory in self.allowed_dirs:
            if path.is_relative_to(directory):
                return path
        return None
