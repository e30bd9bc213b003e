"""Settings for the assistance portal: one module, every choice read from the environment.

The embedded default (no variables but DEBUG=1) is the checkout's own PostgreSQL
(portal/devdb.py, which `make run` and `make test` start) and Celery running tasks eagerly
in-process. Production sets DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY and
ALLOWED_HOSTS; README.md lists every variable.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from portal import devdb
from portal.env import env_bool, env_count, env_int, env_list, env_s3_storage, env_str
from portal.notifications.schedule import BEAT_SCHEDULE as NOTIFICATIONS_BEAT_SCHEDULE
from portal.security.client_ip import ipware_settings

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

_DEV_SECRET_KEY = "django-insecure-development-only-never-in-production"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else None)
if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is the development key; set a real one when DEBUG is off."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
# Shown on every page when the database holds the demo world (make run sets it).
DEMO_MODE = env_bool("DEMO_MODE", False)
# The days within which the organisation commits to acknowledge a submitted request: shown to
# the party on the confirmation page and the request's status tracker.
REQUEST_ACKNOWLEDGE_DAYS = env_count("REQUEST_ACKNOWLEDGE_DAYS", 10)

INSTALLED_APPS = [
    "modeltranslation",  # must precede the admin so translated fields show there
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "guardian",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "simple_history",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served by us (no CDN under the CSP)
    "portal",
    "requests",
    "flexibilities",
    "enforcement",
]

MIDDLEWARE = [
    # Refuse (400) a NUL byte in the path, query, cookies or headers: no database stores one.
    "portal.security.middleware.UnstorableInputMiddleware",
    # Refuse an oversized upload from its Content-Length, before the body is read.
    "portal.security.middleware.RequestSizeLimitMiddleware",
    # Log a request that did not come through the trusted proxies (README "Security").
    "portal.security.client_ip.ProxyHeaderCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Static files: WhiteNoise in production; runserver and the test server serve them in DEBUG.
    *([] if DEBUG else ["whitenoise.middleware.WhiteNoiseMiddleware"]),
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A form posted after the session ended keeps its text until its author signs in again.
    "portal.security.kept_forms.KeepPostedTextMiddleware",
    "portal.security.middleware.IdleSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.security.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # who made each audited change
    # DEBUG only: the visitor's 404, 400 and 500 pages instead of Django's technical ones.
    "portal.error_pages.VisitorErrorPagesMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]
CSRF_FAILURE_VIEW = "portal.error_pages.csrf_failure"
DEFAULT_EXCEPTION_REPORTER = "portal.error_pages.VisitorExceptionReporter"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
AUTH_USER_MODEL = "portal.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

# Widgets render through the project's templates, so templates/django/forms/ can write the
# options of a select and an input's attributes inline (Django includes a template per option).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", devdb.url()),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# The portal's statements are short: PostgreSQL's JIT compiler spent ~75 ms compiling the
# flexibilities search's count for a run of a few ms, and buys nothing on the others.
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# The cache is an optimisation, never a dependency: with Redis unreachable every cache call
# answers "nothing cached" after at most CACHE_TIMEOUT_MS (django-redis's IGNORE_EXCEPTIONS,
# each ignored failure logged by the "portal.cache" logger), pages are computed afresh, and
# caching resumes by itself when Redis answers again. This is the one place that decides it:
# feature code calls the cache without try/except. /healthz reports the cache as degraded.
def shared_cache(location: str, timeout_ms: int) -> dict:
    """The Redis cache that degrades instead of failing (tests build it the same way)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout_ms / 1000,
            "SOCKET_TIMEOUT": timeout_ms / 1000,
        },
    }


