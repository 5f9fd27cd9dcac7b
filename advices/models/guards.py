"""The frozen-text rule on the write paths that bypass ``save()``: relations, deletes of what
a letter cites, and raw data imports (``loaddata``). The rule itself is
``advices.lifecycle.frozen``; these receivers only route every path to it.

Below the ORM, on PostgreSQL, triggers refuse any UPDATE or DELETE of what a frozen letter
holds, raw SQL included (migration 0010). Django sends no signals for the rows of the
themes and meetings relation tables written through ``AdviceLetter.themes.through.objects``:
on PostgreSQL the triggers refuse those too, on SQLite (development) they are not guarded.
"""

from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from advices.lifecycle.frozen import (
    CONTENT_FIELDS,
    LetterFrozenError,
    cited_refusal,
    citing_frozen_letters,
    refuse_content_change,
    refuse_if_frozen,
)
from advices.models.letters import AdviceLetter
from advices.models.recommendations import Recommendation
from home.models import MeetingPage, Theme

THEMES = AdviceLetter.themes.through
MEETINGS = AdviceLetter.meetings.through


@receiver(m2m_changed, sender=THEMES)
@receiver(m2m_changed, sender=MEETINGS)
def refuse_relation_changes_on_frozen_letters(sender, instance, action, reverse, pk_set, **kwargs):
    """The themes and meetings of a frozen letter are part of its text too."""
    if action not in {"pre_add", "pre_remove", "pre_clear"}:
        return
    if not reverse:
        refuse_if_frozen([instance.pk])
    elif action == "pre_clear":  # theme.advice_letters.clear(): every letter it is on
        refuse_if_frozen(
            sender.objects.filter(**{_other_end(sender): instance.pk}).values_list(
                "adviceletter_id", flat=True
            )
        )
    else:
        refuse_if_frozen(pk_set or [])


def _other_end(through):
    return "theme_id" if through is THEMES else "meetingpage_id"


@receiver(pre_delete, sender=Theme)
def refuse_deleting_cited_themes(sender, instance, **kwargs):
    references = citing_frozen_letters("themes", [instance.pk])
    if references:
        raise CitedByFrozenLetter(
            cited_refusal(_("Het thema ‘%(name)s’") % {"name": instance.name}, references)
        )


@receiver(pre_delete, sender=MeetingPage)
def refuse_deleting_cited_meetings(sender, instance, **kwargs):
    references = citing_frozen_letters("meetings", [instance.pk])
    if references:
        raise CitedByFrozenLetter(
            cited_refusal(_("De bijeenkomst ‘%(title)s’") % {"title": instance.title}, references)
        )


class CitedByFrozenLetter(ValidationError):
    def __init__(self, message):
        super().__init__(message, code="cited_by_frozen_letter")


@receiver(pre_save, sender=AdviceLetter)
def refuse_raw_import_over_frozen_letter(sender, instance, raw, **kwargs):
    """``loaddata`` saves with raw=True and skips ``AdviceLetter.save()``."""
    if not raw:
        return
    stored = AdviceLetter.objects.filter(pk=instance.pk).values(*CONTENT_FIELDS, "status").first()
    if stored is None:
        return
    refuse_content_change(stored, instance)
    if stored["status"] != instance.status:
        raise LetterFrozenError()


@receiver(pre_save, sender=Recommendation)
def refuse_raw_import_into_frozen_letter(sender, instance, raw, **kwargs):
    if raw:
        stored = (
            Recommendation.objects.filter(pk=instance.pk)
            .values_list("letter_id", flat=True)
            .first()
        )
        refuse_if_frozen([instance.letter_id, stored])
