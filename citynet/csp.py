"""Content-Security-Policy (django-csp) with a second, looser policy for the admin.

The public site runs no inline script or style (one static script, suggest.js), so its
policy allows only this site's own files. Wagtail's admin still needs inline scripts and
styles and `eval` in some widgets (wagtail/wagtail#7053), so /admin/ and /django-admin/
get `ADMIN_CONTENT_SECURITY_POLICY`: still no other site's scripts, frames or plugins.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class CitynetCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PREFIXES)
        ):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


class PermissionsPolicyMiddleware:
    """Browser features the hub never uses stay off for every page (and anything injected)."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
        return response
