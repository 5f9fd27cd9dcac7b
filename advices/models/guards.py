"""The frozen-text rule on the write paths that bypass ``save()``: relations, deletes of what
a letter cites, and raw data imports (``loaddata``). The rule itself is
``advices.lifecycle.frozen``; these receivers only route every path to it.

Below the ORM, on PostgreSQL, triggers refuse any UPDATE or DELETE of what a frozen letter
holds, raw SQL included (migration 0010); they allow INSERT, so a backup restores.

``loaddata`` is held to the same line: it may INSERT a frozen letter that does not exist yet,
and then, in the same transaction, that letter's recommendations, themes and meetings (the
rest of the same fixture: restoring a letter is not changing one). It may never change or
add to a frozen letter that was already there.

Django sends no signals for the rows of the themes and meetings relation tables written
through ``AdviceLetter.themes.through.objects``: on PostgreSQL the triggers refuse those too, on
SQLite (development) they are not guarded.
"""

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
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


def imported_letter_ids(using):
    """The letters that a raw import (``loaddata``) inserted in the current transaction on
    database ``using``: the set is kept on the connection, tied to the outermost atomic
    block, so it is empty again in the next transaction (committed or rolled back)."""
    connection = connections[using]
    # The blocks a test case wraps around each test do not count: there, as in production,
    # the transaction is loaddata's own.
    blocks = [b for b in connection.atomic_blocks if not getattr(b, "_from_testcase", False)]
    if not blocks:
        return set()  # loaddata always runs in a transaction; nothing to remember outside one
    remembered = getattr(connection, "_advices_imported_letters", None)
    if remembered is None or remembered[0] is not blocks[0]:
        remembered = (blocks[0], set())
        connection._advices_imported_letters = remembered
    return remembered[1]


def refuse_if_frozen_unless_imported(letter_ids, using):
    refuse_if_frozen(set(letter_ids) - imported_letter_ids(using))


@receiver(m2m_changed, sender=THEMES)
@receiver(m2m_changed, sender=MEETINGS)
def refuse_relation_changes_on_frozen_letters(
    sender, instance, action, reverse, pk_set, using, **kwargs
):
    """The themes and meetings of a frozen letter are part of its text too."""
    if action not in {"pre_add", "pre_remove", "pre_clear"}:
        return
    if not reverse:
        refuse_if_frozen_unless_imported([instance.pk], using)
    elif action == "pre_clear":  # theme.advice_letters.clear(): every letter it is on
        refuse_if_frozen(
            sender.objects.filter(**{_other_end(sender): instance.pk}).values_list(
                "adviceletter_id", flat=True
            )
        )
    else:
        refuse_if_frozen_unless_imported(pk_set or [], using)


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


@receiver(post_save, sender=AdviceLetter)
def remember_imported_letter(sender, instance, raw, created, using, **kwargs):
    """A letter that a raw import inserted: the rest of the import may fill it."""
    if raw and created:
        imported_letter_ids(using).add(instance.pk)


@receiver(pre_save, sender=Recommendation)
def refuse_raw_import_into_frozen_letter(sender, instance, raw, using, **kwargs):
    if not raw:
        return
    stored = (
        Recommendation.objects.using(using)
        .filter(pk=instance.pk)
        .values_list("letter_id", flat=True)
        .first()
    )
    if stored is None:  # a new row, in a letter this import inserted: part of a restore
        refuse_if_frozen_unless_imported([instance.letter_id], using)
    else:  # an existing row: changing or moving it is changing a letter
        refuse_if_frozen([instance.letter_id, stored])
