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
