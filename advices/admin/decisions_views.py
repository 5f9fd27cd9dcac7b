"""The admin's pages for a decision after the advice: choose the letter first, then record
the decision with a row per recommendation; change it; read it (for the council, which may
look but not record). Saves go through ``advices.actions.decisions``."""

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from advices.actions.decisions import EditDecision, RecordDecision
from advices.admin.decisions_forms import DecisionRows
from advices.admin.letter_first import LETTER_PARAM, letter_reference
from advices.admin.urls import admin_url
from advices.admin.views.base import refuse
from advices.lifecycle.decisions import decision_recording_refusal, decision_viewing_refusal
from advices.models import AdviceLetter, Decision


def decision_letters():
    """The letters a decision can be recorded on: the sent ones, newest first, with their
    number of recommendations and of decisions so far (one query)."""
    return (
        AdviceLetter.objects.public()
        .annotate(
            recommendation_count=Count("recommendations", distinct=True),
            decision_count=Count("decisions", distinct=True),
        )
        .only("reference", "subject", "sent_at", "date")
        .order_by("-sent_at", "-date", "-pk")
    )


class DecisionViewMixin(AccessMixin, WagtailAdminTemplateMixin):
    header_icon = "circle-check"
    # "add", "change", or None for reading only.
    recording = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        refusal = decision_viewing_refusal(request.user)
        if refusal is None and self.recording:
            refusal = decision_recording_refusal(request.user, self.recording)
        if refusal:
            return refuse(request, refusal)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": admin_url(Decision, "list"), "label": _("Besluiten na het advies")},
            {"url": "", "label": self.get_page_title()},
        ]


class DecisionFormMixin(DecisionViewMixin):
    template_name = "advices/admin/decision_form.html"
    action_class = None

    def rows(self, letter, decision):
        if self.request.method == "POST":
            return DecisionRows(letter, decision, self.request.POST, self.request.FILES)
        return DecisionRows(letter, decision)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = kwargs.get("rows")
        if rows is not None:
            context.update(
                letter=rows.letter,
                form=rows.form,
                rows=rows.rows,
                requested=rows.letter.is_requested,
                has_errors=bool(rows.form.errors)
                or any(form.errors for _recommendation, form in rows.rows),
            )
        return context

    def action(self, rows, decision, outcomes):
        raise NotImplementedError

    def save(self, rows):
        """Run the action on valid forms; the answer to the POST."""
        if not rows.is_valid():
            return self.render_to_response(self.get_context_data(rows=rows))
        decision, outcomes = rows.decision_and_outcomes()
        try:
            self.action(rows, decision, outcomes).execute()
        except PermissionDenied as error:
            return refuse(self.request, str(error))
        except ValidationError as error:
            rows.show_refusals(error)
            return self.render_to_response(self.get_context_data(rows=rows))
        messages.success(
            self.request,
            _("Het besluit ‘%(title)s’ is opgeslagen.") % {"title": decision.title},
        )
        return redirect(admin_url(Decision, "list"))


class DecisionCreateView(DecisionFormMixin, TemplateView):
    """``?brief=<kenmerk>`` chooses the letter; without one (or an unknown one) the page
    lists the sent letters to choose from."""

    page_title = _("Besluit na het advies vastleggen")
    recording = "add"

    def chosen_letter(self):
        reference = letter_reference(self.request)
        if not reference:
            return None
        return AdviceLetter.objects.public().filter(reference__iexact=reference).first()

    def get(self, request, *args, **kwargs):
        letter = self.chosen_letter()
        if letter is None:
            return self.choose_letter()
        return self.render_to_response(self.get_context_data(rows=self.rows(letter, Decision())))

    def post(self, request, *args, **kwargs):
        letter = self.chosen_letter()
        if letter is None:
            return self.choose_letter()
        return self.save(self.rows(letter, Decision()))

    def action(self, rows, decision, outcomes):
        return RecordDecision(decision, outcomes, self.request.user)

    def choose_letter(self):
        asked = letter_reference(self.request)
        letters = list(decision_letters())
        for letter in letters:
            letter.choose_url = f"{self.request.path}?{LETTER_PARAM}={letter.reference}"
        context = self.get_context_data(letters=letters, asked=asked)
        self.template_name = "advices/admin/decision_letter_first.html"
        return self.render_to_response(context)


class DecisionEditView(DecisionFormMixin, TemplateView):
    page_title = _("Besluit na het advies wijzigen")
    recording = "change"

    def dispatch(self, request, *args, **kwargs):
        self.decision = get_object_or_404(
            Decision.objects.select_related("letter"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(
            self.get_context_data(rows=self.rows(self.decision.letter, self.decision))
        )

    def post(self, request, *args, **kwargs):
        return self.save(self.rows(self.decision.letter, self.decision))

    def action(self, rows, decision, outcomes):
        return EditDecision(decision, outcomes, self.request.user, rows.loaded_marker())


class DecisionInspectView(DecisionViewMixin, TemplateView):
    """The decision as recorded, for everyone who may see decisions."""

    template_name = "advices/admin/decision_inspect.html"
    page_title = _("Besluit na het advies")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        decision = get_object_or_404(
            Decision.objects.select_related("letter"), pk=self.kwargs["pk"]
        )
        outcomes = {outcome.recommendation_id: outcome for outcome in decision.outcomes.all()}
        recommendations = list(decision.letter.recommendations.order_by("sort_order", "pk"))
        for recommendation in recommendations:
            recommendation.letter = decision.letter
            recommendation.outcome = outcomes.get(recommendation.pk)
        context.update(
            decision=decision,
            letter=decision.letter,
            recommendations=recommendations,
            edit_url=None
            if decision_recording_refusal(self.request.user, "change")
            else admin_url(Decision, "edit", decision.pk),
        )
        return context
