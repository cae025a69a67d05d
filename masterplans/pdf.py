"""The plan as a PDF fit to hand to the ministry, made with WeasyPrint.

A PDF takes about a second to draw, so each one is kept in the default storage under the
revision it shows (and the reader's language): a published plan is drawn once per
publication, whichever app server is asked.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language

from .views.public import plan_context


def render_pdf(plan, request=None):
    from weasyprint import HTML

    context = {**plan_context(plan), "page": plan, "self": plan}
    html = render_to_string("masterplans/plan_pdf.html", context, request=request)
    # No base URL: the document is self-contained, so WeasyPrint never fetches anything.
    # Fonts stay subset: whole fonts save about a second of drawing but make the file
    # fourteen times larger (1.4 MB instead of 100 KB), too much for slow mobile networks.
    return HTML(string=html).write_pdf()


def cache_path(plan, revision_id):
    return f"masterplans/pdf/{plan.pk}/{revision_id}-{get_language()}.pdf"


def pdf_bytes(plan, revision_id, request=None):
    if not revision_id:
        return render_pdf(plan, request)
    path = cache_path(plan, revision_id)
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as cached:
            return cached.read()
    data = render_pdf(plan, request)
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(data))
    return data


def pdf_response(plan, request, revision_id):
    response = HttpResponse(pdf_bytes(plan, revision_id, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{plan.slug}.pdf"'
    return response
