"""Filters for the events listing: year, host city and kind."""

from django.utils.translation import gettext_lazy as _

from citynet.filters import Facet, FacetedFilter
from citynet.models import CityPage

from .models import EventKind, live_events


class EventFilter(FacetedFilter):
    def __init__(self, data, queryset, locale):
        self.locale = locale
        super().__init__(data, queryset)

    def get_facets(self):
        locale = self.locale

        def years():
            dates = live_events(locale.pk).dates("start", "year", "DESC")
            return [(day.year, str(day.year)) for day in dates]

        def hosts():
            # Host links may point at another language's city page; slugs are shared.
            slugs = live_events(locale.pk).filter(host_city__isnull=False).values("host_city__slug")
            return (
                CityPage.objects.filter(locale=locale, slug__in=slugs)
                .order_by("title")
                .values_list("slug", "title")
            )

        return [
            Facet("year", "start__year", _("Year"), years, int),
            Facet("city", "host_city__slug", _("Host city"), hosts),
            Facet("kind", "kind", _("Kind"), EventKind.choices),
        ]
