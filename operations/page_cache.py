"""Whole responses of public pages, kept in the shared cache for anonymous readers.

Most requests are residents reading pages that change a few times a week. A cached page is
served before the session, authentication and the page tree are touched: two cache look-ups
(the generation, operations/invalidation.py, and the page) and no database query.

Only what is the same for every anonymous reader is cached:

- GET and HEAD (stored from GET only), without a session cookie, a messages cookie or an
  Authorization header: anyone logged in, or with a message waiting, always gets a fresh page;
- not under ``PAGE_CACHE_EXCLUDED_PATHS`` (the admin, private documents, the follow links
  with their tokens, the health endpoint);
- status 200, no ``Set-Cookie``, no CSRF token used (a page with a form that carries a
  token is per visitor), no ``Cache-Control`` private/no-store/no-cache, no ``Vary`` on
  anything but cookies and language (the site speaks one language), at most
  ``PAGE_CACHE_MAX_BYTES``.

The key is the scheme, host, path and query (parameters in a fixed order), the generation,
and the day (lateness moves on at midnight). ``PAGE_CACHE_SECONDS`` bounds the life of an
entry; 0 switches the cache off (development and the tests, unless a test turns it on).
"""

import hashlib
import logging
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response

from operations.invalidation import current_generation

logger = logging.getLogger(__name__)

HIT_HEADER = "X-Page-Cache"
_SAFE_VARY = {"cookie", "accept-language", "accept-encoding"}
_REFUSING_CACHE_CONTROL = ("private", "no-store", "no-cache")
# Cookies that make a page personal: the session (logged in, or a passed page password),
# and Django's messages (a notice waiting to be shown once).
_MESSAGES_COOKIE = "messages"
# Per response, set again on every hit (the request id by the middleware before this one).
_NOT_STORED_HEADERS = {"content-length", "set-cookie", "x-request-id", HIT_HEADER.lower()}


def _normalized_query(request):
    # Sorted by name; the order of repeated names is kept (it may mean something).
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def page_key(request, host, generation):
    described = "\n".join([request.scheme, host, request.path, _normalized_query(request)])
    digest = hashlib.sha256(described.encode()).hexdigest()
    return f"public-page:{generation}:{timezone.localdate().isoformat()}:{digest}"


def request_may_use_cache(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or _MESSAGES_COOKIE in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


def response_may_be_stored(request, response):
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    # The CSRF token was put into the page (a form): the page is this visitor's.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in _REFUSING_CACHE_CONTROL):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    if not vary <= _SAFE_VARY:
        return False
    if response.has_header("Content-Encoding"):
        return False
    if response.streaming:
        # A file (wsgi.file_wrapper would bypass the copy) or an async stream: not stored.
        return not getattr(response, "file_to_stream", None) and not response.is_async
    return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES


def _stored(response, content):
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in _NOT_STORED_HEADERS
    ]
    return {"status": response.status_code, "headers": headers, "content": content}


def _rebuilt(request, stored):
    headers = dict(stored["headers"])
    etag = headers.get("ETag")
    if etag:
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            not_modified.headers[HIT_HEADER] = "hit"
            return not_modified
    response = HttpResponse(stored["content"], status=stored["status"])
    for name, value in stored["headers"]:
        response.headers[name] = value
    response.headers["Content-Length"] = str(len(stored["content"]))
    response.headers[HIT_HEADER] = "hit"
    return response


def _store(key, stored):
    try:
        cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("Could not store a page in the public page cache", exc_info=True)


def _copy_while_streaming(response, key):
    """Stream as usual, keeping a copy; store it when the stream ends within the limit."""
    limit = settings.PAGE_CACHE_MAX_BYTES
    original = response.streaming_content

    def streamed():
        chunks, size = [], 0
        for chunk in original:
            if chunks is not None:
                size += len(chunk)
                if size > limit:
                    chunks = None
                else:
                    chunks.append(chunk)
            yield chunk
        if chunks is not None:
            _store(key, _stored(response, b"".join(chunks)))

    response.streaming_content = streamed()


class PublicPageCacheMiddleware:
    """Right after WhiteNoise and the sent-PDF fast path, before the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not request_may_use_cache(request):
            return self.get_response(request)
        host = request.get_host()  # a host not allowed: Django answers 400, as without us
        try:
            key = page_key(request, host, current_generation())
            stored = cache.get(key)
        except Exception:
            # A cache that is down must not take the site with it; the health endpoint
            # reports it.
            logger.warning("The public page cache is not available", exc_info=True)
            return self.get_response(request)
        if stored is not None:
            return _rebuilt(request, stored)
        response = self.get_response(request)
        if response_may_be_stored(request, response):
            if response.streaming:
                _copy_while_streaming(response, key)
            else:
                _store(key, _stored(response, response.content))
            response.headers[HIT_HEADER] = "miss"
        return response
