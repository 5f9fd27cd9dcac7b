"""Run ``manage.py`` in a fresh process with the production settings, on a throwaway SQLite
database: what several production processes (web workers, the task worker) share."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_manage(database, *args, timeout=120):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="consult.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"sqlite:///{database}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def production_shell(database, code):
    """What ``code`` prints, run by ``manage.py shell`` in its own process."""
    return production_manage(database, "shell", "--no-imports", "-c", code).stdout.strip()
