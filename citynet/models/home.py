"""The home page, one per locale; the root of each language's tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from citynet.sections import HOME_SECTIONS, collect_sections
from citynet.visibility import public_pages

from .cities import CityIndexPage, CityPage


class HomePage(Page):
    """Front door of the hub: what it is, and ways into cities (later practices, plans, events)."""

    lead = models.CharField(
        _("lead"),
        max_length=255,
        blank=True,
        help_text=_("One sentence under the title that says what the hub is for."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A short paragraph for first-time visitors."),
    )

    parent_page_types = ["wagtailcore.Page"]
    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        from citynet.routing import route_from

        return route_from(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cities = public_pages(CityPage.objects.filter(locale_id=self.locale_id))
        context["city_count"] = cities.count()
        context["cities_index"] = public_pages(self.get_children().type(CityIndexPage)).first()
        context["sections"] = collect_sections(HOME_SECTIONS, self, request)
        return context
