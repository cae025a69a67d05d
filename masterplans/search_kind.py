"""How the public search holds a master plan: title, summary, section text and programme
titles (registered in wagtail_hooks). Template guidance is never indexed."""

from django.utils.translation import gettext_lazy as _

from search.registry import Description, SearchKind, stream_text

from .models import MasterPlanPage


def describe(page):
    programmes = list(page.programmes.select_related("dimension"))
    dimensions = {p.dimension.slug: p.dimension.label for p in programmes if p.dimension_id}
    return Description(
        summary=page.summary,
        body=" ".join([stream_text(page, "sections"), *(p.title for p in programmes)]),
        city=page.city,
        date=page.first_published_at,
        year=page.start_year,
        dimensions=sorted(dimensions.items()),
    )


def plan_kind():
    return SearchKind(
        key="plan",
        label=_("Master plans"),
        model=MasterPlanPage,
        describe=describe,
        select_related=("city",),
    )
