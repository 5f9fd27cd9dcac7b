"""Limits on the follow form and the form that asks what is stored about an address
(``my_data_views``), so nobody can flood an address or the mail server through them.

Who sent a request is ``home.security.client_ip`` (the login lockout's rule too).

* ``Budget``: at most ``limit`` events per key in a fixed window, counted in Django's cache
  (``cache.add`` then ``cache.incr``). Production's cache is shared by every process, so the
  count is the site's; with a per-process cache (locmem, in development and the tests) it is
  per process. ``incr`` is atomic on Redis and locmem; on the database cache two requests at
  the same instant may be counted once. That is good enough for a limit on posts: the
  guarantee that matters, one confirmation mail per address and thing followed, is made by
  the database (``subscriptions.claim_confirmation_mail``), not by this count.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Budget:
    """``limit`` events per key per ``window`` seconds (a fixed window)."""

    name: str
    limit: int
    window: int

    def _key(self, key, now):
        # Hashed: an e-mail address is not kept in the cache, and any key is a valid one.
        digest = hashlib.sha256(str(key).encode()).hexdigest()[:32]
        return f"adviesvolger:limit:{self.name}:{digest}:{int(now // self.window)}"

    def spend(self, key):
        """Count one event for ``key``; False when that goes over the limit."""
        now = time.time()
        cache_key = self._key(key, now)
        cache.add(cache_key, 0, timeout=self.window + 60)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # evicted between add and incr: a new window for this key
            cache.set(cache_key, 1, timeout=self.window + 60)
            count = 1
        return count <= self.limit

    def retry_after(self):
        """Seconds until the current window ends (for a ``Retry-After`` header)."""
        return max(1, int(self.window - time.time() % self.window))


def follow_posts_per_client():
    """Posts of the follow form and the data request from one client, together (a shared
    office connection sends many)."""
    return Budget(
        "follow-client",
        settings.ADVICES_FOLLOW_POSTS_PER_CLIENT,
        settings.ADVICES_FOLLOW_REPEAT_WINDOW,
    )


def follow_mails_per_address():
    """Mails to one address from the follow form and the data request together, whatever it
    follows."""
    return Budget(
        "follow-address",
        settings.ADVICES_FOLLOW_MAILS_PER_ADDRESS,
        settings.ADVICES_FOLLOW_REPEAT_WINDOW,
    )
