"""Parts of the public pages that are costly to compute, cached until what they show may
have changed.

``data_version()`` is a fingerprint of everything the tracker and the dashboard show, in one
query of index lookups: the highest key of each table they read and of its history table
(simple-history adds a row on every save or delete through the models, an insert a higher
key), the response term, and Wagtail's pages and page log (publishing, moving, renaming,
view restrictions). ``cached(name, parts, build)`` keeps what ``build()`` returns under a
key with that fingerprint and the day, so nothing cached is older than the last thing
recorded, and "te laat" moves on at midnight.
"""

import hashlib

from django.core.cache import cache
from django.db import connection
from django.utils import timezone, translation
from wagtail.models import Page, PageLogEntry, Site

from advices.models import (
    AdviceLetter,
    AdviceRequest,
    CollegeResponse,
    Commitment,
    FollowUp,
    LetterSettings,
    Recommendation,
    RecommendationAnswer,
)

# An upper bound for how stale a part can get after a write that leaves no trace in
# ``data_version`` (a raw ``QuerySet.update``; the site itself never does that).
CACHE_SECONDS = 15 * 60


def _tracked_tables():
    """(table, key column) of every table whose changes can change a cached part."""
    for model in (
        AdviceLetter,
        Recommendation,
        RecommendationAnswer,
        FollowUp,
        Commitment,
        CollegeResponse,
        AdviceRequest,  # the timeliness of advice on request
    ):
        yield model._meta.db_table, model._meta.pk.column
        history = model.history.model
        yield history._meta.db_table, history._meta.pk.column
    # Links to letters and recommendations follow the page tree.
    for model in (Page, PageLogEntry):
        yield model._meta.db_table, model._meta.pk.column


def data_version():
    """The fingerprint, as a string: one query."""
    quote = connection.ops.quote_name
    parts = [f"(SELECT MAX({quote(pk)}) FROM {quote(table)})" for table, pk in _tracked_tables()]
    settings_table = quote(LetterSettings._meta.db_table)
    site_table = quote(Site._meta.db_table)
    # No settings row yet means the default term (the first page view creates the row).
    default_term = LetterSettings._meta.get_field("response_term_weeks").default
    parts.append(
        f"COALESCE((SELECT MAX(s.{quote('response_term_weeks')}) FROM {settings_table} s "
        f"INNER JOIN {site_table} w ON s.{quote('site_id')} = w.{quote('id')} "
        f"WHERE w.{quote('is_default_site')} = %s), %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), [True, default_term])
        return ":".join(str(value) for value in cursor.fetchone())


def cached(name, parts, build, *, version=None, today=None, request=None):
    """``build()``, or what it returned before for the same ``name`` and ``parts`` while the
    data, the day and the language are the same. ``version``: a ``data_version()`` already
    taken in this request (saves its query). With ``request``, also per site: links in the
    HTML are relative to the site the reader is on."""
    today = today or timezone.localdate()
    version = version if version is not None else data_version()
    site = Site.find_for_request(request) if request is not None else None
    # Hashed: parts may hold a query string, and cache keys must stay short and plain.
    described = "\n".join(
        [
            translation.get_language() or "",
            today.isoformat(),
            version,
            str(site.pk if site else ""),
            *map(str, parts),
        ]
    )
    key = f"{name}:{hashlib.sha256(described.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    return value
