"""The decision form: the decision itself, then one row per recommendation of its letter
(whether the decision follows it, and the reasons). Every recommendation is on the page
from the start, so the clerk goes down the letter instead of adding rows one by one.

The rules come from the models' ``clean()`` (``advices.lifecycle.decisions``); the action
(``advices.actions.decisions``) checks them again on the locked letter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from advices.actions.conflicts import history_marker
from advices.lifecycle.decisions import REASONS_WITHOUT_OUTCOME, FollowsAdvice
from advices.models import Decision, DecisionOutcome

NOT_ABOUT_THIS = _("Het besluit gaat niet over deze aanbeveling")


class DecisionForm(forms.ModelForm):
    """The decision: date, who decided, title, summary, and a link or a PDF."""

    loaded_marker = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # "gemeente.nl/besluit" typed without a scheme is read as https.
    url = Decision._meta.get_field("url").formfield(assume_scheme="https")

    class Meta:
        model = Decision
        fields = ["decided_on", "body", "title", "summary", "url", "file"]
        widgets = {
            "decided_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "body": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].input_formats = ["%Y-%m-%d", "%d-%m-%Y"]
        self.fields["decided_on"].help_text = _("De datum waarop het besluit is genomen.")
        self.fields["file"].help_text = _(
            "Geef een link of voeg het besluit toe als PDF (of allebei)."
        )
        if self.instance.pk:
            self.fields["loaded_marker"].initial = history_marker(
                Decision.history.filter(id=self.instance.pk)
            )


class OutcomeForm(forms.ModelForm):
    """One recommendation's row. Left on "gaat niet over deze aanbeveling", it records nothing
    (and a recorded outcome set back to it is removed)."""

    class Meta:
        model = DecisionOutcome
        fields = ["follows", "reasons"]
        widgets = {"reasons": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, requested=False, **kwargs):
        super().__init__(*args, **kwargs)
        follows = self.fields["follows"]
        follows.required = False
        follows.choices = [("", NOT_ABOUT_THIS), *FollowsAdvice.choices]
        follows.widget = forms.RadioSelect(choices=follows.choices)
        if not self.instance.pk:
            follows.initial = ""
        reasons = self.fields["reasons"]
        reasons.label = _("Redenen in het besluit")
        reasons.help_text = (
            _("Verplicht als het besluit deze aanbeveling niet of deels volgt (Awb, artikel 3:50).")
            if requested
            else _("Niet verplicht bij ongevraagd advies, wel fijn voor de lezer.")
        )

    @property
    def records_outcome(self):
        return bool(self.cleaned_data.get("follows"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("follows") and (cleaned.get("reasons") or "").strip():
            self.add_error("reasons", REASONS_WITHOUT_OUTCOME)
        return cleaned

    def _post_clean(self):
        # A row that records nothing has nothing for the model to check.
        if self.records_outcome:
            super()._post_clean()


class DecisionRows:
    """The decision form and one ``OutcomeForm`` per recommendation of ``letter``."""

    def __init__(self, letter, decision, data=None, files=None):
        self.letter = letter
        decision.letter = letter  # the model's checks read the letter: no query
        self.decision = decision
        self.form = DecisionForm(data, files, instance=decision)
        self.recommendations = list(letter.recommendations.order_by("sort_order", "pk"))
        existing = (
            {outcome.recommendation_id: outcome for outcome in decision.outcomes.all()}
            if decision.pk
            else {}
        )
        self.rows = []
        for recommendation in self.recommendations:
            recommendation.letter = letter
            outcome = existing.get(recommendation.pk) or DecisionOutcome(follows="")
            outcome.recommendation = recommendation
            outcome.decision = decision
            self.rows.append(
                (
                    recommendation,
                    OutcomeForm(
                        data,
                        instance=outcome,
                        prefix=f"aanbeveling-{recommendation.pk}",
                        requested=letter.is_requested,
                    ),
                )
            )

    def is_valid(self):
        valid = self.form.is_valid()
        return all([valid, *(form.is_valid() for _recommendation, form in self.rows)])

    def loaded_marker(self):
        return self.form.cleaned_data.get("loaded_marker")

    def decision_and_outcomes(self):
        """The decision and the outcomes to record, from the valid forms (nothing saved)."""
        decision = self.form.save(commit=False)
        outcomes = [
            DecisionOutcome(
                recommendation=recommendation,
                follows=form.cleaned_data["follows"],
                reasons=form.cleaned_data.get("reasons", ""),
            )
            for recommendation, form in self.rows
            if form.records_outcome
        ]
        return decision, outcomes

    def show_refusals(self, error):
        """Put an action's refusal on the rows and fields it is about (input kept)."""
        by_recommendation = dict(self.rows_by_pk())
        rows = getattr(error, "rows", None)
        if rows is not None:
            for pk, row_error in rows.items():
                form = by_recommendation.get(pk)
                if form is None:
                    self.form.add_error(None, row_error)
                    continue
                add_error(form, row_error)
            return
        add_error(self.form, error)

    def rows_by_pk(self):
        return ((recommendation.pk, form) for recommendation, form in self.rows)


def add_error(form, error):
    """``form.add_error`` for an error that may name fields the form does not have."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
