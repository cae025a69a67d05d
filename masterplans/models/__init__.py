"""Master plans: templates kept by the secretariat, plans written by cities, the listing."""

from .index import MasterPlanIndexPage
from .plan import (
    MasterPlanPage,
    PlanIncomplete,
    Programme,
    ProgrammeBudget,
    ProgrammeIndicator,
    Term,
)
from .templates import MasterPlanTemplate, SectionKind, TemplateSection

__all__ = [
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
