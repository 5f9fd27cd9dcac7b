"""The secretariat's screens for the annual report: a snippet viewset (list, create, edit the
foreword), a preview with the live figures, and the *Publiceren* confirmation screen."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from advices.actions.letters import INCOMPLETE_FORM
from advices.admin.views.base import ActionFormMixin, ReasonedRefusalMixin, refuse
from annual.actions import PublishReport, SaveReport
from annual.chooser import ReportChooserViewSet
from annual.display import for_display
from annual.figures import year_figures
from annual.lifecycle import (
    PUBLISHED_MESSAGE,
    edit_refusal,
    publish_permission_refusal,
    view_refusal,
)
from annual.models import AnnualReport
from annual.pages import AnnualReportIndexPage


def report_admin_url(view, *args):
    return reverse(AnnualReport.snippet_viewset.get_url_name(view), args=args)


class ReportRefusalMixin(ReasonedRefusalMixin):
    def refusal_reason(self, request):
        return view_refusal(request.user) or edit_refusal(request.user, "concept")


class ReportForm(WagtailAdminModelForm):
    """The report's form. ``loaded_version`` is the edit number the form showed: ``SaveReport``
    refuses a save made on an older one. It has no panel (a panel would show its raw name as
    a heading); Wagtail renders fields that no panel claims after the panels."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.edit_version
        if not self.instance.pk:
            # Usually written early in the new year, about the year before.
            self.initial.setdefault("year", timezone.localdate().year - 1)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and cleaned_data.get("loaded_version") is None:
            # A post that does not say which version it changes (a script, an old tab) would
            # overwrite whatever is stored.
            raise ValidationError(INCOMPLETE_FORM, code="incomplete")
        return cleaned_data


class ReportSaveMixin(ActionFormMixin):
    def save_instance(self):
        return SaveReport(
            self.form.instance,
            self.request.user,
            loaded_version=self.form.cleaned_data.get("loaded_version"),
        ).execute()

    def get_success_url(self):
        return report_admin_url("preview", self.object.pk)


class ReportIndexView(ReportRefusalMixin, IndexView):
    pass


class ReportCreateView(ReportRefusalMixin, ReportSaveMixin, CreateView):
    pass


class ReportEditView(ReportRefusalMixin, ReportSaveMixin, EditView):
    """A published report cannot be edited: the editor goes to its preview, told why."""

    def dispatch(self, request, *args, **kwargs):
        report = AnnualReport.objects.filter(pk=kwargs.get("pk")).first()
        if report is not None and request.user.is_authenticated and report.is_published:
            if request.user.has_perm("annual.change_annualreport"):
                messages.warning(request, PUBLISHED_MESSAGE)
                return redirect(report_admin_url("preview", report.pk))
        return super().dispatch(request, *args, **kwargs)

    @property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Voorbeeld"),
                url=report_admin_url("preview", self.object.pk),
                icon_name="view",
                priority=5,
            ),
        ]


class ReportViewMixin(AccessMixin, WagtailAdminTemplateMixin):
    """Loads the report; refuses (403, with the reason) who may not see or do this."""

    header_icon = "doc-full-inverse"

    def refusal(self, user):
        return view_refusal(user)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        reason = self.refusal(request.user)
        if reason:
            return refuse(request, reason)
        self.report = get_object_or_404(AnnualReport, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": report_admin_url("list"), "label": _("Jaarverslagen")},
            {"url": "", "label": self.get_page_title()},
        ]


class ReportPreviewView(ReportViewMixin, TemplateView):
    """The report as the public will read it: with today's figures while it is a concept,
    with the frozen ones once published."""

    template_name = "annual/admin/preview.html"

    def get_page_title(self):
        return str(self.report)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report
        figures = (
            report.figures
            if report.is_published
            else year_figures(report.year, request=self.request)
        )
        index = AnnualReportIndexPage.for_request(self.request) if report.is_published else None
        user = self.request.user
        context.update(
            report=report,
            figures=for_display(figures),
            public_url=index.report_url(report, self.request) if index else None,
            pdf_url=index.pdf_url(report, self.request) if index and report.pdf else None,
            edit_url=None
            if edit_refusal(user, report.status)
            else report_admin_url("edit", report.pk),
            publish_url=None
            if report.is_published or publish_permission_refusal(user)
            else report_admin_url("publish", report.pk),
        )
        return context


class ReportPublishView(ReportViewMixin, TemplateView):
    """*Publiceren*: a screen that says what happens, then the action on POST."""

    template_name = "annual/admin/publish.html"

    def refusal(self, user):
        return publish_permission_refusal(user)

    def get_page_title(self):
        return _("%(report)s publiceren") % {"report": self.report}

    def get(self, request, *args, **kwargs):
        if self.report.is_published:
            messages.info(request, PUBLISHED_MESSAGE)
            return redirect(report_admin_url("preview", self.report.pk))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(report=self.report, preview_url=report_admin_url("preview", self.report.pk))
        return context

    def post(self, request, *args, **kwargs):
        try:
            PublishReport(self.report, request.user).execute()
        except PermissionDenied as error:
            return refuse(request, str(error))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(report_admin_url("preview", self.report.pk))
        messages.success(request, _("Het jaarverslag is gepubliceerd. De cijfers liggen nu vast."))
        return redirect(report_admin_url("preview", self.report.pk))


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class AnnualReportViewSet(SnippetViewSet):
    model = AnnualReport
    icon = "doc-full-inverse"
    menu_label = _("Jaarverslagen")
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = ReportIndexView
    add_view_class = ReportCreateView
    edit_view_class = ReportEditView
    list_display = ["__str__", StatusColumn("status", label=_("Status")), "published_at"]
    ordering = ["-year"]
    copy_view_enabled = False
    search_backend_name = None
    chooser_viewset_class = ReportChooserViewSet
    edit_handler = ObjectList(
        [FieldPanel("year"), FieldPanel("foreword")], base_form_class=ReportForm
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("voorbeeld/<int:pk>/", ReportPreviewView.as_view(), name="preview"),
            path("publiceren/<int:pk>/", ReportPublishView.as_view(), name="publish"),
        ]
