"""Admin registration of advice letters and errata as Wagtail snippet viewsets."""

import django_filters
from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    SnippetViewSet,
)

from advices.actions.letters import AddErratum, CreateLetter, EditLetter
from advices.admin.letter_chooser import LetterChooserViewSet
from advices.admin.letter_forms import AdviceLetterAdminForm, ErratumForm
from advices.admin.urls import admin_url, url_name
from advices.admin.views.base import ActionFormMixin, ReasonedRefusalMixin
from advices.admin.views.confirm_step import ConfirmStepView
from advices.admin.views.pdf_preview import LetterPdfPreviewView
from advices.admin.views.status import LetterStatusView
from advices.admin.views.versions import LetterCompareView, LetterRestoreView, LetterVersionsView
from advices.lifecycle.permissions import edit_refusal, letter_access_refusal
from advices.lifecycle.transitions import ADOPT, SEND
from advices.models import AdviceKind, AdviceLetter, Erratum


class LetterRefusalMixin(ReasonedRefusalMixin):
    def refusal_reason(self, request):
        return letter_access_refusal(request.user, self.permission_required or "view")


class LetterIndexView(LetterRefusalMixin, IndexView):
    pass


class StayOnLetterMixin:
    """After saving, the editor stays on the letter, as Wagtail does for pages: a letter is
    written in many sittings, and the list is two clicks away from it."""

    def get_success_url(self):
        return self.get_edit_url()

    def get_success_buttons(self):
        # Wagtail's "Bewerken" button would point at the page the editor is already on.
        return []


class LetterCreateView(LetterRefusalMixin, StayOnLetterMixin, ActionFormMixin, CreateView):
    def save_instance(self):
        return CreateLetter(
            self.form, self.request.user, reason=self.form.cleaned_data.get("change_reason", "")
        ).execute()


class LetterDeleteView(LetterRefusalMixin, DeleteView):
    pass


class LetterEditView(LetterRefusalMixin, StayOnLetterMixin, ActionFormMixin, EditView):
    """Saves through ``EditLetter`` (a refused save keeps what was typed, with the reason);
    sends users to the status page when the letter's text may no longer change."""

    def save_instance(self):
        return EditLetter(
            self.form,
            self.request.user,
            loaded_version=self.form.cleaned_data.get("loaded_version"),
            reason=self.form.cleaned_data.get("change_reason", ""),
        ).execute()

    def dispatch(self, request, *args, **kwargs):
        letter = AdviceLetter.objects.filter(pk=kwargs.get("pk")).first()
        if letter is not None and request.user.is_authenticated:
            refusal = edit_refusal(request.user, letter)
            if refusal and request.user.has_perm("advices.view_adviceletter"):
                messages.warning(request, refusal)
                return redirect(url_name(AdviceLetter, "status"), letter.pk)
        return super().dispatch(request, *args, **kwargs)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for label, name, icon in [
            (_("Status"), "status", "tasks"),
            (_("Versies"), "versions", "history"),
        ]:
            buttons.append(
                Button(
                    label,
                    url=admin_url(AdviceLetter, name, self.object.pk),
                    icon_name=icon,
                    priority=5,
                )
            )
        return buttons


class LetterFilterSet(WagtailFilterSet):
    """Status and theme, and "Gevraagd / ongevraagd": whether the letter answers a request."""

    kind = django_filters.ChoiceFilter(
        label=_("Soort advies"),
        choices=AdviceKind.choices,
        method="filter_kind",
        empty_label=_("Alle"),
    )

    class Meta:
        model = AdviceLetter
        fields = ["status", "themes"]

    def filter_kind(self, queryset, name, value):
        return queryset.filter(request__isnull=value != AdviceKind.REQUESTED)


class StatusColumn(Column):
    cell_template_name = "advices/admin/status_cell.html"


class AdviceLetterViewSet(SnippetViewSet):
    model = AdviceLetter
    icon = "doc-full"
    menu_label = _("Adviesbrieven")
    index_view_class = LetterIndexView
    add_view_class = LetterCreateView
    edit_view_class = LetterEditView
    delete_view_class = LetterDeleteView
    list_display = [
        "reference",
        "subject",
        "date",
        StatusColumn("status", label=_("Status")),
        "updated_at",
    ]
    filterset_class = LetterFilterSet
    search_fields = ["subject", "reference"]
    # Searched in the database (a few hundred letters): the SQLite search index cannot limit a
    # search to these fields (it failed with "no such column: subject"), and a kenmerk such as
    # PR-2022-01 is found by its characters, not as words.
    search_backend_name = None
    ordering = ["-date", "-pk"]
    copy_view_enabled = False
    chooser_viewset_class = LetterChooserViewSet

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("reference"), FieldPanel("date")]),
                    # A plain list of the requests a letter can answer (AdviceLetterAdminForm),
                    # not Wagtail's snippet chooser: it works without JavaScript.
                    FieldPanel("request", widget=forms.Select),
                ],
                heading=_("Brief"),
            ),
            FieldPanel("subject"),
            FieldPanel("addressee"),
            FieldPanel("salutation"),
            FieldPanel("introduction"),
            InlinePanel(
                "recommendations",
                heading=_("Aanbevelingen"),
                label=_("Aanbeveling"),
                help_text=_("De volgorde bepaalt het nummer. Na verzenden liggen de nummers vast."),
            ),
            FieldPanel("closing"),
            FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_role")]),
            MultiFieldPanel([FieldPanel("themes"), FieldPanel("meetings")], heading=_("Verbanden")),
            FieldPanel("change_reason"),
            # loaded_version is a hidden field of the form, without a panel: a panel would
            # show its raw name ("Loaded version") as a heading. Wagtail renders fields that
            # no panel claims after the panels.
        ],
        base_form_class=AdviceLetterAdminForm,
    )

    @property
    def status_view(self):
        return LetterStatusView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("status/<int:pk>/", self.status_view, name="status"),
            path("versies/<int:pk>/", LetterVersionsView.as_view(), name="versions"),
            path("vergelijk/<int:pk>/", LetterCompareView.as_view(), name="compare"),
            path(
                "herstel/<int:pk>/<int:history_id>/",
                LetterRestoreView.as_view(),
                name="restore",
            ),
            path("pdf/<int:pk>/<int:number>/", LetterPdfPreviewView.as_view(), name="pdf_preview"),
            path(
                "vaststellen/<int:pk>/", ConfirmStepView.as_view(step=ADOPT), name="confirm_adopt"
            ),
            path("versturen/<int:pk>/", ConfirmStepView.as_view(step=SEND), name="confirm_send"),
        ]


class ErratumSaveMixin:
    def save_instance(self):
        return AddErratum(self.form.instance, self.request.user).execute()


class ErratumCreateView(ErratumSaveMixin, ActionFormMixin, CreateView):
    pass


class ErratumEditView(ErratumSaveMixin, ActionFormMixin, EditView):
    pass


class ErratumViewSet(SnippetViewSet):
    model = Erratum
    add_view_class = ErratumCreateView
    edit_view_class = ErratumEditView
    icon = "warning"
    menu_label = _("Errata")
    list_display = ["letter", "date"]
    edit_handler = ObjectList(
        [FieldPanel("letter", widget=forms.Select), FieldPanel("date"), FieldPanel("text")],
        base_form_class=ErratumForm,
    )
