"""The site's own address: the one place that turns a path into an absolute URL.

Permalinks, the ``url`` column of the exports, the API, feeds and every mail link come from
here, so none of them can say ``http://localhost/`` while the site lives elsewhere:

* with a request, the address the visitor used (``request.build_absolute_uri``; behind a proxy
  the production settings trust ``X-Forwarded-Proto`` for the scheme);
* without one (a mail composed by a background task), the Wagtail Site the page belongs to,
  else the default Site, from its host name and port (Settings > Sites in the admin). Port 80
  is plain http, port 443 https; any other port is https, except on a development host
  (``127.0.0.1:8000`` of ``make run``), which has no certificate.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

DEVELOPMENT_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def is_development_host(hostname):
    return hostname in DEVELOPMENT_HOSTS or hostname.endswith(".localhost")


def root_url_of(hostname, port):
    """``scheme://host[:port]`` of a site at ``hostname``:``port``, no trailing slash."""
    if port == 80:
        return f"http://{hostname}"
    if port == 443:
        return f"https://{hostname}"
    scheme = "http" if is_development_host(hostname) else "https"
    return f"{scheme}://{hostname}:{port}"


def site_root_url(site=None):
    """The address of ``site`` (the default Site when None), without a trailing slash.
    Without any Site: ``WAGTAILADMIN_BASE_URL``, the address the settings give."""
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return root_url_of(site.hostname, site.port)


def _root_url_from_wagtail(root_url):
    """Wagtail's own ``Site.root_url`` (http on any port but 443) under our scheme rule."""
    parts = urlsplit(root_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return root_url_of(parts.hostname, port)


def absolute_url(url, request=None, site=None):
    """``url`` made absolute: on the request's address when there is a request, else on the
    site's (``site`` or the default Site). An absolute ``url`` is returned as it is."""
    if not url or urlsplit(url).scheme:
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return site_root_url(site) + url


def page_full_url(page, request=None):
    """The absolute URL of a Wagtail page, or None when it has no URL.

    A page on the request's own site gets the request's address; a page without a request,
    or on another Wagtail site, gets the address of the site it belongs to. Costs no query
    beyond Wagtail's cached site root paths.
    """
    parts = page.get_url_parts(request)
    if parts is None or parts[2] is None:
        return None
    site_id, root_url, path = parts
    if request is not None:
        current = Site.find_for_request(request)
        if current is None or current.pk == site_id:
            return request.build_absolute_uri(path)
    return _root_url_from_wagtail(root_url) + path


def admin_base_url():
    """The admin's address, for links to the admin in mails: ``WAGTAILADMIN_BASE_URL`` when
    it is set (the admin may live on another host), else the default Site's address."""
    configured = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return configured.rstrip("/") or site_root_url()
