"""Settings for the test suite: fast hashing, in-memory mail, an isolated media folder."""

import tempfile

from .base import *  # noqa: F403
from .base import os

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="adviesvolger-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# The public page cache is off in the tests (a test that is about it turns it on), so that a
# test that reads a page twice sees what it wrote in between by any means.
PAGE_CACHE_SECONDS = 0
