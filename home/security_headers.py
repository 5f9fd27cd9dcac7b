"""The Content-Security-Policy of every response: strict on the public site, relaxed in the
Wagtail admin only (settings ``CONTENT_SECURITY_POLICY`` and ``ADMIN_CONTENT_SECURITY_POLICY``).

The public policy has no nonce on purpose: public pages are the same for every anonymous
visitor and may be cached whole, and a nonce in a cached page would be reused. So the public
templates hold no inline script, no ``<style>``, no ``style=""`` and no ``on...=`` handler.

- Paths under the admin (``/admin/``) get the admin's policy: the Wagtail 8 admin uses
  inline scripts and styles. So do Wagtail's previews: the admin renders a page's preview
  through the whole middleware chain with a made-up request for the page's public path
  (``request.is_dummy``), and that response is shown in the admin's preview panel, a frame
  of the admin, which the public ``frame-ancestors 'none'`` would refuse.
- A PDF (a sent letter, an uploaded document) gets no CSP: Chrome shows a PDF in its own
  viewer, a page the browser makes around the file, and a page policy on the PDF response
  breaks that viewer (``object-src 'none'`` blocks it, ``style-src`` without inline styles
  cuts it to a strip). A PDF runs no script of ours, and uploads with JavaScript are refused.

Placed right after ``SecurityMiddleware``, before WhiteNoise and the sent-PDF fast path, so
every response passes it.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

NO_CSP_CONTENT_TYPES = ("application/pdf",)


def admin_prefix():
    return getattr(settings, "ADMIN_PATH_PREFIX", "/admin/")


def uses_admin_policy(request):
    return request.path_info.startswith(admin_prefix()) or getattr(request, "is_dummy", False)


class SiteCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type in NO_CSP_CONTENT_TYPES:
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and uses_admin_policy(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
