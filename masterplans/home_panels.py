"""The admin home page's panel on plan progress: a city editor sees their own plans, what
is due and a button to file it; the secretariat sees how many cities are behind."""

from collections import Counter

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .dashboard import ReportState, plan_statuses
from .evaluation import evaluable_plans
from .models import MasterPlanPage

PLANS_SHOWN = 10


class PlanProgressPanel(Component):
    name = "plan_progress"
    order = 90
    template_name = "masterplans/admin/home_progress_panel.html"

    def __init__(self, request, secretariat):
        self.request = request
        self.secretariat = secretariat

    def get_context_data(self, parent_context):
        from .views.admin import can_file_report

        today = timezone.localdate()
        user = self.request.user
        if self.secretariat:
            statuses = plan_statuses(list(evaluable_plans()), today)
            counts = Counter(s.state for s in statuses)
            return {
                "secretariat": True,
                "states": [
                    (key, label, counts.get(key, 0)) for key, label in ReportState.LABELS.items()
                ],
            }
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
        plans = list(
            MasterPlanPage.objects.live()
            .filter(pk__in=editable.values("pk"))
            .select_related("city")
            .order_by("title", "pk")[:PLANS_SHOWN]
        )
        rows = []
        for status in plan_statuses(plans, today):
            status.can_file = can_file_report(status.plan, user)
            rows.append(status)
        return {"secretariat": False, "rows": rows}

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context.get("secretariat") and not context.get("rows"):
            return ""
        from django.template.loader import render_to_string

        return render_to_string(self.template_name, context, request=self.request)
