"""What the public plan page and its PDF show, computed once for both."""

from django.utils.translation import get_language

from citynet.page_cache import shared_fragment

from ..charts import budget_chart, indicator_chart
from ..models.templates import SectionKind
from ..progress import implementation, published_reports
from ..roadmap import build_budget, build_roadmap, by_dimension


def implementation_context(plan, request=None):
    """The implementation section (only published reports of a saved plan count) and the
    peer suggestions: a dozen queries, kept as a shared fragment until the next publish."""
    if not plan.pk:
        return {}

    def compute():
        from ..suggestions import suggestions

        reports = list(published_reports(plan))
        figures = implementation(plan, reports=reports)
        return {
            "peer_suggestions": suggestions(plan, reports=reports) if plan.live else [],
            "implementation": figures,
            "reports": reports,
            "budget_chart": budget_chart(figures),
            "indicator_chart": indicator_chart(figures),
        }

    parts = (plan.pk, plan.live, get_language())
    return shared_fragment("plan-progress", parts, compute, request)


def plan_context(plan):
    programmes = plan.programme_list
    toc, by_section = [], {}
    for child in plan.sections:
        key = child.value.get("key")
        if not key:
            continue
        toc.append({"anchor": f"section-{key}", "title": child.value.get("title")})
        if child.block_type == SectionKind.PROGRAMMES:
            dimension = plan.section_dimension(key)
            by_section[key] = by_dimension(
                [p for p in programmes if dimension is None or p.dimension_id == dimension]
            )
    kinds = {child.block_type for child in plan.sections}
    return {
        # A template without these sections still shows them, as annexes at the end.
        "programmes_annex": SectionKind.PROGRAMMES not in kinds and bool(programmes),
        "roadmap_annex": SectionKind.ROADMAP_BUDGET not in kinds and bool(programmes),
        "all_programmes": by_dimension(programmes),
        "programmes": programmes,
        "programmes_by_section": by_section,
        "quick_wins": [p for p in programmes if p.quick_win],
        "roadmap": build_roadmap(plan, programmes),
        "budget": build_budget(plan, programmes),
        "completeness": plan.completeness(),
        "toc": toc,
    }
