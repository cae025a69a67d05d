"""The cross-city practice listing at /<lang>/practices/, with its feeds."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from citynet.listing import ListingPage, noindex_filtered


class PracticeIndexPage(ListingPage, RoutablePageMixin, Page):
    """Every live practice of every city in this language, filterable and searchable."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the list of practices."),
    )

    parent_page_types = ["citynet.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    per_page = 20

    class Meta:
        verbose_name = _("practice index page")
        verbose_name_plural = _("practice index pages")

    def practices(self):
        from .queries import live_practices

        return live_practices(self.locale_id)

    @path("")
    def listing(self, request):
        from practices.filters import SORT_LABELS, PracticeFilter

        from .choices import YEAR_MAX, YEAR_MIN

        practice_filter = PracticeFilter(request.GET, self.practices(), self.locale)
        page_obj = practice_filter.page(request.GET.get("page"), self.per_page)
        response = self.render(
            request,
            context_overrides={
                "practice_filter": practice_filter,
                "page_obj": page_obj,
                "practices": page_obj.object_list,
                "sort_labels": SORT_LABELS,
                "year_min": YEAR_MIN,
                "year_max": YEAR_MAX,
            },
        )
        return noindex_filtered(request, response)

    @path("feed/")
    def rss_feed(self, request):
        from practices.feeds import PracticeRssFeed

        return PracticeRssFeed(self)(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        from practices.feeds import PracticeAtomFeed

        return PracticeAtomFeed(self)(request)
