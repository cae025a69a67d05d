"""Kominfo's yearly monitoring and evaluation, kept by the secretariat.

Each evaluation year has its own weights for the five aspects (they change from year to
year and must add up to 100%). Each city's plan is scored per aspect from 0 to 100: the
hub pre-fills what the published progress reports can show (outcome, quick win, baseline)
and the evaluator sets the rest and adjusts with notes. The total is the weighted sum.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .plan import YEAR_VALIDATORS, MasterPlanPage

HUNDRED = Decimal(100)
PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class Aspect(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    OUTPUT = "output", _("Output")
    OUTCOME = "outcome", _("Outcome")
    IMPACT = "impact", _("Impact")
    QUICK_WIN = "quick_win", _("Quick win")


ASPECT_HELP = {
    Aspect.BASELINE: _("Improvement since the last evaluation."),
    Aspect.OUTPUT: _("Policy, institutions and budget in place."),
    Aspect.OUTCOME: _("Share of the master plan carried out."),
    Aspect.IMPACT: _("Benefit felt by citizens."),
    Aspect.QUICK_WIN: _("Innovation of quick wins."),
}


def _weight(aspect):
    return models.DecimalField(
        format_lazy(_("weight: {aspect}"), aspect=aspect.label),
        max_digits=5,
        decimal_places=2,
        validators=PERCENT_VALIDATORS,
        help_text=format_lazy(_("Percent of the total. {help}"), help=ASPECT_HELP[aspect]),
    )


def _score(aspect):
    return models.DecimalField(
        format_lazy(_("score: {aspect}"), aspect=aspect.label),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT_VALIDATORS,
        help_text=format_lazy(_("0 to 100. {help}"), help=ASPECT_HELP[aspect]),
    )


class EvaluationYear(models.Model):
    """One year's evaluation round and the weights of its five aspects."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=YEAR_VALIDATORS)
    weight_baseline = _weight(Aspect.BASELINE)
    weight_output = _weight(Aspect.OUTPUT)
    weight_outcome = _weight(Aspect.OUTCOME)
    weight_impact = _weight(Aspect.IMPACT)
    weight_quick_win = _weight(Aspect.QUICK_WIN)
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Where the weights come from (Kominfo's guidance).")
    )

    panels = [
        FieldPanel("year"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(f"weight_{a}") for a in Aspect.values]),
            ],
            heading=_("Weights (must add up to 100%)"),
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("evaluation year")
        verbose_name_plural = _("evaluation years")

    def __str__(self):
        return str(self.year)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # New weights change every total of the year.
        for evaluation in self.evaluations.all():
            evaluation.evaluation_year = self
            total = evaluation.compute_total()
            if total != evaluation.total:
                CityEvaluation.objects.filter(pk=evaluation.pk).update(total=total)

    def clean(self):
        weights = self.weights()
        if any(w is None for w in weights.values()):
            return
        total = sum(weights.values(), Decimal(0))
        if total != HUNDRED:
            raise ValidationError(
                _("The five weights add up to %(total)s%%; they must add up to 100%%.")
                % {"total": total.normalize()}
            )

    def weights(self):
        return {a: getattr(self, f"weight_{a}") for a in Aspect.values}


class CityEvaluation(models.Model):
    """A city's scores in one evaluation year, for its master plan."""

    evaluation_year = models.ForeignKey(
        EvaluationYear,
        verbose_name=_("evaluation year"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    plan = models.ForeignKey(
        MasterPlanPage,
        verbose_name=_("master plan"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    score_baseline = _score(Aspect.BASELINE)
    score_output = _score(Aspect.OUTPUT)
    score_outcome = _score(Aspect.OUTCOME)
    score_impact = _score(Aspect.IMPACT)
    score_quick_win = _score(Aspect.QUICK_WIN)
    # What the progress reports showed when the scores were pre-filled: {aspect: "58.1"}.
    prefilled = models.JSONField(_("pre-filled from the data"), default=dict, editable=False)
    notes = models.TextField(
        _("evaluator's notes"),
        blank=True,
        help_text=_("Why a score differs from what the data shows; what would help the city."),
    )
    # Kept in step on save so rankings sort in SQL; empty until all five aspects are scored.
    total = models.DecimalField(
        _("total"), max_digits=5, decimal_places=2, null=True, editable=False
    )

    panels = [
        FieldRowPanel([FieldPanel(f"score_{a}") for a in Aspect.values]),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("city evaluation")
        verbose_name_plural = _("city evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation_year", "plan"], name="one_evaluation_per_plan_and_year"
            )
        ]

    def __str__(self):
        return f"{self.plan.title if self.plan_id else ''} ({self.evaluation_year})"

    def save(self, *args, **kwargs):
        self.total = self.compute_total()
        super().save(*args, **kwargs)

    def scores(self):
        return {a: getattr(self, f"score_{a}") for a in Aspect.values}

    def compute_total(self):
        scores = self.scores()
        if any(s is None for s in scores.values()):
            return None
        weights = self.evaluation_year.weights()
        total = sum((scores[a] * weights[a] / HUNDRED for a in Aspect.values), Decimal(0))
        return total.quantize(Decimal("0.01"))
