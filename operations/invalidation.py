"""When the public pages may have changed: a generation number in the shared cache.

The public page cache (operations/page_cache.py) keys every page by this number, so a cached
hit costs cache look-ups only and never touches the database. Any write through the models
moves the number on: every ``post_save``, ``post_delete`` and ``m2m_changed`` of every model
(pages published, unpublished, moved or deleted and their log entries, snippets, letters,
recommendations, replies, follow-up, their history rows, site settings, images, documents,
view restrictions, redirects...), except the models in ``PAGE_CACHE_IGNORED_MODELS`` that no
public page shows (sessions, task results, subscriptions, the admin's editing sessions).
Listening to every model, rather than a list of the ones that matter, means a model added
later invalidates by itself.

The number moves at the write, and again when its transaction commits: a reader that read
the old data while the transaction ran stored it under a number that nobody looks up any
more after the commit. Writes in bulk send
no model signal: every action of ``advices.actions`` (the verdicts page writes its answers
with ``bulk_update``) calls ``public_pages_changed()`` itself, and so must any new code that
writes public data in bulk. A write around the site (raw SQL, a shell) shows after at most
``PAGE_CACHE_SECONDS``, the lifetime of a cached page.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-pages:generation"


def current_generation():
    """The number that cached pages are keyed by."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Missing (a fresh or flushed cache): start from the clock, never from a number an
        # older generation may have used, whose pages could still be in the cache.
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump():
    """From now on no page cached before counts."""
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # missing: any new number will do, see current_generation()
            cache.set(GENERATION_KEY, time.time_ns(), None)
    except Exception:
        # The cache is down: nothing is served from it meanwhile, and a write must not fail
        # because of the cache. Should it come back with this write missed, its pages are
        # stale for at most PAGE_CACHE_SECONDS.
        logger.warning("Could not invalidate the public page cache", exc_info=True)


def public_pages_changed(using=None):
    """For a write that sends no model signal (``bulk_create``, ``bulk_update``,
    ``QuerySet.update``): call it inside the transaction that wrote."""
    bump()
    transaction.on_commit(bump, using=using)


def _ignored(model):
    ignored = {label.lower() for label in settings.PAGE_CACHE_IGNORED_MODELS}
    return model._meta.label_lower in ignored


def changed(sender, **kwargs):
    model = sender
    if kwargs.get("signal") is m2m_changed:
        if kwargs.get("action", "").startswith("pre_"):
            return
        model = kwargs["instance"].__class__
    if _ignored(model):
        return
    public_pages_changed(using=kwargs.get("using"))


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(changed, dispatch_uid=f"operations.invalidation.{id(signal)}")
