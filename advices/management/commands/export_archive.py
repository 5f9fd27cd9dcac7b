"""``manage.py export_archive --van 2022-01-01 --tot 2022-12-31 --uitvoer adviezen-2022.zip``:
the archive package (MDTO 1.0.1) of the letters sent in a period, for the municipal archive.
See ``advices.archive``. Writes a new file; never overwrites one."""

import datetime
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from advices.archive.package import ArchiveExportError, build_package


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"'{value}' is geen datum; schrijf die als jaar-maand-dag, bijvoorbeeld 2022-06-17."
        ) from None


class Command(BaseCommand):
    help = "Write the archive package (ZIP with PDFs and MDTO XML) of the letters sent in a period."

    def add_arguments(self, parser):
        parser.add_argument("--van", required=True, help="first day, e.g. 2022-01-01")
        parser.add_argument("--tot", required=True, help="last day (included), e.g. 2022-12-31")
        parser.add_argument("--uitvoer", required=True, help="the ZIP file to write")

    def handle(self, *args, **options):
        start, end = _date(options["van"]), _date(options["tot"])
        target = Path(options["uitvoer"])
        if target.exists():
            raise CommandError(f"{target} bestaat al; kies een andere naam.")
        site = Site.objects.filter(is_default_site=True).first()
        try:
            data, dossiers = build_package(start, end, site)
        except ArchiveExportError as error:
            raise CommandError(str(error)) from error
        # Written under a temporary name first, so a half-written package is never taken
        # for a whole one.
        partial = target.with_name(target.name + ".deel")
        partial.write_bytes(data)
        os.replace(partial, target)
        self.stdout.write(f"{target}: {dossiers} dossier(s), {len(data)} bytes")
