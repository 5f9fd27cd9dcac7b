"""Settings shared by every environment; per-machine values come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "advices",
    # The council's year in review (jaarverslag): figures, public page, PDF.
    "annual",
    "backups",
    # Health endpoint, public page cache, request ids, structured logs (README, "Production").
    "operations",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    # Wagtail's user admin, limited to who may manage whom (home/users.py).
    "home.apps.CouncilUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    # The database task backend of production (its tables exist everywhere, so one schema).
    "django_tasks_db",
    "simple_history",
    # Login lockout after repeated wrong passwords (home/security/).
    "axes",
    # Two-factor authentication for the admin: TOTP apps and recovery codes (home/two_factor/).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Serves the API's own docs assets (Swagger) from our static files, not from a CDN.
    "ninja",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: every response, a static file or a cached page too, carries its request id.
    "operations.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security headers on every response, static files and the sent-PDF fast path included.
    "home.security_headers.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "advices.pdf.middleware.SentPdfFastPathMiddleware",
    # Before the session: a cached public page costs two cache look-ups and no query.
    "operations.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Wagtail admin screens a role may not open at all (home/admin_access.py).
    "home.admin_access.AdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication: marks request.user as verified by a second factor or not; then our
    # enforcement sends an admin user who owes a code (or a setup) to that step.
    "django_otp.middleware.OTPMiddleware",
    "home.two_factor.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the Dutch lockout page.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp 4; home/security_headers.py). The public site runs no
# inline script or style at all, and no nonce (its pages may be cached whole): everything
# comes from our own static files. Images may be data: URLs (the SVG icons of the NL Design
# System CSS); nothing is embedded from other sites.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (every path under /admin/, page previews included) writes inline scripts
# and styles of its own (its page list, users and reports pages run inline scripts; the edit
# forms inline scripts and styles), so it gets this relaxed policy, measured in Chromium on
# its pages (tests/browser/test_security_headers.py): inline script and style allowed, but
# still nothing from other sites, no plugins, no eval, and framed only by itself (the
# preview panel).
ADMIN_PATH_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # blob: for the thumbnails of images chosen for upload, before they are sent.
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Permissions-Policy (django-permissions-policy): the site uses none of these browser
# features, so no page (nor anything a page might embed) may ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# The admin shows no avatars from gravatar.com: no address leaves the site, and the admin's
# policy needs no other site's images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does it ask releases.wagtail.org for a newer version: updates come through the
# project's pinned dependencies, and the admin's policy allows no other site.
WAGTAIL_ENABLE_UPDATE_CHECK = False

ROOT_URLCONF = "consult.urls"
# A refused form gets the site's own page in Dutch, not Django's English one.
CSRF_FAILURE_VIEW = "home.views.csrf_failure"
WSGI_APPLICATION = "consult.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite next to the project unless DATABASE_URL names another database (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Parallel writers wait their turn instead of failing with "database is locked": every
    # transaction takes the write lock when it begins (so a read-then-write cannot be
    # overtaken), waits up to 20 s for it, and readers never block a writer (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes checks every login first and refuses a locked-out one before the password is
# even looked at; the model backend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands")]
WAGTAIL_I18N_ENABLED = False
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Whether the site itself serves MEDIA_URL (development only: consult/settings/dev.py).
SERVE_MEDIA_FILES = False
# `manage.py backup` writes its archives here unless told otherwise (README, "Backup and
# restore"); PostgreSQL's pg_dump and pg_restore are looked up in DJANGO_PG_BINDIR when set,
# else on the PATH, else in Debian's /usr/lib/postgresql/<version>/bin.
BACKUP_DIR = Path(os.environ.get("DJANGO_BACKUP_DIR", BASE_DIR / "var" / "backups"))
BACKUP_PG_BINDIR = os.environ.get("DJANGO_PG_BINDIR", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: console in development; SMTP settings from the environment in production.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "adviesvolger@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Following by email (advices/public/follow_views.py): within this window (seconds) a repeated
# subscription to the same thing sends no new confirmation mail, one address gets at most
# ADVICES_FOLLOW_MAILS_PER_ADDRESS confirmation mails, and one client may post the form
# ADVICES_FOLLOW_POSTS_PER_CLIENT times (then a page with status 429).
ADVICES_FOLLOW_REPEAT_WINDOW = int(os.environ.get("DJANGO_FOLLOW_REPEAT_WINDOW", "3600"))
ADVICES_FOLLOW_MAILS_PER_ADDRESS = int(os.environ.get("DJANGO_FOLLOW_MAILS_PER_ADDRESS", "5"))
ADVICES_FOLLOW_POSTS_PER_CLIENT = int(os.environ.get("DJANGO_FOLLOW_POSTS_PER_CLIENT", "20"))
# How many days a confirmation link works. An unconfirmed subscription is deleted when its link
# has expired (`manage.py delete_expired_subscriptions`, daily); the privacy page says so.
ADVICES_FOLLOW_CONFIRM_DAYS = int(os.environ.get("DJANGO_FOLLOW_CONFIRM_DAYS", "7"))
# How many proxies (load balancer, nginx) in front of the site append to X-Forwarded-For;
# 0: the site is reached directly and REMOTE_ADDR is the client (advices/public/rate_limits.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# Wagtail
WAGTAIL_SITE_NAME = "Adviesvolger"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Every document upload is checked for what its extension promises (home/uploads/).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.document_forms.CheckedDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H:%M"

# Background tasks (the mail, advices/notify/tasks.py; the PDF of a letter being sent,
# advices/actions/sending.py). Here, for development and the tests, a task runs at once when
# it is enqueued; production queues them in the database for `manage.py db_worker`
# (consult/settings/production.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Login lockout (django-axes, home/security/lockout.py). Wrong passwords are counted per
# username from one client address: after AXES_FAILURE_LIMIT of them that pair is locked for
# the cool-off, the right password included. Counting per username alone would let anyone lock
# the secretary out from anywhere; counting per address alone would let one address try every
# account. So an address is also locked, for every account, after
# ADVIESVOLGER_LOGIN_FAILURE_LIMIT_PER_CLIENT wrong passwords for any usernames.
AXES_ENABLED = env_bool("ADVIESVOLGER_LOGIN_LOCKOUT", True)
AXES_FAILURE_LIMIT = int(os.environ.get("ADVIESVOLGER_LOGIN_FAILURE_LIMIT", "5"))
ADVIESVOLGER_LOGIN_FAILURE_LIMIT_PER_CLIENT = int(
    os.environ.get("ADVIESVOLGER_LOGIN_FAILURE_LIMIT_PER_CLIENT", "20")
)
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("ADVIESVOLGER_LOGIN_COOLOFF_MINUTES", "30"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A try while locked (even with the right password) does not move the end of the lockout: the
# time the lockout page names stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "home.security.lockout.CouncilLockoutHandler"
AXES_LOCKOUT_CALLABLE = "home.security.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_CLIENT_IP_CALLABLE = "home.security.client_ip.client_ip"
# No Django admin here: the secretariat unlocks in the Wagtail admin (home/security/admin_views.py).
AXES_ENABLE_ADMIN = False
# The client's address behind proxies: TRUSTED_PROXY_COUNT (above), one rule for the login
# lockout and the follow form's limits (home/security/client_ip.py).

# Two-factor authentication (django-otp, home/two_factor/). Whoever has set it up must give a
# code after the password. Members of these groups (and superusers, when the second setting is
# on) must set it up before they can use the admin. Off in development and the tests;
# production turns it on for Secretariaat and Gemeente (consult/settings/production.py).
ADVIESVOLGER_2FA_REQUIRED_GROUPS = env_list("ADVIESVOLGER_2FA_REQUIRED_GROUPS")
ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS = env_bool("ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS")
# The name the authenticator app shows next to the code.
OTP_TOTP_ISSUER = os.environ.get("ADVIESVOLGER_2FA_ISSUER", "Adviesvolger")
# After n wrong codes the next try waits 2^(n-1) seconds (per device, django-otp's throttling).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# The public page cache (operations/page_cache.py): how long a whole page may be served from
# the shared cache (seconds; 0 = off). Any write through the models ends every entry at once
# (operations/invalidation.py); this bounds only writes that send no signal. Off here
# (development, tests); production turns it on.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "0"))
PAGE_CACHE_MAX_BYTES = 4 * 1024 * 1024
# Never cached: the admin, documents (private ones per collection), the follow links with
# their tokens, the health endpoint; static files are served by WhiteNoise before the cache.
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documenten/", "/volgen/", "/gezondheid/", "/media/"]
# Writes that no public page shows, so they leave the cached pages alone.
PAGE_CACHE_IGNORED_MODELS = [
    "sessions.Session",
    "django_tasks_database.DBTaskResult",
    "wagtailadmin.EditingSession",
    "advices.Subscription",
    "advices.ReminderLog",
    # Login attempts and second factors: otherwise every wrong password would empty the cache,
    # and an attacker could keep every page uncached.
    "axes.AccessAttempt",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "axes.AccessAttemptExpiration",
    "otp_totp.TOTPDevice",
    "otp_static.StaticDevice",
    "otp_static.StaticToken",
]

# The health endpoint (/gezondheid/, operations/health.py) answers 503 when the oldest task
# ready to run has waited longer than this: the worker is down or far behind.
HEALTH_MAX_TASK_WAIT_SECONDS = int(os.environ.get("DJANGO_HEALTH_MAX_TASK_WAIT_SECONDS", "300"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
