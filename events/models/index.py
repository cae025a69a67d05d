"""The events listing at /<lang>/events/: upcoming first, then past ones, and a calendar
feed of everything upcoming."""

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from citynet.listing import ListingPage, noindex_filtered

# Upcoming events are few; a cap keeps a runaway listing bounded all the same.
MAX_UPCOMING = 50


class EventIndexPage(ListingPage, RoutablePageMixin, Page):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the list of events."),
    )

    parent_page_types = ["citynet.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    per_page = 10

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def events(self):
        from .event import live_events

        return live_events(self.locale_id).select_related("host_city")

    @path("")
    def listing(self, request):
        from citynet.page_cache import changes_at
        from events.filters import EventFilter

        event_filter = EventFilter(request.GET, self.events(), self.locale)
        now = timezone.now()
        upcoming = list(
            event_filter.results.filter(end__gte=now).order_by("start", "pk")[:MAX_UPCOMING]
        )
        # An upcoming event moves to the past when it ends: the cached listing must not outlive it.
        changes_at(request, min((event.end for event in upcoming), default=None))
        past = event_filter.results.filter(end__lt=now).order_by("-start", "-pk")
        page_obj = Paginator(past, self.per_page).get_page(request.GET.get("page"))
        response = self.render(
            request,
            context_overrides={
                "event_filter": event_filter,
                "upcoming": upcoming if page_obj.number == 1 else [],
                "page_obj": page_obj,
                "past": page_obj.object_list,
            },
        )
        return noindex_filtered(request, response)

    @path("calendar/", name="ics")
    def ics_feed(self, request):
        from events.calendar import upcoming_calendar_response

        return upcoming_calendar_response(request, self)
