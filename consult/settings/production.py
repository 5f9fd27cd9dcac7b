"""Production: everything secret or host-specific comes from the environment."""

import importlib.util

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, env_bool, env_list, os

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY for production.")

# Keep each worker's database connection between requests (a new PostgreSQL connection
# costs more than most pages), checked before reuse so a restarted database is no error.
# Every worker process (and thread) holds one: see README, "Production", for max_connections.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "300"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploaded files on S3-compatible object storage (django-storages), for more than one app
# server: set DJANGO_S3_BUCKET and install the extra "s3" (README, "Scaling out"). Private:
# files are reached through signed URLs that expire, or through the site (documents, PDFs).
S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "")
if S3_BUCKET:
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            "DJANGO_S3_BUCKET is set, but django-storages is not installed: "
            ".venv/bin/python scripts/requirements.py s3 | .venv/bin/pip install -r /dev/stdin"
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("DJANGO_S3_PREFIX", "media"),
            "default_acl": None,  # the bucket's own policy: private
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("DJANGO_S3_URL_SECONDS", "3600")),
            # A stored file is never overwritten (a sent letter's PDF must stay as it was).
            "file_overwrite": False,
            "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,
        },
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Background tasks (the mail, a sent letter's PDF) wait in the database until the worker runs
# them: run `manage.py db_worker` as a service beside the web server (README, "Settings").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# One cache for every process (web workers, the task worker, every app server): the public
# page cache (operations/page_cache.py), the cached tracker and dashboard
# (advices/queries/freshness.py) and the sent PDFs' memory (advices/pdf/download.py) must
# agree across processes. Redis (Debian's redis-server) when DJANGO_REDIS_URL is set; else
# the database, whose table `manage.py migrate` creates (advices/apps.py): slower, but no
# extra service to run.
REDIS_URL = os.environ.get("DJANGO_REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "adviesvolger"),
            # A Redis that is gone fails fast (the health endpoint says so) instead of
            # holding every worker.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "adviesvolger_cache",
            # Room for the cached public pages (the default is 300 entries).
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Whole public pages from the shared cache for anonymous readers (operations/page_cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "300"))

# One JSON object per line on stderr (journald keeps it): time, level, logger, message and
# the request id; gunicorn's access log in the same form (deploy/gunicorn.conf.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "operations.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Their INFO lines are a step-by-step trace of every PDF rendered.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

# Two-factor authentication is required for the secretariat, the municipality and the
# administrators; an operator may name other groups (comma-separated) in the environment.
ADVIESVOLGER_2FA_REQUIRED_GROUPS = env_list(
    "ADVIESVOLGER_2FA_REQUIRED_GROUPS", "Secretariaat,Gemeente"
)
ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS = env_bool(
    "ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS", True
)
