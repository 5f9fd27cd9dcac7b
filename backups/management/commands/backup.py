"""``manage.py backup [--output PATH]``: one archive with the database, every media file and a
manifest (README, "Backup and restore"). Safe while the site runs."""

import platform
import tempfile
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from backups import databases, media, reports
from backups.archive import FORMAT, FORMAT_VERSION, ArchiveWriter
from backups.databases import BackupError


def default_name(moment):
    return f"adviesvolger-backup-{timezone.localtime(moment):%Y%m%d-%H%M%S}.tar"


class Command(BaseCommand):
    help = _(
        "Maak een back-up: één archief met de database, alle mediabestanden en een manifest "
        "met controlesommen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help=_(
                "Het archiefbestand, of een map (dan krijgt het bestand een naam met datum en "
                "tijd). Standaard: BACKUP_DIR (omgevingsvariabele DJANGO_BACKUP_DIR). Eindigt "
                "de naam op .tar.gz, dan wordt het archief ook gecomprimeerd."
            ),
        )

    def handle(self, *args, **options):
        try:
            path, manifest = self.backup(options.get("output"))
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = manifest["files"]
        media_files = [entry for entry in files if entry["name"].startswith(media.PREFIX)]
        if options["verbosity"] >= 1:
            self.stdout.write(_("Back-up gemaakt: %(path)s") % {"path": path})
            self.stdout.write(_("  gemaakt op: %(when)s") % {"when": manifest["created_at"]})
            self.stdout.write(
                _("  database: %(vendor)s, %(tables)s tabellen")
                % {
                    "vendor": databases.vendor_name(manifest["database"]["vendor"]),
                    "tables": len(manifest["tables"]),
                }
            )
            self.stdout.write(
                _("  mediabestanden: %(count)s (%(size)s bytes)")
                % {"count": len(media_files), "size": sum(e["size"] for e in media_files)}
            )
            for entry in manifest["counts"].values():
                self.stdout.write(f"  {entry['label']}: {entry['count']}")

    def backup(self, output):
        databases.supported(connection)
        now = timezone.now()
        target = Path(output or settings.BACKUP_DIR)
        if output is None or target.is_dir() or output.endswith(("/", "\\")):
            target = target / default_name(now)
        target = target.resolve()
        media_root = Path(settings.MEDIA_ROOT).resolve()
        if target.parent == media_root or media_root in target.parents:
            # The archive would end up in the next backup, and be served as a media file.
            raise BackupError(
                _("Schrijf de back-up niet in de mediamap (%(root)s): kies een andere map.")
                % {"root": media_root}
            )
        with ArchiveWriter(target) as archive:
            staging = tempfile.TemporaryDirectory(prefix=".adviesvolger-backup-", dir=target.parent)
            with staging as folder:
                dump_path = Path(folder) / "database"
                with databases.snapshot(connection) as snapshot_id:
                    tool = databases.dump(connection, dump_path, snapshot_id)
                    described = {
                        "tables": reports.table_counts(),
                        "counts": reports.app_counts(),
                        "migrations": reports.applied_migrations(),
                    }
                archive.add_file(dump_path, databases.MEMBERS[connection.vendor])
            # Media files are written once and never changed in place (storage gives a new
            # name to a new file), so copying them after the database dump is consistent:
            # at worst the archive holds a file that no row names yet.
            for path, name in media.media_files(settings.MEDIA_ROOT):
                archive.add_file(path, name)
            manifest = archive.finish(
                {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": timezone.localtime(now).isoformat(),
                    "database": {
                        "vendor": connection.vendor,
                        "server_version": databases.server_version(connection),
                        "tool": tool,
                        "file": databases.MEMBERS[connection.vendor],
                    },
                    "versions": {
                        "django": django.get_version(),
                        "wagtail": wagtail.__version__,
                        "python": platform.python_version(),
                    },
                    "host": platform.node(),
                    **described,
                }
            )
        return target, manifest
