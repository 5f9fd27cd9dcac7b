"""Shared pieces for the letter's own admin views (status, versions)."""

from django.contrib.auth.mixins import AccessMixin
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from advices.models import AdviceLetter


def refuse(request, reason, status=403):
    """A 403 (or other) page inside the admin that says why."""
    return TemplateResponse(
        request,
        "advices/admin/refused.html",
        {"reason": reason, "page_title": _("Dit kan niet")},
        status=status,
    )


class LetterAdminViewMixin(AccessMixin, WagtailAdminTemplateMixin):
    """Loads the letter and checks that the user may see letters at all."""

    header_icon = "doc-full"
    permission = "advices.view_adviceletter"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm(self.permission):
            return refuse(request, _("U heeft geen toegang tot adviesbrieven."))
        self.letter = get_object_or_404(AdviceLetter, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailsnippets_advices_adviceletter:list"),
                "label": _("Adviesbrieven"),
            },
            {
                "url": reverse("wagtailsnippets_advices_adviceletter:edit", args=[self.letter.pk]),
                "label": str(self.letter),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def letter_url(self, name, *args):
        return reverse(f"wagtailsnippets_advices_adviceletter:{name}", args=[self.letter.pk, *args])
