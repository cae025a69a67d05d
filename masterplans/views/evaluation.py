"""The secretariat's monitoring and evaluation screens: the years, a year's ranking with
the published plans still to score, scoring a plan (pre-filled from its reports), and a
city's history across years. City editors are refused every one of them."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from citynet.models import CityPage

from ..dashboard import ReportState, lagging_dimensions, plan_statuses
from ..evaluation import city_history, evaluable_plans, ranking, start_evaluation
from ..models import Aspect, EvaluationYear

SCORE_PERMISSION = "masterplans.change_cityevaluation"


def can_evaluate(user):
    return user.has_perm(SCORE_PERMISSION)


class EvaluatorOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_evaluate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def edit_url(evaluation):
    return reverse("wagtailsnippets_masterplans_cityevaluation:edit", args=[evaluation.pk])


class EvaluationIndexView(EvaluatorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "masterplans/admin/evaluation_index.html"
    header_icon = "tasks"

    def get_page_title(self):
        return _("Monitoring and evaluation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            years=EvaluationYear.objects.all(),
            aspects=Aspect.choices,
            add_year_url=reverse("wagtailsnippets_masterplans_evaluationyear:add"),
        )
        return context


class EvaluationYearView(EvaluatorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """A year's ranking, then the published plans not scored yet."""

    template_name = "masterplans/admin/evaluation_year.html"
    header_icon = "tasks"
    per_page = 50

    def dispatch(self, request, year):
        self.evaluation_year = get_object_or_404(EvaluationYear, year=year)
        return super().dispatch(request, year)

    def get_page_title(self):
        return _("Evaluation %(year)s") % {"year": self.evaluation_year.year}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ranked = Paginator(ranking(self.evaluation_year), self.per_page).get_page(
            self.request.GET.get("page")
        )
        offset = ranked.start_index() - 1 if ranked.paginator.count else 0
        unscored = Paginator(
            evaluable_plans()
            .exclude(evaluations__evaluation_year=self.evaluation_year)
            .select_related("city")
            .order_by("title", "pk"),
            self.per_page,
        ).get_page(self.request.GET.get("unscored"))
        context.update(
            evaluation_year=self.evaluation_year,
            weights=[(label, self.evaluation_year.weights()[a]) for a, label in Aspect.choices],
            aspects=Aspect.choices,
            ranked=ranked,
            rows=[
                {
                    "rank": offset + i + 1 if e.total is not None else None,
                    "evaluation": e,
                    "scores": [e.scores()[a] for a in Aspect.values],
                    "edit_url": edit_url(e),
                }
                for i, e in enumerate(ranked.object_list)
            ],
            unscored=unscored,
        )
        return context


class ScorePlanView(EvaluatorOnlyMixin, View):
    """Start (or open) a plan's evaluation for the year with the data's scores filled in."""

    def post(self, request, year, plan_id):
        evaluation_year = get_object_or_404(EvaluationYear, year=year)
        plan = get_object_or_404(evaluable_plans(), pk=plan_id)
        evaluation, created = start_evaluation(evaluation_year, plan.specific)
        if created:
            messages.success(
                request,
                _("Scores for %(plan)s started from its progress reports. Check each aspect.")
                % {"plan": plan.title},
            )
        return redirect(edit_url(evaluation))


class CityHistoryView(EvaluatorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "masterplans/admin/evaluation_history.html"
    header_icon = "tasks"

    def dispatch(self, request, city_id):
        self.city = get_object_or_404(CityPage, pk=city_id)
        return super().dispatch(request, city_id)

    def get_page_title(self):
        return _("Evaluation history")

    def get_page_subtitle(self):
        return self.city.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        evaluations = list(city_history(self.city))
        context.update(
            city=self.city,
            aspects=Aspect.choices,
            rows=[
                {
                    "evaluation": e,
                    "scores": [e.scores()[a] for a in Aspect.values],
                    "edit_url": edit_url(e),
                }
                for e in evaluations
            ],
        )
        return context


class ProgressDashboardView(EvaluatorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every published plan: last report, what is due or overdue, latest score; and the
    dimensions where the cities' programmes lag."""

    template_name = "masterplans/admin/progress_dashboard.html"
    header_icon = "tasks"
    per_page = 50

    def get_page_title(self):
        return _("Plans in progress")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        plans = list(evaluable_plans().select_related("city").order_by("title", "pk"))
        statuses = plan_statuses(plans, today)
        counts = Counter(s.state for s in statuses)
        state = self.request.GET.get("state")
        if state in ReportState.LABELS:
            statuses = [s for s in statuses if s.state == state]
        else:
            state = ""
        page = Paginator(statuses, self.per_page).get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page,
            rows=page.object_list,
            state=state,
            states=[(key, label, counts.get(key, 0)) for key, label in ReportState.LABELS.items()],
            total=len(plans),
            lagging=lagging_dimensions(),
        )
        return context
