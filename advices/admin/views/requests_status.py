"""A request's status page: where it stands, its history (who, when, why), the steps the
user may take (``lifecycle.requests.available_request_transitions``) and the extension of
its term. A refused step or extension shows the page again with the reason and what was
typed; a step someone else took in the meantime is not taken twice (``expected_status``)."""

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from advices.actions.requests import EXTENSION_REFUSED, ExtendDeadline, TransitionRequest
from advices.admin.requests_forms import (
    MANUAL_STEPS,
    ExtensionForm,
    RequestStepForm,
    long_date,
)
from advices.admin.urls import admin_url
from advices.admin.views.base import refuse
from advices.lifecycle.permissions import visible_letters
from advices.lifecycle.request_days import is_late, request_days_label
from advices.lifecycle.requests import (
    REASON_REQUIRED,
    REQUEST_TRANSITION_LABELS,
    RequestStatus,
    available_request_transitions,
    request_permission_refusal,
    request_state_refusal,
)
from advices.models import AdviceRequest

VIEW_REFUSED = _("Alleen de raad, het secretariaat en de gemeente zien adviesaanvragen.")
LIFECYCLE = [
    RequestStatus.RECEIVED,
    RequestStatus.IN_PROGRESS,
    RequestStatus.ANSWERED,
]


def history_rows(advice_request):
    """The request's versions, newest first, each saying what changed: the status with its
    public reason, the term with the reason for the extension, or the data."""
    versions = list(advice_request.history.select_related("history_user").order_by("history_id"))
    rows = []
    previous = None
    for version in versions:
        if previous is None:
            what, reason = _("Adviesaanvraag ontvangen"), version.history_change_reason or ""
        elif version.status != previous.status:
            what = _("Status: %(status)s") % {"status": version.get_status_display()}
            reason = version.status_reason or version.history_change_reason or ""
        elif version.deadline != previous.deadline and version.extended_at != previous.extended_at:
            what = _("Termijn verlengd tot %(date)s") % {"date": long_date(version.deadline)}
            reason = version.extension_reason
        else:
            what, reason = _("Gegevens gewijzigd"), version.history_change_reason or ""
        rows.append({"version": version, "what": what, "reason": reason})
        previous = version
    return list(reversed(rows))


def _with(data, **values):
    data = data.copy()
    for name, value in values.items():
        data[name] = str(value)
    return data


class RequestAdminViewMixin(AccessMixin, WagtailAdminTemplateMixin):
    """Loads the request; only who may see requests in the admin gets further."""

    header_icon = "mail"
    permission = "advices.view_advicerequest"
    refusal = VIEW_REFUSED

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm(self.permission):
            return refuse(request, self.refusal)
        self.advice_request = get_object_or_404(AdviceRequest, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": admin_url(AdviceRequest, "list"), "label": _("Adviesaanvragen")},
            {"url": "", "label": str(self.advice_request)},
        ]

    def request_url(self, name):
        return admin_url(AdviceRequest, name, self.advice_request.pk)


