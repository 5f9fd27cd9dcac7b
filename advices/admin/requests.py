"""The college's requests for advice in the admin (*Adviezen → Adviesaanvragen*): the list
(open ones first, the soonest deadline first, with the days left in words), the form that
the municipality submits and the secretariat registers with (``RegisterRequest``), the edit
form of an open request (``EditRequest``) and the status page (``views.requests_status``)."""

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import redirect
from django.urls import path
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
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

from advices.actions.requests import NOT_EDITABLE, EditRequest, RegisterRequest
from advices.admin.requests_forms import AdviceRequestAdminForm
from advices.admin.urls import admin_url, url_name
from advices.admin.views.base import ActionFormMixin, ReasonedRefusalMixin
from advices.admin.views.requests_status import RequestExtensionView, RequestStatusView
from advices.lifecycle.request_days import request_days_label
from advices.lifecycle.requests import HANDLE_PERMISSION, OPEN_REQUEST_STATUSES
from advices.models import AdviceRequest

REFUSALS = {
    "add": _("Alleen de gemeente en het secretariaat dienen adviesaanvragen in."),
    "change": _("Alleen de gemeente en het secretariaat wijzigen adviesaanvragen."),
    "delete": _("Een adviesaanvraag is openbaar en blijft bewaard."),
}
SUBMIT_LABEL = _("Adviesaanvraag indienen")
REGISTER_LABEL = _("Adviesaanvraag registreren")


def add_label(user):
    """The secretariat registers a request that came by post or mail; the municipality
    submits one itself. Same form."""
    return REGISTER_LABEL if user.has_perm(HANDLE_PERMISSION) else SUBMIT_LABEL


class RequestRefusalMixin(ReasonedRefusalMixin):
    def refusal_reason(self, request):
        return REFUSALS.get(
            self.permission_required,
            _("Alleen de raad, het secretariaat en de gemeente zien adviesaanvragen."),
        )


class ToStatusPageMixin:
    """After saving, the status page: where the request stands and what comes next."""

    def get_success_url(self):
        return admin_url(AdviceRequest, "status", self.object.pk)

    def get_success_buttons(self):
        return []


class RequestIndexView(RequestRefusalMixin, IndexView):
    @property
    def add_item_label(self):
        return add_label(self.request.user)


class RequestCreateView(RequestRefusalMixin, ToStatusPageMixin, ActionFormMixin, CreateView):
    def get_page_title(self):
        return add_label(self.request.user)

    def save_instance(self):
        return RegisterRequest(self.form, self.request.user).execute()


class RequestEditView(RequestRefusalMixin, ToStatusPageMixin, ActionFormMixin, EditView):
    """Only an open request is edited; a closed one sends the user to its status page."""

    def dispatch(self, request, *args, **kwargs):
        advice_request = AdviceRequest.objects.filter(pk=kwargs.get("pk")).first()
        if (
            advice_request is not None
            and not advice_request.is_open
            and request.user.has_perm("advices.view_advicerequest")
        ):
            messages.warning(
                request, NOT_EDITABLE % {"status": advice_request.get_status_display()}
            )
            return redirect(url_name(AdviceRequest, "status"), advice_request.pk)
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        return EditRequest(
            self.form,
            self.request.user,
            loaded_version=self.form.cleaned_data.get("loaded_version"),
        ).execute()

    @property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Status"),
                url=admin_url(AdviceRequest, "status", self.object.pk),
                icon_name="tasks",
                priority=5,
            ),
        ]


class RequestDeleteView(RequestRefusalMixin, DeleteView):
    pass


def _long_date(value):
    return formats.date_format(value, "j F Y") if value else "—"


def requester(advice_request):
    kind = advice_request.get_requester_kind_display()
    return f"{kind}: {advice_request.requester_name}" if advice_request.requester_name else kind


def days_left(advice_request):
    return request_days_label(advice_request, timezone.localdate()) or "—"


class AdviceRequestViewSet(SnippetViewSet):
    model = AdviceRequest
    icon = "mail"
    menu_label = _("Adviesaanvragen")
    index_view_class = RequestIndexView
    add_view_class = RequestCreateView
    edit_view_class = RequestEditView
    delete_view_class = RequestDeleteView
    list_display = [
        "reference",
        "subject",
        Column("requester", label=_("Aanvrager"), accessor=requester),
        Column(
            "received",
            label=_("Ontvangen"),
            accessor=lambda row: _long_date(row.received_on),
            sort_key="received_on",
        ),
        Column(
            "deadline_shown",
            label=_("Uiterste datum"),
            accessor=lambda row: _long_date(row.deadline),
            sort_key="deadline",
        ),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("days_left", label=_("Dagen over"), accessor=days_left),
    ]
    list_filter = ["status"]
    search_fields = ["reference", "subject"]
    # Searched in the database, as the letters are: "AV-2022-01" is found by its characters.
    search_backend_name = None
    # Open requests first (what still needs work), each group by the soonest deadline.
    ordering = ["closed", "deadline", "-pk"]
    copy_view_enabled = False
    inspect_view_enabled = False

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("reference"), FieldPanel("municipal_reference")]),
                    FieldPanel("subject"),
                    FieldPanel("questions"),
                ],
                heading=_("Aanvraag"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("requester_kind"), FieldPanel("requester_name")]),
                    FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                ],
                heading=_("Wie vraagt het advies"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("letter_date"), FieldPanel("received_on")]),
                    FieldPanel("deadline"),
                ],
                heading=_("Data en termijn"),
            ),
            InlinePanel(
                "documents",
                heading=_("Documenten"),
                label=_("Document"),
                panels=[FieldPanel("kind"), FieldPanel("title"), FieldPanel("file")],
                help_text=_("De brief met de adviesaanvraag en het ontwerp, als PDF."),
            ),
            MultiFieldPanel([FieldPanel("themes"), FieldPanel("meetings")], heading=_("Verbanden")),
        ],
        base_form_class=AdviceRequestAdminForm,
    )

    def get_queryset(self, request):
        return AdviceRequest.objects.annotate(
            closed=Case(
                When(status__in=OPEN_REQUEST_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("status/<int:pk>/", RequestStatusView.as_view(), name="status"),
            path("verlengen/<int:pk>/", RequestExtensionView.as_view(), name="extend"),
        ]
