"""The shape of every write: ``check()`` then ``execute()``, as Wagtail's page actions.

``execute()`` opens one transaction, locks what it will change (``lock()``), runs ``check()``
on the locked, current state — so of two people acting at the same moment exactly one passes
— and then ``perform()``. Refusals are ``PermissionDenied`` (who) or ``ValidationError``
(state), with a Dutch reason. What the action changed is reported after the commit through
``advices.actions.events``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from operations.invalidation import public_pages_changed


class Action:
    def __init__(self, user, at=None):
        self.user = user
        # Dates a record entered after the fact (an archive of earlier years) in the history.
        self.at = at

    def lock(self):
        """Lock the rows the action reads and changes; runs inside the transaction."""

    def check(self):
        """Raise ``PermissionDenied`` or ``ValidationError`` when the action may not run."""

    def perform(self):
        raise NotImplementedError

    def execute(self):
        with transaction.atomic():
            self.lock()
            self.check()
            result = self.perform()
            # Some actions write in bulk (the verdicts page), which sends no model signal:
            # the cached public pages are told here, whatever the action wrote.
            public_pages_changed()
            return result

    def permission_check(self, refusal):
        if refusal:
            raise PermissionDenied(refusal)

    def state_check(self, refusal, code="refused"):
        if refusal:
            raise ValidationError(refusal, code=code)

    def tag(self, instance, reason=""):
        """Who, when and why, for the history row the next save writes."""
        instance._history_user = self.user
        if self.at:
            instance._history_date = self.at
        if reason:
            instance._change_reason = str(reason)[:100]
        return instance
