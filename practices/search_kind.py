"""How the public search holds a practice (registered in wagtail_hooks)."""

from django.utils.translation import gettext_lazy as _

from search.registry import Description, SearchKind, plain

from .models import PracticePage


def describe(page):
    return Description(
        summary=page.summary,
        body=plain(
            " ".join(
                str(getattr(page, f))
                for f in ("problem", "solution", "results", "lessons", "obstacles")
            )
        ),
        city=page.city,
        date=page.first_published_at,
        year=page.start_year,
        dimensions=[(page.dimension.slug, page.dimension.label)] if page.dimension_id else [],
        tags=[(tag.slug, tag.name) for tag in page.tags.all()],
        # The listing's own facets, so its keyword box counts them from the index too
        # (practices.filters); values as the listing's query string has them.
        extra_facets=[("element", e.slug, e.label) for e in page.elements.all()]
        + [("sdg", str(goal.number), str(goal)) for goal in page.sdgs.all()]
        + [("status", page.status, page.get_status_display())],
    )


def practice_kind():
    return SearchKind(
        key="practice",
        label=_("Practices"),
        model=PracticePage,
        describe=describe,
        select_related=("city", "dimension"),
        prefetch_related=("tags", "elements", "sdgs"),
    )