_cache_url = env_str("CACHE_URL", "")
CACHES = {
    "default": (
        shared_cache(_cache_url, env_int("CACHE_TIMEOUT_MS", 500))
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"
# Sessions live in the database, never in the cache: a cache outage signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one user name from one
# address, that pair is locked out for AXES_COOLOFF_MINUTES. Locking the pair, not the name
# alone, keeps an attacker from locking a focal point out of the portal from elsewhere. The
# message is the same whether or not the account exists.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The client's address (lock-out, API throttle): with no proxy the connection's own address;
# behind TRUSTED_PROXY_COUNT reverse proxies that each append the address they saw to
# X-Forwarded-For, the entry that many places from its right end. What a client writes to the
# left of it is skipped, so it cannot pose as another address. One proxy is the documented
# shape (BEHIND_TLS_PROXY); README "Security" says what a wrong count does.
TRUSTED_PROXY_COUNT = env_count(
    "TRUSTED_PROXY_COUNT", 1 if env_bool("BEHIND_TLS_PROXY", False) else 0
)
AXES_IPWARE_META_PRECEDENCE_ORDER, AXES_IPWARE_PROXY_COUNT = ipware_settings(TRUSTED_PROXY_COUNT)
AXES_IPWARE_PROXY_ORDER = "left-most"
# Strict chains would send the resolver back to the proxy's address whenever a client adds its
# own X-Forwarded-For prefix: every such client would share one lock-out bucket.
IPWARE_STRICT = False
AXES_VERBOSE = False
# Password-reset links (portal/security/password_reset.py): at most this many an hour for one
# e-mail address from one client address, and from one client address in all; counted in the
# database, not the cache.
PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
PASSWORD_RESET_LIMIT_PER_CLIENT = env_int("PASSWORD_RESET_LIMIT_PER_CLIENT", 20)
# Second factor (django-otp): staff must verify one to reach the admin or any staff page.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "IP assistance portal")
# No staff member reads another's authenticator key or QR code in the admin (403 instead).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# guardian keeps a database row for the anonymous visitor so object checks work for everyone.
ANONYMOUS_USER_NAME = "AnonymousUser"
GUARDIAN_RENDER_403 = False

# Internationalisation: the six UN languages, all complete (tests/portal/test_translations.py).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("ru", "Русский"),
]
LANGUAGES_BIDI = ["ar"]
# Dates and numbers follow each language (Django's locale formats, adjusted in portal/formats/).
# Thousands are grouped where a template asks (intcomma, floatformat:"g"), not everywhere:
# a global USE_THOUSAND_SEPARATOR would also group years, ids in forms and chart coordinates.
FORMAT_MODULE_PATH = ["portal.formats"]
# LOCALE_DIR lets the translation test extract strings into a scratch copy of the catalogues.
LOCALE_PATHS = [Path(env_str("LOCALE_DIR", str(BASE_DIR / "locale")))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "Europe/Zurich"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# Uploaded documents are confidential: stored outside any served path, read only through
# permission-checked views. There is deliberately no MEDIA_URL route.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
# With STORAGE_URL (s3://bucket?endpoint_url=…) they go to a private S3-compatible bucket
# instead (django-storages), so any number of web machines share them; they are still read
# through the same views, streamed after the permission check. `manage.py move_files_to_storage`
# copies files from the folder to the bucket and verifies each by checksum.
_private_bucket = env_s3_storage("STORAGE_URL")
STORAGES = {
    "default": (
        {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _private_bucket}
        if _private_bucket
        else {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
        }
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# Mail: the console by default, so a developer sees every message in the terminal.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "assistance-portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: no broker configured means every task runs eagerly in the web process.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT", 5)
CELERY_TIMEZONE = TIME_ZONE
# The outbox sweep and the daily reminders. The sweep runs every NOTIFICATION_SWEEP_SECONDS and
# queues again the e-mails pending longer than NOTIFICATION_SWEEP_GRACE_SECONDS (a broker outage
# lost their task): together they bound how late mail is after the broker returns.
_sweep_seconds = env_int("NOTIFICATION_SWEEP_SECONDS", 60)
NOTIFICATION_SWEEP_GRACE_SECONDS = env_int("NOTIFICATION_SWEEP_GRACE_SECONDS", 60)
CELERY_BEAT_SCHEDULE = {
    **NOTIFICATIONS_BEAT_SCHEDULE,
    "notifications-sweep-outbox": {
        **NOTIFICATIONS_BEAT_SCHEDULE["notifications-sweep-outbox"],
        "schedule": float(_sweep_seconds),
        "options": {"expires": max(_sweep_seconds - 5, 1)},
    },
}
NOTIFICATION_RETRY_BACKOFF = env_int("NOTIFICATION_RETRY_BACKOFF", 30)  # seconds, doubles per try

# Security: on whenever DEBUG is off; each can be turned off explicitly (for example behind a
# proxy that already redirects to HTTPS).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions end after SESSION_IDLE_MINUTES without a request (portal.security.middleware
# .IdleSessionMiddleware), and in any case SESSION_COOKIE_AGE after sign-in.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 60)
SESSION_COOKIE_AGE = env_int("SESSION_MAX_HOURS", 12) * 60 * 60
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# Content Security Policy: nothing inline, nothing from elsewhere. Pages need no script; the
# admin's own scripts are files served from 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy: the pages use no device or browser feature, so every powerful one is
# refused to them and to anything they might embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics",
        "camera", "clipboard-read", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "hid", "idle-detection", "interest-cohort", "local-fonts",
        "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
        "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}  # fmt: skip
# check --deploy silences one warning on purpose: security.W021 asks for HSTS preloading, which
# browsers hard-code and cannot be undone quickly; the organisation opts in with
# SECURE_HSTS_PRELOAD=1 once every subdomain serves HTTPS.
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS", ["security.W021"])

# Documents on requests: largest upload, in megabytes.
DOCUMENT_MAX_UPLOAD_MB = env_int("DOCUMENT_MAX_UPLOAD_MB", 20)
# Office files are zip archives: one that would unpack to more than this many megabytes (a
# "zip bomb") is refused, measured by decompressing with a cap, not from its directory.
DOCUMENT_MAX_UNPACKED_MB = env_int("DOCUMENT_MAX_UNPACKED_MB", 200)
# Macro-bearing Office files (.docm, .xlsm, Word/Excel files with a VBA project) are refused
# unless the organisation decides otherwise.
DOCUMENT_ALLOW_MACROS = env_bool("DOCUMENT_ALLOW_MACROS", False)
# A virus scanner: the dotted path of a callable taking the uploaded file and raising
# django.core.exceptions.ValidationError when it is infected (for example a clamd client).
DOCUMENT_SCANNER = env_str("DOCUMENT_SCANNER", "")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    # The public API is throttled per address; a lower rate protects the database.
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("API_ANON_RATE", "120/min")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Assistance portal public API",
    "DESCRIPTION": "Read-only access to the flexibilities database and its reference data.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "flexibilities.api.schema.allow_empty_query_values",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # In development every e-mail is sent in-process, each with two INFO lines (a hundred
        # for the demo world): quiet unless LOG_LEVEL asks for them.
        **(
            {name: {"level": "WARNING"} for name in ("celery", "portal.notifications")}
            | {"kombu.connection": {"level": "ERROR"}}  # "no hostname": eager mode has none
            if DEBUG and "LOG_LEVEL" not in os.environ
            else {}
        ),
    },
}
