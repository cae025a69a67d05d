"""Master plans: templates kept by the secretariat, plans written by cities, the listing."""

from .evaluation import Aspect, CityEvaluation, EvaluationYear
from .index import MasterPlanIndexPage
from .plan import (
    MasterPlanPage,
    PlanIncomplete,
    Programme,
    ProgrammeBudget,
    ProgrammeIndicator,
    Term,
)
from .progress import (
    BudgetRealisation,
    IndicatorAchievement,
    ProgrammeProgress,
    ProgrammeStatus,
    ProgressReportPage,
    ReportReminder,
)
from .templates import MasterPlanTemplate, SectionKind, TemplateSection

__all__ = [
    "Aspect",
    "CityEvaluation",
    "EvaluationYear",
    "BudgetRealisation",
    "IndicatorAchievement",
    "ProgrammeProgress",
    "ProgrammeStatus",
    "ProgressReportPage",
    "ReportReminder",
    "MasterPlanIndexPage",
    "MasterPlanPage",
    "MasterPlanTemplate",
    "PlanIncomplete",
    "Programme",
    "ProgrammeBudget",
    "ProgrammeIndicator",
    "SectionKind",
    "TemplateSection",
    "Term",
]
