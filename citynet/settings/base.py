"""Settings shared by every environment.

Everything that differs between machines comes from the environment (see README,
"Configuration"); the defaults here are safe for development only where noted.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .elastic import elasticsearch_settings
from .storages import s3_storages

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "citynet",
    "practices",
    "masterplans",
    "events",
    "search",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "citynet.apps.CitynetUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django_ratelimit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # pg_trgm lookups for suggestions (harmless on SQLite)
]

MIDDLEWARE = [
    "citynet.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "citynet.csp.CitynetCSPMiddleware",
    "citynet.csp.PermissionsPolicyMiddleware",
    "citynet.middleware.RejectNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous public pages from the shared cache, stored as sent (compressed); see
    # citynet/page_cache.py and citynet/http_caching.py for what counts as public.
    "citynet.page_cache.PageCacheMiddleware",
    "citynet.http_caching.PublicCompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "citynet.http_caching.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "citynet.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "citynet.middleware.SameOriginFormsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "citynet.admin_visibility.ChooserParentMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "citynet.urls"

# Content-Security-Policy (django-csp 4) and the other security headers, in every
# environment so development shows what production enforces (citynet.csp).
SELF, NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        # Page previews are shown in a frame of the admin itself.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No avatars fetched from gravatar.com: nothing leaves the site, and the CSP can stay closed.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
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

WSGI_APPLICATION = "citynet.wsgi.application"

# Without DATABASE_URL the site runs on a SQLite file (the zero-set-up demo);
# production and CI point DATABASE_URL at PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's web server and task worker share the file: write-ahead logging lets reads go
    # on during a write, and a writer waits up to 20 s for the other instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English and Bahasa Indonesia, both as UI languages and as Wagtail
# content locales. URLs carry the language prefix (/en/, /id/).
# Packages whose Indonesian this project completes (one catalogue each, so each can be offered
# back to its own translators).
UPSTREAM_CATALOGUES = ("wagtail", "django", "taggit", "django_tasks", "django_tasks_db")
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
LANGUAGES = [
    ("en", _("English")),
    ("id", _("Bahasa Indonesia")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]
# The admin language new accounts start with (city editors are Indonesian civil servants);
# the secretariat can change it on the user form, editors in their account preferences.
CITYNET_EDITOR_LANGUAGE = "id"
# Password reset emails in the account's language rather than the requesting browser's.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "citynet.users.CitynetPasswordResetForm"
# The project's own strings first; then catalogues that complete the Indonesian of the apps
# editors meet (locale_upstream/README.md), ahead of those apps' own catalogues.
LOCALE_PATHS = [
    BASE_DIR / "locale",
    *(BASE_DIR / "locale_upstream" / package for package in UPSTREAM_CATALOGUES),
]
# Dates, times and numbers as each language writes them (citynet/formats: 16 Oktober 2019,
# 09.00 in Indonesian), used by templates through DATE_FORMAT, DATETIME_FORMAT, TIME_FORMAT.
FORMAT_MODULE_PATH = ["citynet.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# Generated files (plan PDFs, exports) are private: kept outside MEDIA_ROOT, with no URL,
# and handed out only by views that check permission (masterplans.pdf).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "citynet.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Shared media: with AWS_STORAGE_BUCKET_NAME set, uploads and generated files live in an
# S3-compatible bucket (django-storages), so every app server and the worker see the same
# files. Both storages keep the bucket private; the app serves what it may show.
STORAGES.update(s3_storages(os.environ))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: EMAIL_URL (e.g. submission://user:pass@host:587 for STARTTLS) or the console.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    _email = dj_email_url.parse(EMAIL_URL)
    if "EMAIL_BACKEND" not in _email:  # dj-email-url ignores unknown schemes (no TLS!)
        raise ImproperlyConfigured(
            f"EMAIL_URL: unknown scheme {EMAIL_URL.split(':', 1)[0]!r}; use submission:// "
            "(STARTTLS, port 587), smtp://...?ssl=True, console:// or file://"
        )
    globals().update(_email)
elif os.environ.get("EMAIL_FILE_PATH"):
    # Each email written as a file in this folder (demo runs and browser tests read them).
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Citynet Knowledge Hub <hub@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# A shared cache (Redis) when REDIS_URL is set, so every app server sees the same cached
# facet counts and their invalidation; otherwise a per-process memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# The page cache (citynet.page_cache): anonymous GETs of public pages under a language prefix.
# On by default only with a shared cache: with per-process caches, a worker's search update
# or another process's publish could not empty this process's copies.
PAGE_CACHE_ENABLED = (
    os.environ.get("PAGE_CACHE_ENABLED", "true" if REDIS_URL else "false").lower() == "true"
)
PAGE_CACHE_PREFIXES = tuple(f"/{code}/" for code, _name in LANGUAGES)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
# A year's progress report must be published by this day (month, day) of the next year;
# the reminders and dashboards count it overdue after that.
PROGRESS_REPORT_DEADLINE = (3, 31)
# The task worker emails editors whose report is due or overdue once a day.
REPORT_REMINDERS_DAILY = os.environ.get("REPORT_REMINDERS_DAILY", "1") == "1"
PAGE_CACHE_MAX_BYTES = 1_000_000
# What browsers, proxies and CDNs may keep (seconds): short, since they cannot be told.
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("PAGE_CACHE_STALE_WHILE_REVALIDATE", "60"))
# A CDN or caching proxy in front (wagtail.contrib.frontend_cache): publishing purges the
# page and the pages above it (city, listing, home) there, through the worker.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx or any HTTP PURGE endpoint
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]
# Models (besides pages, snippets, tags, images, documents, settings, sites, locales and view
# restrictions) whose change shows on public pages: each save empties the page cache.
PAGE_CACHE_SHOWN_MODELS = {
    "citynet.DimensionElement",
    "practices.SustainableDevelopmentGoal",
    "practices.PracticeIndicator",
    "practices.PracticeImage",
    "practices.PracticeDocument",
    "practices.PracticeTag",
    "masterplans.TemplateSection",
    "masterplans.Programme",
    "masterplans.ProgrammeBudget",
    "masterplans.ProgrammeIndicator",
    "events.EventSession",
    "events.EventMaterial",
}
# Form POSTs that need no CSRF token when the browser says they come from this site (Origin,
# else Referer): the registration form sits on cached event pages, which carry no token.
CSRF_ORIGIN_ONLY_PATHS = [r"^/[a-z]{2}/.+/register/$"]

# django-ratelimit warns about any cache but memcached and django-redis; Django's own Redis
# cache is atomic and shared. Without REDIS_URL (one process: demo, tests) the memory cache
# is fine; `check --deploy` refuses it in production (citynet.checks).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"] + (
    [] if REDIS_URL else ["django_ratelimit.E003"]
)

# Wagtail's own task layer (django-tasks). TASKS_BACKEND=database puts tasks in a queue in the
# database (django-tasks-db) for `manage.py db_worker`; production uses it by default.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")],
        "QUEUES": ["default"],
    }
}

# A worker that has not beaten its heartbeat for this many seconds is taken for dead and its
# running task goes back to the queue (citynet.workers); keep it above a beat's worst delay.
TASKS_WORKER_LEASE = int(os.environ.get("TASKS_WORKER_LEASE", "60"))


def queue_emails(tasks, email_backend):
    """With a real task queue every email goes through the worker (citynet.mail): the
    backend chosen above delivers, from the worker, and the web process only queues.
    Returns (EMAIL_BACKEND, EMAIL_DELIVERY_BACKEND)."""
    if tasks["default"]["BACKEND"] == TASK_BACKENDS["database"]:
        return "citynet.mail.QueuedEmailBackend", email_backend
    return email_backend, email_backend


EMAIL_BACKEND, EMAIL_DELIVERY_BACKEND = queue_emails(TASKS, EMAIL_BACKEND)  # noqa: F821

WAGTAIL_SITE_NAME = "Citynet Knowledge Hub"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Admin search stays Wagtail's own; on PostgreSQL it stems with the 'indonesian' configuration
# (created by citynet's migration 0002; Wagtail falls back to 'simple' on SQLite).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "indonesian",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Documents always stream through Wagtail's serve view after the permission check
# (citynet.files), never as a redirect to a storage URL anyone could reuse.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Event registration: attempts allowed per client address and window (seconds), counted in
# the shared cache. Behind a proxy, name the header holding the client address, e.g.
# EVENTS_CLIENT_IP_HEADER=HTTP_X_FORWARDED_FOR (only if the proxy sets it reliably).
EVENTS_REGISTRATION_RATE = (
    int(os.environ.get("EVENTS_REGISTRATION_ATTEMPTS", "10")),
    int(os.environ.get("EVENTS_REGISTRATION_WINDOW", "3600")),
)
EVENTS_CLIENT_IP_HEADER = os.environ.get("EVENTS_CLIENT_IP_HEADER", "")
# django-ratelimit counts in the default cache; its "ip" key asks events.rate_limits.
RATELIMIT_IP_META_KEY = "events.rate_limits.client_ip"
RATELIMIT_USE_CACHE = "default"

# /readyz shows why a part is down only with "Authorization: Bearer <HEALTH_TOKEN>".
HEALTH_TOKEN = os.environ.get("HEALTH_TOKEN", "")

# Public cross-city search switches to Elasticsearch when ELASTICSEARCH_URL (or
# ELASTICSEARCH_CLOUD_ID) is set (search app); API key, CA, timeouts: settings/elastic.py.
# A search waits SEARCH_ELASTIC_TIMEOUT seconds at most, then the database answers.
ELASTICSEARCH_URL, ELASTICSEARCH_OPTIONS, SEARCH_ELASTIC_TIMEOUT = elasticsearch_settings(
    os.environ
)
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "citynet-dev")
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))
# Public searches on PostgreSQL stop after this long and answer "too slow" (search.limits).
SEARCH_STATEMENT_TIMEOUT_MS = int(os.environ.get("SEARCH_STATEMENT_TIMEOUT_MS", "3000"))
# Page signals keep the public search in step (search.signals); tests turn it on per test.
SEARCH_SYNC = True

# LOG_FORMAT=json: one JSON object per line (python-json-logger), request id included.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "citynet.request_log.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail and django-tasks log every page action and task at INFO; keep them quiet.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint and fontTools narrate every PDF step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # The request line (citynet.request_log) replaces runserver's own.
        "django.server": {"level": "WARNING"},
    },
}
