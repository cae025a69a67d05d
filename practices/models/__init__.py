"""Best practices: what a city did, what it cost, what went wrong and whom to call."""

from .goals import SustainableDevelopmentGoal
from .index import PracticeIndexPage
from .practice import (
    FundingSource,
    PracticeDocument,
    PracticeImage,
    PracticeIndicator,
    PracticePage,
    PracticeStatus,
    PracticeTag,
    live_practices,
)

__all__ = [
    "FundingSource",
    "PracticeDocument",
    "PracticeImage",
    "PracticeIndexPage",
    "PracticeIndicator",
    "PracticePage",
    "PracticeStatus",
    "PracticeTag",
    "SustainableDevelopmentGoal",
    "live_practices",
]
