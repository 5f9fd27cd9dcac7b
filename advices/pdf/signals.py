"""Keep the PDF fast path (``advices.pdf.middleware``) in step with the page tree: forget the
known public PDF URLs when a page moves, is unpublished or a view restriction changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from advices.pdf.download import forget_public_pdfs


def connect():
    for signal in (post_save, post_delete):
        signal.connect(forget_public_pdfs, sender=PageViewRestriction, dispatch_uid=f"pdf-{signal}")
    post_page_move.connect(forget_public_pdfs, dispatch_uid="pdf-page-move")
    page_unpublished.connect(forget_public_pdfs, dispatch_uid="pdf-page-unpublished")
