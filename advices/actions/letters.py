"""Writes to the council's letters besides the lifecycle steps: editing the text, restoring a
version, adding an erratum. The admin's edit form, versions page and erratum form use them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from advices.actions.base import Action
from advices.actions.conflicts import EditConflict, latest_history
from advices.actions.steps import SENDING_IN_PROGRESS
from advices.lifecycle.frozen import CONTENT_FIELDS, LetterFrozenError, frozen_message, is_frozen
from advices.lifecycle.permissions import edit_refusal
from advices.models import AdviceLetter, Recommendation
from advices.queries.versions import RECOMMENDATION_FIELDS, find_version, letter_versions

# history_change_reason is a CharField(max_length=100); PostgreSQL refuses longer text.
REASON_MAX_LENGTH = 100


REFERENCE_TAKEN = _(
    "Dit kenmerk is zojuist door iemand anders gebruikt voor een andere brief. Kies een ander "
    "kenmerk; wat u typte staat nog hieronder."
)


INCOMPLETE_FORM = _(
    "Dit formulier is niet volledig verstuurd: er is niets opgeslagen. "
    "Laad de pagina opnieuw en probeer het nog eens."
)


class CreateLetter(Action):
    """A new letter from the admin's form, with its recommendations numbered in order."""

    def __init__(self, form, user, reason=""):
        super().__init__(user)
        self.form = form
        self.reason = reason

    def check(self):
        if not self.user.has_perm("advices.add_adviceletter"):
            raise PermissionDenied(_("U mag geen adviesbrieven aanmaken."))

    def perform(self):
        self.tag(self.form.instance, self.reason)
        try:
            with transaction.atomic():
                letter = self.form.save()
        except IntegrityError as error:
            # The form checked the reference before someone else took it.
            raise ValidationError({"reference": REFERENCE_TAKEN}, code="unique") from error
        letter.renumber_recommendations()
        log(instance=letter, action="wagtail.create", user=self.user)  # the admin's history
        return letter


class EditLetter(Action):
    """Save the letter's edit form (text and recommendations) as one new version.

    A compare-and-set on the edit number under a row lock: a form that loaded an older
    version than is stored is refused with ``EditConflict``, its input kept by the view."""

    def __init__(self, form, user, loaded_version, reason=""):
        super().__init__(user)
        self.form = form
        self.loaded_version = loaded_version
        self.reason = reason

    def lock(self):
        self.stored = AdviceLetter.objects.select_for_update().get(pk=self.form.instance.pk)

    def check(self):
        if not self.user.has_perm("advices.change_adviceletter"):
            raise PermissionDenied(edit_refusal(self.user, self.stored))
        if is_frozen(self.stored.status):
            raise LetterFrozenError(frozen_message(self.stored.status))
        if self.stored.is_sending:
            raise ValidationError(SENDING_IN_PROGRESS, code="sending")
        if self.loaded_version is None:
            # A post that does not say which version it edits (a script, an old tab) would
            # overwrite whatever is stored: refused, as on the verdicts page.
            raise ValidationError(INCOMPLETE_FORM, code="incomplete")
        if self.loaded_version != self.stored.edit_version:
            raise EditConflict(latest_history(self.stored.history), _("deze brief"))

    def perform(self):
        letter = self.form.instance
        # The form's instance was read before the lock; the stored number is the current one.
        letter.edit_version = self.stored.edit_version
        letter.status = self.stored.status
        self.tag(letter, self.reason)
        for formset in self.form.formsets.values():
            for child_form in formset.forms:
                child_form.instance._change_reason = self.reason
        letter = self.form.save()
        letter.renumber_recommendations()
        log(instance=letter, action="wagtail.edit", user=self.user)  # the admin's history
        return letter


class RestoreVersion(Action):
    """Make an old version of the letter the newest again; every version stays."""

    def __init__(self, letter, history_id, user, reason=""):
        super().__init__(user)
        self.letter = letter
        self.history_id = history_id
        self.reason = reason

    def lock(self):
        self.current = AdviceLetter.objects.select_for_update().get(pk=self.letter.pk)

    def check(self):
        self.permission_check(edit_refusal(self.user, self.current))
        self.version = find_version(letter_versions(self.current), history_id=self.history_id)
        if self.version is None:
            raise LookupError(self.history_id)
        if self.version.is_latest:
            raise ValidationError(_("Dit is al de huidige versie."), code="is_latest")
        reference = self.version.fields["reference"]
        if AdviceLetter.objects.filter(reference=reference).exclude(pk=self.current.pk).exists():
            raise ValidationError(
                _("Het kenmerk %(reference)s van die versie is nu in gebruik bij een andere brief.")
                % {"reference": reference},
                code="reference_taken",
            )

    def reason_text(self):
        text = _("Versie %(number)s teruggezet") % {"number": self.version.number}
        if self.reason.strip():
            text = f"{text}: {self.reason.strip()}"
        return text[:REASON_MAX_LENGTH]

    def perform(self):
        reason = self.reason_text()
        letter = self.current
        for name in CONTENT_FIELDS:
            setattr(letter, name, self.version.fields[name])
        self.tag(letter, reason)
        # The letter first, then its recommendations: the same order as the admin, so they
        # belong to this new version (see advices.queries.versions).
        letter.save()
        self.restore_recommendations(reason)
        self.letter.refresh_from_db()
        return self.letter

    def restore_recommendations(self, reason):
        letter = self.current
        wanted = self.version.recommendations
        current = {r.pk: r for r in Recommendation.objects.filter(letter_id=letter.pk)}
        wanted_ids = {r.id for r in wanted}
        for pk, recommendation in current.items():
            if pk not in wanted_ids:
                self.tag(recommendation, reason)
                recommendation.delete()
        missing = wanted_ids - set(current)
        # A deleted recommendation comes back under its old id (its public label and any
        # links stay valid), unless another letter's recommendation has taken that id since.
        taken = set(Recommendation.objects.filter(pk__in=missing).values_list("pk", flat=True))
        for old in wanted:
            recommendation = current.get(old.id)
            adding = recommendation is None
            if adding:
                recommendation = Recommendation(
                    id=None if old.id in taken else old.id, letter_id=letter.pk
                )
            values = {name: getattr(old, name) for name in RECOMMENDATION_FIELDS}
            if not adding and all(getattr(recommendation, k) == v for k, v in values.items()):
                continue
            for name, value in values.items():
                setattr(recommendation, name, value)
            self.tag(recommendation, reason)
            recommendation.save(force_insert=adding)


class AddErratum(Action):
    """A visible correction to a sent letter; the letter itself never changes."""

    def __init__(self, erratum, user):
        super().__init__(user)
        self.erratum = erratum

    def lock(self):
        AdviceLetter.objects.select_for_update().filter(pk=self.erratum.letter_id).first()

    def check(self):
        action = "change" if self.erratum.pk else "add"
        if not self.user.has_perm(f"advices.{action}_erratum"):
            raise PermissionDenied(_("Alleen het secretariaat voegt een erratum toe."))
        self.erratum.full_clean()

    def perform(self):
        if self.erratum.created_by_id is None:
            self.erratum.created_by = self.user
        self.tag(self.erratum)
        self.erratum.save()
        return self.erratum
