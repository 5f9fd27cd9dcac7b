"""The archive: one tar file with the database, every media file and ``manifest.json``.

    database/db.sqlite3          (SQLite)  or  database/postgresql.dump  (PostgreSQL)
    media/<path in MEDIA_ROOT>   every file, as it is
    manifest.json                last: format, when, what, and each file's SHA-256 and size

The archive is written under a temporary name in the target folder, with mode 0600 (it holds
every account's password hash and every subscriber's address), and renamed only when complete,
so a half-written backup never carries the final name. Reading checks every file against the
manifest while it unpacks into a staging folder: a restore touches nothing before all of it
is known to be intact.
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from backups.databases import BackupError

FORMAT = "adviesvolger-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class _HashingReader:
    """Reads a file for tarfile and hashes exactly what went into the archive."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


class ArchiveWriter:
    """``with ArchiveWriter(path) as archive: archive.add_file(...); archive.finish(manifest)``"""

    def __init__(self, path):
        self.path = Path(path)
        self.files = []
        self._tar = None
        self._temporary = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # mkstemp creates the file with mode 0600, in the same folder, so the rename is atomic.
        descriptor, name = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent
        )
        self._temporary = Path(name)
        compressed = self.path.name.endswith((".tar.gz", ".tgz"))
        self._handle = os.fdopen(descriptor, "wb")
        self._tar = tarfile.open(fileobj=self._handle, mode="w:gz" if compressed else "w")
        return self

    def add_file(self, source, name):
        """Add the file at ``source`` as ``name`` and record its SHA-256 and size."""
        with open(source, "rb") as handle:
            status = os.fstat(handle.fileno())
            info = tarfile.TarInfo(name)
            info.size = status.st_size
            info.mtime = int(status.st_mtime)
            info.mode = 0o600
            reader = _HashingReader(handle)
            self._tar.addfile(info, reader)
        self.files.append({"name": name, "sha256": reader.digest.hexdigest(), "size": reader.size})

    def finish(self, manifest):
        manifest = {**manifest, "files": self.files}
        data = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=False).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o600
        info.mtime = int(os.path.getmtime(self._temporary))
        self._tar.addfile(info, io.BytesIO(data))
        self._tar.close()
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.replace(self._temporary, self.path)
        _fsync_folder(self.path.parent)
        self._temporary = None
        return manifest

    def __exit__(self, kind, error, traceback):
        if self._temporary is not None:  # not finished: leave nothing behind
            try:
                self._tar.close()
            except Exception:  # the first error is the one to report
                pass
            self._handle.close()
            self._temporary.unlink(missing_ok=True)
        return False


def _fsync_folder(folder):
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# -- reading --------------------------------------------------------------------------------


def _open(path):
    try:
        return tarfile.open(path, "r:*")
    except FileNotFoundError:
        raise BackupError(_("Het archief %(path)s bestaat niet.") % {"path": path}) from None
    except (tarfile.TarError, OSError) as error:
        raise BackupError(
            _("%(path)s is geen leesbaar back-uparchief (%(reason)s).")
            % {"path": path, "reason": error}
        ) from error


def read_manifest(path):
    """The manifest of the archive at ``path``, checked for its format."""
    with _open(path) as tar:
        try:
            member = tar.getmember(MANIFEST)
            manifest = json.loads(tar.extractfile(member).read())
        except (KeyError, ValueError, tarfile.TarError, OSError, AttributeError) as error:
            raise BackupError(
                _(
                    "%(path)s is geen back-up van Adviesvolger of is beschadigd: "
                    "manifest.json ontbreekt of is onleesbaar."
                )
                % {"path": path}
            ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("%(path)s is geen back-up van Adviesvolger.") % {"path": path})
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _(
                "Dit archief heeft indeling %(found)s; deze versie van Adviesvolger leest "
                "indeling %(known)s. Herstel het met de versie die het archief maakte."
            )
            % {"found": manifest.get("format_version"), "known": FORMAT_VERSION}
        )
    for entry in manifest.get("files", []):
        safe_name(entry.get("name", ""))
    return manifest


def safe_name(name):
    """A member name as a relative path that stays inside the staging folder."""
    path = PurePosixPath(name)
    if (
        not name
        or path.is_absolute()
        or any(part in ("", ".", "..") for part in name.split("/"))
        or "\\" in name
        or path.parts[0] not in ("database", "media")
    ):
        raise BackupError(
            _("Het archief bevat een ongeldige bestandsnaam: %(name)s") % {"name": name}
        )
    return path


def unpack_and_verify(path, manifest, staging):
    """Unpack every file of the archive into ``staging`` and check each against the manifest
    (SHA-256 and size). Raises ``BackupError`` naming every file that does not match, is
    missing, or is not in the manifest; returns the number of files checked."""
    expected = {entry["name"]: entry for entry in manifest["files"]}
    seen, problems = set(), []
    staging = Path(staging)
    with _open(path) as tar:
        for member in tar:
            if member.name == MANIFEST:
                continue
            if member.name not in expected or member.name in seen or not member.isfile():
                problems.append(
                    _("%(name)s: staat niet (of dubbel) in het manifest") % {"name": member.name}
                )
                continue
            seen.add(member.name)
            target = staging / safe_name(member.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            digest, size = hashlib.sha256(), 0
            source = tar.extractfile(member)
            with open(target, "wb") as handle:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    handle.write(chunk)
            os.utime(target, (member.mtime, member.mtime))
            entry = expected[member.name]
            if digest.hexdigest() != entry["sha256"] or size != entry["size"]:
                problems.append(
                    _("%(name)s: de SHA-256-controlesom klopt niet (beschadigd of gewijzigd)")
                    % {"name": member.name}
                )
    for name in sorted(set(expected) - seen):
        problems.append(_("%(name)s: ontbreekt in het archief") % {"name": name})
    if problems:
        raise BackupError(
            _("Het archief is niet in orde; er is niets hersteld.\n%(problems)s")
            % {"problems": "\n".join(f"  - {problem}" for problem in problems)}
        )
    return len(seen)
