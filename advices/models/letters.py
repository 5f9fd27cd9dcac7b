import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.fields import RichTextField
from wagtail.search import index

from advices.lifecycle.frozen import (
    CONTENT_FIELDS,
    LetterFrozenError,
    refuse_content_change,
    refuse_if_frozen,
)
from advices.lifecycle.statuses import EDITABLE_STATUSES, PUBLIC_STATUSES, AdviceKind, LetterStatus
from advices.lifecycle.transitions import STATUS_NOT_BY_HAND, is_transition
from home.models.unique import UniqueMessagesMixin

LETTER_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# Only a transition action (``advices.actions.letters``) writes these; never a queryset.
LIFECYCLE_FIELDS = {
    "status",
    "status_changed_at",
    "status_changed_by",
    "adopted_at",
    "sent_at",
    "edit_version",
}

REFERENCE_IN_USE = _("Dit kenmerk is al in gebruik bij een andere brief. Kies een ander kenmerk.")

reference_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9-]*$",
    _("Gebruik alleen letters, cijfers en streepjes, bijvoorbeeld PR-2022-07."),
)


def next_free_reference(rows, prefix, year):
    """The first free ``PREFIX-YEAR-NN`` among the ``reference`` values of ``rows``."""
    taken = set(
        rows.filter(reference__startswith=f"{prefix}-{year}-").values_list("reference", flat=True)
    )
    number = len(taken) + 1
    while f"{prefix}-{year}-{number:02d}" in taken:
        number += 1
    return f"{prefix}-{year}-{number:02d}"


class AdviceLetterQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=PUBLIC_STATUSES)

    def update(self, **kwargs):
        if set(kwargs) & LIFECYCLE_FIELDS:
            raise LetterFrozenError(STATUS_NOT_BY_HAND)
        if set(kwargs) & {*CONTENT_FIELDS, "request"}:
            refuse_if_frozen(self.values_list("pk", flat=True))
        return super().update(**kwargs)

    def delete(self):
        refuse_if_frozen(self.values_list("pk", flat=True))
        return super().delete()


