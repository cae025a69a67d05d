"""The published plans of every city at /<lang>/master-plans/, and where peers invest."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from citynet.listing import ListingPage, noindex_filtered
from citynet.visibility import public_pages


class MasterPlanIndexPage(ListingPage, Page):
    """Published plans with filters, and a comparison of programmes and budget by dimension.

    A plan is written in its city's language; the listing shows every published plan once,
    in the reader's language where a translation exists.
    """

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the list of plans."),
    )

    parent_page_types = ["citynet.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    per_page = 20

    class Meta:
        verbose_name = _("master plan index page")
        verbose_name_plural = _("master plan index pages")

    def plans(self):
        from .plan import MasterPlanPage

        published = public_pages(MasterPlanPage.objects.all())
        chosen = {}
        for pk, key, locale_id in published.values_list("pk", "translation_key", "locale_id"):
            if key not in chosen or locale_id == self.locale_id:
                chosen[key] = pk
        return (
            MasterPlanPage.objects.filter(pk__in=chosen.values())
            .select_related("city", "locale")
            .order_by("city__title", "-start_year", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        from ..comparison import compare
        from ..filters import MasterPlanFilter

        context = super().get_context(request, *args, **kwargs)
        plan_filter = MasterPlanFilter(request.GET, self.plans())
        page_obj = Paginator(plan_filter.results, self.per_page).get_page(request.GET.get("page"))
        plans = list(page_obj.object_list)
        context.update(
            plan_filter=plan_filter,
            page_obj=page_obj,
            plans=plans,
            comparison=compare(plans),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return noindex_filtered(request, response)
