"""Local development and the demo of `make run`: a fixed insecure key, mails on the console.

DEBUG is off unless DJANGO_DEBUG=1: the demo shows the site's own Dutch error pages (404, 403,
500), as visitors will see them, not Django's English debug pages. Without DEBUG, `runserver`
serves no files itself, so WhiteNoise serves the static files straight from their folders (no
`collectstatic` needed, changes show at once) and the site serves uploaded media itself.
"""

from .base import *  # noqa: F403
from .base import env_bool, os

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA_FILES = True
# The demo's default Site is 127.0.0.1:8000 (`make run`, home/demo/loader.py): links to the
# admin in mails point there too.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
