"""The shared core's models, one module per subject."""

from .cities import CityIndexPage, CityPage
from .dimensions import Dimension, DimensionElement
from .home import HomePage

__all__ = ["CityIndexPage", "CityPage", "Dimension", "DimensionElement", "HomePage"]
