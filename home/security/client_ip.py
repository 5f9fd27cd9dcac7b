"""The client's address, for counting wrong passwords per address.

Behind a reverse proxy every request comes from the proxy; the client's own address is in
X-Forwarded-For. That header is trusted only as far as the operator says how many proxies
stand in front (``TRUSTED_PROXY_COUNT``): each proxy appends the address it
received the request from, so with n proxies the client is the n-th entry from the right.
Anything further left was written by the client and could be anything.
"""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if not forwarded:
        return remote
    # Fewer entries than proxies: the chain is shorter than configured; take the leftmost
    # entry, which a trusted proxy still wrote.
    candidate = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
    return _valid(candidate) or remote
