"""EMGov settings: every deployment value comes from the environment (see .env.example)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from emgov.env import env_bool, env_float, env_int, env_list, env_path, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = env_path("EMGOV_VAR_DIR", BASE_DIR / "var")
(VAR_DIR / "staticfiles").mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("EMGOV_DEBUG", False)
SECRET_KEY = env_secret("EMGOV_SECRET_KEY", VAR_DIR / "secret_key")
ALLOWED_HOSTS = env_list("EMGOV_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("EMGOV_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "emgov.core",
    "emgov.enterprises",
    "emgov.enforcement",
    "emgov.cases",
    "emgov.licensing",
    "emgov.legal",
    "emgov.publicity",
    "emgov.outreach",
    "emgov.preparedness",
    "emgov.reports",
    "emgov.api",
    "emgov.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "emgov.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "emgov.core.rules.RulesPerRequest",
    "emgov.core.middleware.LoginRequiredMiddleware",
    "emgov.core.middleware.BadInputMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "emgov.urls"
WSGI_APPLICATION = "emgov.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "emgov.core.context_processors.navigation",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'emgov.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_db), conn_max_age=env_int("EMGOV_DB_CONN_MAX_AGE", 60)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # Writers queue for the database lock at BEGIN instead of failing mid-transaction.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not shared memory, so that tests of concurrent writers see SQLite's real locking.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The planner's cost of reading a page out of order, against 1 for the next page. PostgreSQL's 4
    # assumes spinning disks; with the tables in memory or on SSD it makes a district's index scans look
    # dearer than walking the whole province (docs/performance.md, "Planner settings").
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = " ".join(
        filter(
            None,
            [_options.get("options"), f"-c random_page_cost={env_float('EMGOV_PG_RANDOM_PAGE_COST', 1.1)}"],
        )
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "full_name", "email")},
    },
    {"NAME": "emgov.core.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = env_int("EMGOV_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
# Locked out: a username from one address, so that failures typed against a name lock neither that
# user elsewhere nor everyone behind the same address. The address is the client's, read through the
# reverse proxies named in EMGOV_TRUSTED_PROXIES (addresses or networks, comma-separated).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "emgov.core.middleware.client_address"
EMGOV_TRUSTED_PROXIES = env_list("EMGOV_TRUSTED_PROXIES", [])
AXES_LOCKOUT_TEMPLATE = "core/locked.html"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "emgov" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/echarts", BASE_DIR / "node_modules" / "echarts" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
EMGOV_UPLOAD_MAX_BYTES = env_int("EMGOV_UPLOAD_MAX_BYTES", 50 * 1024 * 1024)

# Mail (the daily digest, `emgov digest --send`): printed on the console unless a backend is configured.
EMAIL_BACKEND = env_str("EMGOV_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMGOV_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMGOV_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMGOV_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMGOV_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMGOV_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMGOV_EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("EMGOV_EMAIL_FROM", "emgov@localhost")
EMGOV_BASE_URL = env_str("EMGOV_BASE_URL", "http://127.0.0.1:8000")

# Background work (ledger imports): the database is the queue; `emgov serve` also runs the worker
# (`emgov db_worker`). Tests switch to django-tasks' immediate backend with a fixture.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Deployment behind HTTPS (docs/security.md): EMGOV_HTTPS=true turns on every setting below that
# HTTPS needs; each can still be set on its own.
EMGOV_HTTPS = env_bool("EMGOV_HTTPS", False)
SECURE_SSL_REDIRECT = env_bool("EMGOV_SSL_REDIRECT", EMGOV_HTTPS)
SECURE_HSTS_SECONDS = env_int("EMGOV_HSTS_SECONDS", 31536000 if EMGOV_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("EMGOV_HSTS_INCLUDE_SUBDOMAINS", EMGOV_HTTPS)
SECURE_HSTS_PRELOAD = env_bool("EMGOV_HSTS_PRELOAD", EMGOV_HTTPS)
# The header the reverse proxy sets to say the browser used HTTPS; only behind a proxy that sets it.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("EMGOV_PROXY_SSL_HEADER", False) else None
)
SECURE_REFERRER_POLICY = "same-origin"
# The cache holds the public pages' rate limits (and the business date): shared between the server's
# processes when EMGOV_CACHE_URL names a Redis (redis://127.0.0.1:6379/1), else per process.
_cache_url = env_str("EMGOV_CACHE_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
    if _cache_url
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("EMGOV_SECURE_COOKIES", EMGOV_HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A working day: a session ends 8 hours after sign-in (EMGOV_SESSION_HOURS), and when the browser closes.
SESSION_COOKIE_AGE = env_int("EMGOV_SESSION_HOURS", 8) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Scripts only from the site's own files (no inline script or on… handler); styles may be inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("EMGOV_LOG_LEVEL", "WARNING")},
}
