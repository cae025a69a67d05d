"""The search's part of /readyz (registered through citynet_health_checks)."""

from django.conf import settings


def check_search():
    if not settings.ELASTICSEARCH_URL:
        return {"backend": "database"}
    from .backends.elastic import ElasticBackend

    if not ElasticBackend.default().client.options(request_timeout=2).ping():
        raise ConnectionError("Elasticsearch did not answer")
    return {"backend": "elasticsearch"}
