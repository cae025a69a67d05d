"""Test factories for the core pages (wagtail-factories builds them in the page tree)."""

import factory
import wagtail_factories
from wagtail.models import Locale

from citynet.models import CityIndexPage, CityPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Citynet Knowledge Hub"
    slug = factory.Sequence(lambda n: f"home-{n}")
    lead = "Where member cities share what works."

    class Meta:
        model = HomePage


class CityIndexPageFactory(wagtail_factories.PageFactory):
    title = "Member cities"
    slug = "cities"
    show_in_menus = True

    class Meta:
        model = CityIndexPage


class CityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kota Contoh {n}")
    slug = factory.Sequence(lambda n: f"contoh-{n}")
    official_name = factory.LazyAttribute(lambda o: f"Pemerintah {o.title}")
    kind = "kota"
    province = "Jawa Timur"
    smart_city_cohort = 2017

    class Meta:
        model = CityPage


def translate(page, language_code, **fields):
    """Publish a translation of `page` (its parent must be translated already)."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    translation.save_revision().publish()
    return translation.specific
