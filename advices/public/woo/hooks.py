"""How another app publishes its documents in the Woo index, without ``advices`` importing it:
the app registers a function for ``WOO_DOCUMENTS`` in its ``wagtail_hooks.py``.

``woo_index_documents``
    Called as ``function(request)``; returns ``(category, documents)``: a ``Category`` of
    ``vocabulary.CATEGORIES`` and a list of ``documents.WooDocument``, each with its own
    public absolute URL. It reads the database in a fixed number of queries, whatever the
    number of documents. ``annual`` adds the published annual reports (infocat012).

The advice's own documents (infocat010) are read by ``documents.woo_documents``."""

from collections import defaultdict

from wagtail.hooks import get_hooks

WOO_DOCUMENTS = "woo_index_documents"


def registered_documents(request):
    """The registered apps' documents per category, in hook order."""
    by_category = defaultdict(list)
    for function in get_hooks(WOO_DOCUMENTS):
        category, documents = function(request)
        by_category[category] += documents
    return by_category
