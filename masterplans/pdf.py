"""The plan as a PDF fit to hand to the ministry, made with WeasyPrint.

A PDF takes seconds to draw, so the task worker draws it (`render_pdf_task`: when a plan is
published, and when a missing one is asked for) and the request only serves the stored
file, or answers 202 "being prepared" with a page that reloads itself. Each PDF is kept,
under the revision it shows and the reader's language, in the *private* storage
(`STORAGES["private"]`): never under MEDIA_URL, named by a keyed hash nobody can guess, and
handed out only by the views that check permission (the public plan's `pdf/` route behind
Wagtail's page privacy, the admin's draft PDF for the plan's editors).
`masterplans.signals` deletes a plan's stored PDFs when it is unpublished, restricted,
deleted, or gets a newer revision.
"""

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django_tasks import task

from citynet.tasks import retrying

from .views.public import plan_context

FOLDER = "masterplans/pdf"
RETRY_AFTER = 5  # seconds between the "being prepared" page's reloads
ENQUEUED_FOR = 120  # seconds during which a second request does not enqueue the same PDF


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


def plan_at(plan_id, revision_id):
    """The plan as it stands in `revision_id`: the page itself for its live revision (its
    programmes from the database), the revision's content for a draft."""
    from wagtail.models import Revision

    from .models import MasterPlanPage

    plan = MasterPlanPage.objects.filter(pk=plan_id).first()
    if plan is None or revision_id == plan.live_revision_id:
        return plan
    revision = Revision.objects.filter(pk=revision_id, object_id=str(plan_id)).first()
    return revision.as_object() if revision else None


def store_pdf(plan_id, revision_id, language):
    """Draw and keep one PDF unless it is there already (so the task can run twice)."""
    storage = private_storage()
    name = stored_name(plan_id, revision_id, language)
    if storage.exists(name):
        return name
    plan = plan_at(plan_id, revision_id)
    if plan is None:
        return None  # deleted or replaced meanwhile
    with translation.override(language):
        data = render_pdf(plan)
    if not storage.exists(name):
        storage.save(name, ContentFile(data))
    return name


@task()
def render_pdf_task(plan_id, revision_id, language, attempt=1):
    with retrying(render_pdf_task, plan_id, revision_id, language, attempt=attempt):
        store_pdf(plan_id, revision_id, language)


def _enqueued_key(name):
    return f"masterplans:pdf-enqueued:{name}"


def request_pdf(plan_id, revision_id, language):
    """Ask the worker for a PDF, once per couple of minutes however often it is polled."""
    name = stored_name(plan_id, revision_id, language)
    if cache.add(_enqueued_key(name), 1, ENQUEUED_FOR):
        render_pdf_task.enqueue(plan_id, revision_id, language)


def pdf_response(plan, request, revision_id, pending_template="masterplans/pdf_pending.html"):
    """The stored PDF, or 202 and a page that reloads until the worker has drawn it (the
    admin's draft PDF passes its own page, inside the admin, back to the editor)."""
    if not revision_id:
        # Only pages inserted without revisions (benchmark volume data) have none.
        return _pdf_http_response(plan, render_pdf(plan, request), revision_id)
    storage = private_storage()
    language = get_language()
    name = stored_name(plan.pk, revision_id, language)
    if not storage.exists(name):
        request_pdf(plan.pk, revision_id, language)
    if not storage.exists(name):  # the immediate backend (tests, development) drew it already
        response = TemplateResponse(
            request,
            pending_template,
            {"plan": plan, "retry_after": RETRY_AFTER},
            status=202,
        )
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    with storage.open(name, "rb") as stored:  # about 100 KB: read whole, no open handle left
        return _pdf_http_response(plan, stored.read(), revision_id)


def _pdf_http_response(plan, data, revision_id):
    return _headers(HttpResponse(data, content_type="application/pdf"), plan, revision_id)


def _headers(response, plan, revision_id):
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
            cache.delete(_enqueued_key(f"{folder}/{name}"))  # may be asked for again at once
            removed += 1
    return removed
