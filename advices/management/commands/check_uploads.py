"""Check the files uploaded before the upload checks existed (or under other limits): every
Wagtail document and every college reply letter is run through the same checks as a new
upload (``home/uploads/``). Run it once after upgrading and after changing a limit; it only
reports, it never changes or removes anything.

Exits with status 1 when a stored file would be refused today, so that someone looks at it
(replace it in the admin, or delete it).
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.documents import get_document_model

from advices.models import CollegeResponse
from advices.uploads import validate_pdf_upload
from home.uploads.documents import validate_document_upload


class Command(BaseCommand):
    help = "Run the upload checks over the stored documents and college reply letters."

    def handle(self, *args, **options):
        checked = refused = 0
        stored = [
            (f"document {document.pk} ({document.title})", document.file, validate_document_upload)
            for document in get_document_model().objects.order_by("pk")
        ] + [
            (f"reply to {reply.letter.reference}", reply.reply_file, validate_pdf_upload)
            for reply in CollegeResponse.objects.select_related("letter").exclude(reply_file="")
        ]
        for label, field_file, validate in stored:
            checked += 1
            reason = _refusal(field_file, validate)
            if reason:
                refused += 1
                self.stderr.write(f"REFUSED TODAY: {label}, {field_file.name}: {reason}")
        self.stdout.write(f"stored files checked: {checked}, refused today: {refused}")
        if refused:
            raise CommandError(f"{refused} stored file(s) would be refused as a new upload")


def _refusal(field_file, validate):
    try:
        with field_file.open("rb"):
            validate(field_file)
    except FileNotFoundError:
        return "the file is missing"
    except ValidationError as error:
        return " ".join(error.messages)
    return None
