"""Settings shared by every environment.

Safe by default: DEBUG is off and there is no secret key here. Everything
that differs between machines comes from the environment.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "caching",
    "admin_reports",
    "modules",
    "packages",
    "learning",
    "organisations",
    "impact",
    "reporting",
    "xapi",
    "lti",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.csp.ScopedCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzipped for readers on weak connections (Django's BREACH mitigation
    # pads each response); static files come pre-compressed from whitenoise.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.middleware.RememberLanguageMiddleware",
    # Inside the language cookie, so cached pages still set it per visitor.
    "caching.middleware.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A database that is busy or gone answers "try again" (503), never a 500,
    # with DEBUG too (handler500 covers the rest in production).
    "home.errors.TransientDatabaseErrorMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After the CSP and X-Frame-Options middleware, so it answers first: the
    # platform that launched a learner may frame their pages (lti/framing.py).
    "lti.framing.LtiFramingMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "learning.two_factor.AdminTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "caching.middleware.SharedLookupsMiddleware",
    # Per-language permissions on every wagtail-localize URL; after every other
    # middleware with a process_view (CSRF above all), which it may answer for.
    "modules.localize_guard.LocalizePermissionMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default meets bursts too (a campaign e-mail brings a whole
    # team at once). Write transactions take the write lock when they begin,
    # so two never deadlock upgrading a read lock (which SQLite answers with
    # an immediate "database is locked"); waiting writers queue for up to 20 s;
    # WAL lets readers go on while one writes. docs/performance.md.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
# Statistics reports may read from a streaming replica (see
# learning/statistics/routing.py); everything else uses the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
STATISTICS_DATABASE = "replica" if "replica" in DATABASES else "default"
DATABASE_ROUTERS = ["learning.statistics.routing.StatisticsReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering indexes (INCLUDE) serve statistics on PostgreSQL; SQLite, the local
# default, builds them without the extra columns, which is fine there.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source language of content; the six partner
# languages are translated through wagtail-localize (pages) and gettext (UI).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("et", "Eesti"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("es", "Español"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Tallinn"
USE_I18N = True
USE_TZ = True
# Formats Django's locale files lack, such as the dates Estonians type (config/formats).
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Let the app serve MEDIA_ROOT itself (one machine without a proxy, as `make serve`).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One cache shared by every app server (Redis) when REDIS_URL is given: page
# cache, its invalidation, sessions and rate limits must agree across them.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "caching.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cyberaware"),
            "TIMEOUT": 300,
        }
    }
    # Sessions are read from Redis and written through to the database, so a
    # Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "cyberaware",
        }
    }

# Background work (e-mails, Wagtail's index updates, statistics roll-ups).
# Inline by default, so development and tests need no worker; production
# queues it in the database for `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

WAGTAIL_SITE_NAME = "CyberAware"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The admin's dashboard would otherwise ask releases.wagtail.org for new
# versions from every administrator's browser: an outside request the
# Content-Security-Policy refuses, and upgrades are the operators' business.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# No inline style on embeds (the Content-Security-Policy forbids inline
# styles on public pages); static/css/site.css sizes the video frame.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
TAGGIT_CASE_INSENSITIVE = True

# A page submitted for translation starts as a draft in the new language
# (wagtail-localize's default copies the source's live status, putting text
# still in the source language online); until it is published, readers get
# the version in another language with its "not translated yet" notice.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation for editors: DeepL when a key is given. Without one,
# wagtail-localize offers no machine translation at all; development and
# test settings add the dummy translator (it reverses words), which must never
# reach a real site, where its output could be published as a translation.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }

LOGIN_URL = "learning:login"
LOGIN_REDIRECT_URL = "learning:dashboard"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account or address is refused before its password is checked.
    "learning.abuse.LockoutBackend",
    "learning.backends.EmailOrUsernameBackend",
]
# Admin forms for long modules post thousands of fields (Wagtail's advice);
# the quiz view sets its own, much smaller limit.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CyberAware <no-reply@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # At DEBUG it logs every failed variable lookup with the whole template
        # context: the signed-in user's e-mail address, form values.
        "django.template": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Statistics never show a figure about fewer learners than this (k-anonymity).
STATISTICS_MIN_CELL_SIZE = int(os.environ.get("STATISTICS_MIN_CELL_SIZE", "5"))
# The question analysis flags a possible translation problem where a
# language's right-answer rate lies more than STATISTICS_QUESTION_LANGUAGE_GAP
# percentage points from the other languages' together, each side with at
# least STATISTICS_QUESTION_LANGUAGE_GAP_LEARNERS learners (never fewer than
# STATISTICS_MIN_CELL_SIZE): below that, a gap is as likely to be chance.
STATISTICS_QUESTION_LANGUAGE_GAP = 20
STATISTICS_QUESTION_LANGUAGE_GAP_LEARNERS = 20
# The editor's dashboard lists modules whose first-attempt pass rate is below
# EDITOR_LOW_PASS_RATE percent, counting a language only with at least
# EDITOR_PASS_RATE_MIN_TRIES first attempts in it (learning/editor_panels.py).
EDITOR_LOW_PASS_RATE = 60
EDITOR_PASS_RATE_MIN_TRIES = 20

# --- Guessing and abuse (learning/abuse.py, docs/security.md) -------------
# Failed sign-ins (learners' and the admin's) lock an account after
# LOGIN_FAILURE_LIMIT_PER_ACCOUNT failures, and an address after
# LOGIN_FAILURE_LIMIT_PER_ADDRESS (higher: an office shares one address),
# for LOGIN_LOCKOUT_MINUTES after the last failure.
LOGIN_FAILURE_LIMIT_PER_ACCOUNT = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_ACCOUNT", "5"))
LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURE_LIMIT_PER_ADDRESS", "20"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
# Reverse proxies in front of the app whose X-Forwarded-For entry is trusted.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_HANDLER = "learning.abuse.LoginAttemptHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT_PER_ACCOUNT
AXES_COOLOFF_TIME = "learning.abuse.lockout_period"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "learning.abuse.normalised_username"
AXES_CLIENT_IP_CALLABLE = "learning.abuse.client_address"
AXES_LOCKOUT_CALLABLE = "learning.abuse.lockout_response"
# A successful sign-in must not wipe the failures other accounts collected
# from the same address; they expire after the lock-out period instead.
AXES_RESET_ON_SUCCESS = False
# No record of successful sign-ins: they are personal data we do not need.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Sign-ups and password-reset requests, counted per address (and per e-mail
# address for resets) in windows of RATE_LIMIT_WINDOW seconds.
RATE_LIMIT_WINDOW = int(os.environ.get("RATE_LIMIT_WINDOW", "3600"))
SIGNUP_LIMIT_PER_ADDRESS = int(os.environ.get("SIGNUP_LIMIT_PER_ADDRESS", "10"))
PASSWORD_RESET_LIMIT_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_LIMIT_PER_ADDRESS", "10"))
PASSWORD_RESET_LIMIT_PER_EMAIL = int(os.environ.get("PASSWORD_RESET_LIMIT_PER_EMAIL", "3"))

# --- Content-Security-Policy (home/csp.py) ---------------------------------
# Public pages: scripts and styles only from our own static files, so the
# same header fits every visitor and pages can be served from a shared cache
# (no per-request nonces). Videos are embedded from these hosts only.
CSP_FRAME_HOSTS = env_list(
    "CSP_FRAME_HOSTS",
    "https://www.youtube-nocookie.com,https://www.youtube.com,https://player.vimeo.com",
)
# Where media files come from when not from this site (object storage or a
# CDN in front of it), e.g. "https://media.example.org".
CSP_MEDIA_HOSTS = env_list("CSP_MEDIA_HOSTS")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_MEDIA_HOSTS],
        "media-src": ["'self'", *CSP_MEDIA_HOSTS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CSP_FRAME_HOSTS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin still relies on inline scripts and styles; it gets its
# own, looser policy, only under /admin/ (see home/csp.py).
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # Any HTTPS image: the editor previews embeds with the providers' thumbnails.
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *CSP_FRAME_HOSTS],
        "media-src": ["'self'", "blob:", *CSP_MEDIA_HOSTS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # Page previews are framed by the admin itself.
        "frame-ancestors": ["'self'"],
    }
}
# Avatars from our own storage only: Gravatar would send a hash of every
# editor's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Two-factor authentication for the admin (learning/two_factor.py) ------
# Anyone with admin access may turn on an authenticator app; when this is
# on, programme managers and coordinators (whoever can see statistics) must.
REQUIRE_2FA_FOR_MANAGERS = env_bool("REQUIRE_2FA_FOR_MANAGERS", False)
OTP_TOTP_ISSUER = "CyberAware"

# --- Privacy ----------------------------------------------------------------
# Learners inactive for longer than this are erased by `purge_inactive`; the
# privacy notice states the same period.
LEARNER_RETENTION_DAYS = int(os.environ.get("LEARNER_RETENTION_DAYS", "730"))

# Organisations (docs/operations.md, "Organisations"). Registrations wait for a
# manager of their region unless approval is automatic.
ORGANISATION_AUTO_APPROVAL = env_bool("ORGANISATION_AUTO_APPROVAL", False)
INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "14"))
# The platform must never become a spam relay: invitation e-mails per organisation per day.
INVITATIONS_PER_ORGANISATION_PER_DAY = int(
    os.environ.get("INVITATIONS_PER_ORGANISATION_PER_DAY", "600")
)
INVITATION_CSV_MAX_ROWS = 500
# One "remind those who have not started" per organisation and programme within this many hours.
TEAM_REMINDER_INTERVAL_HOURS = int(os.environ.get("TEAM_REMINDER_INTERVAL_HOURS", "24"))
# Certificates that end within this many days may be renewed by passing the
# quiz again, and their holders get one reminder.
CERTIFICATE_RENEWAL_WINDOW_DAYS = int(os.environ.get("CERTIFICATE_RENEWAL_WINDOW_DAYS", "30"))

# --- xAPI statements to a learning record store (docs/interoperability.md) --
# Off unless an endpoint is given (the LRS's xAPI base URL, e.g.
# https://lrs.example.org/xAPI/); learners are sent as opaque ids unless an
# agency's agreement requires their e-mail (XAPI_SEND_EMAIL).
XAPI_ENDPOINT = os.environ.get("XAPI_ENDPOINT", "")
XAPI_USERNAME = os.environ.get("XAPI_USERNAME", "")
XAPI_PASSWORD = os.environ.get("XAPI_PASSWORD", "")
XAPI_SEND_EMAIL = env_bool("XAPI_SEND_EMAIL", False)
XAPI_TIMEOUT = float(os.environ.get("XAPI_TIMEOUT", "10"))
# The key of the learners' opaque ids; SECRET_KEY when empty. Set it before
# rotating SECRET_KEY, or the LRS sees every learner as someone new.
XAPI_ACTOR_KEY = os.environ.get("XAPI_ACTOR_KEY", "")
