"""Best practices: what a city did, what it cost, what went wrong and whom to call."""

from .choices import FundingSource, PracticeStatus
from .goals import SustainableDevelopmentGoal
from .index import PracticeIndexPage
from .inline import PracticeDocument, PracticeImage, PracticeIndicator
from .practice import PracticePage, PracticeTag
from .queries import live_practices

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
