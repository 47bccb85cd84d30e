"""Django settings for kpcs, read from environment variables with safe local defaults.

KPCS_ENV=production turns DEBUG off and refuses to start without a real KPCS_SECRET_KEY.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

SRC_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(os.environ.get("KPCS_HOME", SRC_DIR.parent.parent)).resolve()
VAR_DIR = Path(os.environ.get("KPCS_VAR_DIR", BASE_DIR / "var"))

ENV = os.environ.get("KPCS_ENV", "local")
PRODUCTION = ENV == "production"
_LOCAL_SECRET = "kpcs-local-development-only-not-a-secret"  # noqa: S105 - refused in production below

SECRET_KEY = os.environ.get("KPCS_SECRET_KEY", "" if PRODUCTION else _LOCAL_SECRET)
if PRODUCTION and (len(SECRET_KEY) < 40 or SECRET_KEY == _LOCAL_SECRET):
    raise ImproperlyConfigured("KPCS_SECRET_KEY must be set to a random value of 40+ characters in production.")

DEBUG = not PRODUCTION and os.environ.get("KPCS_DEBUG", "1") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("KPCS_ALLOWED_HOSTS", "" if PRODUCTION else "*").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("KPCS_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "kpcs.audit",
    "kpcs.participants",
    "kpcs.accounts",
    "kpcs.certificates",
    "kpcs.statistics",
    "kpcs.reviews",
    "kpcs.governance",
    "kpcs.web",
    "kpcs.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "kpcs.api.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kpcs.urls"
WSGI_APPLICATION = "kpcs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kpcs.web.context.shell",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("KPCS_DATABASE_URL", f"sqlite:///{VAR_DIR / 'kpcs.sqlite3'}"),
        conn_max_age=0 if os.environ.get("KPCS_DATABASE_URL", "").startswith("sqlite") else 60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer commits; IMMEDIATE avoids lock-upgrade deadlocks.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

# Login throttling: failures per username and per client address within the window.
KPCS_LOGIN_MAX_FAILURES = int(os.environ.get("KPCS_LOGIN_MAX_FAILURES", "5"))
KPCS_LOGIN_WINDOW_SECONDS = int(os.environ.get("KPCS_LOGIN_WINDOW_SECONDS", "900"))

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
    ("es", _("Spanish")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [SRC_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise serves the apps' static files directly, so `collectstatic` is optional for small deployments.
WHITENOISE_USE_FINDERS = True
with contextlib.suppress(OSError):  # a read-only deployment: collectstatic has filled it already
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("KPCS_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = int(os.environ.get("KPCS_HSTS_SECONDS", "31536000"))
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("KPCS_LOG_LEVEL", "WARNING")},
}

# Domain settings.
KPCS_REFERENCE_DIR = SRC_DIR / "participants" / "data"
# Seals the authorities' private signing keys (AES-256-GCM, key derived with HKDF). Keep it out of the database.
KPCS_KEY_ENCRYPTION_SECRET = os.environ.get("KPCS_KEY_ENCRYPTION_SECRET", "" if PRODUCTION else _LOCAL_SECRET)
if PRODUCTION and len(KPCS_KEY_ENCRYPTION_SECRET) < 32:
    raise ImproperlyConfigured("KPCS_KEY_ENCRYPTION_SECRET must be set to 32+ random characters in production.")
# Days after issue when an unconfirmed import shows as overdue to both authorities.
KPCS_CONFIRMATION_OVERDUE_DAYS = int(os.environ.get("KPCS_CONFIRMATION_OVERDUE_DAYS", "30"))
