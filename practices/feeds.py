"""RSS and Atom feeds of new practices: all, or one city's, or one dimension's.

`?city=<slug>` and `?dimension=<slug>` narrow a feed; an unknown value is a 404, so a
feed reader never silently subscribes to an empty feed.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from citynet.models import CityPage, Dimension
from citynet.visibility import public_pages

from .models import live_practices

FEED_LENGTH = 30


class PracticeRssFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        selection = {"filters": {}, "city": None, "dimension": None, "request": request}
        city_slug = request.GET.get("city")
        if city_slug:
            city = public_pages(
                CityPage.objects.filter(locale=self.index.locale, slug=city_slug)
            ).first()
            if city is None:
                raise Http404(_("No member city with this slug."))
            selection["city"] = city
            selection["filters"]["city"] = city
        dimension_slug = request.GET.get("dimension")
        if dimension_slug:
            dimension = Dimension.objects.filter(slug=dimension_slug).first()
            if dimension is None:
                raise Http404(_("No smart-city dimension with this slug."))
            selection["dimension"] = dimension
            selection["filters"]["dimension"] = dimension
        return selection

    def title(self, obj):
        parts = [_("Best practices")]
        if obj["city"]:
            parts.append(obj["city"].title)
        if obj["dimension"]:
            parts.append(obj["dimension"].label)
        return " · ".join(parts + [_("Citynet Knowledge Hub")])

    def link(self, obj):
        return self.index.get_url(obj["request"])

    def description(self, obj):
        return _("New best practices published by Citynet member cities.")

    def items(self, obj):
        return (
            live_practices(self.index.locale_id)
            .filter(**obj["filters"])
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.city.title if item.city else None

    def item_categories(self, item):
        return [item.dimension.label]


class PracticeAtomFeed(PracticeRssFeed):
    feed_type = Atom1Feed
    subtitle = PracticeRssFeed.description
