"""The admin dashboard's "Te laat" panel: what the council and the municipality should chase."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from advices.lifecycle.lateness import overdue_commitments, overdue_replies


class OverduePanel(Component):
    name = "overdue"
    template_name = "advices/admin/overdue_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return {
            "replies": list(overdue_replies()[:20]),
            "commitments": list(overdue_commitments()[:20]),
            "heading": _("Te laat"),
        }
