"""Settings for the test suite: fast hashing, in-memory mail, an isolated media folder."""

import tempfile

from .base import *  # noqa: F403
from .base import os

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The parallel tests' server (tests/parallel/server.py) runs in processes of its own, whose
# in-memory outbox the tests cannot see: it writes its mail to files they can count.
if os.environ.get("DJANGO_TEST_EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["DJANGO_TEST_EMAIL_FILE_PATH"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="adviesvolger-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests log in with client.login/force_login, which pass no request: django-axes would refuse
# them. The lockout tests turn it on (tests/home/test_login_lockout.py).
AXES_ENABLED = False
ADVIESVOLGER_2FA_REQUIRED_GROUPS = []
ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS = False
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# The public page cache is off in the tests (a test that is about it turns it on), so that a
# test that reads a page twice sees what it wrote in between by any means.
PAGE_CACHE_SECONDS = 0
