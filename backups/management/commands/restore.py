"""``manage.py restore ARCHIVE [--force]``: put a backup back into the configured, empty
database and media folder, then check the result (README, "Backup and restore").

The order is what makes it safe: first the manifest is read and the target checked (same
kind of database, a version that knows the archive's migrations, empty), then every file is
unpacked into a staging folder and checked against the manifest's SHA-256, and only then is
anything written. Afterwards it compares the rows
of every table and the apps' own counts with the manifest and runs the apps' checks (for
``advices``: every sent letter's PDF against the SHA-256 recorded when it was sent).
"""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from backups import databases, media, reports
from backups.archive import read_manifest, unpack_and_verify
from backups.databases import BackupError, vendor_name


class Command(BaseCommand):
    help = _(
        "Zet een back-up terug in de ingestelde (lege) database en mediamap en controleer "
        "het resultaat."
    )
    # The system checks may read the database, which is empty (or about to be replaced).
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("archive", help=_("Het archief dat `manage.py backup` maakte."))
        parser.add_argument(
            "--force",
            action="store_true",
            help=_(
                "Ook als de database of de mediamap niet leeg is: wis dan eerst alles in de "
                "database en overschrijf mediabestanden met dezelfde naam."
            ),
        )

    def handle(self, *args, **options):
        try:
            problems = self.restore(Path(options["archive"]), options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        if problems:
            raise CommandError(
                _("De back-up is teruggezet, maar de controle vond problemen:\n%(problems)s")
                % {"problems": "\n".join(f"  - {problem}" for problem in problems)}
            )
        self.stdout.write(_("Herstel geslaagd."))

    def say(self, message):
        self.stdout.write(message)

    def restore(self, path, force):
        databases.supported(connection)
        manifest = read_manifest(path)
        self.refuse_other_vendor(manifest)
        self.refuse_unknown_migrations(manifest)
        self.check_target(force)
        with tempfile.TemporaryDirectory(prefix="adviesvolger-restore-") as staging:
            checked = unpack_and_verify(path, manifest, staging)
            self.say(
                _("Archief gecontroleerd: %(count)s bestanden, elke SHA-256-controlesom klopt.")
                % {"count": checked}
            )
            self.say(_("  gemaakt op: %(when)s") % {"when": manifest.get("created_at")})
            if force:
                databases.make_empty(connection)
            databases.restore(connection, Path(staging) / manifest["database"]["file"])
            self.say(
                _("Database teruggezet in %(where)s.") % {"where": databases.describe(connection)}
            )
            files, size = media.restore_media(staging, settings.MEDIA_ROOT)
            self.say(
                _("Mediabestanden teruggezet: %(count)s (%(size)s bytes) in %(root)s.")
                % {"count": files, "size": size, "root": settings.MEDIA_ROOT}
            )
        return self.verify(manifest)

    def refuse_other_vendor(self, manifest):
        vendor = manifest.get("database", {}).get("vendor")
        if vendor == connection.vendor:
            return
        raise BackupError(
            _(
                "Dit archief is een back-up van een %(archive)s-database, maar deze installatie "
                "gebruikt %(configured)s. Een back-up gaat alleen terug in hetzelfde soort "
                "database. Overstappen tussen SQLite en PostgreSQL kan met deze opdracht niet: "
                "zet het archief terug in een installatie met %(archive)s (DATABASE_URL)."
            )
            % {"archive": vendor_name(vendor), "configured": vendor_name(connection.vendor)}
        )

    def refuse_unknown_migrations(self, manifest):
        """A backup of a newer version holds tables this code does not know: refuse it."""
        loader = MigrationLoader(None, ignore_no_migrations=True)
        installed = {app_label for app_label, _name in loader.disk_migrations}
        unknown = sorted(
            f"{app_label}.{name}"
            for app_label, names in manifest.get("migrations", {}).items()
            for name in names
            if app_label in installed and (app_label, name) not in loader.disk_migrations
        )
        if unknown:
            raise BackupError(
                _(
                    "Dit archief komt van een nieuwere versie van Adviesvolger: de database kent "
                    "migraties die deze versie niet heeft (%(names)s). Installeer eerst de "
                    "versie waarmee de back-up is gemaakt, of een nieuwere."
                )
                % {"names": ", ".join(unknown)}
            )

    def check_target(self, force):
        tables = databases.table_names(connection)
        if tables and not force:
            raise BackupError(
                _(
                    "De database (%(where)s) is niet leeg: er staan al %(count)s tabellen in. "
                    "Er is niets hersteld. Zet een back-up terug in een nieuwe, lege database "
                    "(voer daar vooraf géén migrate uit), of gebruik --force om alles wat in "
                    "deze database staat te wissen en te vervangen."
                )
                % {"where": databases.describe(connection), "count": len(tables)}
            )
        existing = media.media_files(settings.MEDIA_ROOT)
        if existing and not force:
            raise BackupError(
                _(
                    "De mediamap %(root)s is niet leeg: er staan al %(count)s bestanden in. "
                    "Er is niets hersteld. Zet een back-up terug in een lege mediamap, of "
                    "gebruik --force om bestanden met dezelfde naam te overschrijven."
                )
                % {"root": settings.MEDIA_ROOT, "count": len(existing)}
            )

    def verify(self, manifest):
        """Compare the restored database with the manifest; return the problems found."""
        problems = []
        self.say(_("Controle na het terugzetten:"))
        tables = reports.table_counts()
        differing = sorted(
            table
            for table in set(tables) | set(manifest.get("tables", {}))
            if tables.get(table) != manifest["tables"].get(table)
        )
        for table in differing:
            problems.append(
                _("tabel %(table)s: %(found)s rijen, in het archief %(expected)s")
                % {
                    "table": table,
                    "found": tables.get(table, "-"),
                    "expected": manifest["tables"].get(table, "-"),
                }
            )
        self.say(
            _("  tabellen: %(count)s, rijen: %(rows)s")
            % {"count": len(tables), "rows": sum(tables.values())}
        )
        counts = reports.app_counts()
        for key, entry in manifest.get("counts", {}).items():
            found = counts.get(key, {}).get("count")
            self.say(
                _("  %(label)s: %(found)s (in het archief: %(expected)s)")
                % {"label": entry["label"], "found": found, "expected": entry["count"]}
            )
            if found != entry["count"]:
                problems.append(
                    _("%(label)s: %(found)s, in het archief %(expected)s")
                    % {"label": entry["label"], "found": found, "expected": entry["count"]}
                )
        app_problems = reports.app_problems()
        problems.extend(app_problems)
        pending = self.pending_migrations()
        if pending:
            self.say(
                _(
                    "Deze versie heeft %(count)s migratie(s) die de back-up nog niet had. "
                    "Voer nu `python manage.py migrate` uit."
                )
                % {"count": len(pending)}
            )
        return problems

    def pending_migrations(self):
        executor = MigrationExecutor(connection)
        return executor.migration_plan(executor.loader.graph.leaf_nodes())
