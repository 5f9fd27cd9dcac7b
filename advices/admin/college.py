"""Admin for the college's side: replies, verdicts, commitments, follow-up; and the council's
assessment. Saves go through ``advices.actions`` so the letter's status follows."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from advices.actions.college import (
    RecordAssessment,
    RecordCommitment,
    RecordProgress,
    RecordReply,
)
from advices.admin.college_forms import CommitmentForm, FollowUpForm, RecordedForm, ReplyForm
from advices.admin.confirmation import ShownWhenAskedPanel
from advices.admin.letter_first import LetterFirstPanel, letter_reference
from advices.admin.urls import admin_url
from advices.admin.views.answers import AnswersView
from advices.admin.views.base import ActionFormMixin, ReasonedRefusalMixin
from advices.lifecycle.permissions import recording_refusal
from advices.models import CollegeResponse, Commitment, CouncilAssessment, FollowUp

# The forms' hidden loaded_marker has no panel: a panel would show its raw name as a heading;
# Wagtail renders fields that no panel claims after the panels.


class RecordedSaveMixin(ReasonedRefusalMixin, ActionFormMixin):
    """Saves through an action class; its refusals come back as form errors, and a refused
    view answers 403 with the reason from ``advices.rules``."""

    record_action = RecordProgress

    def refusal_reason(self, request):
        action = "add" if self.permission_required == "add" else "change"
        return recording_refusal(request.user, self.model, action) or super().refusal_reason(
            request
        )

    def save_instance(self):
        instance = self.form.save(commit=False)
        return self.record_action(
            instance, self.request.user, **self.form.action_kwargs()
        ).execute()


class AnswersAfterSaveMixin:
    """After the reply itself, the clerk goes on to the verdicts per recommendation."""

    def get_success_url(self):
        return answers_url(self.object)


class RecommendationFromLinkMixin:
    """``?aanbeveling=<id>`` (the "Toezegging toevoegen" link on the verdicts page) chooses
    the recommendation in the new record's form, ``?brief=<kenmerk>`` narrows the list to one
    letter's (``advices.admin.letter_first``); the form still offers only allowed ones."""

    def get_initial(self):
        initial = super().get_initial()
        raw = self.request.GET.get("aanbeveling", "")
        if raw.isdigit():
            initial["recommendation"] = int(raw)
        initial["brief"] = letter_reference(self.request)
        return initial


def recorded_views(action, *mixins):
    attributes = {"record_action": action}
    create = type(
        "RecordedCreateView",
        (*mixins, RecommendationFromLinkMixin, RecordedSaveMixin, CreateView),
        attributes,
    )
    edit = type("RecordedEditView", (*mixins, RecordedSaveMixin, EditView), attributes)
    return create, edit


class CollegeResponseViewSet(SnippetViewSet):
    model = CollegeResponse
    icon = "mail"
    menu_label = _("Reacties van het college")
    add_view_class, edit_view_class = recorded_views(RecordReply, AnswersAfterSaveMixin)
    list_display = ["letter", "received_on", "college_reference"]
    search_fields = ["college_reference", "summary"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            # A plain list instead of Wagtail's chooser: it offers only letters awaiting a
            # reply, and works without JavaScript.
            FieldPanel("letter", widget=forms.Select),
            FieldRowPanel([FieldPanel("received_on"), FieldPanel("college_reference")]),
            FieldPanel("reply_file"),
            FieldPanel("summary"),
            FieldPanel("text"),
        ],
        base_form_class=ReplyForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("standpunten/<int:pk>/", AnswersView.as_view(), name="answers"),
        ]


class CommitmentViewSet(SnippetViewSet):
    model = Commitment
    icon = "date"
    menu_label = _("Toezeggingen")
    add_view_class, edit_view_class = recorded_views(RecordCommitment)
    list_display = ["recommendation", "responsible", "due_date"]
    search_fields = ["description", "responsible"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            LetterFirstPanel(),
            FieldPanel("recommendation"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("responsible"), FieldPanel("contact_email")]),
            MultiFieldPanel(
                [FieldPanel("due"), ShownWhenAskedPanel("redate_reason")],
                heading=_("Wanneer klaar?"),
            ),
        ],
        base_form_class=CommitmentForm,
    )


class FollowUpViewSet(SnippetViewSet):
    model = FollowUp
    icon = "history"
    menu_label = _("Voortgang")
    add_view_class, edit_view_class = recorded_views(RecordProgress)
    list_display = ["recommendation", "date", "state"]
    list_filter = ["state"]
    search_fields = ["note"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            LetterFirstPanel(),
            FieldPanel("recommendation"),
            # A plain list, grouped per recommendation (FollowUpForm), not Wagtail's chooser.
            FieldPanel("commitment", widget=forms.Select),
            FieldRowPanel([FieldPanel("date"), FieldPanel("state")]),
            ShownWhenAskedPanel("not_adopted_confirmed"),
            FieldPanel("note"),
        ],
        base_form_class=FollowUpForm,
    )


class CouncilAssessmentViewSet(SnippetViewSet):
    model = CouncilAssessment
    icon = "comment"
    menu_label = _("Oordeel van de raad")
    add_view_class, edit_view_class = recorded_views(RecordAssessment)
    list_display = ["recommendation", "assessment"]
    list_filter = ["assessment"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            LetterFirstPanel(),
            FieldPanel("recommendation"),
            FieldPanel("assessment"),
            FieldPanel("note"),
        ],
        base_form_class=RecordedForm,
    )


def answers_url(response):
    return admin_url(CollegeResponse, "answers", response.pk)
