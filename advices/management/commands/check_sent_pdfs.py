"""Check the archive of sent letters' PDFs: every stored file still has its recorded size and
SHA-256, and no file lies in the archive folder without a row (left by a send that was rolled
back, see ``advices.pdf.archive``). Meant for a periodic check (weekly, or after a restore);
it only reports, it never changes or removes anything.

Exits with status 1 when a stored PDF is missing or damaged, so a timer can alert someone.
"""

from django.core.management.base import BaseCommand, CommandError

from advices.models import SentLetterPdf
from advices.pdf.archive import orphaned_files, stored_bytes_match


class Command(BaseCommand):
    help = "Check that the stored PDFs of sent letters are intact; list files without a row."

    def handle(self, *args, **options):
        records = SentLetterPdf.objects.select_related("letter").order_by("letter__reference")
        damaged = [record for record in records if not stored_bytes_match(record)]
        for record in damaged:
            self.stderr.write(
                f"DAMAGED OR MISSING: {record.letter.reference} {record.file.name} "
                f"(expected {record.size} bytes, sha256 {record.sha256})"
            )
        orphans = orphaned_files()
        for name in orphans:
            self.stdout.write(f"file without a row (harmless, may be removed): {name}")
        self.stdout.write(
            f"stored PDFs: {len(records)}, intact: {len(records) - len(damaged)}, "
            f"damaged or missing: {len(damaged)}, files without a row: {len(orphans)}"
        )
        if damaged:
            raise CommandError(f"{len(damaged)} stored PDF(s) do not match their checksum")
