"""The plan as a PDF fit to hand to the ministry, made with WeasyPrint.

A PDF takes about a second to draw, so each one is kept, under the revision it shows and the
reader's language, in the *private* storage (`STORAGES["private"]`): never under MEDIA_URL,
named by a keyed hash nobody can guess, and handed out only by the views that check
permission (the public plan's `pdf/` route behind Wagtail's page privacy, the admin's draft
PDF for the plan's editors). `masterplans.signals` deletes a plan's stored PDFs when it is
unpublished, restricted, deleted, or gets a newer revision.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language

from .views.public import plan_context

FOLDER = "masterplans/pdf"


def private_storage():
    return storages["private"]


def render_pdf(plan, request=None):
    from weasyprint import HTML

    context = {**plan_context(plan), "page": plan, "self": plan}
    html = render_to_string("masterplans/plan_pdf.html", context, request=request)
    # No base URL: the document is self-contained, so WeasyPrint never fetches anything.
    # Fonts stay subset: whole fonts save about a second of drawing but make the file
    # fourteen times larger (1.4 MB instead of 100 KB), too much for slow mobile networks.
    return HTML(string=html).write_pdf()


def stored_name(plan_id, revision_id, language=None):
    """Where the PDF of one revision in one language is kept: a folder per plan (so all of a
    plan's files can be found and removed) and a name keyed with SECRET_KEY."""
    language = language or get_language()
    key = salted_hmac("masterplans.pdf", f"{plan_id}:{revision_id}:{language}").hexdigest()
    return f"{FOLDER}/{plan_id}/{key[:40]}.pdf"


def pdf_bytes(plan, revision_id, request=None):
    if not revision_id:
        return render_pdf(plan, request)
    storage = private_storage()
    name = stored_name(plan.pk, revision_id)
    if storage.exists(name):
        with storage.open(name, "rb") as stored:
            return stored.read()
    data = render_pdf(plan, request)
    if not storage.exists(name):
        storage.save(name, ContentFile(data))
    return data


def pdf_response(plan, request, revision_id):
    response = HttpResponse(pdf_bytes(plan, revision_id, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{plan.slug}.pdf"'
    if revision_id != getattr(plan, "live_revision_id", None):
        # A draft is personal to its editors: never kept by a browser or proxy cache.
        response["Cache-Control"] = "private, no-store"
    return response


def forget_pdfs(plan_id, keep_revision_id=None):
    """Delete the plan's stored PDFs, except those of `keep_revision_id` (its live one)."""
    from django.conf import settings

    storage = private_storage()
    folder = f"{FOLDER}/{plan_id}"
    keep = set()
    if keep_revision_id:
        keep = {
            stored_name(plan_id, keep_revision_id, code).rsplit("/", 1)[1]
            for code, _name in settings.LANGUAGES
        }
    try:
        _dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return 0
    removed = 0
    for name in files:
        if name not in keep:
            storage.delete(f"{folder}/{name}")
            removed += 1
    return removed