class RequestStatusView(RequestAdminViewMixin, TemplateView):
    template_name = "advices/admin/request_status.html"
    page_title = _("Status van de adviesaanvraag")

    def step_forms(self, bound=None):
        """A form per step the user may take now; ``bound`` (a refused form) keeps its input."""
        user = self.request.user
        status = self.advice_request.status
        steps = []
        for name in available_request_transitions(user, status):
            # Ids of their own: several step forms share one page.
            auto_id = f"stap-{name}-%s"
            if bound is not None and bound.data.get("action") == name:
                form = RequestStepForm(bound.data, auto_id=auto_id)
            else:
                form = RequestStepForm(
                    initial={"action": name, "expected_status": status}, auto_id=auto_id
                )
            steps.append(
                {
                    "name": name,
                    "label": REQUEST_TRANSITION_LABELS[name],
                    "reason_required": name in REASON_REQUIRED,
                    "form": form,
                }
            )
        return steps

    def refusals(self):
        """Steps from this status that the user may not take, with the reason why."""
        user = self.request.user
        status = self.advice_request.status
        return [
            {"label": REQUEST_TRANSITION_LABELS[name], "reason": refusal}
            for name in MANUAL_STEPS
            if request_state_refusal(name, status) is None
            and (refusal := request_permission_refusal(user, name))
        ]

    def get_context_data(self, step_form=None, extension_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        advice_request = self.advice_request
        today = timezone.localdate()
        steps = self.step_forms(step_form)
        shown = {step["name"] for step in steps}
        may_extend = user.has_perm("advices.extend_advicerequest") and advice_request.is_open
        context.update(
            advice_request=advice_request,
            lifecycle=[(status, RequestStatus(status).label) for status in LIFECYCLE],
            is_declined=advice_request.status == RequestStatus.DECLINED,
            days_label=request_days_label(advice_request, today),
            late=is_late(advice_request, today),
            steps=steps,
            # A refused step that is no longer on offer: what the person typed, to copy.
            lost_step=step_form
            if step_form is not None and step_form.data.get("action") not in shown
            else None,
            refusals=self.refusals(),
            extension_form=(
                extension_form
                or ExtensionForm(initial={"expected_deadline": advice_request.deadline})
            )
            if may_extend
            else None,
            lost_extension=extension_form
            if extension_form is not None and not may_extend
            else None,
            extend_url=self.request_url("extend"),
            edit_url=self.request_url("edit")
            if advice_request.is_open and user.has_perm("advices.change_advicerequest")
            else None,
            history=history_rows(advice_request),
            # The municipality sees only the letters that were sent, never a draft.
            letters=list(visible_letters(user, advice_request.letters.order_by("date", "pk"))),
            documents=list(advice_request.documents.all()),
        )
        return context

    def refused_page(self, error, step_form=None, extension_form=None):
        """The page again, with the refusal and the person's input kept; the forms now carry
        the status and deadline the page shows, so that sending again is a fresh decision."""
        self.advice_request.refresh_from_db()
        current = self.advice_request
        if step_form is not None:
            step_form = RequestStepForm(_with(step_form.data, expected_status=current.status))
            step_form.is_valid()
        if extension_form is not None:
            extension_form = ExtensionForm(
                _with(extension_form.data, expected_deadline=current.deadline or "")
            )
        context = self.get_context_data(step_form=step_form, extension_form=extension_form)
        context["refusal"] = " ".join(error.messages)
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        form = RequestStepForm(request.POST)
        if not form.is_valid():
            return refuse(request, _("Deze statuswijziging bestaat niet."), status=400)
        step = TransitionRequest(
            self.advice_request,
            form.cleaned_data["action"],
            request.user,
            form.cleaned_data["reason"],
            expected_status=form.cleaned_data["expected_status"],
        )
        return self.run(step, {"step_form": form}, self.step_taken)

    def step_taken(self):
        return _("De adviesaanvraag heeft nu de status '%(status)s'.") % {
            "status": self.advice_request.get_status_display()
        }

    def run(self, action, forms, success_message):
        """Execute ``action``: a refusal of who is a 403 with its reason, a refusal of what
        shows the page again with ``forms`` as typed; success goes back to the page."""
        try:
            action.execute()
        except PermissionDenied as error:
            return refuse(self.request, str(error))
        except ValidationError as error:
            return self.refused_page(error, **forms)
        self.advice_request.refresh_from_db()
        messages.success(self.request, success_message())
        return redirect(self.request_url("status"))


class RequestExtensionView(RequestStatusView):
    """Posts the extension form of the status page; only the secretariat gets here."""

    permission = "advices.extend_advicerequest"
    refusal = EXTENSION_REFUSED

    def get(self, request, *args, **kwargs):
        return redirect(self.request_url("status") + "#verlengen")

    def post(self, request, *args, **kwargs):
        form = ExtensionForm(request.POST)
        if not form.is_valid():
            return self.refused_page(ValidationError(_("Kijk de datum na.")), extension_form=form)
        extension = ExtendDeadline(
            self.advice_request,
            form.cleaned_data["new_deadline"],
            form.cleaned_data["extension_reason"],
            request.user,
            expected_deadline=form.cleaned_data["expected_deadline"],
        )
        return self.run(extension, {"extension_form": form}, self.extended)

    def extended(self):
        return _("De uiterste datum is nu %(date)s.") % {
            "date": long_date(self.advice_request.deadline)
        }
