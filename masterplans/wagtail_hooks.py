"""Master plans in the admin (templates, starting a plan, the plans listing) and on other
apps' pages (city profiles, practices), plus their share of the demo data."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from citynet.models import CityPage
from citynet.sections import CITY_SECTIONS
from citynet.visibility import public_pages
from practices.models.practice import PRACTICE_SECTIONS

from .models import (
    CityEvaluation,
    EvaluationYear,
    MasterPlanIndexPage,
    MasterPlanPage,
    MasterPlanTemplate,
    Programme,
)
from .panels import EvaluationDataPanel
from .views.admin import (
    AddSectionsView,
    AdoptPracticeView,
    FileReportView,
    PlanListView,
    StartPlanView,
    can_file_report,
    can_start_plan,
    draft_pdf,
    export_plans,
)
from .views.evaluation import (
    CityHistoryView,
    EvaluationIndexView,
    EvaluationYearView,
    ProgressDashboardView,
    ScorePlanView,
    can_evaluate,
)


class MasterPlanTemplateViewSet(SnippetViewSet):
    model = MasterPlanTemplate
    icon = "doc-full-inverse"
    menu_label = _("Master-plan templates")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "locale", "horizon_years"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]


register_snippet(MasterPlanTemplateViewSet)


class EvaluationYearViewSet(SnippetViewSet):
    model = EvaluationYear
    icon = "tasks"
    add_to_admin_menu = False
    list_display = [
        "year",
        "weight_baseline",
        "weight_output",
        "weight_outcome",
        "weight_impact",
        "weight_quick_win",
    ]


class CityEvaluationViewSet(SnippetViewSet):
    model = CityEvaluation
    icon = "tasks"
    add_to_admin_menu = False
    list_display = ["plan", "evaluation_year", "total"]
    list_filter = ["evaluation_year"]
    panels = [EvaluationDataPanel()] + CityEvaluation.panels

    def get_queryset(self, request):
        return CityEvaluation.objects.select_related("plan", "evaluation_year")


register_snippet(EvaluationYearViewSet)
register_snippet(CityEvaluationViewSet)


@hooks.register("before_create_snippet")
def evaluations_start_from_their_year(request, model):
    """A city's evaluation is started from its year's screen, which fills in the data."""
    if model is CityEvaluation:
        messages.info(request, _("Choose the year, then the plan to score."))
        return redirect("masterplans_evaluations")
    return None


@hooks.register("register_admin_urls")
def masterplan_urls():
    return [
        path("masterplans/", PlanListView.as_view(), name="masterplans_list"),
        path("masterplans/export/", export_plans, name="masterplans_export"),
        path(
            "masterplans/start/<int:city_id>/",
            StartPlanView.as_view(),
            name="masterplans_start",
        ),
        path(
            "masterplans/<int:plan_id>/add-sections/",
            AddSectionsView.as_view(),
            name="masterplans_add_sections",
        ),
        path("masterplans/<int:plan_id>/pdf/", draft_pdf, name="masterplans_draft_pdf"),
        path("evaluations/", EvaluationIndexView.as_view(), name="masterplans_evaluations"),
        path("progress/", ProgressDashboardView.as_view(), name="masterplans_progress"),
        path(
            "evaluations/<int:year>/",
            EvaluationYearView.as_view(),
            name="masterplans_evaluation_year",
        ),
        path(
            "evaluations/<int:year>/score/<int:plan_id>/",
            ScorePlanView.as_view(),
            name="masterplans_evaluation_score",
        ),
        path(
            "evaluations/city/<int:city_id>/",
            CityHistoryView.as_view(),
            name="masterplans_evaluation_history",
        ),
        path(
            "masterplans/<int:plan_id>/adopt/<int:practice_id>/",
            AdoptPracticeView.as_view(),
            name="masterplans_adopt_practice",
        ),
        path(
            "masterplans/<int:plan_id>/report/",
            FileReportView.as_view(),
            name="masterplans_file_report",
        ),
    ]


@hooks.register("register_admin_menu_item")
def plans_menu_item():
    return MenuItem(
        _("Master plans"), reverse("masterplans_list"), icon_name="doc-full-inverse", order=305
    )


class EvaluatorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_evaluate(request.user)


@hooks.register("register_admin_menu_item")
def progress_menu_item():
    return EvaluatorMenuItem(
        _("Plans in progress"), reverse("masterplans_progress"), icon_name="tasks", order=306
    )


@hooks.register("construct_homepage_panels")
def plan_progress_panel(request, panels):
    from .home_panels import PlanProgressPanel

    panels.append(PlanProgressPanel(request, secretariat=can_evaluate(request.user)))


@hooks.register("register_admin_menu_item")
def evaluations_menu_item():
    return EvaluatorMenuItem(
        _("Monitoring and evaluation"),
        reverse("masterplans_evaluations"),
        icon_name="tasks",
        order=307,
    )


def _plan_buttons(page, user, priority):
    page_class = page.specific_class or type(page)
    if issubclass(page_class, CityPage) and can_start_plan(page, user):
        yield PageMenuItem(
            _("Start a master plan"),
            reverse("masterplans_start", args=[page.pk]),
            icon_name="doc-full-inverse",
            priority=priority,
            page=page,
        )
    if issubclass(page_class, MasterPlanPage):
        permissions = page.permissions_for_user(user)
        if permissions.can_edit():
            yield PageMenuItem(
                _("Download draft PDF"),
                reverse("masterplans_draft_pdf", args=[page.pk]),
                icon_name="download",
                priority=priority,
                page=page,
            )
        if page.live and can_file_report(page, user):
            yield PageMenuItem(
                _("File a progress report"),
                reverse("masterplans_file_report", args=[page.pk]),
                icon_name="tasks",
                priority=priority + 1,
                page=page,
            )


@hooks.register("register_page_listing_more_buttons")
def plan_listing_buttons(page, user, next_url=None):
    yield from _plan_buttons(page, user, 60)


@hooks.register("register_page_header_buttons")
def plan_header_buttons(page, user, view_name, next_url=None):
    yield from _plan_buttons(page, user, 60)


@hooks.register("insert_global_admin_css")
def plan_editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("masterplans/admin.css"))


# Sections on other pages ---------------------------------------------------------------


@hooks.register(CITY_SECTIONS)
def city_plans(city, request):
    """The city's published plans (in either language)."""
    plans = list(
        public_pages(
            MasterPlanPage.objects.filter(city__translation_key=city.translation_key)
        ).order_by("-start_year", "pk")
    )
    if not plans:
        return None
    from .progress import latest_report_years

    reported = latest_report_years([p.pk for p in plans])
    for plan in plans:
        plan.last_report_year = reported.get(plan.pk)
    return {
        "heading": _("Smart-city master plan"),
        "template": "masterplans/includes/city_plans.html",
        "plans": plans,
        "index": MasterPlanIndexPage.for_locale(city.locale_id),
    }


@hooks.register(PRACTICE_SECTIONS)
def practice_plans(practice, request):
    """Published plans whose programmes learn from this practice (in any language)."""
    programmes = list(
        Programme.objects.filter(
            practices__translation_key=practice.translation_key,
            plan__in=public_pages(MasterPlanPage.objects.all()),
        )
        .select_related("plan", "plan__city")
        .order_by("plan__title", "sort_order")
        .distinct()[:30]
    )
    if not programmes:
        return None
    plans = {}
    for programme in programmes:
        plans.setdefault(programme.plan, []).append(programme)
    return {
        "heading": _("Master plans learning from it"),
        "template": "masterplans/includes/practice_plans.html",
        "plans": list(plans.items()),
    }


@hooks.register("citynet_demo_data")
def load_masterplans_demo(command):
    from .demo import load_demo_plans

    load_demo_plans(command)


@hooks.register("citynet_search_kinds", order=20)
def register_search_kind():
    from .search_kind import plan_kind

    return plan_kind()
