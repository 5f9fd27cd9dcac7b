"""``/gezondheid/``: is this app server fit to take requests? For the load balancer and the
monitoring of the municipality or the hosting party.

Checks the database (a trivial query), the shared cache (a write and a read back) and the
task queue (how long the oldest task that is ready to run has been waiting: the worker is
down or behind when that grows). Answers 200 when all is well and 503 naming what failed,
as JSON, without authentication, never cached, and without secrets: no addresses, no
passwords, no exception messages (which may hold a connection string), only their type.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max


def _failure(error):
    return {"ok": False, "error": type(error).__name__}


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        return _failure(error)
    return {"ok": True}


def check_cache():
    key = f"health:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    try:
        cache.set(key, value, 10)
        seen = cache.get(key)
        cache.delete(key)
    except Exception as error:
        return _failure(error)
    if seen != value:
        return {"ok": False, "error": "read back another value"}
    return {"ok": True}


def oldest_waiting_since(now):
    """When the task that has waited longest became ready to run, or None. A task becomes
    ready when it is enqueued, or at its ``run_after`` if it was scheduled for later."""
    no_delay = get_date_max()
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).aggregate(
        enqueued=Min("enqueued_at", filter=Q(run_after=no_delay)),
        scheduled=Min("run_after", filter=Q(run_after__lte=now)),
    )
    moments = [moment for moment in waiting.values() if moment is not None]
    return min(moments) if moments else None


def check_tasks():
    now = timezone.now()
    try:
        since = oldest_waiting_since(now)
    except Exception as error:
        return _failure(error)
    limit = settings.HEALTH_MAX_TASK_WAIT_SECONDS
    waited = max((now - since).total_seconds(), 0) if since else 0
    result = {"ok": waited <= limit, "oldest_waiting_seconds": round(waited), "limit": limit}
    if not result["ok"]:
        result["error"] = "tasks wait too long: is manage.py db_worker running?"
    return result


@require_safe
def health(request):
    started = time.perf_counter()
    checks = {
        "database": check_database(),
        "cache": check_cache(),
        "tasks": check_tasks(),
    }
    healthy = all(check["ok"] for check in checks.values())
    response = JsonResponse(
        {
            "status": "ok" if healthy else "fail",
            "checks": checks,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        },
        status=200 if healthy else 503,
    )
    add_never_cache_headers(response)
    return response
