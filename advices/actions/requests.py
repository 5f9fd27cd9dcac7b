"""Writes to the college's requests for advice: registering one, editing it, its steps
(``advices.lifecycle.requests``) and extending its deadline. The admin's forms and the
demo share these; each checks on the locked, current row, so of two people acting at the
same moment exactly one passes."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from advices.actions.base import Action
from advices.actions.events import after_commit, request_registered
from advices.lifecycle.request_term import request_term_weeks
from advices.lifecycle.requests import (
    ANSWER,
    OPEN_REQUEST_STATUSES,
    REQUEST_TRANSITION_LABELS,
    REQUEST_TRANSITIONS,
    DeadlineSource,
    default_deadline,
    extension_refusal,
    request_permission_refusal,
    request_state_refusal,
)
from advices.models import AdviceRequest

NUMBER_TAKEN = _(
    "Dit nummer is zojuist door iemand anders gebruikt voor een andere adviesaanvraag. Kies een "
    "ander nummer; wat u typte staat nog hieronder."
)
REQUEST_CHANGED = _(
    "Iemand anders heeft deze adviesaanvraag net gewijzigd. Uw invoer staat nog hieronder: "
    "bekijk de nieuwe gegevens en sla opnieuw op."
)
STEP_ALREADY_TAKEN = _(
    "Deze adviesaanvraag heeft intussen de status '%(status)s': er is niets gewijzigd."
)
EXTENSION_REFUSED = _("Alleen het secretariaat legt een verlenging van de termijn vast.")
DEADLINE_CHANGED = _(
    "Iemand anders heeft de uiterste datum intussen veranderd in %(deadline)s: er is niets "
    "gewijzigd. Bekijk de nieuwe datum en verleng zo nodig opnieuw."
)
NOT_EDITABLE = _(
    "Een adviesaanvraag met de status '%(status)s' wijzigt u niet meer. Alleen de status en "
    "de termijn houdt het secretariaat bij."
)


def fill_deadline(request, term_weeks=None):
    """The deadline of a request that gives none: the council's term from receipt."""
    if request.deadline_source == DeadlineSource.TERM or request.deadline is None:
        if request.received_on:
            request.deadline = default_deadline(
                request.received_on, term_weeks or request_term_weeks()
            )
            request.deadline_source = DeadlineSource.TERM
    return request


def _save_form(form):
    """Save the form's request with its documents and themes; a number taken since the form
    was checked is the person's to change, with their input kept."""
    try:
        with transaction.atomic():
            return form.save()
    except IntegrityError as error:
        raise ValidationError({"reference": NUMBER_TAKEN}, code="unique") from error


class RegisterRequest(Action):
    """A new request: submitted by the municipality, or registered by the secretariat from a
    letter that came by post or mail."""

    def __init__(self, form, user, at=None):
        super().__init__(user, at)
        self.form = form

    def check(self):
        if not self.user.has_perm("advices.add_advicerequest"):
            raise PermissionDenied(_("U mag geen adviesaanvragen indienen of registreren."))

    def perform(self):
        request = fill_deadline(self.form.instance)
        request.submitted_by = self.user
        self.tag(request, _("Adviesaanvraag ontvangen"))
        request = _save_form(self.form)
        log(instance=request, action="wagtail.create", user=self.user)
        after_commit(request_registered, request_id=request.pk)
        return request


class EditRequest(Action):
    """Save the edit form of an open request, as a compare-and-set on its edit number."""

    def __init__(self, form, user, loaded_version):
        super().__init__(user)
        self.form = form
        self.loaded_version = loaded_version

    def lock(self):
        self.stored = AdviceRequest.objects.select_for_update().get(pk=self.form.instance.pk)

    def check(self):
        if not self.user.has_perm("advices.change_advicerequest"):
            raise PermissionDenied(_("U mag deze adviesaanvraag niet wijzigen."))
        if self.stored.status not in OPEN_REQUEST_STATUSES:
            raise ValidationError(
                NOT_EDITABLE % {"status": self.stored.get_status_display()}, code="closed"
            )
        if self.loaded_version is None or self.loaded_version != self.stored.edit_version:
            raise ValidationError(REQUEST_CHANGED, code="edit_conflict")

    def perform(self):
        request = self.form.instance
        request.edit_version = self.stored.edit_version
        request.status = self.stored.status
        # The deadline moves only by an extension once it was set; a corrected receipt
        # date moves the term's deadline with it.
        request.original_deadline = self.stored.original_deadline
        if self.stored.original_deadline is not None:
            request.deadline = self.stored.deadline
            request.deadline_source = self.stored.deadline_source
        else:
            fill_deadline(request)
        self.tag(request)
        request = _save_form(self.form)
        log(instance=request, action="wagtail.edit", user=self.user)
        return request


