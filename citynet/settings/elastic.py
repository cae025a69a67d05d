"""Elasticsearch connection settings from ELASTICSEARCH_* variables, checked at start-up:
a malformed URL or number stops the process with a clear message instead of becoming a
500 on the first search. Kept apart from base.py so tests build exactly what it builds."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


def _number(env, name, default, kind=float, minimum=0):
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}.")
    return value


def _flag(env, name, default):
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in TRUE | FALSE:
        return raw in TRUE
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def check_urls(value):
    """Comma-separated node URLs, each http(s)://host[:port]; the password is never echoed."""
    urls = [u.strip() for u in value.split(",") if u.strip()]
    for url in urls:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        except ValueError:
            raise ImproperlyConfigured(
                "ELASTICSEARCH_URL has a malformed address (its port is not a number)."
            ) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            shown = f"{parts.scheme}://{parts.hostname}" if parts.hostname else "it"
            raise ImproperlyConfigured(
                f"ELASTICSEARCH_URL must be http(s)://host[:port], comma-separated for several "
                f"nodes; {shown} is not."
            )
    return urls


def elasticsearch_settings(env):
    """(ELASTICSEARCH_URL, ELASTICSEARCH_OPTIONS, SEARCH_ELASTIC_TIMEOUT)."""
    url = env.get("ELASTICSEARCH_URL", "").strip()
    cloud_id = env.get("ELASTICSEARCH_CLOUD_ID", "").strip()
    if url and cloud_id:
        raise ImproperlyConfigured("Set ELASTICSEARCH_URL or ELASTICSEARCH_CLOUD_ID, not both.")
    if url:
        check_urls(url)
    options = {
        "request_timeout": _number(env, "ELASTICSEARCH_TIMEOUT", 10.0, minimum=0.1),
        "max_retries": _number(env, "ELASTICSEARCH_RETRIES", 2, int),
        "retry_on_timeout": True,
    }
    if cloud_id:
        options["cloud_id"] = cloud_id
        url = "elastic-cloud"  # the switch that turns Elasticsearch on
    if env.get("ELASTICSEARCH_API_KEY"):
        options["api_key"] = env["ELASTICSEARCH_API_KEY"]
    if env.get("ELASTICSEARCH_CA_CERTS"):
        options["ca_certs"] = env["ELASTICSEARCH_CA_CERTS"]
    verify = _flag(env, "ELASTICSEARCH_VERIFY_CERTS", True)
    if not verify:
        options["verify_certs"] = False
        options["ssl_show_warn"] = False
    search_timeout = _number(env, "ELASTICSEARCH_SEARCH_TIMEOUT", 2.0, minimum=0.1)
    return url, options, search_timeout
