import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.models import Orderable
from wagtail.search import index

from advices.lifecycle.requests import (
    OPEN_REQUEST_STATUSES,
    REQUEST_STATUS_NOT_BY_HAND,
    DeadlineSource,
    RequesterKind,
    RequestStatus,
    advice_timing,
    days_left,
    is_request_transition,
    request_dates_refusals,
)
from advices.models.letters import next_free_reference, reference_validator
from advices.uploads import validate_pdf_upload
from home.models.unique import UniqueMessagesMixin

# Only a request action (``advices.actions.requests``) writes these.
REQUEST_LIFECYCLE_FIELDS = {"status", "status_changed_at", "status_changed_by", "status_reason"}


class RequestLifecycleError(ValidationError):
    def __init__(self, message=REQUEST_STATUS_NOT_BY_HAND):
        super().__init__(message, code="request_status_not_by_hand")


class AdviceRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_REQUEST_STATUSES)

    def update(self, **kwargs):
        if set(kwargs) & REQUEST_LIFECYCLE_FIELDS:
            raise RequestLifecycleError()
        return super().update(**kwargs)


class AdviceRequest(UniqueMessagesMixin, index.Indexed, ClusterableModel):
    """A request for advice (*adviesaanvraag*) from the college to the council.

    Public from the moment it is registered: residents see what the council was asked,
    by when, and what became of it."""

    reference = models.CharField(
        _("nummer"),
        max_length=30,
        unique=True,
        validators=[reference_validator],
        help_text=_("Het nummer van de raad voor deze aanvraag, bijvoorbeeld AV-2022-01."),
    )
    subject = models.CharField(_("onderwerp"), max_length=255)
    questions = models.TextField(
        _("gestelde vragen"), help_text=_("Wat vraagt het college de raad precies?")
    )
    requester_kind = models.CharField(
        _("wie vraagt het advies"),
        max_length=20,
        choices=RequesterKind.choices,
        default=RequesterKind.COLLEGE,
    )
    requester_name = models.CharField(
        _("namens"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: wethouder Zorg, of: afdeling Samenleving."),
    )
    contact_name = models.CharField(_("contactpersoon bij de gemeente"), max_length=150, blank=True)
    contact_email = models.EmailField(
        _("e-mailadres contactpersoon"),
        blank=True,
        help_text=_("Niet openbaar. Voor vragen van het secretariaat over de aanvraag."),
    )
    # Null only for requests taken over from before this register existed (date unknown).
    letter_date = models.DateField(
        _("datum van de brief"),
        null=True,
        blank=True,
        help_text=_(
            "De datum op de brief van de gemeente. Leeg: gelijk aan de datum van ontvangst."
        ),
    )
    received_on = models.DateField(_("ontvangen op"), null=True, default=datetime.date.today)
    municipal_reference = models.CharField(
        _("kenmerk van de gemeente"),
        max_length=60,
        blank=True,
        help_text=_("Het kenmerk op de brief van de gemeente. Komt in het advies: 'uw kenmerk'."),
    )
    themes = ParentalManyToManyField(
        "home.Theme", verbose_name=_("thema's"), blank=True, related_name="advice_requests"
    )
    meetings = ParentalManyToManyField(
        "home.MeetingPage",
        verbose_name=_("bijeenkomsten"),
        blank=True,
        related_name="advice_requests",
        help_text=_("Bijvoorbeeld de werksessie waarin de raad de aanvraag besprak."),
    )

    deadline = models.DateField(_("uiterste datum voor het advies"), null=True)
    deadline_source = models.CharField(
        _("uiterste datum volgens"),
        max_length=10,
        choices=DeadlineSource.choices,
        default=DeadlineSource.TERM,
    )
    original_deadline = models.DateField(_("eerste uiterste datum"), null=True, editable=False)
    extension_reason = models.TextField(_("reden voor de verlenging"), blank=True, editable=False)
    extended_at = models.DateTimeField(_("verlengd op"), null=True, editable=False)

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RequestStatus.choices,
        default=RequestStatus.RECEIVED,
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
    status_reason = models.TextField(
        _("toelichting bij de status"),
        blank=True,
        editable=False,
        help_text=_("Openbaar: bijvoorbeeld waarom de raad afziet van advies."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Raised on every save: an edit form that loaded an older value is out of date.
    edit_version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords(
        verbose_name=_("versie van een adviesaanvraag"), excluded_fields=["updated_at"]
    )

    objects = AdviceRequestQuerySet.as_manager()

    unique_messages = {
        ("reference",): _("Dit nummer is al in gebruik bij een andere adviesaanvraag.")
    }

    search_fields = [
        index.SearchField("subject"),
        index.SearchField("questions"),
        index.SearchField("reference"),
        index.AutocompleteField("subject"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("adviesaanvraag")
        verbose_name_plural = _("adviesaanvragen")
        permissions = [
            ("handle_advicerequest", _("Kan de status van een adviesaanvraag wijzigen")),
            ("extend_advicerequest", _("Kan de termijn van een adviesaanvraag verlengen")),
        ]

    def __str__(self):
        return f"{self.reference} {self.subject}"

    @property
    def is_open(self):
        return self.status in OPEN_REQUEST_STATUSES

    @property
    def is_extended(self):
        return self.original_deadline is not None

    @property
    def dated(self):
        """The date of the request letter, as the advice cites it ("Uw brief van ...")."""
        return self.letter_date or self.received_on

    def timing(self, answered_on, today=None):
        """``lifecycle.requests.advice_timing`` for this request. ``answered_on`` is required
        (as ``queries.requests`` annotates it): without it an answered request would read as
        still open, or late."""
        return advice_timing(self.status, self.deadline, answered_on, today or timezone.localdate())

    def days_left(self, today=None):
        return days_left(self.deadline, today or timezone.localdate())

    def clean(self):
        errors = request_dates_refusals(
            self.received_on, self.letter_date, self.deadline, timezone.localdate()
        )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Refuse a status change that is not the step a request action declared."""
        if not self._state.adding and self.pk:
            stored = (
                AdviceRequest.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            )
            if (
                stored
                and stored != self.status
                and not is_request_transition(
                    getattr(self, "_transition", None), stored, self.status
                )
            ):
                raise RequestLifecycleError()
        elif self.status != RequestStatus.RECEIVED and not kwargs.get("force_insert"):
            raise RequestLifecycleError()
        self.edit_version += 1
        super().save(*args, **kwargs)

    @classmethod
    def propose_reference(cls, date=None, prefix="AV"):
        """The next free number for the year, e.g. AV-2022-03."""
        return next_free_reference(cls.objects, prefix, (date or datetime.date.today()).year)


class RequestDocumentKind(models.TextChoices):
    REQUEST_LETTER = "aanvraagbrief", _("Brief met de adviesaanvraag")
    DRAFT = "ontwerp", _("Ontwerp van beleid of verordening")
    ANNEX = "bijlage", _("Bijlage")


class RequestDocument(Orderable):
    """A document of a request: the request letter, the draft policy, an annex (checked PDF)."""

    request = ParentalKey(AdviceRequest, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        _("soort document"),
        max_length=20,
        choices=RequestDocumentKind.choices,
        default=RequestDocumentKind.REQUEST_LETTER,
    )
    title = models.CharField(_("titel"), max_length=255)
    file = models.FileField(
        _("bestand (PDF)"), upload_to="adviesaanvragen/", validators=[validate_pdf_upload]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("document bij een adviesaanvraag")
        verbose_name_plural = _("documenten bij een adviesaanvraag")

    def __str__(self):
        return self.title