class AdviceLetter(UniqueMessagesMixin, index.Indexed, ClusterableModel):
    """An advice letter from the council to the college van B&W."""

    reference = models.CharField(
        _("kenmerk"),
        max_length=30,
        unique=True,
        validators=[reference_validator],
        help_text=_("Wordt voorgesteld; blijft na verzenden voor altijd hetzelfde."),
    )
    date = models.DateField(_("datum"), default=datetime.date.today)
    subject = models.CharField(_("onderwerp"), max_length=255)
    addressee = models.TextField(_("aan"))
    salutation = models.CharField(_("aanhef"), max_length=150, default=_("Geacht college,"))
    introduction = RichTextField(_("inleiding"), features=LETTER_FEATURES)
    closing = RichTextField(_("slot"), features=LETTER_FEATURES, blank=True)
    signatory_name = models.CharField(_("ondertekend door"), max_length=150)
    signatory_role = models.CharField(_("functie"), max_length=150, default=_("Voorzitter"))
    # A letter that answers a request is *gevraagd advies* by that fact (``kind``).
    request = models.ForeignKey(
        "advices.AdviceRequest",
        verbose_name=_("antwoord op adviesaanvraag"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        help_text=_(
            "Kies de adviesaanvraag als dit advies daarop antwoordt (gevraagd advies). "
            "Leeg: ongevraagd advies."
        ),
    )
    themes = ParentalManyToManyField(
        "home.Theme", verbose_name=_("thema's"), blank=True, related_name="advice_letters"
    )
    meetings = ParentalManyToManyField(
        "home.MeetingPage",
        verbose_name=_("bijeenkomsten"),
        blank=True,
        related_name="advice_letters",
        help_text=_("De bijeenkomsten waarop dit advies steunt."),
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=LetterStatus.choices,
        default=LetterStatus.CONCEPT,
        editable=False,
    )
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), null=True, editable=False)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status gewijzigd door"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    adopted_at = models.DateTimeField(_("vastgesteld op"), null=True, editable=False)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, editable=False)
    # Raised on every save: an edit form that loaded an older value is out of date.
    edit_version = models.PositiveIntegerField(default=0, editable=False)
    # Sending renders the PDF in a background task; meanwhile the letter is locked.
    sending_since = models.DateTimeField(_("wordt verzonden sinds"), null=True, editable=False)
    sending_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verzonden door"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sending_reason = models.CharField(max_length=100, blank=True, editable=False)
    sending_failure = models.TextField(_("versturen mislukt"), blank=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords(
        verbose_name=_("versie van een adviesbrief"),
        excluded_fields=[
            "updated_at",
            "sending_since",
            "sending_by",
            "sending_reason",
            "sending_failure",
        ],
    )

    objects = AdviceLetterQuerySet.as_manager()

    unique_messages = {("reference",): REFERENCE_IN_USE, ("date", "reference"): REFERENCE_IN_USE}

    search_fields = [
        index.SearchField("subject"),
        index.SearchField("introduction"),
        index.SearchField("reference"),
        index.AutocompleteField("subject"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            # Always true (the reference is unique on its own), but as a unique index it lets
            # the database read recommendations in the order of their letter's date and
            # reference without sorting them (the tracker); a plain index would not tell the
            # planner that each (date, reference) is one letter. No index on the status: it
            # narrows little and SQLite without statistics would prefer it to this one.
            models.UniqueConstraint(fields=["date", "reference"], name="adviceletter_date_order")
        ]
        verbose_name = _("adviesbrief")
        verbose_name_plural = _("adviesbrieven")
        permissions = [
            ("propose_adviceletter", _("Kan een adviesbrief ter vaststelling voorleggen")),
            ("adopt_adviceletter", _("Kan een adviesbrief vaststellen")),
            ("send_adviceletter", _("Kan een adviesbrief versturen")),
        ]

    def validate_constraints(self, exclude=None):
        # The (date, reference) constraint holds whenever the reference is unique, which is
        # checked on its own: checking it as well would only repeat that error in a form.
        super().validate_constraints(exclude={*(exclude or ()), "reference"})

    def __str__(self):
        return f"{self.reference} {self.subject}"

    # -- state -----------------------------------------------------------------

    @property
    def is_editable(self):
        return self.status in EDITABLE_STATUSES

    @property
    def is_requested(self):
        return self.request_id is not None

    @property
    def kind(self):
        """Gevraagd or ongevraagd advies, from whether the letter answers a request."""
        return AdviceKind.REQUESTED if self.is_requested else AdviceKind.UNREQUESTED

    def get_kind_display(self):
        return self.kind.label

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES

    @cached_property
    def short_reference(self):
        """The reference without the council prefix, for recommendation labels ("2022-07")."""
        prefix, _sep, rest = self.reference.partition("-")
        return rest if rest and prefix.isalpha() else self.reference

    @property
    def is_sending(self):
        return self.sending_since is not None

    @transaction.atomic
    def save(self, *args, **kwargs):
        """Refuse a change of a frozen letter's text, and any status change that is not the
        step a transition action declared (``_transition``); raise the edit number.

        Atomic: a refused change to themes or meetings (saved after the row) undoes all."""
        if not self._state.adding and self.pk:
            stored = (
                AdviceLetter.objects.filter(pk=self.pk).values(*CONTENT_FIELDS, "status").first()
            )
            if stored:
                refuse_content_change(stored, self)
                if stored["status"] != self.status and not is_transition(
                    getattr(self, "_transition", None), stored["status"], self.status
                ):
                    raise LetterFrozenError(STATUS_NOT_BY_HAND)
        elif self.status != LetterStatus.CONCEPT and not kwargs.get("force_insert"):
            # A new letter starts as a concept; only the demo's archive import (which
            # dates its steps in the past) goes through the transitions from there.
            raise LetterFrozenError(STATUS_NOT_BY_HAND)
        self.edit_version += 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        refuse_if_frozen([self.pk])
        return super().delete(*args, **kwargs)

    def renumber_recommendations(self):
        """Number the recommendations 1, 2, 3 ... in their order; only while editable."""
        if not self.is_editable:
            return
        for position, recommendation in enumerate(
            self.recommendations.order_by("sort_order", "pk"), start=1
        ):
            if recommendation.number != position:
                recommendation.number = position
                recommendation.save(update_fields=["number"])

    # -- defaults ------------------------------------------------------------------

    @classmethod
    def propose_reference(cls, date=None, prefix="PR"):
        """The next free reference for the year, e.g. PR-2022-07."""
        return next_free_reference(cls.objects, prefix, (date or datetime.date.today()).year)
