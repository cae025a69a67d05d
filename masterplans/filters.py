"""Filters for the plans listing: province, smart-city cohort and start year."""

from django.utils.translation import gettext_lazy as _

from citynet.filters import Facet, FacetedFilter
from citynet.geography import PROVINCE_CHOICES
from citynet.models.cities import COHORT_CHOICES
from citynet.visibility import public_pages


class MasterPlanFilter(FacetedFilter):
    def get_facets(self):
        from .models import MasterPlanPage

        def years():
            starts = (
                public_pages(MasterPlanPage.objects.all())
                .order_by("-start_year")
                .values_list("start_year", flat=True)
                .distinct()
            )
            return [(year, str(year)) for year in starts]

        return [
            Facet("province", "city__province", _("Province"), PROVINCE_CHOICES, max_options=12),
            Facet("cohort", "city__smart_city_cohort", _("Smart-city cohort"), COHORT_CHOICES, int),
            Facet("year", "start_year", _("Start year"), years, int),
        ]
