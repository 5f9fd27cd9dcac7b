"""Documents of drafts stay private until what uses them is published.

Council members upload into the drafts collection, which only the council may open
(``home.roles.DRAFTS_COLLECTION``; Wagtail checks the collection's view restriction when it
serves a document). When a page is published, every document it links to or embeds that is
still in the drafts collection moves to the public root collection, so the published page never
links to a document the public cannot open.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.models import Collection, ReferenceIndex

from home.roles import DRAFTS_COLLECTION


def drafts_collection():
    return Collection.objects.filter(depth=2, name=DRAFTS_COLLECTION).first()


def publish_documents_used_by(instance):
    """Move the drafts' documents that ``instance`` uses to the public collection; returns
    how many moved."""
    drafts = drafts_collection()
    if drafts is None:
        return 0
    Document = get_document_model()
    # The index is normally brought up to date by a background task; publishing must not
    # wait for it.
    ReferenceIndex.create_or_update_for_object(instance)
    used = ReferenceIndex.get_references_for_object(instance).filter(
        to_content_type=ContentType.objects.get_for_model(Document)
    )
    documents = Document.objects.filter(
        collection=drafts, pk__in=[int(pk) for pk in used.values_list("to_object_id", flat=True)]
    )
    public = Collection.get_first_root_node()
    moved = 0
    for document in documents:
        document.collection = public
        document.save(update_fields=["collection"])
        moved += 1
    return moved


def publish_documents_on_publish(sender, instance, **kwargs):
    publish_documents_used_by(instance)
