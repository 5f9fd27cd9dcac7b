"""``/gezondheid/``: 200 when the database, the shared cache and the task queue are fine,
503 naming what failed otherwise; JSON, never cached, no secrets."""

import datetime

from django.core.cache import cache
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from tests.operations.conftest import free_port, redis_caches

URL = "/gezondheid/"


def waiting_task(waited, status=TaskResultStatus.READY, run_after=None):
    task = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="advices.notify.tasks.send_follower_mail",
        backend_name="default",
        run_after=run_after or get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waited)
    return task


def test_all_well_answers_200(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "cache": True,
        "tasks": True,
    }
    assert body["checks"]["tasks"]["oldest_waiting_seconds"] == 0
    assert "no-store" in response["Cache-Control"]


def test_a_cache_that_is_down_answers_503(client, db, settings):
    port = free_port()  # nothing listens there
    settings.CACHES = redis_caches(f"redis://user:verysecret@127.0.0.1:{port}/0")
    response = client.get(URL)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert "verysecret" not in response.content.decode()  # no connection string, ever
    assert str(port) not in response.content.decode()


def test_a_working_redis_answers_200(client, db, settings, redis_url):
    settings.CACHES = redis_caches(redis_url)
    response = client.get(URL)
    assert response.status_code == 200, response.content
    assert response.json()["checks"]["cache"] == {"ok": True}
    cache.set("nog-daar", "ja")
    assert cache.get("nog-daar") == "ja"


def test_a_task_waiting_too_long_answers_503(client, db, settings):
    settings.HEALTH_MAX_TASK_WAIT_SECONDS = 300
    waiting_task(datetime.timedelta(seconds=60))
    assert client.get(URL).status_code == 200  # a minute: the worker is on it

    waiting_task(datetime.timedelta(minutes=20))
    response = client.get(URL)
    assert response.status_code == 503
    tasks = response.json()["checks"]["tasks"]
    assert tasks["ok"] is False
    assert 1190 <= tasks["oldest_waiting_seconds"] <= 1260
    assert "db_worker" in tasks["error"]


def test_finished_and_scheduled_tasks_do_not_count(client, db):
    waiting_task(datetime.timedelta(hours=2), status=TaskResultStatus.SUCCESSFUL)
    waiting_task(datetime.timedelta(hours=2), status=TaskResultStatus.FAILED)
    # Enqueued long ago, but to run only tomorrow: not waiting yet.
    waiting_task(datetime.timedelta(hours=2), run_after=timezone.now() + datetime.timedelta(days=1))
    assert client.get(URL).status_code == 200
    # Scheduled for an hour ago and still not run: waiting since then.
    waiting_task(
        datetime.timedelta(hours=2), run_after=timezone.now() - datetime.timedelta(hours=1)
    )
    response = client.get(URL)
    assert response.status_code == 503
    assert 3590 <= response.json()["checks"]["tasks"]["oldest_waiting_seconds"] <= 3660


def test_only_reading_methods(client, db):
    assert client.post(URL).status_code == 405
