"""Guards for the write paths that bypass ``save()``: relations and raw data imports;
and keeping the PDF fast path (advices.middleware) in step with the page tree."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from advices.freeze import LetterFrozenError, refuse_if_frozen
from advices.models import AdviceLetter, Recommendation
from advices.models.letters import CONTENT_FIELDS
from advices.models.status import EDITABLE_STATUSES
from advices.pdf.download import forget_public_pdfs


@receiver(m2m_changed, sender=AdviceLetter.themes.through)
@receiver(m2m_changed, sender=AdviceLetter.meetings.through)
def refuse_relation_changes_on_frozen_letters(sender, instance, action, reverse, pk_set, **kwargs):
    """The themes and meetings of a frozen letter are part of its text too."""
    if action not in {"pre_add", "pre_remove", "pre_clear"}:
        return
    if reverse:
        refuse_if_frozen(pk_set or [])
    else:
        refuse_if_frozen([instance.pk])


@receiver(pre_save, sender=AdviceLetter)
def refuse_raw_import_over_frozen_letter(sender, instance, raw, **kwargs):
    """``loaddata`` saves with raw=True and skips ``AdviceLetter.save()``."""
    if not raw:
        return
    stored = AdviceLetter.objects.filter(pk=instance.pk).values(*CONTENT_FIELDS, "status").first()
    if stored and stored["status"] not in EDITABLE_STATUSES:
        if any(stored[name] != getattr(instance, name) for name in CONTENT_FIELDS):
            raise LetterFrozenError()
        if instance.status != stored["status"]:
            raise LetterFrozenError()


@receiver(pre_save, sender=Recommendation)
def refuse_raw_import_into_frozen_letter(sender, instance, raw, **kwargs):
    if raw:
        refuse_if_frozen([instance.letter_id])


for signal in (post_save, post_delete):
    signal.connect(forget_public_pdfs, sender=PageViewRestriction, dispatch_uid=f"pdf-{signal}")
post_page_move.connect(forget_public_pdfs, dispatch_uid="pdf-page-move")
page_unpublished.connect(forget_public_pdfs, dispatch_uid="pdf-page-unpublished")
