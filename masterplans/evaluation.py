"""Scoring a city's plan for an evaluation year: what the data can show, the ranking, and
a city's history.

The data speaks for three aspects, from the plan's published progress reports up to the
evaluation year (see masterplans.progress):

- outcome: the share of the plan carried out (programmes done, budget realised to date);
- quick win: the share of the plan's quick wins delivered;
- baseline: the share of KPIs that moved toward their target since the previous report.

Output and impact need an evaluator's judgement; they start empty.
"""

from django.db import IntegrityError, transaction
from django.db.models import F

from citynet.visibility import public_pages

from .models import Aspect, CityEvaluation, MasterPlanPage
from .progress import implementation


def data_scores(plan, year):
    """{aspect: score or None} for the aspects the published reports can show."""
    figures = implementation(plan, up_to_year=year)
    return {
        Aspect.OUTCOME: figures.carried_out,
        Aspect.QUICK_WIN: figures.quick_win_share,
        Aspect.BASELINE: figures.indicators_improved_share,
    }


def start_evaluation(evaluation_year, plan):
    """The plan's evaluation for the year, created with the data's scores filled in.
    Returns (evaluation, created); a second request finds the first one's."""
    existing = CityEvaluation.objects.filter(evaluation_year=evaluation_year, plan=plan).first()
    if existing is not None:
        return existing, False
    scores = data_scores(plan, evaluation_year.year)
    evaluation = CityEvaluation(
        evaluation_year=evaluation_year,
        plan=plan,
        prefilled={a: (str(v) if v is not None else None) for a, v in scores.items()},
        **{f"score_{a}": v for a, v in scores.items()},
    )
    try:
        with transaction.atomic():
            evaluation.save()
    except IntegrityError:
        return CityEvaluation.objects.get(evaluation_year=evaluation_year, plan=plan), False
    return evaluation, True


def evaluable_plans():
    """Published plans: the ones an evaluation can score."""
    return public_pages(MasterPlanPage.objects.all())


def ranking(evaluation_year):
    """The year's evaluations, best total first (incomplete ones last), with city and plan
    in the same query."""
    return (
        CityEvaluation.objects.filter(evaluation_year=evaluation_year)
        .select_related("plan", "plan__city", "evaluation_year")
        .order_by(F("total").desc(nulls_last=True), "plan__title", "pk")
    )


def city_history(city):
    """The city's evaluations across years (its plans in every language), newest first."""
    return (
        CityEvaluation.objects.filter(plan__city__translation_key=city.translation_key)
        .select_related("plan", "evaluation_year")
        .order_by("-evaluation_year__year", "plan__title")
    )
