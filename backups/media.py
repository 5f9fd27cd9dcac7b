"""The media part of a backup: every regular file under ``MEDIA_ROOT`` (uploaded documents
and images, their renditions, the college's reply letters, and the sent letters' PDFs)."""

import os
import shutil
from pathlib import Path

PREFIX = "media/"


def media_files(root):
    """``(path on disk, name in the archive)`` of every regular file under ``root``, sorted.
    Symbolic links are not followed: a backup holds what lies in the folder itself."""
    root = Path(root)
    if not root.is_dir():
        return []
    found = []
    for folder, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append((path, PREFIX + path.relative_to(root).as_posix()))
    return found


def is_empty(root):
    return not media_files(root)


def restore_media(staging, root):
    """Copy the unpacked ``staging/media`` into ``root``; return (files, bytes)."""
    source_root = Path(staging) / "media"
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    count = size = 0
    if not source_root.is_dir():
        return count, size
    for source, _name in media_files(source_root):
        target = root / source.relative_to(source_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        count += 1
        size += target.stat().st_size
    return count, size
