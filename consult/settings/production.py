"""Production: everything secret or host-specific comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list, os

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY for production.")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
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

# One cache for every process (web workers and the task worker), in the database: the cached
# tracker and dashboard (advices/freshness.py) and the sent PDFs' memory
# (advices/pdf/download.py) must agree across processes. `manage.py migrate` creates its table
# (advices/apps.py); no extra service to run.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "adviesvolger_cache",
    }
}

# Two-factor authentication is required for the secretariat, the municipality and the
# administrators; an operator may name other groups (comma-separated) in the environment.
ADVIESVOLGER_2FA_REQUIRED_GROUPS = env_list(
    "ADVIESVOLGER_2FA_REQUIRED_GROUPS", "Secretariaat,Gemeente"
)
ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS = env_bool(
    "ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS", True
)
