"""The plan's status in the editor: completeness, sections the template gained since the
plan was started, and the draft PDF."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class PlanStatusPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Plan status"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "masterplans/admin/plan_status_panel.html"

        def get_context_data(self, parent_context=None):
            from .drafting import new_template_sections

            context = super().get_context_data(parent_context)
            plan = self.instance
            if plan.pk:
                context.update(
                    plan=plan,
                    completeness=plan.completeness(),
                    new_sections=new_template_sections(plan),
                    add_sections_url=reverse("masterplans_add_sections", args=[plan.pk]),
                    draft_pdf_url=reverse("masterplans_draft_pdf", args=[plan.pk]),
                )
            return context


class EvaluationDataPanel(Panel):
    """What the city's published progress reports showed when its scores were pre-filled,
    beside the scores the evaluator may adjust."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("What the progress reports show"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "masterplans/admin/evaluation_data_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import Aspect

            context = super().get_context_data(parent_context)
            evaluation = self.instance
            prefilled = evaluation.prefilled or {}
            context.update(
                evaluation=evaluation,
                data=[
                    (label, prefilled.get(value))
                    for value, label in Aspect.choices
                    if value in prefilled
                ],
                history_url=(
                    reverse("masterplans_evaluation_history", args=[evaluation.plan.city_id])
                    if evaluation.pk and evaluation.plan.city_id
                    else ""
                ),
                year_url=(
                    reverse("masterplans_evaluation_year", args=[evaluation.evaluation_year.year])
                    if evaluation.pk
                    else ""
                ),
            )
            return context


class SuggestionsPanel(Panel):
    """Where the plan is thin or behind, practices of other cities to learn from, each
    with a link that uses it in the plan (masterplans.suggestions)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Ideas from other cities"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "masterplans/admin/suggestions_panel.html"

        def get_context_data(self, parent_context=None):
            from .suggestions import suggestions

            context = super().get_context_data(parent_context)
            plan = self.instance
            context["needs"] = suggestions(plan) if plan.pk else []
            context["plan"] = plan
            return context