class TransitionRequest(Action):
    """One step of a request's lifecycle, with actor, time and reason in its history.

    ``expected_status`` is the status the person's page showed: a step someone else took
    in the meantime is not taken twice."""

    def __init__(self, request, action, user, reason="", at=None, expected_status=None):
        super().__init__(user, at)
        self.request = request
        self.action = action
        self.reason = reason or ""
        self.expected_status = expected_status

    def lock(self):
        self.current = AdviceRequest.objects.select_for_update().get(pk=self.request.pk)

    def check(self):
        self.permission_check(request_permission_refusal(self.user, self.action))
        if self.expected_status and self.current.status != self.expected_status:
            raise ValidationError(
                STEP_ALREADY_TAKEN % {"status": self.current.get_status_display()},
                code="already_taken",
            )
        self.state_check(request_state_refusal(self.action, self.current.status, self.reason))

    def perform(self):
        return take_request_step(self.current, self.action, self.user, self.reason, self.at)


def take_request_step(request, action, user, reason="", at=None):
    """Move the locked ``request`` one step; the caller has checked that it may."""
    target = REQUEST_TRANSITIONS[action][1]
    request.status = target
    request.status_changed_at = at or timezone.now()
    request.status_changed_by = user
    request.status_reason = reason.strip()
    request._transition = action
    request._history_user = user
    if at is not None:
        request._history_date = at
    request._change_reason = (reason.strip() or str(REQUEST_TRANSITION_LABELS[action]))[:100]
    request.save()
    log(instance=request, action="advices.request_status", user=user, data={"step": action})
    return request


def answer_request_of(letter, user, at=None):
    """Sending ``letter`` answers the request it cites, if that is still open: called in the
    transaction that marks the letter sent."""
    if letter.request_id is None:
        return None
    request = AdviceRequest.objects.select_for_update().get(pk=letter.request_id)
    if request.status not in REQUEST_TRANSITIONS[ANSWER][0]:
        return None
    reason = _("Advies %(reference)s verstuurd") % {"reference": letter.reference}
    return take_request_step(request, ANSWER, user, str(reason), at)


class ExtendDeadline(Action):
    """An agreed extension: a later deadline with its reason; the first one stays visible.

    ``expected_deadline`` is the deadline the person's page showed: of two extensions made at
    the same moment, the second is refused instead of stacked on the first."""

    def __init__(self, request, new_deadline, reason, user, at=None, expected_deadline=None):
        super().__init__(user, at)
        self.request = request
        self.new_deadline = new_deadline
        self.reason = reason or ""
        self.expected_deadline = expected_deadline

    def lock(self):
        self.current = AdviceRequest.objects.select_for_update().get(pk=self.request.pk)

    def check(self):
        if not self.user.has_perm("advices.extend_advicerequest"):
            raise PermissionDenied(EXTENSION_REFUSED)
        if self.expected_deadline and self.current.deadline != self.expected_deadline:
            raise ValidationError(
                DEADLINE_CHANGED
                % {"deadline": formats.date_format(self.current.deadline, "j F Y")},
                code="deadline_changed",
            )
        refusal = extension_refusal(
            self.current.status, self.current.deadline, self.new_deadline, self.reason
        )
        if refusal:
            raise ValidationError(refusal, code="extension_refused")

    def perform(self):
        request = self.current
        if request.original_deadline is None:
            request.original_deadline = request.deadline
        request.deadline = self.new_deadline
        request.extension_reason = self.reason.strip()
        request.extended_at = self.at or timezone.now()
        self.tag(request, _("Termijn verlengd: %(reason)s") % {"reason": self.reason.strip()})
        request._change_reason = request._change_reason[:100]
        request.save()
        log(instance=request, action="advices.request_extended", user=self.user)
        return request
