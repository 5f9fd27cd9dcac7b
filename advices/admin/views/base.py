"""Shared pieces for the letter's own admin views (status, versions)."""

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from advices.admin.urls import admin_url
from advices.lifecycle.permissions import letter_access_refusal
from advices.models import AdviceLetter


def refuse(request, reason, status=403):
    """A 403 (or other) page inside the admin that says why."""
    return TemplateResponse(
        request,
        "home/admin/refused.html",
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
            return refuse(request, letter_access_refusal(request.user))
        self.letter = get_object_or_404(AdviceLetter, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": admin_url(AdviceLetter, "list"),
                "label": _("Adviesbrieven"),
            },
            {
                "url": admin_url(AdviceLetter, "edit", self.letter.pk),
                "label": str(self.letter),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def letter_url(self, name, *args):
        return admin_url(AdviceLetter, name, self.letter.pk, *args)


class ReasonedRefusalMixin:
    """Wagtail turns a refusal into a redirect with a generic message; we answer 403 and say why.

    Subclasses give the reason with ``refusal_reason(request)``.
    """

    def refusal_reason(self, request):
        return _("U mag dit niet doen.")

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as error:
            reason = str(error) if error.args else self.refusal_reason(request)
            return refuse(request, reason)


class ActionFormMixin:
    """For Wagtail's create/edit views that save through one of our actions: a refusal by the
    action (``ValidationError``) comes back as errors on the form, with what was typed kept."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
