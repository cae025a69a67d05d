"""Stored plan PDFs never outlive what they show (masterplans.pdf): a new draft or a new
publication keeps only the live revision's files; unpublishing, deleting or restricting the
plan (or a page above it) removes them all, and so does unpublishing, deleting or
restricting a practice the plan links to (the PDF lists only public practices)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail.signals import page_published, page_unpublished

from practices.models import PracticePage

from .models import MasterPlanPage
from .pdf import forget_pdfs, request_pdf


def _plan_type():
    return ContentType.objects.get_for_model(MasterPlanPage)


def _after_commit(plan_id, keep_revision_id=None):
    transaction.on_commit(lambda: forget_pdfs(plan_id, keep_revision_id), robust=True)


def plan_published(sender, instance, **kwargs):
    """Old files go; the worker draws the new live revision's PDF in the plan's language."""
    plan_id, revision_id = instance.pk, instance.live_revision_id
    language = instance.locale.language_code
    _after_commit(plan_id, revision_id)
    transaction.on_commit(lambda: request_pdf(plan_id, revision_id, language), robust=True)


def plan_withdrawn(sender, instance, **kwargs):
    _after_commit(instance.pk)


def plans_showing(page):
    """Plans in `page`'s subtree and plans whose programmes link a practice in it."""
    subtree = Page.objects.descendant_of(page, inclusive=True).values("pk")
    return (
        MasterPlanPage.objects.filter(Q(pk__in=subtree) | Q(programmes__practices__in=subtree))
        .values_list("pk", flat=True)
        .distinct()
    )


def page_withdrawn(sender, instance, **kwargs):
    """A page (and what is below it) is no longer public: every plan showing it is redrawn."""
    for plan_id in plans_showing(instance):
        _after_commit(plan_id)


def revision_saved(sender, instance, created, **kwargs):
    if not created or instance.content_type_id != _plan_type().pk:
        return
    plan_id = int(instance.object_id)
    live = MasterPlanPage.objects.filter(pk=plan_id).values_list("live_revision_id", flat=True)
    _after_commit(plan_id, live.first())


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        page_withdrawn(sender, page)


def connect():
    page_published.connect(plan_published, sender=MasterPlanPage, dispatch_uid="plan_pdf_pub")
    page_unpublished.connect(page_withdrawn, dispatch_uid="plan_pdf_unpub")
    pre_delete.connect(plan_withdrawn, sender=MasterPlanPage, dispatch_uid="plan_pdf_delete")
    pre_delete.connect(page_withdrawn, sender=PracticePage, dispatch_uid="plan_pdf_practice")
    post_save.connect(revision_saved, sender=Revision, dispatch_uid="plan_pdf_revision")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="plan_pdf_vr")
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="plan_pdf_vr_gone"
    )
