from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import ValidationError
from django.forms import BaseModelFormSet, modelformset_factory
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from advices.actions.college import RecordVerdicts
from advices.actions.conflicts import history_marker
from advices.admin.urls import admin_url
from advices.admin.views.base import refuse
from advices.lifecycle.permissions import recording_refusal
from advices.models import CollegeResponse, Commitment, FollowUp, RecommendationAnswer
from home.empty_choice import PlainEmptyChoiceMixin

INCOMPLETE_FORM = _(
    "Dit formulier is niet volledig verstuurd: er is niets opgeslagen. "
    "Laad de pagina opnieuw en probeer het nog eens."
)


class AnswerForm(PlainEmptyChoiceMixin, forms.ModelForm):
    class Meta:
        model = RecommendationAnswer
        fields = ["verdict", "answer"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 4})}


OTHER_ROWS = _(
    "Dit formulier bevat standpunten die niet bij deze reactie horen: er is niets opgeslagen. "
    "Laad de pagina opnieuw en probeer het nog eens."
)


class KnownRowField(forms.ModelChoiceField):
    """The row id of a form in the formset, looked up among the rows the page loaded: one
    query for the whole page instead of one per row, and no row of another reply."""

    def __init__(self, rows, **kwargs):
        super().__init__(**kwargs)
        self.rows = rows

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.rows[int(value)]
        except (KeyError, TypeError, ValueError) as error:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from error


class BaseAnswerFormSet(BaseModelFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        loaded = form.fields["id"]
        form.fields["id"] = KnownRowField(
            {row.pk: row for row in self.get_queryset()},
            queryset=loaded.queryset,
            initial=loaded.initial,
            required=False,
            widget=loaded.widget,
        )


AnswerFormSet = modelformset_factory(
    RecommendationAnswer, form=AnswerForm, formset=BaseAnswerFormSet, extra=0
)


class AnswersView(AccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """The college's verdict and answer per recommendation, on one page."""

    template_name = "advices/admin/answers.html"
    page_title = _("Standpunten van het college")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm("advices.view_recommendationanswer"):
            return refuse(request, _("U heeft geen toegang tot de reacties van het college."))
        self.response = get_object_or_404(
            CollegeResponse.objects.select_related("letter"), pk=kwargs["pk"]
        )
        self.refusal = recording_refusal(request.user, RecommendationAnswer, "change")
        return super().dispatch(request, *args, **kwargs)

    def answers(self):
        return (
            RecommendationAnswer.objects.filter(response=self.response)
            .select_related("recommendation__letter", "response")
            .prefetch_related("recommendation__commitments")
            .order_by("recommendation__number")
        )

    def loaded_marker(self):
        """Which version of the verdicts the form shows: kept in the form, compared on save."""
        if self.request.method == "POST":
            try:
                return int(self.request.POST.get("loaded_marker", ""))
            except ValueError:
                return None
        return history_marker(RecommendationAnswer.history.filter(response_id=self.response.pk))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        formset = kwargs.get("formset") or AnswerFormSet(queryset=self.answers())
        context.update(
            response=self.response,
            letter=self.response.letter,
            formset=formset,
            rows=[(form, form.instance.recommendation) for form in formset.forms],
            read_only=bool(self.refusal),
            loaded_marker=self.loaded_marker(),
            refusal=self.refusal,
            edit_url=admin_url(CollegeResponse, "edit", self.response.pk),
            add_commitment_url=self.add_url(Commitment),
            add_follow_up_url=self.add_url(FollowUp),
        )
        return context

    def add_url(self, model):
        """Where the clerk adds a record of ``model`` about one recommendation (the template
        adds ``?aanbeveling=<id>``), or None when they may not."""
        if recording_refusal(self.request.user, model, "add"):
            return None
        return admin_url(model, "add")

    def post(self, request, *args, **kwargs):
        if self.refusal:
            return refuse(request, self.refusal)
        if self.loaded_marker() is None:
            return refuse(request, INCOMPLETE_FORM, status=400)
        formset = AnswerFormSet(request.POST, queryset=self.answers())
        if any(form.instance.pk is None for form in formset.forms):
            return refuse(request, OTHER_ROWS, status=400)
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        changed = [form.save(commit=False) for form in formset.forms if form.has_changed()]
        try:
            RecordVerdicts(
                self.response, changed, request.user, loaded_marker=self.loaded_marker()
            ).execute()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(formset=formset))
        messages.success(request, _("De standpunten zijn opgeslagen."))
        return redirect(request.path)
