"""The form of Wagtail's documents, with the upload checks (``home.uploads``).

Wagtail builds every document form on ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` (consult/settings):
the add and edit views, the multiple upload (``/admin/documents/multiple/add/``) and the
upload tab of the document chooser. So a file is checked before Wagtail stores it, and a
refusal is a form error on the file, in Dutch.
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from home.document_privacy import drafts_collection
from home.uploads.documents import validate_document_upload


class CheckedDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new document starts in the drafts collection (home/document_privacy.py) for whoever
        # may choose: what it belongs to is published first, then the document.
        field = self.fields.get("collection")
        drafts = drafts_collection()
        if field is not None and not self.instance.pk and drafts is not None:
            if field.queryset.filter(pk=drafts.pk).exists():
                self.initial["collection"] = drafts.pk

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # Editing a document without choosing a new file keeps the stored one, which was
        # checked when it was uploaded.
        if isinstance(file, UploadedFile):
            validate_document_upload(file)
        return file
