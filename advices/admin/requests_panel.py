"""The admin dashboard's "Open adviesaanvragen" panel, for the secretariat and the
municipality: every open request with its deadline and the days left, in words."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from advices.admin.urls import admin_url
from advices.lifecycle.request_days import is_late, request_days_label
from advices.models import AdviceRequest

PANEL_LIMIT = 50


def may_see_open_requests(user):
    """The secretariat and the municipality work on requests; the members read the list."""
    return user.has_perm("advices.view_advicerequest") and user.has_perm(
        "advices.add_advicerequest"
    )


class OpenRequestsPanel(Component):
    name = "open_requests"
    template_name = "advices/admin/requests_panel.html"
    order = 40

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        open_requests = AdviceRequest.objects.open().order_by("deadline", "pk")
        rows = [
            {
                "request": advice_request,
                "days": request_days_label(advice_request, today),
                "late": is_late(advice_request, today),
                "url": admin_url(AdviceRequest, "status", advice_request.pk),
            }
            for advice_request in open_requests[:PANEL_LIMIT]
        ]
        return {
            "heading": _("Open adviesaanvragen"),
            "rows": rows,
            "more": len(rows) == PANEL_LIMIT and open_requests.count() > PANEL_LIMIT,
            "list_url": admin_url(AdviceRequest, "list"),
        }
