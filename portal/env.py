"""Typed readers for the environment: a bad value stops start-up and names the variable."""

import os
from urllib.parse import parse_qsl, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    """The variable's text, or the default; no default means it is required."""
    value = os.environ.get(name)
    if value is not None:
        return value
    if default is None:
        raise ImproperlyConfigured(f"Set the environment variable {name}.")
    return default


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (1/0, yes/no), not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list; blanks are dropped."""
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_count(name: str, default: int) -> int:
    """A whole number of things, zero or more (a count of proxies, say)."""
    value = env_int(name, default)
    if value < 0:
        raise ImproperlyConfigured(f"{name} must be zero or more, not {value}.")
    return value


def env_s3_storage(name: str) -> dict | None:
    """A private S3 bucket from a URL, as django-storages' S3Storage options; None when unset.

    `s3://BUCKET?endpoint_url=https://host:9000&region_name=eu-west-1&addressing_style=path`:
    the endpoint is left out for AWS itself. The credentials are boto3's own variables
    (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), never the URL.
    """
    value = os.environ.get(name, "")
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme != "s3" or not parts.netloc or parts.path not in ("", "/"):
        raise ImproperlyConfigured(
            f"{name} must look like s3://bucket?endpoint_url=…, not {value!r}."
        )
    query = dict(parse_qsl(parts.query))
    unknown = set(query) - {"endpoint_url", "region_name", "addressing_style"}
    if unknown:
        raise ImproperlyConfigured(f"{name} has unknown options: {', '.join(sorted(unknown))}.")
    return {
        "bucket_name": parts.netloc,
        "endpoint_url": query.get("endpoint_url"),
        "region_name": query.get("region_name"),
        "addressing_style": query.get("addressing_style"),
        "signature_version": "s3v4",
        "default_acl": "private",  # never public: every read goes through the portal's checks
        "querystring_auth": True,
        "querystring_expire": 30,  # a signed URL, if one is ever made, lives for seconds
        "file_overwrite": False,
    }
