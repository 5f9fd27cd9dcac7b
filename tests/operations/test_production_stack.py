"""The production stack as it is started: the settings read from the environment, and
gunicorn with deploy/gunicorn.conf.py answering the health endpoint with JSON logs."""

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.consult.production import production_manage, production_shell
from tests.operations.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def production_settings(database, code, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="consult.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"sqlite:///{database}",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_redis_is_the_shared_cache_when_configured(tmp_path):
    result = production_settings(
        tmp_path / "db.sqlite3",
        "from django.conf import settings; c = settings.CACHES['default']; "
        "print(c['BACKEND'], c['LOCATION'])",
        DJANGO_REDIS_URL="redis://127.0.0.1:6379/2",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/2",
    ]


def test_database_connections_are_kept_and_checked(tmp_path):
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], settings.PAGE_CACHE_SECONDS)"
    )
    result = production_settings(tmp_path / "db.sqlite3", code)
    assert result.stdout.split() == ["300", "True", "300"], result.stderr
    result = production_settings(tmp_path / "db.sqlite3", code, DATABASE_CONN_MAX_AGE="0")
    assert result.stdout.split()[0] == "0"


def test_s3_media_without_django_storages_is_refused_with_the_fix(tmp_path):
    try:
        import storages  # noqa: F401
    except ImportError:
        result = production_settings(
            tmp_path / "db.sqlite3", "print('started')", DJANGO_S3_BUCKET="raad-media"
        )
        assert result.returncode != 0
        assert "DJANGO_S3_BUCKET is set, but django-storages is not installed" in result.stderr
        assert "requirements.py s3" in result.stderr
    else:
        result = production_settings(
            tmp_path / "db.sqlite3",
            "from django.conf import settings; o = settings.STORAGES['default']; "
            "print(o['BACKEND'], o['OPTIONS']['bucket_name'], o['OPTIONS']['file_overwrite'])",
            DJANGO_S3_BUCKET="raad-media",
        )
        assert result.stdout.split() == ["storages.backends.s3.S3Storage", "raad-media", "False"]


def test_production_logs_one_json_object_per_line(tmp_path):
    result = production_settings(
        tmp_path / "db.sqlite3",
        "import logging; logging.getLogger('advices.test').warning('Brief %s ontbreekt', 'PR-1')",
    )
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "advices.test"
    assert entry["message"] == "Brief PR-1 ontbreekt"
    assert entry["time"].endswith("+00:00")


@pytest.fixture
def gunicorn(tmp_path, redis_url):
    database = tmp_path / "db.sqlite3"
    # The task queue's table; every migrate also creates the database cache's table.
    production_manage(database, "migrate", "--noinput", "django_tasks_database")
    assert production_shell(database, "print('ok')") == "ok"
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="consult.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_REDIS_URL=redis_url,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
    )
    stdout, stderr = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with open(stdout, "wb") as out, open(stderr, "wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=environment,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{base_url}/gezondheid/", timeout=5)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not start:\n{stderr.read_text()[-4000:]}")
                time.sleep(0.2)
        yield base_url, stdout, stderr
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def test_gunicorn_serves_the_health_endpoint_with_a_json_access_log(gunicorn):
    base_url, stdout, stderr = gunicorn
    response = requests.get(f"{base_url}/gezondheid/?detail=1", timeout=10)
    assert response.status_code == 200, response.text
    assert response.json()["checks"]["cache"] == {"ok": True}
    request_id = response.headers["X-Request-ID"]

    deadline = time.monotonic() + 10
    access = []
    while not access and time.monotonic() < deadline:
        access = [
            json.loads(line)
            for line in stdout.read_text().splitlines()
            if line.strip() and json.loads(line).get("request_id") == request_id
        ]
        time.sleep(0.1)
    assert len(access) == 1, stdout.read_text()
    line = access[0]
    assert line["logger"] == "gunicorn.access"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/gezondheid/", 200)
    assert "detail=1" not in json.dumps(line)  # no query strings in the logs
    assert line["duration_ms"] >= 0
    # gunicorn's own lines (workers booting) are JSON too.
    own = [json.loads(raw) for raw in stderr.read_text().splitlines() if raw.startswith("{")]
    assert any(
        entry["logger"] == "gunicorn.error" and "Booting worker" in entry["message"]
        for entry in own
    ), stderr.read_text()
