"""Test factories for practice pages."""

import factory
import wagtail_factories

from citynet.models import Dimension

from .models import PracticeIndexPage, PracticePage


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Best practices"
    slug = "practices"
    show_in_menus = True

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary = "A city did something useful."
    dimension = factory.LazyFunction(lambda: Dimension.objects.get(slug="smart-governance"))
    status = "operating"
    start_year = 2018

    class Meta:
        model = PracticePage
