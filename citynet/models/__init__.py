"""The shared core's models, one module per subject."""

from .cities import CityIndexPage, CityPage
from .dimensions import Dimension, DimensionElement
from .files import FileSettings
from .home import HomePage
from .workers import WorkerHeartbeat

__all__ = [
    "CityIndexPage",
    "CityPage",
    "Dimension",
    "DimensionElement",
    "FileSettings",
    "HomePage",
    "WorkerHeartbeat",
]
