"""The lockout after repeated wrong passwords, on top of django-axes.

Axes counts wrong passwords per username from one address (``AXES_LOCKOUT_PARAMETERS``) and
refuses that pair, right password included, for the cool-off once ``AXES_FAILURE_LIMIT`` is
reached. ``CouncilLockoutHandler`` adds a second, higher limit per address over all usernames
(``ADVIESVOLGER_LOGIN_FAILURE_LIMIT_PER_CLIENT``), so one address cannot try many accounts a
few times each. ``lockout_response`` is the page a locked-out person sees, in Dutch.

``current_lockouts`` and ``unlock`` serve the secretariat's unlock page (admin_views.py); the
operators' ``manage.py axes_reset_username <name>`` does the same from the shell.
"""

from dataclasses import dataclass
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Count, Max, Sum
from django.shortcuts import render
from django.utils import timezone


def per_client_limit():
    return settings.ADVIESVOLGER_LOGIN_FAILURE_LIMIT_PER_CLIENT


def _recent(attempts, now=None):
    """Only attempts within the cool-off count (as in axes' own queries)."""
    return attempts.filter(attempt_time__gte=(now or timezone.now()) - get_cool_off())


def _failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class CouncilLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler plus a limit per client address over every username."""

    def get_failures(self, request, credentials=None):
        per_account = super().get_failures(request, credentials)
        address = getattr(request, "axes_ip_address", None)
        if address is None:
            return per_account
        per_client = _failures(
            _recent(AccessAttempt.objects.filter(ip_address=address), request.axes_attempt_time)
        )
        if per_client >= per_client_limit():
            # Counts as reaching the account limit: axes then refuses and shows the lockout.
            return max(per_account, get_failure_limit(request, credentials))
        return per_account


def locked_until(username, address):
    """When a login for ``username`` from ``address`` is possible again, or None if it is now."""
    cool_off = get_cool_off()
    ends = []
    pair = _recent(AccessAttempt.objects.filter(username=username, ip_address=address))
    if _failures(pair) >= settings.AXES_FAILURE_LIMIT:
        ends.append(pair.aggregate(last=Max("attempt_time"))["last"] + cool_off)
    client = _recent(AccessAttempt.objects.filter(ip_address=address))
    if _failures(client) >= per_client_limit():
        ends.append(client.aggregate(last=Max("attempt_time"))["last"] + cool_off)
    return max(ends) if ends else None


def lockout_response(request, original_response=None, credentials=None):
    username = get_client_username(request, credentials) or ""
    address = getattr(request, "axes_ip_address", None)
    until = locked_until(username, address) or timezone.now() + get_cool_off()
    # Rendered here: the response replaces the view's in a middleware (axes'), after Django
    # renders template responses.
    response = render(
        request,
        "home/security/locked_out.html",
        {
            "until": timezone.localtime(until),
            "until_is_today": timezone.localdate(until) == timezone.localdate(),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cool_off_minutes": int(get_cool_off().total_seconds() // 60),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    seconds = max(int((until - timezone.now()).total_seconds()), 1)
    response["Retry-After"] = str(seconds)
    return response


@dataclass(frozen=True)
class Lockout:
    """One row of the unlock page: an account (all addresses) or an address (all accounts)."""

    username: str | None
    address: str | None
    failures: int
    last_attempt: datetime
    until: datetime
    accounts: int = 1


def current_lockouts(now=None):
    """Accounts and addresses locked right now, the longest-locked first."""
    now = now or timezone.now()
    cool_off = get_cool_off()
    recent = _recent(AccessAttempt.objects.all(), now)
    by_account = {}
    pairs = (
        recent.values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    for pair in pairs:
        username = pair["username"] or ""
        known = by_account.get(username)
        until = pair["last"] + cool_off
        if known is None or until > known.until:
            total = _failures(recent.filter(username=pair["username"]))
            by_account[username] = Lockout(username, None, total, pair["last"], until)
    by_address = [
        Lockout(
            None,
            row["ip_address"],
            row["failures"],
            row["last"],
            row["last"] + cool_off,
            row["accounts"],
        )
        for row in recent.values("ip_address")
        .annotate(
            failures=Sum("failures_since_start"),
            last=Max("attempt_time"),
            accounts=Count("username", distinct=True),
        )
        .filter(failures__gte=per_client_limit())
    ]
    rows = [*by_account.values(), *by_address]
    return sorted(rows, key=lambda row: row.until, reverse=True)


def unlock(username=None, address=None):
    """Forget the wrong passwords of an account (from every address) or of an address (for
    every account); returns how many records went."""
    attempts = AccessAttempt.objects.none()
    if username is not None:
        attempts = AccessAttempt.objects.filter(username=username)
    elif address is not None:
        attempts = AccessAttempt.objects.filter(ip_address=address)
    deleted, _ = attempts.delete()
    return deleted
